"""The half-yearly e-mail to each supervisor with their residents' figures."""

from __future__ import annotations

from dataclasses import dataclass

from library.models import EmailKind, Supervisor
from library.process.mail import ComposedEmail, compose, deliver
from library.reporting import statistics


@dataclass
class SupervisorUpdate:
    figures: statistics.SupervisorFigures
    supervisor: Supervisor | None
    email: ComposedEmail | None

    @property
    def key(self) -> str:
        return statistics.normalised(self.figures.supervisor)


def figures_text(figures: statistics.SupervisorFigures) -> str:
    return (
        f"- AIOS die een expert aanvroegen: {figures.requested}\n"
        f"- AIOS die aan een expert gekoppeld werden: {figures.matched}\n"
        f"- AIOS die een gesprek voerden: {figures.held}"
    )


def updates_for(half_year: str, networks: statistics.Networks = None) -> list[SupervisorUpdate]:
    """One update per supervisor with requests in the half-year (of `networks`, by the
    reports' counting rule; None: every network); the address comes from the supervisors
    register (Snippets → Opleiders), matched by name."""
    start, end = statistics.half_year_bounds(half_year)
    register = Supervisor.objects.all()
    if networks is not None:
        register = register.filter(site__in=networks)  # another network's address never
    known = {statistics.normalised(item.name): item for item in register}
    updates = []
    for figures in statistics.per_supervisor(start, end, networks):
        supervisor = known.get(statistics.normalised(figures.supervisor))
        email = None
        if supervisor is not None:
            email = compose(
                EmailKind.SUPERVISOR_UPDATE,
                site=supervisor.site,
                recipients=[supervisor.email],
                naam_opleider=supervisor.name,
                periode=statistics.half_year_label(half_year),
                cijfers_opleider=figures_text(figures),
            )
        updates.append(SupervisorUpdate(figures, supervisor, email))
    return updates


def send_updates(
    updates: list[SupervisorUpdate], only: set[str] | None = None
) -> tuple[list[str], list[str]]:
    """Send the updates (all, or the supervisors named in `only`); returns the names sent to
    and the failures, each as text."""
    sent, failed = [], []
    for update in updates:
        if update.email is None or (only is not None and update.key not in only):
            continue
        error = deliver(update.email)
        if error:
            failed.append(f"{update.supervisor.name}: {error}")
        else:
            sent.append(update.supervisor.name)
    return sent, failed
