"""The working group's figures, computed from the register for a period (dates inclusive).

Every figure here is computed from what anonymisation keeps (dates, status history, programme,
supervisor, book, learning goal, resident key, evaluations), so purging personal data never
changes a report.
"""

from __future__ import annotations

import datetime
import re
import statistics as stats
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, Site

from cms.dates import dutch_date
from library.catalogue.suggestions import STOP_WORDS, suggest_books
from library.models import (
    Availability,
    Evaluation,
    ExpertPage,
    LoanEvent,
    LoanRequest,
    LoanStatus,
)
from library.process import deadlines

S = LoanStatus
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def yes_no(value: bool | None) -> str:
    return {True: "ja", False: "nee"}.get(value, "")


# The networks a report covers: None for every network (a superuser's total), else the sites.
Networks = QuerySet[Site] | list[Site] | None


def counted_for(requests: QuerySet[LoanRequest], networks: Networks) -> QuerySet[LoanRequest]:
    """The one counting rule for lending across networks: a request counts for a network when
    that network owns it (`site`, the expert's network) OR its form was used there
    (`requested_on`). A loan across two networks so counts for both; the total over every
    network (networks=None) counts it once."""
    if networks is None:
        return requests
    return requests.filter(Q(site__in=networks) | Q(requested_on__in=networks))


def pages_of(pages: QuerySet, networks: Networks) -> QuerySet:
    """Pages (covers) in the trees of these networks."""
    if networks is None:
        return pages
    roots = Page.objects.filter(sites_rooted_here__in=networks)
    condition = Q(pk__in=[])
    for root in roots:
        condition |= Q(path__startswith=root.path)
    return pages.filter(condition)


def requests_in(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> QuerySet[LoanRequest]:
    return counted_for(
        LoanRequest.objects.filter(created_at__date__gte=start, created_at__date__lte=end),
        networks,
    )


def status_events(to_status: str) -> QuerySet[LoanEvent]:
    return LoanEvent.objects.filter(kind=LoanEvent.Kind.STATUS, to_status=to_status)


def half_year(day: datetime.date) -> str:
    return f"{day.year}-{1 if day.month <= 6 else 2}"


def half_year_label(key: str) -> str:
    year, half = key.split("-")
    return f"{'1e' if half == '1' else '2e'} halfjaar {year}"


def half_year_bounds(key: str) -> tuple[datetime.date, datetime.date]:
    year, half = (int(part) for part in key.split("-"))
    if half == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def recent_half_years(today: datetime.date, count: int = 4) -> list[str]:
    """The half-year of `today` and the ones before it, newest first."""
    keys = []
    year, half = today.year, 1 if today.month <= 6 else 2
    for _ in range(count):
        keys.append(f"{year}-{half}")
        year, half = (year, 1) if half == 2 else (year - 1, 2)
    return keys


# --- learning goals without a fitting expert ---


@dataclass(frozen=True)
class UnmatchedGoal:
    created: datetime.date
    programme: str
    learning_goals: str
    status: str
    book: str
    # The areas the resident linked the goal to: where the working group recruits.
    competence_areas: str = ""
    # Books in the catalogue now that may fit the goal: "geen" marks whom to recruit.
    suggestions: str = "geen"


def unmatched_goals(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> list[UnmatchedGoal]:
    """Requests sent without a book, or for which no expert could be found."""
    no_expert = status_events(S.NO_EXPERT).values("request") | status_events(S.CLOSED).values(
        "request"
    )
    found = requests_in(start, end, networks).filter(Q(expert__isnull=True) | Q(pk__in=no_expert))
    return [
        UnmatchedGoal(
            created=timezone.localdate(loan.created_at),
            programme=loan.get_programme_display(),
            learning_goals=loan.learning_goals,
            status=loan.get_status_display(),
            book=loan.book_title or "geen expert gevonden",
            competence_areas=", ".join(area.name for area in loan.competence_areas.all()),
            # One search per goal: the report lists tens of goals a year, not thousands.
            suggestions=", ".join(
                book.title for book in suggest_books(loan.learning_goals, site=loan.site)
            )
            or "geen",
        )
        for loan in found.order_by("created_at").prefetch_related("competence_areas")
    ]


def frequent_words(texts: list[str], limit: int = 15) -> list[tuple[str, int]]:
    """The most frequent meaningful words, each counted once per text."""
    counter: Counter[str] = Counter()
    for text in texts:
        words = {word.lower() for word in WORD.findall(text)}
        counter.update(word for word in words if len(word) > 3 and word not in STOP_WORDS)
    return [(word, count) for word, count in counter.most_common(limit) if count > 1] or [
        (word, count) for word, count in counter.most_common(limit)
    ]


# --- per supervisor and half-year ---


@dataclass(frozen=True)
class SupervisorFigures:
    supervisor: str
    half_year: str
    requested: int
    matched: int
    held: int

    @property
    def half_year_label(self) -> str:
        return half_year_label(self.half_year)


def normalised(name: str) -> str:
    return " ".join(name.split()).casefold()


def per_supervisor(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> list[SupervisorFigures]:
    """Residents (not requests) per supervisor and half-year: a resident who asked twice is
    one resident."""
    loans = list(
        requests_in(start, end, networks)
        .order_by("created_at")
        .values("pk", "supervisor", "resident_key", "created_at")
    )
    ids = [loan["pk"] for loan in loans]
    matched = set(
        status_events(S.MATCHED).filter(request__in=ids).values_list("request", flat=True)
    )
    held = set(
        status_events(S.CONVERSATION_HELD).filter(request__in=ids).values_list("request", flat=True)
    )
    groups: dict[tuple[str, str], dict[str, set]] = defaultdict(
        lambda: {"requested": set(), "matched": set(), "held": set()}
    )
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for loan in loans:
        name = normalised(loan["supervisor"])
        spellings[name][" ".join(loan["supervisor"].split())] += 1
        resident = loan["resident_key"] or f"request-{loan['pk']}"
        group = groups[(name, half_year(timezone.localdate(loan["created_at"])))]
        group["requested"].add(resident)
        if loan["pk"] in matched:
            group["matched"].add(resident)
        if loan["pk"] in held:
            group["held"].add(resident)
    return [
        SupervisorFigures(
            # the spelling most residents used (the earliest on a tie)
            supervisor=spellings[name].most_common(1)[0][0],
            half_year=key,
            requested=len(group["requested"]),
            matched=len(group["matched"]),
            held=len(group["held"]),
        )
        for (name, key), group in sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]))
    ]


# --- evaluations ---


@dataclass(frozen=True)
class EvaluationSummary:
    label: str
    answered: int
    usefulness: float | None
    preparation_minutes: float | None
    conversation_minutes: float | None
    recommend_share: float | None


def mean(values: list) -> float | None:
    values = [value for value in values if value is not None]
    return round(stats.fmean(values), 1) if values else None


def share(values: list[bool]) -> float | None:
    return round(100 * sum(values) / len(values)) if values else None


def summarise(label: str, evaluations: list[Evaluation]) -> EvaluationSummary:
    return EvaluationSummary(
        label=label,
        answered=len(evaluations),
        usefulness=mean([item.usefulness for item in evaluations]),
        preparation_minutes=mean([item.preparation_minutes for item in evaluations]),
        conversation_minutes=mean([item.conversation_minutes for item in evaluations]),
        recommend_share=share(
            [item.would_recommend for item in evaluations if item.would_recommend is not None]
        ),
    )


def answered_evaluations(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> QuerySet[Evaluation]:
    answered = Evaluation.objects.filter(answered_at__date__gte=start, answered_at__date__lte=end)
    if networks is not None:
        answered = answered.filter(request__in=counted_for(LoanRequest.objects.all(), networks))
    return answered.select_related("request")


def evaluation_summaries(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> list[EvaluationSummary]:
    answered = list(answered_evaluations(start, end, networks))
    return [
        summarise(role.label, [item for item in answered if item.role == role])
        for role in Evaluation.Role
    ] + [summarise("Samen", answered)]


# --- per expert ---


@dataclass(frozen=True)
class ExpertFigures:
    expert: str
    book: str
    availability: str
    requests: int
    conversations: int
    unavailable: int
    evaluations: int
    usefulness: float | None
    recommend_share: float | None


def availability_label(expert: ExpertPage, published: bool) -> str:
    if not published:
        return "Teruggetreden" if expert.availability == Availability.WITHDRAWN else "Offline"
    if expert.is_absent():
        return f"Afwezig tot en met {dutch_date(expert.absent_until)}"
    return "Beschikbaar"


def per_expert(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> list[ExpertFigures]:
    """Per book: requests that were for this expert at some point in the period, the
    conversations held and how often the expert could not."""
    events = LoanEvent.objects.filter(
        kind=LoanEvent.Kind.STATUS,
        expert__isnull=False,
        at__date__gte=start,
        at__date__lte=end,
        request__in=counted_for(LoanRequest.objects.all(), networks),
    ).values_list("expert", "request", "to_status")
    requests: dict[int, set[int]] = defaultdict(set)
    held: dict[int, set[int]] = defaultdict(set)
    unavailable: Counter[int] = Counter()
    for expert_id, request_id, to_status in events:
        requests[expert_id].add(request_id)
        if to_status == S.CONVERSATION_HELD:
            held[expert_id].add(request_id)
        elif to_status == S.EXPERT_UNAVAILABLE:
            unavailable[expert_id] += 1
    evaluations: dict[int, list[Evaluation]] = defaultdict(list)
    for evaluation in answered_evaluations(start, end, networks):
        if evaluation.request.expert_id:
            evaluations[evaluation.request.expert_id].append(evaluation)
    # The networks' own live covers, and any cover their requests went to (lent across).
    own_live = pages_of(ExpertPage.objects.filter(live=True), networks).values("pk")
    experts = ExpertPage.objects.filter(Q(pk__in=own_live) | Q(pk__in=list(requests))).order_by(
        "expert_name"
    )
    # One query for the rule, not one per expert.
    published = set(ExpertPage.objects.published().values_list("pk", flat=True))
    rows = []
    for expert in experts:
        summary = summarise(expert.expert_name, evaluations[expert.pk])
        rows.append(
            ExpertFigures(
                expert=expert.expert_name,
                book=expert.title,
                availability=availability_label(expert, expert.pk in published),
                requests=len(requests[expert.pk]),
                conversations=len(held[expert.pk]),
                unavailable=unavailable[expert.pk],
                evaluations=summary.answered,
                usefulness=summary.usefulness,
                recommend_share=summary.recommend_share,
            )
        )
    return rows


# --- turnaround against the process deadlines ---


@dataclass(frozen=True)
class RequestTimeline:
    request: int
    created: datetime.date
    confirmed: datetime.date | None
    confirmed_in_time: str
    expert_asked: datetime.date | None
    expert_answered: datetime.date | None
    expert_in_time: str
    held: datetime.date | None
    days_to_conversation: int | None


@dataclass(frozen=True)
class Turnaround:
    timelines: list[RequestTimeline]

    def _share(self, attribute: str) -> float | None:
        decided = [getattr(row, attribute) for row in self.timelines]
        decided = [value == "ja" for value in decided if value]
        return share(decided)

    @property
    def confirmed_in_time_share(self) -> float | None:
        return self._share("confirmed_in_time")

    @property
    def expert_in_time_share(self) -> float | None:
        return self._share("expert_in_time")

    @property
    def median_days_to_conversation(self) -> float | None:
        days = [row.days_to_conversation for row in self.timelines if row.days_to_conversation]
        return stats.median(days) if days else None


def first_change(changes: list[LoanEvent], status: str) -> LoanEvent | None:
    return next((event for event in changes if event.to_status == status), None)


def turnaround(
    start: datetime.date,
    end: datetime.date,
    today: datetime.date | None = None,
    networks: Networks = None,
) -> Turnaround:
    today = today or timezone.localdate()
    local = timezone.localdate
    loans = list(
        requests_in(start, end, networks).order_by("created_at").prefetch_related("events")
    )
    timelines = []
    for loan in loans:
        created = local(loan.created_at)
        changes = [event for event in loan.events.all() if event.kind == LoanEvent.Kind.STATUS]
        confirmed = first_change(changes, S.CONFIRMED)
        confirm_due = deadlines.confirm_due_after(created)
        if confirmed:
            confirmed_in_time = yes_no(local(confirmed.at) <= confirm_due)
        else:
            confirmed_in_time = "nee" if today > confirm_due else ""
        asked = first_change(changes, S.WAITING_FOR_EXPERT)
        answer = next((event for event in changes if event.at > asked.at), None) if asked else None
        expert_in_time = ""
        if asked:
            answer_due = deadlines.expert_answer_due_after(local(asked.at))
            if answer:
                expert_in_time = yes_no(local(answer.at) <= answer_due)
            elif today > answer_due:
                expert_in_time = "nee"
        held = first_change(changes, S.CONVERSATION_HELD)
        timelines.append(
            RequestTimeline(
                request=loan.pk,
                created=created,
                confirmed=local(confirmed.at) if confirmed else None,
                confirmed_in_time=confirmed_in_time,
                expert_asked=local(asked.at) if asked else None,
                expert_answered=local(answer.at) if answer else None,
                expert_in_time=expert_in_time,
                held=local(held.at) if held else None,
                days_to_conversation=(local(held.at) - created).days if held else None,
            )
        )
    return Turnaround(timelines)


def requests_per_month(
    start: datetime.date, end: datetime.date, networks: Networks = None
) -> list[tuple[str, int]]:
    counts = Counter(
        (day.year, day.month)
        for day in (
            timezone.localdate(created)
            for created in requests_in(start, end, networks).values_list("created_at", flat=True)
        )
    )
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((f"{MONTHS[month - 1]} {year}", counts[(year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
