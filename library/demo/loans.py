"""Demo loan requests over the past year, so the desk and the working group's reports have
something to show. Fictional residents; generated from a fixed seed, so every run is the same
relative to today."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from library.models import (
    Evaluation,
    ExpertPage,
    LoanEvent,
    LoanRequest,
    LoanStatus,
    Programme,
    Supervisor,
)
from library.process import loans

S = LoanStatus
SUPERVISORS = [
    ("Dr. M. Vermeulen", "m.vermeulen@opleiding.example", "Huisartsopleiding regio Oost"),
    ("Drs. A. de Lange", "a.delange@opleiding.example", "Ouderengeneeskunde"),
    ("Dr. R. Koster", "r.koster@opleiding.example", "Anesthesiologie"),
    ("Dr. L. Yilmaz", "l.yilmaz@opleiding.example", "Interne-ouderengeneeskunde"),
]
RESIDENTS = [
    ("Noor Willems", Programme.GENERAL_PRACTICE, 0),
    ("Daan Visser", Programme.GENERAL_PRACTICE, 0),
    ("Fleur Jacobs", Programme.ELDERLY_CARE, 1),
    ("Sem Kuipers", Programme.ELDERLY_CARE, 1),
    ("Lotte Peeters", Programme.ANESTHESIOLOGY, 2),
    ("Ravi Ramdin", Programme.ANESTHESIOLOGY, 2),
    ("Iris van Dam", Programme.INTERNAL_ELDERLY, 3),
    ("Mees Hendriks", Programme.GENERAL_PRACTICE, 0),
    ("Zoë Maas", Programme.ELDERLY_CARE, 1),
    ("Jesse Mertens", Programme.GENERAL_PRACTICE, 0),
]
GOALS = [
    "Ik wil leren hoe ik met een patiënt praat over stoppen met behandelen.",
    "Ik wil beter begrijpen wat naasten nodig hebben in de laatste levensweek.",
    "Ik wil oefenen met het bespreken van de wens om te sterven.",
    "Ik wil weten hoe ik spirituele vragen herken en bespreek.",
    "Ik wil leren hoe ik pijn en benauwdheid in de stervensfase goed behandel.",
    "Ik wil beter omgaan met mijn eigen emoties na het overlijden van een patiënt.",
    "Ik wil leren hoe ik proactieve zorgplanning start bij kwetsbare ouderen.",
    "Ik wil weten hoe een vrijwilliger thuis de familie ondersteunt.",
]
GOALS_WITHOUT_EXPERT = [
    "Ik wil leren hoe ik palliatieve zorg bespreek met patiënten met een migratieachtergrond.",
    "Ik wil leren hoe ik met kinderen van een stervende ouder praat.",
    "Ik wil meer weten over palliatieve zorg bij mensen met een verstandelijke beperking.",
]


def backdated_request(
    expert: ExpertPage | None,
    created: datetime.datetime,
    steps: list[tuple[str, datetime.datetime]],
    **fields,
) -> LoanRequest:
    """A request received at `created` that went through `steps` ((status, when) pairs), as
    if the desk had processed it then. For demo content and tests."""
    loan = loans.register(expert=expert, **fields)
    LoanRequest.objects.filter(pk=loan.pk).update(
        created_at=created, status_changed_at=created, consent_at=created
    )
    loan.events.update(at=created)
    loan.refresh_from_db()
    for status, when in steps:
        loans.change_status(loan, status)
        loan.events.filter(to_status=status).update(at=when)
        LoanRequest.objects.filter(pk=loan.pk).update(status_changed_at=when)
        loan.refresh_from_db()
    return loan


# The ways a request goes through the desk, step by step: to a conversation held and
# completed, to an expert who cannot, and to no expert found. Tests build histories with them too.
PATHS = {
    "held": [S.CONFIRMED, S.WAITING_FOR_EXPERT, S.MATCHED, S.CONVERSATION_HELD, S.COMPLETED],
    "unavailable": [S.CONFIRMED, S.WAITING_FOR_EXPERT, S.EXPERT_UNAVAILABLE],
    "no_expert": [S.CONFIRMED, S.NO_EXPERT, S.CLOSED],
}
# Days from the step before to each status in the demo: (fewest, most).
DEMO_DAYS = {
    S.CONFIRMED: (1, 8),
    S.WAITING_FOR_EXPERT: (0, 1),
    S.MATCHED: (1, 9),
    S.CONVERSATION_HELD: (8, 25),
    S.COMPLETED: (5, 15),
    S.EXPERT_UNAVAILABLE: (2, 10),
    S.NO_EXPERT: (0, 2),
    S.CLOSED: (10, 30),
}


def demo_steps(rng: random.Random, created: datetime.datetime, path: str):
    at = created
    steps = []
    for status in PATHS[path]:
        low, high = DEMO_DAYS[status]
        at = at + datetime.timedelta(days=rng.randint(low, high), hours=rng.randint(0, 5))
        steps.append((status, at))
    return steps


def load() -> None:
    for name, email, organisation in SUPERVISORS:
        Supervisor.objects.get_or_create(
            name=name, defaults={"email": email, "organisation": organisation}
        )
    if LoanRequest.objects.exists():
        return  # never add demo requests to a register that is in use
    experts = list(ExpertPage.objects.live().order_by("pk"))
    if not experts:
        return
    rng = random.Random(7)  # noqa: S311 - demo data, not security
    now = timezone.now()
    for index in range(26):
        created = now - datetime.timedelta(days=360 - index * 14, hours=rng.randint(0, 8))
        name, programme, supervisor = RESIDENTS[index % len(RESIDENTS)]
        path = rng.choices(["held", "unavailable", "no_expert"], weights=[7, 2, 1])[0]
        expert = None if path == "no_expert" else rng.choice(experts)
        steps = [(s, when) for s, when in demo_steps(rng, created, path) if when < now]
        loan = backdated_request(
            expert,
            created,
            steps,
            name=name,
            email=f"{name.split()[0].lower()}@aios.example",
            phone=f"06-5555 {1000 + index}",
            programme=programme,
            supervisor=SUPERVISORS[supervisor][0],
            learning_goals=rng.choice(GOALS_WITHOUT_EXPERT if expert is None else GOALS),
            motivation="Dit komt in mijn werk vaak voor en ik voel me er nog onzeker over.",
        )
        held = loan.events.filter(kind=LoanEvent.Kind.STATUS, to_status=S.CONVERSATION_HELD)
        if held.exists():
            answered = held.get().at + datetime.timedelta(days=2)
            for role in Evaluation.Role:
                if rng.random() < 0.8 and answered < now:
                    Evaluation.objects.create(
                        request=loan,
                        role=role,
                        answered_at=answered,
                        usefulness=rng.choice([3, 4, 4, 5, 5]),
                        preparation_minutes=rng.choice([10, 15, 20, 30]),
                        conversation_minutes=rng.choice([45, 50, 60]),
                        would_recommend=rng.random() < 0.85,
                    )
