"""The loan form, built on Wagtail's form builder.

Editors add, reorder and reword extra questions in the admin as with any Wagtail form. The
fields the loan process depends on are part of the form class itself, so they are always
there and always validated, whatever the editor does.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models.pages import PagePermissionTester

from cms.blocks import RICH_TEXT_FEATURES
from cms.client_address import client_address
from cms.dates import dutch_date
from cms.models.site_settings import ROUTE_PERSONAL_DATA
from cms.panels import PermissionInlinePanel, RestrictedFieldsPageForm
from cms.preview import FramedPreviewMixin, frameable_by_admin
from library.catalogue import lending
from library.catalogue.suggestions import may_suggest, suggest_books
from library.forms import CORE_FIELDS, MAX_PAGE_ID, NO_EXPERT, CoreLoanFields
from library.models.experts import CompetenceArea, ExpertPage
from library.models.loans import LoanFormSubmission, LoanRequest, Programme
from library.process import deadlines

# The submission this browser just sent, for its thank-you page: the session says whose it
# is, so the thank-you address itself carries no number anyone could change.
SENT_SUBMISSION = "library.loan_form.sent_submission"
# The thank-you page shows the request (and its "Mijn aanvraag" link) only this long after
# sending; later, on a shared computer, the next user of the browser sees the general text.
THANKS_WINDOW = timedelta(hours=1)


class LoanFormField(AbstractFormField):
    page = ParentalKey("LoanFormPage", on_delete=models.CASCADE, related_name="form_fields")


class LoanFormPermissionTester(PagePermissionTester):
    """Taking the loan form offline or moving it frees its address for a redirect to
    somewhere else: that is the secretariat's decision. Deleting it also deletes its
    submissions (residents' personal data) and stops the loan process: only a superuser does
    that (Wagtail would let anyone with "change" and "publish" delete it)."""

    def may_route(self) -> bool:
        return self.user.is_superuser or self.user.has_perm(ROUTE_PERSONAL_DATA)

    def can_unpublish(self) -> bool:
        return self.may_route() and super().can_unpublish()

    def can_delete(self, ignore_bulk=False) -> bool:
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_move(self) -> bool:
        return self.may_route() and super().can_move()

    def can_set_view_restrictions(self) -> bool:
        # A password in front of the form keeps residents out as surely as unpublishing it.
        return self.may_route() and super().can_set_view_restrictions()

    def can_lock(self) -> bool:
        # A lock set by an editor would keep the secretariat out of its own form.
        return self.may_route() and super().can_lock()


class ReadableLoanAnswers:
    """For the form's submissions list and its export: the book's title, the programme's and
    the competence areas' names, where the form stores a page id and slugs."""

    @cached_property
    def book_titles(self) -> dict[str, str]:
        # Every book, also one taken offline since: the secretariat still needs its title.
        return {str(pk): title for pk, title in ExpertPage.objects.values_list("pk", "title")}

    @cached_property
    def area_names(self) -> dict[str, str]:
        return dict(CompetenceArea.objects.values_list("slug", "name"))

    def readable(self, field: str, value):
        if not value:
            return value
        if field == "expert":
            if value == NO_EXPERT:
                return "Geen expert gevonden"
            return self.book_titles.get(str(value), f"Boek {value} (bestaat niet meer)")
        if field == "programme":
            return dict(Programme.choices).get(value, value)
        if field == "competence_areas":
            # A list in the export; the listing has already joined it with ", ".
            slugs = value if isinstance(value, list) else str(value).split(", ")
            names = [self.area_names.get(slug, slug) for slug in slugs]
            return names if isinstance(value, list) else ", ".join(names)
        return value

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for field, value in row.items():
            row[field] = self.readable(field, value)
        return row

    # The listing shows what the secretariat scans by, so it fits a laptop screen; the export
    # keeps every answer (contact details, goals, motivation), the desk shows a whole request.
    LISTED_FIELDS = (
        "submit_time",
        "expert",
        "name",
        "programme",
        "programme_other",
        "competence_areas",
    )
    results_template_name = "library/admin/loan_submissions_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "data_rows" not in context:  # an export
            return context
        names = [name for name, _label in self.form_page.get_data_fields()]
        listed = [index for index, name in enumerate(names) if name in self.LISTED_FIELDS]
        context["data_headings"] = [context["data_headings"][index] for index in listed]
        loans = {
            loan.submission_id: loan
            for loan in LoanRequest.objects.filter(
                submission__in=[row["model_id"] for row in context["data_rows"]]
            )
        }
        for row in context["data_rows"]:
            row["fields"] = [
                (names[index], self.readable(names[index], row["fields"][index]))
                for index in listed
            ]
            row["loan"] = loans.get(row["model_id"])
        return context


class LoanFormPageForm(RestrictedFieldsPageForm):
    # The questions decide which personal data residents hand over: the secretariat's call.
    formset_permissions = {"form_fields": ROUTE_PERSONAL_DATA}
    # A new slug or an expiry date frees the form's address for a redirect elsewhere.
    restricted_fields = {"slug": ROUTE_PERSONAL_DATA, "expire_at": ROUTE_PERSONAL_DATA}


class LoanFormPage(FramedPreviewMixin, RoutablePageMixin, AbstractEmailForm):
    introduction = RichTextField("Inleiding", blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField("Tekst na verzenden", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        PermissionInlinePanel(
            "form_fields",
            label="Extra vragen",
            help_text="De vaste velden (boek, naam, e-mail, telefoon, opleiding, opleider, "
            "leerdoel, motivatie, toestemming) staan altijd op het formulier. Extra vragen "
            "beheert het secretariaat.",
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("from_address"),
                        FieldPanel("to_address", permission=ROUTE_PERSONAL_DATA),
                    ]
                ),
                FieldPanel("subject"),
            ],
            heading="Melding per e-mail aan het secretariaat",
            help_text="Het ontvangstadres van aanvragen kan alleen het secretariaat wijzigen.",
        ),
    ]
    base_form_class = LoanFormPageForm

    parent_page_types = ["library.ExpertIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1  # one loan form per catalogue, so per network
    template = "library/loan_form_page.html"
    landing_page_template = "library/loan_form_page_landing.html"

    class Meta:
        verbose_name = "Uitleenformulier"
        verbose_name_plural = "Uitleenformulieren"

    def permissions_for_user(self, user):
        return LoanFormPermissionTester(user, self)

    def save(self, *args, **kwargs):
        creating = self.pk is None
        super().save(*args, **kwargs)
        if creating:
            from django.apps import apps

            from cms import networks, roles

            for group in networks.role_groups(self.get_site(), roles.SECRETARIAT):
                roles.grant_page_permissions(
                    apps, group.name, roles.LOAN_FORM_PAGE_PERMISSIONS, page_id=self.pk
                )

    def get_form_class(self):
        builder_form = super().get_form_class()
        return type("LoanForm", (CoreLoanFields, builder_form), {})

    def get_submission_class(self):
        return LoanFormSubmission

    def get_submissions_list_view_class(self):
        # Residents' answers: the CSV/Excel export must not turn them into formulas. Imported
        # here because Wagtail's admin views need the models loaded.
        from cms.exports import SafeSubmissionsListView

        return type("LoanSubmissionsListView", (ReadableLoanAnswers, SafeSubmissionsListView), {})

    def get_data_fields(self):
        submit_time, *editor_fields = super().get_data_fields()
        core = [(name, CoreLoanFields.base_fields[name].label) for name in CORE_FIELDS[:-1]]
        return [submit_time, *core, *editor_fields]

    def process_form_submission(self, form):
        # Wagtail's own store-and-mail must never run for this form: serve() hands a valid
        # form to the loan process (library.process.loans.submit_form).
        raise NotImplementedError("A loan form is submitted by library.process.loans.submit_form.")

    def serve(self, request, view=None, args=None, kwargs=None):
        # Wagtail's router always names the route; anything else calling serve() gets the
        # form, never the form builder's own store-and-mail (process_form_submission).
        return super().serve(request, view or self.loan_form, args, kwargs)

    @frameable_by_admin
    def serve_preview(self, request, mode_name):
        # RoutablePageMixin would preview the form in both modes.
        if mode_name == "landing":
            return self.render_landing_page(request)
        return self.loan_form(request)

    @path("", name="form")
    def loan_form(self, request):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            form.visitor_address = client_address(request)
            if form.is_bot:
                # Refuse bots silently: they see the (general) thank-you page, nothing is
                # stored.
                return self.thanks_redirect(request)
            if form.is_valid():
                from library.process import loans  # a route may call the service it serves

                submission = loans.submit_form(self, form, found_via=request.POST.get("via"))
                # A new session key: a session id planted in this browser beforehand names
                # nothing. Without an account the cookie ends when the browser closes.
                request.session.cycle_key()
                if not request.user.is_authenticated:
                    request.session.set_expiry(0)
                request.session[SENT_SUBMISSION] = submission.pk
                return self.thanks_redirect(request)
            notice = None
            # A form sent back is a moment to look again: perhaps a book fits the goal. Not
            # when a book was chosen: suggestions above the errors read as if it were lost.
            suggestions = (
                suggest_books(request.POST.get("learning_goals", ""), site=self.get_site())
                if request.POST.get("expert", "") in ("", str(NO_EXPERT))
                and may_suggest(form.visitor_address)
                else []
            )
        else:
            requested = request.GET.get("expert", "")
            form = self.get_form(page=self, user=request.user, initial={"expert": requested})
            notice = self.book_notice(form, requested, self.get_site())
            suggestions = []
        context = self.get_context(request)
        context.update(form=form, book_notice=notice, suggestions=suggestions)
        # A lent cover found in another network's catalogue (library.catalogue.lending):
        # kept through the form, checked again when it is sent.
        via = (request.POST if request.method == "POST" else request.GET).get("via", "")
        borrower = lending.via_site(via)
        if borrower is not None:
            context["via"] = via
            context["found_in"] = lending.found_in(borrower, self.get_site())
        return TemplateResponse(request, self.get_template(request), context)

    def thanks_redirect(self, request) -> HttpResponseRedirect:
        """Post/redirect/get: a reload of the thank-you page never sends the form again."""
        url = self.get_url(request) + self.reverse_subpage("thanks")
        response = HttpResponseRedirect(url)
        response.status_code = 303  # See Other: the browser follows with a GET
        return response

    @path("bedankt/", name="thanks")
    def thanks(self, request):
        """The thank-you page: for the browser that just sent a request, its book and its
        link to 'Mijn aanvraag'; for anyone else the general text. A visit without a request
        of its own (a bookmark, another browser, an expired session) still says what happens
        after sending; sending it back to an empty form would invite a second request."""
        sent = request.session.get(SENT_SUBMISSION)
        submission = (
            LoanFormSubmission.objects.filter(
                pk=sent, page=self, submit_time__gte=timezone.now() - THANKS_WINDOW
            ).first()
            if isinstance(sent, int)
            else None
        )
        response = self.render_landing_page(request, submission)
        loan = LoanRequest.objects.filter(submission=submission).first() if submission else None
        if loan is not None:
            from cms import networks
            from cms.models import SiteSettings
            from library.self_service import request_link  # a route may call its service

            if loan.site_id != getattr(self.get_site(), "pk", None):
                # A lent cover: the owning network's secretariat handles the request.
                response.context_data.update(
                    handling_network=networks.network_name(loan.site),
                    handling_secretariat=SiteSettings.for_site(loan.site).secretariat_email,
                )
            elif loan.requested_on_id not in (None, loan.site_id):
                # Found in another network's catalogue and borrowed here: the way back.
                response.context_data["found_in"] = lending.found_in(loan.requested_on, loan.site)
            response.context_data.update(
                loan=loan,
                my_request_token=request_link.token_for(loan),
                confirm_by=deadlines.dutch_date(
                    deadlines.confirm_due_after(timezone.localdate(loan.created_at))
                ),
            )
        # Personal, and read from the session: never from or into the page cache.
        add_never_cache_headers(response)
        return response

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        # A request without a book is still sent (the secretariat searches further), but the
        # resident may find a fitting book sooner themselves.
        data = form_submission.form_data if form_submission is not None else {}
        if data.get("expert") == NO_EXPERT:
            response.context_data["suggestions"] = suggest_books(
                data.get("learning_goals", ""), site=self.get_site()
            )
        return response

    @staticmethod
    def book_notice(form, requested: str, site=None) -> str | None:
        if not requested or requested == NO_EXPERT:
            return None
        # Only a cover this network offers may be named: a draft, restricted expert or another
        # network's cover that is not lent out stays unknown.
        book = (
            ExpertPage.objects.on_offer_in(site).filter(pk=int(requested)).first()
            if requested.isascii() and requested.isdigit() and int(requested) <= MAX_PAGE_ID
            else None
        )
        if book is not None and book.is_absent():
            return (
                f"{book.expert_name} is afwezig tot en met {dutch_date(book.absent_until)}. Wil je "
                "wachten? Vul dan hieronder in tot wanneer; of kies een ander boek."
            )
        if requested in dict(form.fields["expert"].choices):
            return None
        return "Het gekozen boek is niet (meer) te lenen. Kies een ander boek hieronder."

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["confirm_by"] = deadlines.dutch_date(
            deadlines.confirm_due_after(timezone.localdate())
        )
        return context
