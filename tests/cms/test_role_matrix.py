"""The admin's role matrix: every role against every admin URL, with the exact answer.

Five roles (anonymous, Redacteuren, Secretariaat, Werkgroep, superuser) × 128 URLs = 640 checks.
Every page type's add, edit, crafted publish, unpublish and delete; every setting, snippet,
image and document view; form submissions; users, groups and workflows; the loan desk; the
working group's reports; the admission and withdraw views of a cover.

Answers are exact. Allowed: 200, or the redirect a successful request makes (`Redirect`).
Refused, logged in: 403 (cms/admin_refusals.py; the desk's `secretariat_only`). Anonymous:
302 to /admin/login/?next=... A crafted publish (the edit form posted back with
`action-publish`) is judged by the database, not only by its status: see `PUBLISHED`/`DRAFT`.

The role policy this table encodes (cms/roles.py and the data migrations that hand out the
permissions; Wagtail derives deleting a page from "change", and from "publish" for a live one):
- Redacteuren: add, edit, publish, unpublish and delete pages (without children), except that
  only a superuser publishes or deletes a book cover and creates a live page under the
  catalogue, and only the secretariat unpublishes and a superuser deletes the loan form;
  images, documents, redirects, the site's texts, the curriculum snippets. No desk, reports,
  loan form submissions, standard e-mails, supervisors, users, groups or workflows.
- Secretariaat: the loan desk, standard e-mails, supervisors, the loan process settings, the
  secretariat address in the site settings, the loan form page (edit, publish, unpublish) and
  its submissions, the mails to supervisors (under the reports). No other page, no reports.
- Werkgroep: reports (and the business case rates they use, library migration 0007), add and
  edit pages (and delete drafts) without publishing, approving the admission workflow,
  viewing supervisors and mailing them (library migration 0014), the loan process settings,
  adding and choosing images, recruitment (Werving), the competence areas per programme.
- superuser: everything.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cms import networks, roles
from cms.models import SiteSettings
from library.recruitment import pipeline as recruitment
from tests.factories import (
    first_network,
    make_candidate,
    make_catalogue,
    make_email_templates,
    make_essence,
    make_expert,
    make_home,
    make_loan,
    make_loan_form,
    make_series,
    make_standard_page,
    make_work_method,
    make_workshop,
    user_in_group,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
EDITORS = roles.EDITORS
SECRETARIAT = roles.SECRETARIAT
WORKING_GROUP = roles.WORKING_GROUP
SUPERUSER = "superuser"
ROLES = [ANONYMOUS, EDITORS, SECRETARIAT, WORKING_GROUP, SUPERUSER]
STAFF = [EDITORS, SECRETARIAT, WORKING_GROUP, SUPERUSER]


# --- expected answers ----------------------------------------------------------------------

LOGIN = "302 to /admin/login/"
FORBIDDEN = 403
# A crafted publish: the edit form posted back with `action-publish` and a new title.
PUBLISHED = "302, new title live"  # published: the live page and the latest revision agree
# Wagtail quietly turns a publish by someone without the right into "save draft": a 302 to
# the editor, the live page untouched and the new title only in a draft revision. Safe: the
# public site does not change, and the draft goes live only through someone who may publish.
DRAFT = "302, new title only in a draft"


@dataclass(frozen=True)
class Redirect:
    """A 302 to exactly this Location (a template formatted with the site's ids)."""

    to: str


@dataclass(frozen=True)
class Hiding:
    """200, without this title (a key of the site's titles) in the answer: Wagtail lists only
    what the user may see, so a user without any right gets an empty listing, not a 403."""

    title: str


def answers(*allowed: str, ok=200, **others) -> dict:
    """Anonymous users log in first; the roles named (and the superuser) get `ok`; the other
    logged-in roles get 403. `others` overrides single roles (keyed by their Python name)."""
    expected = {role: FORBIDDEN for role in STAFF}
    expected.update({role: ok for role in (*allowed, SUPERUSER)})
    expected[ANONYMOUS] = LOGIN
    by_name = {
        "editors": EDITORS,
        "secretariat": SECRETARIAT,
        "working_group": WORKING_GROUP,
        "superuser": SUPERUSER,
    }
    expected.update({by_name[name]: value for name, value in others.items()})
    return expected


def everyone(ok=200) -> dict:
    return answers(EDITORS, SECRETARIAT, WORKING_GROUP, ok=ok)


@dataclass(frozen=True)
class Check:
    url: str  # formatted with the site's ids
    expected: dict
    method: str = "GET"
    # Crafted POSTs: "publish:<page key>" (the edit form back with action-publish) or
    # "create-live-cover" (the add form of a cover under the catalogue, with action-publish).
    action: str = ""


# --- the page types -------------------------------------------------------------------------

# Page key in the site → (app, model, parent key). Every page type of the site.
PAGE_TYPES = {
    "home": ("cms", "homepage", "root"),
    "standard": ("cms", "standardpage", "home"),
    "catalogue": ("library", "expertindexpage", "home"),
    "cover": ("library", "expertpage", "catalogue"),
    "loan_form": ("library", "loanformpage", "catalogue"),
    "series": ("curriculum", "workshopindexpage", "home"),
    "workshop": ("curriculum", "workshoppage", "series"),
}
# max_count = 1 and the site has one: nobody, not even a superuser, adds a second.
SINGLETONS = {"home", "catalogue", "loan_form", "series"}


def page_add(key: str) -> dict:
    if key in SINGLETONS:
        return answers(superuser=FORBIDDEN)
    return answers(EDITORS, WORKING_GROUP)


def page_edit(key: str) -> dict:
    # The secretariat keeps the loan form page only (granted on it when it is created).
    return answers(EDITORS, WORKING_GROUP, secretariat=200 if key == "loan_form" else FORBIDDEN)


def page_publish(key: str) -> dict:
    editors = DRAFT if key == "cover" else PUBLISHED  # covers go live only by admission
    secretariat = PUBLISHED if key == "loan_form" else FORBIDDEN
    return answers(ok=PUBLISHED, editors=editors, secretariat=secretariat, working_group=DRAFT)


def page_delete(key: str) -> dict:
    # Wagtail: "change" and "publish" on a page delete it when it has no children (deleting a
    # subtree needs "bulk_delete", which no role holds), so editors delete a standard page or
    # a workshop. Covers and the loan form: only a superuser (their permission testers; a
    # cover is withdrawn, not deleted, and deleting the form deletes its submissions).
    leaf = key in ("standard", "workshop")
    return answers(EDITORS) if leaf else answers()


def page_unpublish(key: str) -> dict:
    # Unpublishing needs the publish right on the page: editors (a cover too: the policy only
    # holds back its publishing), the working group nowhere. The loan form only the
    # secretariat takes offline (its LoanFormPermissionTester: its address would be free);
    # the catalogue, which holds the loan form and every cover, only a superuser.
    if key == "loan_form":
        return answers(SECRETARIAT)
    if key == "catalogue":
        return answers()
    return answers(EDITORS)


def page_checks() -> list[Check]:
    checks = []
    for key, (app, model, parent) in PAGE_TYPES.items():
        checks += [
            Check(f"/admin/pages/add/{app}/{model}/{{{parent}}}/", page_add(key)),
            Check(f"/admin/pages/{{{key}}}/edit/", page_edit(key)),
            Check(
                f"/admin/pages/{{{key}}}/edit/",
                page_publish(key),
                method="POST",
                action=f"publish:{key}",
            ),
            Check(f"/admin/pages/{{{key}}}/unpublish/", page_unpublish(key)),
            Check(f"/admin/pages/{{{key}}}/delete/", page_delete(key)),
        ]
    checks += [
        # Wagtail: "change" without "publish" deletes a page that is not live, so the working
        # group deletes a draft (as editors do); a draft cover in admission only a superuser.
        Check("/admin/pages/{draft}/delete/", answers(EDITORS, WORKING_GROUP)),
        Check("/admin/pages/{in_review}/delete/", answers()),
    ]
    checks.append(
        Check(
            "/admin/pages/add/library/expertpage/{catalogue}/",
            answers(ok=PUBLISHED, editors=DRAFT, working_group=DRAFT),
            method="POST",
            action="create-live-cover",
        )
    )
    return checks


# --- settings, snippets, images, documents, redirects --------------------------------------


def settings_checks() -> list[Check]:
    site_settings = answers(EDITORS, SECRETARIAT)  # editors the texts, the secretariat the address
    process = answers(SECRETARIAT, WORKING_GROUP)
    business_case = answers(WORKING_GROUP)
    return [
        Check(
            "/admin/settings/cms/sitesettings/",
            answers(EDITORS, SECRETARIAT, ok=Redirect("/admin/settings/cms/sitesettings/{site}/")),
        ),
        Check("/admin/settings/cms/sitesettings/{site}/", site_settings),
        # Per-network settings: the bare URL leads only those with rights for a network to it.
        Check(
            "/admin/settings/library/loanprocesssettings/",
            answers(
                SECRETARIAT,
                WORKING_GROUP,
                ok=Redirect("/admin/settings/library/loanprocesssettings/{process}/"),
            ),
        ),
        Check("/admin/settings/library/loanprocesssettings/{process}/", process),
        Check(
            "/admin/settings/library/businesscasesettings/",
            answers(
                WORKING_GROUP,
                ok=Redirect("/admin/settings/library/businesscasesettings/{business_case}/"),
            ),
        ),
        Check("/admin/settings/library/businesscasesettings/{business_case}/", business_case),
    ]


def snippet_checks(app: str, model: str, pk: str, **by_view: dict) -> list[Check]:
    base = f"/admin/snippets/{app}/{model}/"
    return [
        Check(base, by_view["list"]),
        Check(base + "add/", by_view["add"]),
        Check(base + f"edit/{{{pk}}}/", by_view["edit"]),
        Check(base + f"delete/{{{pk}}}/", by_view["delete"]),
    ]


def snippets() -> list[Check]:
    curriculum = answers(EDITORS)
    return [
        # The secretariat keeps the standard e-mails but does not delete them (the desk needs
        # every kind).
        *snippet_checks(
            "library",
            "emailtemplate",
            "email_template",
            list=answers(SECRETARIAT),
            add=answers(SECRETARIAT),
            edit=answers(SECRETARIAT),
            delete=answers(),
        ),
        # The working group sees the supervisors (the reports are per supervisor).
        *snippet_checks(
            "library",
            "supervisor",
            "supervisor",
            list=answers(SECRETARIAT, WORKING_GROUP),
            add=answers(SECRETARIAT),
            edit=answers(SECRETARIAT),
            delete=answers(SECRETARIAT),
        ),
        # The working group keeps the competence areas per programme (library migration 0020);
        # deleting one would take it off requests and covers: superuser only.
        *snippet_checks(
            "library",
            "competencearea",
            "competence_area",
            list=answers(WORKING_GROUP),
            add=answers(WORKING_GROUP),
            edit=answers(WORKING_GROUP),
            delete=answers(),
        ),
        *snippet_checks(
            "curriculum",
            "essence",
            "essence",
            list=curriculum,
            add=curriculum,
            edit=curriculum,
            delete=curriculum,
        ),
        *snippet_checks(
            "curriculum",
            "workmethod",
            "work_method",
            list=curriculum,
            add=curriculum,
            edit=curriculum,
            delete=curriculum,
        ),
    ]


def media_checks() -> list[Check]:
    editors = answers(EDITORS)
    no_image, no_document = Hiding("image"), Hiding("document")
    return [
        # The working group adds images (a portrait on a cover) and chooses them. Wagtail's
        # image listing shows a user only the images they may change or delete: for the
        # working group none, so 200 with an empty listing.
        Check("/admin/images/", answers(EDITORS, working_group=no_image)),
        Check("/admin/images/add/", answers(EDITORS, WORKING_GROUP)),
        # Wagtail's choosers refuse nobody; they list what the user may choose, which for the
        # secretariat (images, documents) and the working group (documents) is nothing.
        Check("/admin/images/chooser/", answers(EDITORS, WORKING_GROUP, secretariat=no_image)),
        Check("/admin/images/{image}/", editors),
        Check("/admin/images/{image}/delete/", editors),
        Check("/admin/documents/", editors),
        Check("/admin/documents/add/", editors),
        Check(
            "/admin/documents/chooser/",
            answers(EDITORS, secretariat=no_document, working_group=no_document),
        ),
        Check("/admin/documents/edit/{document}/", editors),
        Check("/admin/documents/delete/{document}/", editors),
        Check("/admin/redirects/", editors),
        Check("/admin/redirects/add/", editors),
        Check("/admin/redirects/{redirect}/", editors),
        Check("/admin/redirects/{redirect}/delete/", editors),
    ]


# --- form submissions, users, groups, workflows ----------------------------------------------


def admin_checks() -> list[Check]:
    loan_form_hidden = Hiding("loan_form")
    return [
        Check("/admin/", everyone()),
        # Wagtail lists the form pages whose submissions a user may see; the loan form is
        # hidden from all but the secretariat (library.wagtail_hooks.hide_loan_submissions),
        # so editors and the working group get an empty listing, not a 403.
        Check(
            "/admin/forms/",
            answers(SECRETARIAT, editors=loan_form_hidden, working_group=loan_form_hidden),
        ),
        Check("/admin/forms/submissions/{loan_form}/", answers(SECRETARIAT)),
        Check("/admin/forms/submissions/{loan_form}/?export=csv", answers(SECRETARIAT)),
        Check("/admin/users/", answers()),
        Check("/admin/users/edit/{user}/", answers()),
        Check("/admin/groups/", answers()),
        Check("/admin/groups/edit/{group}/", answers()),
        Check("/admin/workflows/list/", answers()),
        Check("/admin/workflows/edit/{workflow}/", answers()),
    ]


# --- the loan desk, the reports, admission --------------------------------------------------


def desk_and_reports() -> list[Check]:
    desk = answers(SECRETARIAT)
    reports = answers(WORKING_GROUP)
    checks = [
        Check(url, desk)
        for url in (
            "/admin/leenbalie/",
            "/admin/leenbalie/?export=csv",
            "/admin/leenbalie/inspect/{loan}/",
            "/admin/leenbalie/edit/{loan}/",
            "/admin/leenbalie/{loan}/stap/confirm/",
            "/admin/leenbalie/{loan}/boek/",
            "/admin/leenbalie/{loan}/gegevens.json",
            "/admin/leenbalie/{loan}/wissen/",
            "/admin/leenbalie/herinneringen/",
        )
    ]
    # Recording an appointment is a POST from the inspect page; a GET only leads back there.
    # The site's request is not "Gekoppeld": the secretariat's POST is refused with a message.
    to_dossier = answers(SECRETARIAT, ok=Redirect("/admin/leenbalie/inspect/{loan}/"))
    checks += [
        Check("/admin/leenbalie/{loan}/afspraak/", to_dossier),
        Check("/admin/leenbalie/{loan}/afspraak/", to_dossier, method="POST"),
        # The reflection file; the site's request has none, so the secretariat goes back.
        Check("/admin/leenbalie/{loan}/reflectie/", to_dossier),
    ]
    # The lead's mails to supervisors: library.mail_supervisors (secretariat, working group),
    # under the reports since the working group has no desk. The desk's old address of the
    # half-yearly figures only sends the secretariat on.
    mail_supervisors = answers(SECRETARIAT, WORKING_GROUP)
    checks += [
        Check(
            "/admin/leenbalie/opleiders/",
            answers(SECRETARIAT, ok=Redirect("/admin/rapporten/opleiders-mailen/")),
        ),
        Check("/admin/rapporten/opleiders-mailen/", mail_supervisors),
        Check("/admin/rapporten/opleiders-mailen/?half_year=2025-1", mail_supervisors),
        Check("/admin/rapporten/aanbod-mailen/", mail_supervisors),
        Check("/admin/rapporten/aanbod-mailen/?since=2025-01-01", mail_supervisors),
    ]
    checks.append(Check("/admin/rapporten/business-case/", reports))
    for slug in ("leerdoelen-zonder-expert", "per-opleider", "per-expert", "doorlooptijden"):
        checks.append(Check(f"/admin/rapporten/{slug}/", reports))
        checks.append(Check(f"/admin/rapporten/{slug}/?export=csv", reports))
    checks.append(Check("/admin/rapporten/evaluaties/", reports))
    return checks


def admission_checks() -> list[Check]:
    return [
        # Where a refused approval lands: it always sends on to the cover's editor.
        Check(
            "/admin/expertbibliotheek/{cover}/toelating-onvolledig/",
            answers(EDITORS, WORKING_GROUP, ok=Redirect("/admin/pages/{cover}/edit/")),
        ),
        # Withdrawing takes a cover offline: whoever may unpublish it.
        Check("/admin/expertbibliotheek/{cover}/terugtreden/", answers(EDITORS)),
        # Approving a cover in the admission workflow is the working group's.
        Check(
            "/admin/pages/workflow/action/{in_review}/approve/{in_review_task}/",
            answers(WORKING_GROUP),
        ),
    ]


def recruitment_checks() -> list[Check]:
    """The working group's recruitment pipeline (library.recruitment.admin), and the blank
    cover a candidate opens by their personal link (no account: everyone gets it)."""
    pipeline = answers(WORKING_GROUP)
    public = {**everyone(), ANONYMOUS: 200}
    return [
        Check("/admin/werving/", pipeline),
        Check("/admin/werving/?status=invited", pipeline),
        Check("/admin/werving/new/", pipeline),
        Check("/admin/werving/edit/{candidate}/", pipeline),
        Check("/admin/werving/inspect/{candidate}/", pipeline),
        # Removing a candidate is a superuser's (their history goes with them).
        Check("/admin/werving/delete/{candidate}/", answers()),
        Check("/admin/werving/{candidate}/uitnodigen/", pipeline),
        # Retrying is a POST; a GET only leads back to the dossier.
        Check(
            "/admin/werving/{candidate}/opnieuw/{candidate_event}/",
            answers(WORKING_GROUP, ok=Redirect("/admin/werving/inspect/{candidate}/")),
        ),
        Check("/boekenkaft-invullen/{blank_cover}/", public),
        Check("/boekenkaft-invullen/bedankt/", public),
    ]


CHECKS = [
    *page_checks(),
    *settings_checks(),
    *snippets(),
    *media_checks(),
    *admin_checks(),
    *desk_and_reports(),
    *admission_checks(),
    *recruitment_checks(),
]


# --- the site -------------------------------------------------------------------------------


def png_file(name: str) -> ContentFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture
def site():
    """A small site with one page of every type and one object of every admin listing."""
    from django.contrib.auth.models import Group
    from wagtail.contrib.redirects.models import Redirect as RedirectModel
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from library.models import (
        CompetenceArea,
        EmailTemplate,
        Supervisor,
    )

    home = make_home()
    standard = make_standard_page(home, "Over ons")
    draft = make_standard_page(home, "Nog niet af")
    draft.unpublish()
    catalogue = make_catalogue(home)
    loan_form = make_loan_form(catalogue)
    make_email_templates(first_network())
    cover = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    in_review = make_expert(catalogue, "Stilte verdragen", expert_name="Ruud Smit")
    in_review.unpublish()
    editor = user_in_group(EDITORS, "auteur")
    workflow = Workflow.objects.get(name="Toelating expert")
    review = workflow.start(in_review, editor)
    candidate = make_candidate(status="invited")
    essence = make_essence()
    series = make_series(home)
    workshop = make_workshop(series, essence)
    make_essence(6, "Deskundigheid")  # without a workshop: adding one is allowed
    site = home.get_site()
    SiteSettings.objects.get_or_create(site=site)
    pages = {
        "root": Page.get_first_root_node(),
        "home": home,
        "standard": standard,
        "draft": draft,
        "catalogue": catalogue,
        "cover": cover,
        "loan_form": loan_form,
        "series": series,
        "workshop": workshop,
        "in_review": in_review,
    }
    ids = {key: page.pk for key, page in pages.items()}
    ids.update(
        in_review_task=review.current_task_state.pk,
        site=site.pk,
        process=first_network().pk,
        business_case=first_network().pk,
        # The network's own text: the national ones are the superuser's (see
        # tests/library/test_email_templates_per_network.py).
        email_template=EmailTemplate.objects.filter(site=first_network()).first().pk,
        supervisor=Supervisor.objects.create(name="Dr. P. Visser", email="p@example.org").pk,
        essence=essence.pk,
        competence_area=CompetenceArea.objects.get_or_create(
            slug="communiceren", defaults={"name": "Communiceren"}
        )[0].pk,
        work_method=make_work_method().pk,
        # The first network's files live in its own collection (migration cms 0008).
        image=get_image_model()
        .objects.create(
            title="Portretfoto",
            file=png_file("p.png"),
            collection=networks.first_network_collection(),
        )
        .pk,
        document=get_document_model()
        .objects.create(
            title="Handreiking",
            file=ContentFile(b"%PDF-1.4\n", name="h.pdf"),
            collection=networks.first_network_collection(),
        )
        .pk,
        redirect=RedirectModel.objects.create(
            old_path="/oud", redirect_link="/", site=first_network()
        ).pk,
        loan=make_loan(cover).pk,
        user=editor.pk,
        group=Group.objects.get(name=EDITORS).pk,
        workflow=workflow.pk,
        candidate=candidate.pk,
        candidate_event=candidate.events.create(
            kind="email_failed", email_kind="recruit_invite", recipients="d@example.org"
        ).pk,
        blank_cover=recruitment.token_for(candidate),
    )
    builder = User.objects.create_superuser("formulierbouwer", "f@example.org", "pw")
    form_client = Client()
    form_client.force_login(builder)
    titles = {key: page.title for key, page in pages.items()}
    titles.update(image="Portretfoto", document="Handreiking")
    return {"ids": ids, "titles": titles, "form_client": form_client}


def client_for(role: str) -> Client:
    client = Client()
    if role == SUPERUSER:
        client.force_login(User.objects.create_superuser("beheerder", "b@example.org", "pw"))
    elif role != ANONYMOUS:
        client.force_login(user_in_group(role))
    return client


# --- crafted POSTs ---------------------------------------------------------------------------


# What the working group ticks before a professional's cover may go live. A crafted publish
# ticks them: without them the cover's form refuses any publish (200, nothing saved) before
# the question who may publish comes up. (Forms without the checklist ignore the field.)
CRITERIA = ["prof_expertise", "prof_standards", "prof_communication"]


def crafted_fields(key: str) -> dict:
    """The stream fields of each page type as the editor's JavaScript would send them (the
    rendered form has no inputs for them), with the content of tests.factories."""
    if key == "home":
        return {"featured_links": streamfield([])}
    if key == "standard":
        return {"body": streamfield([])}
    if key == "catalogue":
        return {"recruit_examples": streamfield([]), "selling_points": streamfield([])}
    if key == "cover":
        return {
            "body": streamfield([]),
            "example_questions": streamfield([("question", "Hoe begin ik het gesprek?")]),
            "admission_criteria": CRITERIA,
        }
    if key == "series":
        return {
            "authors": streamfield([("author", {"name": "A. Auteur", "organisation": "PZNL"})]),
            "versions": streamfield(
                [("version", {"version": "1.0", "date": "2024-10-01", "changes": ""})]
            ),
        }
    if key == "workshop":
        session = {
            "description": rich_text("<p>Uitleg</p>"),
            "tips": rich_text(""),
            "work_methods": streamfield([]),
            "materials": streamfield([]),
        }
        return {
            "preparation_items": streamfield(
                [
                    ("item", {"activity": f"Stap {i}", "minutes": m, "link": ""})
                    for i, m in enumerate((15, 40, 20), start=1)
                ]
            ),
            "participant_preparation": streamfield([]),
            "learning_goals": streamfield([("goal", "Leerdoel een")]),
            "programme": streamfield(
                [
                    ("session", {**session, "minutes": m, "part": part})
                    for m, part in (
                        (10, "Inleiding"),
                        (20, "Essentie"),
                        (35, "Aan de slag"),
                        (35, "Reflecteren"),
                        (20, "Terugkoppeling"),
                    )
                ]
            ),
            "authors": streamfield([]),
            "versions": streamfield([]),
        }
    return {}  # the loan form: no stream fields


def form_data(site, url: str, changes: dict) -> dict:
    """A page form as a superuser's browser would send it back: whatever the role itself may
    see, a crafted POST can name every field."""
    response = site["form_client"].get(url)
    assert response.status_code == 200, url
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    lists = {name: value for name, value in changes.items() if isinstance(value, list)}
    for name, value in nested_form_data(changes).items():
        if name.split("-")[0] not in lists:
            data[name] = value
    for name, value in lists.items():
        data.setlist(name, value)
    data["action-publish"] = "action-publish"
    # As lists: the test client would send only the last of several checked boxes.
    return dict(data.lists())


def crafted_publish(client: Client, site, key: str, url: str):
    """Post the edit form back with a new title and `action-publish`; return the response
    and which of the possible outcomes the database shows."""
    page = Page.objects.get(pk=site["ids"][key])
    before = {"title": page.title, "live": page.live_revision_id, "latest": page.latest_revision_id}
    title = f"{page.title} (nieuw)"
    response = client.post(url, form_data(site, url, {**crafted_fields(key), "title": title}))
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    state = {
        PUBLISHED: page.live
        and page.title == title
        and page.live_revision_id == page.latest_revision_id != before["latest"],
        DRAFT: page.title == before["title"]
        and page.live_revision_id == before["live"]
        and page.latest_revision_id != before["latest"]
        and latest.title == title,
        "unchanged": page.title == before["title"] and page.latest_revision_id == before["latest"],
    }
    return response, state


def crafted_live_cover(client: Client, site, url: str):
    """The add form of a cover under the catalogue, posted with `action-publish`."""
    from library.models import ExpertPage

    slug = "gemaakt-en-gepubliceerd"
    fields = {
        "title": "Gemaakt en gepubliceerd",
        "slug": slug,
        "summary": "Samenvatting",
        "expert_name": "Iemand",
        "kind": "professional",
        "role": "Kaderhuisarts",
        **crafted_fields("cover"),
    }
    response = client.post(url, form_data(site, url, fields))
    created = ExpertPage.objects.filter(slug=slug).first()
    state = {
        PUBLISHED: created is not None and created.live,
        DRAFT: created is not None and not created.live,
        "unchanged": created is None,
    }
    return response, state


# --- judging one answer ----------------------------------------------------------------------


def location(response) -> str:
    return response.get("Location", "")


def answer(check: Check, client: Client, site):
    """The response to one check, and for a crafted POST what the database shows after it."""
    url = check.url.format(**site["ids"])
    if check.action.startswith("publish:"):
        return crafted_publish(client, site, check.action.split(":")[1], url)
    if check.action == "create-live-cover":
        return crafted_live_cover(client, site, url)
    if check.method == "POST":
        return client.post(url), None  # an empty form: refused, or judged by who may post
    return client.get(url), None


def sent_to_login(response, state) -> str | None:
    if response.status_code != 302 or not location(response).startswith("/admin/login/?next="):
        return f"expected {LOGIN}, got {response.status_code} {location(response)}"
    ok_state = state is None or state["unchanged"]
    return None if ok_state else "anonymous POST changed the page"


def hid(hidden: str, response) -> str | None:
    if response.status_code != 200:
        return f"expected 200 without {hidden!r}, got {response.status_code} {location(response)}"
    if hidden in response.content.decode():
        return f"expected 200 without {hidden!r}, but it is listed"
    return None


def judge(check: Check, expected, client: Client, site) -> str | None:
    """None when the answer is the expected one; otherwise what was wrong."""
    response, state = answer(check, client, site)
    status = response.status_code
    if expected == LOGIN:
        return sent_to_login(response, state)
    if expected in (PUBLISHED, DRAFT):
        if status != 302:
            return f"expected {expected}, got {status} {location(response)}"
        return None if state[expected] else f"expected {expected}, got the state {state}"
    if isinstance(expected, Redirect):
        target = expected.to.format(**site["ids"])
        if status != 302 or location(response) != target:
            return f"expected 302 to {target}, got {status} {location(response)}"
        return None
    if isinstance(expected, Hiding):
        return hid(site["titles"][expected.title], response)
    if status != expected:
        return f"expected {expected}, got {status} {location(response)}"
    if state is not None and not state["unchanged"]:
        return f"refused with {status} but the page changed: {state}"
    return None


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(site, role):
    client = client_for(role)
    failures = []
    for check in CHECKS:
        problem = judge(check, check.expected[role], client, site)
        if problem:
            url = check.url.format(**site["ids"])
            failures.append(f"{role} {check.method} {url} ({check.url}): {problem}")
    assert not failures, f"{len(failures)} of {len(CHECKS)} answers wrong:\n" + "\n".join(failures)


def test_the_matrix_is_complete_and_its_size_is_documented():
    for check in CHECKS:
        assert set(check.expected) == set(ROLES), check.url
    assert len({(check.method, check.url, check.action) for check in CHECKS}) == len(CHECKS)
    size = re.search(r"(\d+) URLs = (\d+) checks", __doc__)
    assert size, "the docstring states the matrix size"
    assert (int(size[1]), int(size[2])) == (len(CHECKS), len(ROLES) * len(CHECKS))
    print(f"role matrix: {len(ROLES)} roles × {len(CHECKS)} URLs = {len(ROLES) * len(CHECKS)}")


def test_the_matrix_catches_a_seeded_bug(site):
    """Editors handed the desk's permission: the matrix names every desk and submissions URL
    they then reach (so a wrong grant in a data migration cannot pass unnoticed)."""
    from django.contrib.auth.models import Group, Permission

    Group.objects.get(name=EDITORS).permissions.add(
        Permission.objects.get(content_type__app_label="library", codename="change_loanrequest")
    )
    client = client_for(EDITORS)
    caught = {
        check.url
        for check in CHECKS
        if ("leenbalie" in check.url or "forms" in check.url)
        and judge(check, check.expected[EDITORS], client, site)
    }
    desk = {check.url for check in desk_and_reports() if "leenbalie" in check.url}
    assert caught == desk | {
        "/admin/forms/",
        "/admin/forms/submissions/{loan_form}/",
        "/admin/forms/submissions/{loan_form}/?export=csv",
    }
