"""The loan desk in the admin, for the Secretariaat: the register, its filters and export,
and the process steps as buttons. Steps go through library.process.loans.

Built as a Wagtail ModelViewSet rather than wagtail-modeladmin: ModelViewSet is Wagtail 8's own
way to do index, inspect, filters, search and CSV/Excel export, and custom step views plug into
it as ordinary URLs; wagtail-modeladmin is the legacy package the design mentions.
"""

from __future__ import annotations

import datetime
import json
from functools import wraps

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Site

from cms import networks
from cms.exports import SafeSpreadsheetExportMixin
from cms.networks import networks_for, pages_within_networks, within_networks
from library.admin.forms import ChooseBookForm, EmailForm
from library.admin.mail_steps import report_step, retry_and_report
from library.catalogue.suggestions import suggest_books
from library.forms import RESIDENT_FIELDS
from library.models import ExpertPage, LoanEvent, LoanRequest, LoanStatus
from library.process import appointments, deadlines, loans, retention
from library.process.mail import MissingEmailTemplate
from library.process.reminders import send_reminders
from library.self_service import answers, reflections

PERMISSION = "library.change_loanrequest"


def networks_of_request(request):
    return networks_for(request.user) if request is not None else Site.objects.none()


def covers_of_request(request):
    # The filter lists the user's own networks' covers, not every draft in the tree.
    if request is None:
        return ExpertPage.objects.none()
    return pages_within_networks(ExpertPage.objects.all(), request.user).order_by("title")


class LoanRequestFilterSet(WagtailFilterSet):
    # A superuser (or a member of several networks) sees several networks' requests at once.
    site = django_filters.ModelChoiceFilter(
        label="Netwerk", queryset=networks_of_request, empty_label="Alle netwerken"
    )
    expert = django_filters.ModelChoiceFilter(
        label=LoanRequest._meta.get_field("expert").verbose_name, queryset=covers_of_request
    )
    overdue = django_filters.ChoiceFilter(
        label="Termijn",
        choices=[("1", "Alleen aanvragen over de termijn")],
        empty_label="Alle aanvragen",
        method="filter_overdue",
    )

    class Meta:
        model = LoanRequest
        fields = ["site", "status", "programme", "expert", "supervisor"]

    def filter_overdue(self, queryset, name, value):
        if value != "1":
            return queryset
        return queryset.filter(pk__in=[loan.pk for loan in deadlines.overdue_requests()])


class DueColumn(Column):
    def get_value(self, instance):
        due = deadlines.next_due(instance)
        if due is None:
            return "—"
        what, day = due
        if deadlines.is_overdue(instance):
            return format_html(
                '<b class="overdue">Te laat: {} (was {})</b>', what, deadlines.dutch_date(day)
            )
        return f"{what}: {deadlines.dutch_date(day)}"


class LoanRequestIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The register; its CSV/Excel export neutralises formulas (see cms.exports)."""

    def get_base_queryset(self):
        # The listing, its filters and its export all start here: the user's networks only.
        return within_networks(super().get_base_queryset(), self.request.user)

    @cached_property
    def columns(self):
        title, *others = super().columns
        # A request is worked on from its inspect view, where its next steps are buttons;
        # Wagtail would link the name to the edit form, which only corrects the resident's
        # details (still in the row's menu).
        inspect_title = self._get_custom_column(
            title.name, self._get_title_column_class(TitleColumn), get_url=self.get_inspect_url
        )
        return [inspect_title, *others]

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                "Herinneringen", url=reverse("library_loanrequest:reminders"), icon_name="mail"
            ),
            HeaderButton(
                "Halfjaaroverzicht opleiders",
                url=reverse("library_supervisor_update"),
                icon_name="group",
            ),
        ]


class LoanRequestInspectView(InspectView):
    template_name = "library/desk/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        loan = self.object
        context.update(
            loan=loan,
            events=loan.events.select_related("user"),
            actions=loans.available_actions(loan),
            due=deadlines.next_due(loan),
            overdue=deadlines.is_overdue(loan),
            can_choose_book=loan.status in loans.BOOK_CHOICE_STATUSES,
            evaluations=loan.evaluations.all(),
            expert_answer=answers.latest_answer(loan),
            introduction=ready_introduction(loan),
            reflection=reflections.reflection_of(loan),
            # Without a book the desk looks for one: the same suggestions the resident saw.
            suggestions=suggest_books(loan.learning_goals, site=loan.site)
            if loan.expert_id is None
            else [],
        )
        return context


def ready_introduction(loan: LoanRequest):
    """After the expert's "yes": the introduction e-mail, filled in and ready to send."""
    if loan.status != LoanStatus.EXPERT_AGREED:
        return None
    try:
        return loans.preview_email(loan, "introduce")
    except MissingEmailTemplate:
        return None


class LoanRequestViewSet(ModelViewSet):
    model = LoanRequest
    icon = "list-ul"
    menu_label = "Leenbalie"
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "leenbalie"
    inspect_view_enabled = True
    inspect_view_class = LoanRequestInspectView
    index_view_class = LoanRequestIndexView
    list_display = [
        "name",
        "book_title",
        "status",
        DueColumn("due", label="Volgende stap"),
        "created_at",
    ]
    filterset_class = LoanRequestFilterSet
    search_fields = ["name", "email", "supervisor", "learning_goals", "book_title", "expert_name"]
    # Searched in the database with icontains, not through Wagtail's search index: on SQLite
    # that index only has a title and a body column, so searching these named fields failed
    # ("no such column: name") whatever was typed. icontains works alike on SQLite and
    # PostgreSQL, needs no query syntax, finds part of a name or e-mail address, and the
    # register is small enough to scan.
    search_backend_name = None
    list_export = [
        "created_at",
        "name",
        "email",
        "phone",
        "programme",
        "supervisor",
        "book_title",
        "expert_name",
        "learning_goals",
        "status",
    ]
    export_filename = "leenaanvragen"
    form_fields = RESIDENT_FIELDS

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("<int:pk>/stap/<str:action>/", step_view, name="step"),
            path("<int:pk>/opnieuw/<int:event_id>/", retry_view, name="retry"),
            path("<int:pk>/boek/", choose_book_view, name="choose_book"),
            path("<int:pk>/afspraak/", appointment_view, name="appointment"),
            path("<int:pk>/gegevens.json", export_resident_view, name="export_resident"),
            path("<int:pk>/wissen/", erase_resident_view, name="erase_resident"),
            path("<int:pk>/reflectie/", reflection_view, name="reflection"),
            path("herinneringen/", reminders_view, name="reminders"),
            path("opleiders/", supervisor_update_view, name="supervisor_update"),
        ]
        for pattern in patterns:
            pattern.callback = secretariat_only(own_network_only(pattern.callback))
        return patterns


def desk_requests(user) -> QuerySet[LoanRequest]:
    """The requests this user may see and work on at the desk: those of their networks."""
    return within_networks(LoanRequest.objects.all(), user)


own_network_only = networks.own_network_only(
    lambda user: desk_requests(user), "Geen aanvraag van jouw netwerk."
)


def as_pk(value) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise Http404("Geen aanvraag.") from None


def secretariat_only(view):
    """A plain 403 for everyone but the secretariat (Wagtail would redirect to the dashboard,
    which hides from tests and auditors that the desk was refused)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return TemplateResponse(request, "library/desk/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def loan_for(request, pk: int) -> LoanRequest:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return get_object_or_404(desk_requests(request.user), pk=pk)


def inspect_url(loan: LoanRequest) -> str:
    return reverse("library_loanrequest:inspect", args=[loan.pk])


def step_view(request, pk: int, action: str):
    loan = loan_for(request, pk)
    step = loans.ACTIONS.get(action)
    if step is None or step not in loans.available_actions(loan):
        messages.error(request, "Deze stap kan nu niet bij deze aanvraag.")
        return redirect(inspect_url(loan))
    try:
        composed = loans.preview_email(loan, action)
    except MissingEmailTemplate as error:
        messages.error(request, str(error))
        return redirect(inspect_url(loan))
    form = EmailForm(
        request.POST or None,
        initial={"subject": composed.subject, "body": composed.body} if composed else None,
    )
    if request.method == "POST" and (composed is None or form.is_valid()):
        try:
            event = loans.perform(
                loan,
                action,
                request.user,
                subject=form.cleaned_data["subject"] if composed else None,
                body=form.cleaned_data["body"] if composed else None,
            )
        except loans.IllegalTransition as error:
            messages.error(request, str(error))
        else:
            report_step(
                request,
                event,
                done=f"‘{step.label}’ is gedaan.",
                recorded=f"‘{step.label}’ is vastgelegd",
            )
        return redirect(inspect_url(loan))
    return TemplateResponse(
        request,
        "library/desk/step.html",
        {"loan": loan, "step": step, "composed": composed, "form": form},
    )


def retry_view(request, pk: int, event_id: int):
    loan = loan_for(request, pk)
    event = get_object_or_404(LoanEvent, pk=event_id, request=loan)
    retry_and_report(
        request, lambda: loans.retry_email(event, request.user), (loans.IllegalTransition,)
    )
    return redirect(inspect_url(loan))


def choose_book_view(request, pk: int):
    loan = loan_for(request, pk)
    form = ChooseBookForm(request.POST or None)
    # Only the covers of the user's own networks: another network's experts are not theirs
    # to lend out.
    form.fields["expert"].queryset = pages_within_networks(
        ExpertPage.objects.borrowable(), request.user
    ).order_by("title")
    if request.method == "POST" and form.is_valid():
        try:
            loans.choose_book(loan, form.cleaned_data["expert"], request.user)
        except loans.IllegalTransition as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Het boek is gewijzigd. Vraag nu de expert.")
        return redirect(inspect_url(loan))
    return TemplateResponse(request, "library/desk/choose_book.html", {"loan": loan, "form": form})


class AppointmentForm(forms.Form):
    date = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label="Tijd", widget=forms.TimeInput(attrs={"type": "time"}))

    def moment(self) -> datetime.datetime:
        """The time as the secretariat typed it: Dutch time, whatever the server's clock."""
        naive = datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return timezone.make_aware(naive, appointments.AMSTERDAM)


def appointment_view(request, pk: int):
    """Record (or change) the appointment from the form on the inspect page; a GET only leads
    back there."""
    loan = loan_for(request, pk)
    if request.method != "POST":
        return redirect(inspect_url(loan))
    form = AppointmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vul een geldige datum en tijd van de afspraak in.")
        return redirect(inspect_url(loan))
    try:
        events = appointments.record_appointment(loan, form.moment(), request.user)
    except appointments.AppointmentRefused as error:
        messages.error(request, str(error))
        return redirect(inspect_url(loan))
    failed = next(
        (e for e in events if e.kind == LoanEvent.Kind.EMAIL_FAILED and not e.on_its_way), None
    )
    report_step(
        request,
        failed,
        done="De afspraak is vastgelegd; AIOS en expert hebben de uitnodiging gekregen.",
        recorded="De afspraak is vastgelegd",
    )
    return redirect(inspect_url(loan))


def export_resident_view(request, pk: int):
    """AVG right of access: everything about this resident, as a JSON file."""
    loan = loan_for(request, pk)
    data = retention.export_resident(loan, request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"aios-gegevens-aanvraag-{loan.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def erase_resident_view(request, pk: int):
    """AVG right to erasure, after a confirmation that says what will happen."""
    loan = loan_for(request, pk)
    if request.method == "POST":
        erased = retention.erase_resident(loan, request.user)
        messages.success(
            request,
            f"De persoonsgegevens zijn gewist uit {len(erased)} "
            f"aanvra{'ag' if len(erased) == 1 else 'gen'}. De cijfers voor de rapporten blijven.",
        )
        return redirect(inspect_url(loan))
    return TemplateResponse(
        request,
        "library/desk/erase_confirm.html",
        {"loan": loan, "requests": retention.requests_of_resident(loan)},
    )


def reflection_view(request, pk: int):
    """The resident's reflection file, from private storage; the only way it leaves the
    server. Without a file: back to the request, which shows any pasted text."""
    loan = loan_for(request, pk)
    reflection = reflections.reflection_of(loan)
    if reflection is None or not reflection.file:
        messages.info(request, "Bij deze aanvraag is geen reflectieverslag als bestand ingeleverd.")
        return redirect(inspect_url(loan))
    extension = reflection.file.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        reflection.file.open("rb"),
        as_attachment=True,
        filename=f"reflectieverslag-aanvraag-{loan.pk}.{extension}",
        content_type=reflections.CONTENT_TYPES.get(f".{extension}", "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def reminders_view(request):
    """The same as `manage.py send_reminders`: first shows what would go out."""
    # The daily task covers every network; the button only the user's own.
    sites = None if request.user.is_superuser else list(networks_for(request.user))
    if request.method == "POST":
        run = send_reminders(user=request.user, sites=sites)
        if run.digest_error or run.reflection_errors:
            messages.warning(request, run.summary())
        else:
            messages.success(request, run.summary())
        return redirect(reverse("library_loanrequest:reminders"))
    run = send_reminders(dry_run=True, sites=sites)
    return TemplateResponse(request, "library/desk/reminders.html", {"run": run})


def supervisor_update_view(request):
    """The half-yearly figures moved to the reports (library.reporting.mail_views), where the
    working group may send them too; old bookmarks land there."""
    query = request.META.get("QUERY_STRING", "")
    target = reverse("library_supervisor_update")
    return redirect(f"{target}?{query}" if query else target)


loan_desk = LoanRequestViewSet("library_loanrequest")
