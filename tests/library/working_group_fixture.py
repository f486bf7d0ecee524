"""Known requests across the two half-years of 2025, with the figures they must give."""

from library.models import Evaluation
from tests.factories import (
    BRAM,
    CARLA,
    history,
    local_time,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan_with_history,
)


def build() -> dict:
    catalogue = make_lending_catalogue(make_home())
    bram = make_expert(catalogue, **BRAM)
    carla = make_expert(catalogue, **CARLA)
    t = local_time
    a = make_loan_with_history(
        bram,
        t(2025, 2, 3),
        history("held", t(2025, 2, 5), t(2025, 2, 6), t(2025, 2, 10), t(2025, 3, 3)),
        learning_goals="Hoop bespreken bij ongeneeslijk zieke jonge ouders.",
    )
    b = make_loan_with_history(
        None,
        t(2025, 3, 10),
        history("no_expert", t(2025, 3, 20), t(2025, 3, 21), t(2025, 4, 1)),
        learning_goals="Spirituele zorg bij ouders met jonge kinderen; rituelen rond sterven.",
    )
    c = make_loan_with_history(
        carla,
        t(2025, 5, 5),
        history("unavailable", t(2025, 5, 6), t(2025, 5, 6), t(2025, 5, 20)),
        name="Tom Kok",
        email="tom@example.org",
        supervisor="dr.  p. visser",
    )
    d = make_loan_with_history(
        carla,
        t(2025, 9, 1),
        history("held", t(2025, 9, 2), t(2025, 9, 2), t(2025, 9, 5), t(2025, 9, 20)),
        name="Lisa Mol",
        email="lisa@example.org",
        supervisor="Drs. K. Bakker",
    )
    e = make_loan_with_history(
        bram,
        t(2025, 10, 1),
        history(
            "held", t(2025, 10, 2), t(2025, 10, 2), t(2025, 10, 4), t(2025, 10, 31), t(2025, 11, 15)
        ),
        name="Piet Bos",
        email="piet@example.org",
        supervisor="Drs. K. Bakker",
    )
    for loan, role, usefulness, preparation, talk, recommend, answered in [
        (d, Evaluation.Role.RESIDENT, 4, 20, 45, True, t(2025, 9, 25)),
        (d, Evaluation.Role.EXPERT, 5, 10, 50, True, t(2025, 9, 26)),
        (a, Evaluation.Role.RESIDENT, 2, 30, 60, False, t(2025, 3, 10)),
    ]:
        Evaluation.objects.create(
            request=loan,
            role=role,
            usefulness=usefulness,
            preparation_minutes=preparation,
            conversation_minutes=talk,
            would_recommend=recommend,
            answered_at=answered,
            comments="Heel leerzaam." if role == Evaluation.Role.EXPERT else "",
        )
    return {"bram": bram, "carla": carla, "a": a, "b": b, "c": c, "d": d, "e": e}
