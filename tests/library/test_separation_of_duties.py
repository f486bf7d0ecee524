"""Separation of duties inside the admin (issue 14): who may route personal data, who puts a
book cover online, who sees an expert's private data. Every refusal is tried as a crafted POST
through the real page editor and settings form, not only as a hidden button."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Task, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms import roles
from cms.models import SiteSettings
from library.models import ExpertPage, LoanFormPage
from tests.factories import (
    first_network,
    make_catalogue,
    make_email_templates,
    make_expert,
    make_home,
    make_loan_form,
    user_in_group,
)

pytestmark = pytest.mark.django_db

SECRETARIAT_ADDRESS = "secretariaat@example.org"
EVIL_ADDRESS = "redacteur.prive@example.net"


@pytest.fixture
def site():
    home = make_home()
    catalogue = make_catalogue(home)
    form_page = make_loan_form(catalogue)
    form_page.to_address = SECRETARIAT_ADDRESS
    form_page.form_fields.create(label="Hoe hoorde je van ons?", field_type="singleline")
    form_page.save_revision().publish()
    settings = SiteSettings.for_site(home.get_site())
    settings.secretariat_email = SECRETARIAT_ADDRESS
    settings.save()
    make_email_templates()
    return {"home": home, "catalogue": catalogue, "form_page": form_page}


def logged_in(role: str) -> tuple[Client, User]:
    client = Client()
    if role == "superuser":
        user = User.objects.create_superuser("beheerder", "b@example.org", "pw")
    else:
        user = user_in_group(role)
    client.force_login(user)
    return client, user


def edit_form(client: Client, page: Page) -> dict:
    """The page editor's form as the browser would send it back (plus its stream fields,
    which only JavaScript turns into inputs)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return data


def post_editor(client: Client, page: Page, changes: dict, action: str = "action-publish"):
    data = edit_form(client, page)
    for name, value in changes.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    data[action] = action
    # As lists: the test client would send only the last of several checked boxes.
    return client.post(f"/admin/pages/{page.pk}/edit/", dict(data.lists()))


# --- 2. Where personal data goes -------------------------------------------------------


def test_editor_does_not_see_recipient_or_questions_of_the_loan_form(site):
    client, _ = logged_in(roles.EDITORS)
    html = client.get(f"/admin/pages/{site['form_page'].pk}/edit/").content.decode()
    assert 'name="introduction"' in html  # the texts stay the editors'
    assert 'name="to_address"' not in html
    assert "form_fields-TOTAL_FORMS" not in html


def test_editor_crafted_post_cannot_reroute_the_loan_form(site):
    client, _ = logged_in(roles.EDITORS)
    form_page = site["form_page"]
    response = post_editor(
        client,
        form_page,
        {
            "thank_you_text": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Dank!", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "to_address": EVIL_ADDRESS,
            "form_fields-TOTAL_FORMS": "0",
            "form_fields-INITIAL_FORMS": "1",
            "form_fields-0-id": str(form_page.form_fields.get().pk),
            "form_fields-0-DELETE": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    form_page = LoanFormPage.objects.get(pk=form_page.pk)
    assert "Dank!" in form_page.thank_you_text  # the edit itself went through
    assert form_page.to_address == SECRETARIAT_ADDRESS
    assert form_page.form_fields.count() == 1
    latest = form_page.get_latest_revision_as_object()
    assert latest.to_address == SECRETARIAT_ADDRESS


def test_secretariat_changes_recipient_and_questions_of_the_loan_form(site):
    client, _ = logged_in(roles.SECRETARIAT)
    form_page = site["form_page"]
    html = client.get(f"/admin/pages/{form_page.pk}/edit/").content.decode()
    assert 'name="to_address"' in html and "form_fields-TOTAL_FORMS" in html
    response = post_editor(client, form_page, {"to_address": "balie@example.org"})
    assert response.status_code == 302
    assert LoanFormPage.objects.get(pk=form_page.pk).to_address == "balie@example.org"


@pytest.mark.parametrize("action", ["unpublish", "move"])
def test_editor_cannot_take_the_loan_form_offline(site, action):
    """Unpublished or moved, its address is free for a redirect to another site's form."""
    client, editor = logged_in(roles.EDITORS)
    form_page = site["form_page"]
    permissions = form_page.permissions_for_user(editor)
    assert not permissions.can_unpublish() and not permissions.can_move()
    assert not permissions.can_delete()
    response = client.post(f"/admin/pages/{form_page.pk}/{action}/", {"include_descendants": ""})
    assert response.status_code == 403
    form_page.refresh_from_db()
    assert form_page.live and form_page.get_parent().pk == site["catalogue"].pk
    secretariat = user_in_group(roles.SECRETARIAT)
    assert form_page.permissions_for_user(secretariat).can_unpublish()


def test_new_loan_form_page_is_kept_by_the_secretariat(site):
    secretariat = user_in_group(roles.SECRETARIAT)
    permissions = site["form_page"].permissions_for_user(secretariat)
    assert permissions.can_edit() and permissions.can_publish()
    # ...and nothing else in the tree.
    assert not site["catalogue"].permissions_for_user(secretariat).can_edit()


def settings_url(site) -> str:
    return f"/admin/settings/cms/sitesettings/{site['home'].get_site().pk}/"


def test_editor_cannot_change_the_secretariat_address(site):
    client, _ = logged_in(roles.EDITORS)
    response = client.get(settings_url(site))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="footer_text"' in html and 'name="secretariat_email"' not in html
    data = querydict_from_html(html, form_id="w-editor-form")
    data["secretariat_email"] = EVIL_ADDRESS
    data["footer_text"] = "Nieuwe voettekst"
    response = client.post(settings_url(site), data)
    assert response.status_code == 302
    settings = SiteSettings.objects.get()
    assert settings.footer_text == "Nieuwe voettekst"
    assert settings.secretariat_email == SECRETARIAT_ADDRESS


def test_secretariat_changes_only_the_address_in_the_site_settings(site):
    client, _ = logged_in(roles.SECRETARIAT)
    html = client.get(settings_url(site)).content.decode()
    assert 'name="secretariat_email"' in html and 'name="footer_text"' not in html
    data = querydict_from_html(html, form_id="w-editor-form")
    data["secretariat_email"] = "balie@example.org"
    data["footer_text"] = "Van het secretariaat"
    assert client.post(settings_url(site), data).status_code == 302
    settings = SiteSettings.objects.get()
    assert settings.secretariat_email == "balie@example.org"
    assert settings.footer_text == ""


# --- 3. Admission: the workflow is the only way a cover goes live -------------------------


def expert_changes(**extra) -> dict:
    """The cover's stream fields, which the editor's JavaScript would send."""
    return {
        **nested_form_data(
            {
                "body": streamfield([]),
                "example_questions": streamfield([("question", "Hoe begin ik?")]),
            }
        ),
        **extra,
    }


def draft_cover(catalogue) -> ExpertPage:
    cover = make_expert(catalogue, "Stilte verdragen", expert_name="Ruud Smit")
    cover.unpublish()
    cover.admission_criteria = []
    cover.save_revision()
    return ExpertPage.objects.get(pk=cover.pk)


@pytest.mark.parametrize("role", [roles.EDITORS, roles.WORKING_GROUP, roles.SECRETARIAT])
def test_nobody_publishes_a_cover_directly(site, role):
    cover = draft_cover(site["catalogue"])
    user = user_in_group(role)
    assert not cover.permissions_for_user(user).can_publish()
    assert not site["catalogue"].permissions_for_user(user).can_publish_subpage()


def test_editor_crafted_publish_of_a_cover_stays_a_draft(site):
    cover = draft_cover(site["catalogue"])
    client, _ = logged_in(roles.EDITORS)
    html = client.get(f"/admin/pages/{cover.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html  # no button
    assert 'name="action-submit"' in html  # but "submit for admission"
    post_editor(client, cover, expert_changes(summary="Nieuw"))  # and no crafted POST
    cover.refresh_from_db()
    assert not cover.live


def test_editor_cannot_create_a_live_cover(site):
    client, _ = logged_in(roles.EDITORS)
    url = f"/admin/pages/add/library/expertpage/{site['catalogue'].pk}/"
    html = client.get(url).content.decode()
    assert 'name="action-publish"' not in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        expert_changes(
            title="Nieuw boek",
            slug="nieuw-boek",
            summary="Samenvatting",
            expert_name="Iemand",
            kind="volunteer",
            role="Vrijwilliger",
        )
    )
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302
    created = ExpertPage.objects.get(slug="nieuw-boek")
    assert not created.live


def submit_for_admission(site, cover) -> WorkflowState:
    editor = user_in_group(roles.EDITORS, "redacteur")
    workflow = Workflow.objects.get(name="Toelating expert")
    return workflow.start(cover, editor)


def test_working_group_approval_with_criteria_publishes(site):
    cover = draft_cover(site["catalogue"])
    submit_for_admission(site, cover)
    client, _ = logged_in(roles.WORKING_GROUP)
    html = client.get(f"/admin/pages/{cover.pk}/edit/").content.decode()
    assert 'name="admission_criteria"' in html  # the checklist is the working group's
    response = post_editor(
        client,
        cover,
        expert_changes(
            **{
                "admission_criteria": [
                    "prof_expertise",
                    "prof_standards",
                    "prof_communication",
                ],
                "workflow-action-name": "approve",
            }
        ),
        action="action-workflow-action",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    cover.refresh_from_db()
    assert cover.live
    assert cover.current_workflow_state is None


def test_approval_with_unticked_criteria_is_refused_in_the_editor(site):
    cover = draft_cover(site["catalogue"])
    submit_for_admission(site, cover)
    client, _ = logged_in(roles.WORKING_GROUP)
    response = post_editor(
        client,
        cover,
        expert_changes(
            **{"admission_criteria": ["prof_expertise"], "workflow-action-name": "approve"}
        ),
        action="action-workflow-action",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Goedkeuren kan pas als de werkgroep alle verplichte criteria" in html
    assert "Communiceert goed" in html  # names what is still open
    cover.refresh_from_db()
    assert not cover.live


def test_approval_with_unticked_criteria_is_refused_from_the_dashboard(site):
    cover = draft_cover(site["catalogue"])
    state = submit_for_admission(site, cover)
    client, _ = logged_in(roles.WORKING_GROUP)
    url = f"/admin/pages/workflow/action/{cover.pk}/approve/{state.current_task_state.pk}/"
    response = client.post(url, {"comment": ""}, follow=True)
    assert "Goedkeuren kan pas als de werkgroep" in response.content.decode()
    cover.refresh_from_db()
    assert not cover.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editor_cannot_approve_admission(site):
    cover = draft_cover(site["catalogue"])
    state = submit_for_admission(site, cover)
    client, _ = logged_in(roles.EDITORS)
    url = f"/admin/pages/workflow/action/{cover.pk}/approve/{state.current_task_state.pk}/"
    assert client.post(url, {"comment": ""}).status_code == 403
    cover.refresh_from_db()
    assert not cover.live


# --- 4. Private expert data ---------------------------------------------------------------


def test_private_expert_panel_is_hidden_from_editors_and_kept_on_save(site):
    cover = make_expert(site["catalogue"], "Hoop houden", email="expert@example.org")
    client, _ = logged_in(roles.EDITORS)
    html = client.get(f"/admin/pages/{cover.pk}/edit/").content.decode()
    assert "Alleen voor werkgroep en secretariaat" not in html
    assert "expert@example.org" not in html and "06-0000 1111" not in html
    post_editor(
        client,
        cover,
        expert_changes(email=EVIL_ADDRESS, phone="0900-1234", summary="Nieuwe samenvatting"),
        action="action-submit",
    )
    latest = ExpertPage.objects.get(pk=cover.pk).get_latest_revision_as_object()
    assert latest.summary == "Nieuwe samenvatting"
    assert latest.email == "expert@example.org"
    assert latest.phone == "06-0000 1111"


@pytest.mark.parametrize("role", [roles.WORKING_GROUP, roles.SECRETARIAT, "superuser"])
def test_private_expert_data_is_for_working_group_and_secretariat(site, role):
    cover = make_expert(site["catalogue"], "Hoop houden", email="expert@example.org")
    if role == roles.SECRETARIAT:
        # The secretariat edits no pages; it holds the permission for the desk and reports.
        assert user_in_group(role).has_perm("library.change_expert_private_data")
        return
    client, _ = logged_in(role)
    html = client.get(f"/admin/pages/{cover.pk}/edit/").content.decode()
    assert "Alleen voor werkgroep en secretariaat" in html
    assert "expert@example.org" in html


# --- 5. Draft experts are not named by the loan form ---------------------------------------


def absent_cover(catalogue, hidden: str = ""):
    """A cover whose expert is away until 2099: public, a draft, or behind a password."""
    cover = make_expert(
        catalogue,
        "Even weg",
        expert_name="Afwezige Expert",
        availability="absent",
        absent_until="2099-01-01",
    )
    if hidden == "draft":
        cover.unpublish()
    elif hidden == "restricted":
        PageViewRestriction.objects.create(page=cover, restriction_type="password", password="x")
    return cover


@pytest.mark.parametrize("hidden", ["draft", "restricted"])
def test_loan_form_does_not_name_a_draft_or_restricted_expert(site, client, hidden):
    cover = absent_cover(site["catalogue"], hidden)
    response = client.get(f"/expertbibliotheek/lenen/?expert={cover.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Afwezige Expert" not in html and "2099" not in html
    assert "niet (meer) te lenen" in html


def test_loan_form_still_names_a_public_absent_expert(site, client):
    cover = absent_cover(site["catalogue"])
    html = client.get(f"/expertbibliotheek/lenen/?expert={cover.pk}").content.decode()
    assert "Afwezige Expert is afwezig tot en met 1 januari 2099" in html


# --- 11. Only the site's roles -------------------------------------------------------------


def test_only_the_sites_roles_and_workflows_remain():
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ALL_ROLES)
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not Task.objects.filter(active=True).exclude(name="Werkgroep toetst de criteria")
    assert mail.outbox == []


def test_residents_data_is_not_copied_into_the_search_index(site):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from library.models import LoanRequest
    from tests.factories import make_loan

    make_loan(None, name="Geheime Naam", email="geheim@example.org")
    loan_type = ContentType.objects.get_for_model(LoanRequest)
    assert not IndexEntry.objects.filter(content_type=loan_type).exists()
    assert not IndexEntry.objects.filter(body__contains="geheim@example.org").exists()


# --- Other ways to free or reroute the loan form's address (found by trying) --------------


def revert_as(client: Client, page: Page, revision_id: int, changes: dict | None = None):
    """Restore an old revision through Wagtail's revert view, as an editor's browser would."""
    url = f"/admin/pages/{page.pk}/revisions/{revision_id}/revert/"
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name, value in (changes or {}).items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return client.post(url, dict(data.lists()))


def test_editor_cannot_change_the_loan_forms_address_or_expiry(site):
    client, _ = logged_in(roles.EDITORS)
    form_page = site["form_page"]
    html = client.get(f"/admin/pages/{form_page.pk}/edit/").content.decode()
    assert 'name="slug"' not in html and 'name="expire_at"' not in html
    response = post_editor(
        client, form_page, {"slug": "lenen-oud", "expire_at": "2026-01-01 10:00"}
    )
    assert response.status_code == 302
    form_page = LoanFormPage.objects.get(pk=form_page.pk)
    assert form_page.slug == "lenen" and form_page.expire_at is None
    assert form_page.url == "/expertbibliotheek/lenen/"


def test_editor_cannot_move_the_catalogue_by_its_slug(site):
    client, _ = logged_in(roles.EDITORS)
    catalogue = site["catalogue"]
    stream_fields = nested_form_data(
        {
            "recruit_examples": streamfield([]),
            "selling_points": streamfield([]),
        }
    )
    response = post_editor(client, catalogue, {**stream_fields, "slug": "bibliotheek"})
    assert response.status_code == 302
    catalogue.refresh_from_db()
    assert catalogue.slug == "expertbibliotheek"


def test_reverting_an_old_revision_keeps_the_current_recipient_and_questions(site):
    form_page = site["form_page"]
    old_revision = form_page.get_latest_revision()
    form_page.to_address = "nieuw-secretariaat@example.org"
    form_page.form_fields.create(label="Burgerservicenummer", field_type="singleline")
    form_page.save_revision().publish()
    form_page = LoanFormPage.objects.get(pk=form_page.pk)
    form_page.form_fields = [
        field for field in form_page.form_fields.all() if field.label != "Burgerservicenummer"
    ]
    form_page.save_revision().publish()

    client, _ = logged_in(roles.EDITORS)
    response = revert_as(client, form_page, old_revision.pk)
    assert response.status_code == 302
    form_page = LoanFormPage.objects.get(pk=form_page.pk)
    assert form_page.to_address == "nieuw-secretariaat@example.org"
    assert list(form_page.form_fields.values_list("label", flat=True)) == ["Hoe hoorde je van ons?"]


def test_reverting_a_cover_keeps_the_experts_current_private_data(site):
    cover = make_expert(site["catalogue"], "Hoop houden", email="oud@example.org")
    old_revision = cover.get_latest_revision()
    cover.email = "nieuw@example.org"
    cover.admission_note = "Toegelaten na gesprek."
    cover.save_revision().publish()
    client, _ = logged_in(roles.EDITORS)
    response = revert_as(client, cover, old_revision.pk, expert_changes())
    assert response.status_code == 302
    latest = ExpertPage.objects.get(pk=cover.pk).get_latest_revision_as_object()
    assert latest.email == "nieuw@example.org"
    assert latest.admission_note == "Toegelaten na gesprek."


@pytest.mark.parametrize("page_key", ["form_page", "catalogue"])
def test_editor_cannot_put_a_password_or_lock_on_the_loan_form(site, page_key):
    client, editor = logged_in(roles.EDITORS)
    page = site[page_key]
    permissions = page.specific.permissions_for_user(editor)
    assert not permissions.can_set_view_restrictions()
    response = client.post(
        f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "password", "password": "x"}
    )
    assert response.status_code == 403
    assert not page.view_restrictions.exists()
    if page_key == "form_page":
        assert not permissions.can_lock()
        assert client.post(f"/admin/pages/{page.pk}/lock/").status_code == 403
        page.refresh_from_db()
        assert not page.locked


def test_working_group_approves_covers_only(site):
    """The workflow is set on the catalogue; the loan form beneath it is not the working
    group's to publish."""
    form_page = site["form_page"]
    form_page.to_address = EVIL_ADDRESS
    form_page.save_revision()
    state = Workflow.objects.get(name="Toelating expert").start(
        form_page, user_in_group(roles.EDITORS, "redacteur")
    )
    client, member = logged_in(roles.WORKING_GROUP)
    assert state.current_task_state.task.specific.get_actions(form_page, member) == []
    url = f"/admin/pages/workflow/action/{form_page.pk}/approve/{state.current_task_state.pk}/"
    assert client.post(url, {"comment": ""}).status_code == 403
    assert LoanFormPage.objects.get(pk=form_page.pk).to_address == SECRETARIAT_ADDRESS


def test_a_redirect_never_takes_over_the_live_loan_form(site, client):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(
        old_path="/expertbibliotheek/lenen", redirect_link="https://evil.example/"
    )
    response = client.get("/expertbibliotheek/lenen")
    assert response.status_code == 301
    assert response["Location"] == "/expertbibliotheek/lenen/"
    # A redirect for an address without a page still works.
    Redirect.objects.create(old_path="/oud-adres", redirect_link="https://example.org/nieuw")
    assert client.get("/oud-adres")["Location"] == "https://example.org/nieuw"


def test_working_group_rejects_with_a_comment_and_the_editor_sees_it(site):
    cover = draft_cover(site["catalogue"])
    state = submit_for_admission(site, cover)
    client, _ = logged_in(roles.WORKING_GROUP)
    url = f"/admin/pages/workflow/action/{cover.pk}/reject/{state.current_task_state.pk}/"
    response = client.post(url, {"comment": "Graag de voorbereidende opdracht inkorten."})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    cover.refresh_from_db()
    assert not cover.live
    editor = Client()
    editor.force_login(User.objects.get(username="redacteur"))
    html = editor.get(f"/admin/pages/{cover.pk}/edit/").content.decode()
    assert "Graag de voorbereidende opdracht inkorten." in html


def test_the_incomplete_admission_page_says_nothing_for_a_complete_cover(site):
    cover = make_expert(
        site["catalogue"],
        "Compleet",
        admission_criteria=["prof_expertise", "prof_standards", "prof_communication"],
    )
    client, _ = logged_in(roles.WORKING_GROUP)
    response = client.get(f"/admin/expertbibliotheek/{cover.pk}/toelating-onvolledig/", follow=True)
    assert "Nog open" not in response.content.decode()


# --- issue 16: the expert in the loop ---------------------------------------------------


@pytest.mark.parametrize("role", [roles.EDITORS, roles.WORKING_GROUP, roles.SECRETARIAT])
def test_nobody_copies_a_cover_with_its_private_data(site, role):
    cover = make_expert(site["catalogue"], "Stilte verdragen", email="ruud@example.org")
    client, _ = logged_in(role)
    assert client.get(f"/admin/pages/{cover.pk}/copy/").status_code == 403
    response = client.post(
        f"/admin/pages/{cover.pk}/copy/",
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": site["catalogue"].pk},
    )
    assert response.status_code == 403
    assert not ExpertPage.objects.filter(slug="kopie").exists()


@pytest.mark.parametrize(("role", "may"), [(roles.SECRETARIAT, False), (roles.WORKING_GROUP, True)])
def test_only_the_working_group_says_where_lead_notices_go(site, role, may):
    from library.models import LoanProcessSettings

    LoanProcessSettings.for_site(first_network()).save()
    url = f"/admin/settings/library/loanprocesssettings/{first_network().pk}/"
    client, _ = logged_in(role)
    html = client.get(url).content.decode()
    assert ('name="lead_email"' in html) is may
    data = querydict_from_html(html, form_id="w-editor-form")
    data["lead_email"] = EVIL_ADDRESS
    assert client.post(url, data).status_code == 302
    assert (LoanProcessSettings.for_site(first_network()).lead_email == EVIL_ADDRESS) is may
