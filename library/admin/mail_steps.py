"""What the admin says after a step that sends an e-mail, or after sending a failed one again
(the loan desk, a candidate's dossier)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages

from library.models import LoanEvent


def retry_and_report(request, retry: Callable[[], LoanEvent], refusals: tuple) -> None:
    """Run `retry` on a POST and say in Dutch how it went; a refusal (one of `refusals`) is
    shown as an error, the rest of the admin stays where it was."""
    if request.method != "POST":
        return
    try:
        result = retry()
    except refusals as error:
        messages.error(request, str(error))
        return
    if result.kind == LoanEvent.Kind.EMAIL_SENT:
        messages.success(request, "De e-mail is alsnog verstuurd.")
    elif result.on_its_way:
        messages.success(request, "De e-mail staat klaar en gaat zo de deur uit.")
    else:
        messages.warning(request, f"Opnieuw mislukt: {result.error}")


def report_step(request, event: LoanEvent | None, *, done: str, recorded: str) -> None:
    """A step is recorded before its e-mail goes out: say so when the e-mail failed."""
    if event is not None and event.kind == LoanEvent.Kind.EMAIL_FAILED and not event.on_its_way:
        messages.warning(
            request,
            f"{recorded}, maar de e-mail kon niet worden verstuurd ({event.error}). Verstuur "
            "hem later opnieuw vanuit de geschiedenis.",
        )
    else:
        messages.success(request, done)
