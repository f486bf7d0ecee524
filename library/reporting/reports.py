"""Admin reports of the working group. Only users with library.view_reports see them; they
show figures and learning goals, never a resident's name or contact details.

Each report is a period form, a table and CSV/Excel export through Wagtail's own
SpreadsheetExportMixin (the one behind the admin's page reports), made safe against formula
injection by cms.exports.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.generic import TemplateView
from wagtail.models import Site

from cms.dates import dutch_date
from cms.exports import SafeSpreadsheetExportMixin
from cms.networks import default_network, networks_for
from library.models import BusinessCaseSettings
from library.process import deadlines
from library.reporting import business_case, charts, statistics
from library.reporting.forms import NetworkForm, PeriodForm

REPORTS_PERMISSION = "library.view_reports"


def period_from(request) -> tuple[PeriodForm, datetime.date, datetime.date]:
    start, end = business_case.last_twelve_months()
    data = request.GET if "start" in request.GET or "end" in request.GET else None
    form = PeriodForm(data, initial={"start": start, "end": end})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


@dataclass(frozen=True)
class Scope:
    """Whose figures a report shows."""

    networks: statistics.Networks  # None: every network (a superuser's total)
    chosen: Site | None  # the one network picked, if any
    label: str
    form: NetworkForm | None  # the "Netwerk" select, for whoever has more than one

    @property
    def rates_site(self) -> Site | None:
        """Whose business case rates apply. Over several networks (a superuser's total, or
        someone working for several) the default network's rates when it is among them, else
        the first network's: the rates are a regional estimate, and adding up cases computed
        at different rates would give a total no network recognises."""
        if self.chosen is not None:
            return self.chosen
        default = default_network()
        if self.networks is None or default in list(self.networks):
            return default
        return next(iter(self.networks), None)


def report_scope(user, requested: str | None) -> Scope:
    """`requested` is the ?netwerk= of the request. A network the user does not work for is
    refused (403), not quietly replaced by their own: a crafted link must not look as if it
    worked."""
    sites = list(networks_for(user).order_by("pk"))
    everything = "Alle netwerken" if user.is_superuser else "Al je netwerken"
    form = None
    if user.is_superuser or len(sites) > 1:
        form = NetworkForm({"netwerk": requested or ""}, sites=sites, everything_label=everything)
    if requested:
        chosen = next((site for site in sites if str(site.pk) == requested), None)
        if chosen is None:
            raise PermissionDenied
        return Scope([chosen], chosen, chosen.site_name or chosen.hostname, form)
    label = ", ".join(site.site_name or site.hostname for site in sites)
    if user.is_superuser or (sites and len(sites) == Site.objects.count()):
        # Every network (a single-network installation too): no filter, the same figures.
        return Scope(None, None, everything if user.is_superuser else label, form)
    return Scope(sites, None, label, form)


def scope_of(request) -> Scope:
    return report_scope(request.user, request.GET.get("netwerk"))


def business_case_view(request):
    if not request.user.has_perm(REPORTS_PERMISSION):
        raise PermissionDenied
    scope = scope_of(request)
    form, start, end = period_from(request)
    if scope.networks is None:
        counts = business_case.counts_for_period(start, end)
    else:
        counts = business_case.counts_for_period(start, end, scope.networks)
    case = business_case.compute(counts, BusinessCaseSettings.for_site(scope.rates_site))
    return TemplateResponse(
        request,
        "library/reports/business_case.html",
        {
            "form": form,
            "network_form": scope.form,
            "scope": scope,
            "start": start,
            "end": end,
            "case": case,
            "counts": counts,
        },
    )


def display(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime.date):
        return dutch_date(value)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


class WorkingGroupReport(SafeSpreadsheetExportMixin, TemplateView):
    template_name = "library/reports/report.html"
    title = ""
    description = ""
    slug = ""
    # (attribute of a row, column heading): the table and the export show the same.
    columns: list[tuple[str, str]] = []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORTS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def list_export(self):
        return [attribute for attribute, _ in self.columns]

    @property
    def export_headings(self):
        return dict(self.columns)

    def rows(self, start: datetime.date, end: datetime.date) -> list:
        raise NotImplementedError

    def report_context(self, start: datetime.date, end: datetime.date, rows: list) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        self.scope = scope_of(request)
        self.networks = self.scope.networks
        form, start, end = period_from(request)
        self.start, self.end = start, end
        rows = self.rows(start, end)
        if self.is_export:
            return self.as_spreadsheet(rows, request.GET["export"])
        table = [
            [display(getattr(row, attribute)) for attribute, _ in self.columns] for row in rows
        ]
        context = self.get_context_data(
            title=self.title,
            description=self.description,
            form=form,
            network_form=self.scope.form,
            scope=self.scope,
            start=start,
            end=end,
            headings=[heading for _, heading in self.columns],
            table=table,
            csv_url=self.csv_export_url,
            xlsx_url=self.xlsx_export_url,
            **self.report_context(start, end, rows),
        )
        return self.render_to_response(context)

    def get_filename(self):
        return f"{self.slug}_{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"


class UnmatchedGoalsReport(WorkingGroupReport):
    title = "Leerdoelen zonder passende expert"
    description = (
        "Aanvragen zonder boek, of waarvoor geen expert beschikbaar was: om te bepalen wie de "
        "werkgroep nog werft."
    )
    slug = "leerdoelen-zonder-expert"
    columns = [
        ("created", "Ontvangen"),
        ("programme", "Opleiding"),
        ("learning_goals", "Leerdoel"),
        ("competence_areas", "Competentiegebied"),
        ("book", "Boek"),
        ("status", "Status"),
        ("suggestions", "Suggesties"),
    ]

    def rows(self, start, end):
        return statistics.unmatched_goals(start, end, self.networks)

    def report_context(self, start, end, rows):
        return {"words": statistics.frequent_words([row.learning_goals for row in rows])}


class SupervisorReport(WorkingGroupReport):
    title = "Per opleider en halfjaar"
    description = (
        "Hoeveel AIOS van elke opleider een expert aanvroegen, gekoppeld werden en een gesprek "
        "voerden (elke AIOS telt één keer per halfjaar)."
    )
    slug = "per-opleider"
    columns = [
        ("supervisor", "Opleider"),
        ("half_year_label", "Halfjaar"),
        ("requested", "AIOS met aanvraag"),
        ("matched", "Gekoppeld"),
        ("held", "Gesprek gevoerd"),
    ]

    def rows(self, start, end):
        return statistics.per_supervisor(start, end, self.networks)

    def report_context(self, start, end, rows):
        return {"can_mail_supervisors": self.request.user.has_perm("library.mail_supervisors")}


class ExpertReport(WorkingGroupReport):
    title = "Per expert"
    description = (
        "Aanvragen, gesprekken en ‘niet beschikbaar’ per expert in de periode, met de "
        "evaluaties: zo ziet de werkgroep of een expert overvraagd wordt."
    )
    slug = "per-expert"
    columns = [
        ("expert", "Expert"),
        ("book", "Boek"),
        ("availability", "Nu"),
        ("requests", "Aanvragen"),
        ("conversations", "Gesprekken"),
        ("unavailable", "Niet beschikbaar"),
        ("evaluations", "Evaluaties"),
        ("usefulness", "Gemiddeld nut (1–5)"),
        ("recommend_share", "Raadt aan (%)"),
    ]

    def rows(self, start, end):
        return statistics.per_expert(start, end, self.networks)


class TurnaroundReport(WorkingGroupReport):
    title = "Doorlooptijden"
    slug = "doorlooptijden"

    # The deadlines are read when the report is shown: library/process/deadlines.py decides.
    @property
    def description(self):
        return (
            "Hoe vaak de termijnen van het leenproces gehaald worden: ontvangst bevestigd binnen "
            f"{deadlines.CONFIRM_WITHIN_WORKING_DAYS} werkdagen, antwoord van de expert binnen "
            f"{deadlines.EXPERT_ANSWERS_WITHIN_DAYS} dagen, en de tijd tot het gesprek."
        )

    @property
    def columns(self):
        return [
            ("request", "Aanvraag"),
            ("created", "Ontvangen"),
            ("confirmed", "Bevestigd"),
            ("confirmed_in_time", f"Binnen {deadlines.CONFIRM_WITHIN_WORKING_DAYS} werkdagen"),
            ("expert_asked", "Expert gevraagd"),
            ("expert_answered", "Expert antwoordde"),
            ("expert_in_time", f"Binnen {deadlines.EXPERT_ANSWERS_WITHIN_DAYS} dagen"),
            ("held", "Gesprek gevoerd"),
            ("days_to_conversation", "Dagen tot gesprek"),
        ]

    def rows(self, start, end):
        self.turnaround = statistics.turnaround(start, end, networks=self.networks)
        return self.turnaround.timelines

    def report_context(self, start, end, rows):
        return {
            "turnaround": self.turnaround,
            "chart": charts.bar_chart(
                statistics.requests_per_month(start, end, self.networks), "Aanvragen per maand"
            ),
        }


class EvaluationReport(WorkingGroupReport):
    title = "Evaluaties"
    description = (
        "Wat AIOS en experts na het gesprek invulden. Het succes van de bibliotheek: het "
        "aandeel dat een collega het lenen van een expert aanraadt."
    )
    slug = "evaluaties"
    columns = [
        ("label", "Ingevuld door"),
        ("answered", "Aantal"),
        ("usefulness", "Gemiddeld nut (1–5)"),
        ("preparation_minutes", "Voorbereiding (min)"),
        ("conversation_minutes", "Gesprek (min)"),
        ("recommend_share", "Raadt aan (%)"),
    ]

    def rows(self, start, end):
        return statistics.evaluation_summaries(start, end, self.networks)

    def report_context(self, start, end, rows):
        answered = statistics.answered_evaluations(start, end, self.networks)
        comments = [item for item in answered.order_by("answered_at") if item.comments]
        return {"comments": comments}


REPORTS = [UnmatchedGoalsReport, SupervisorReport, ExpertReport, TurnaroundReport, EvaluationReport]
