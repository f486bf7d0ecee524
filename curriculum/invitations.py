"""The invitation a trainer sends to participants: what to prepare, how long it takes, where.

The trainer guide asks the trainer to tell participants early what they must do beforehand.
The workshop page offers that e-mail ready to copy, as a text file and as an e-mail draft
(.eml) that a mail client opens as a new message. The date, place and signature are left as
placeholders in square brackets: the site knows the workshop, not the trainer's session.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate

from django.http import Http404, HttpRequest, HttpResponse

from cms.pdf import pdf_response
from cms.text import single_line
from curriculum.models import WorkshopPage

DATE_PLACEHOLDER = "[datum en tijd]"
PLACE_PLACEHOLDER = "[plaats]"
SIGNATURE_PLACEHOLDER = "[naam trainer]"
TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"
EML_CONTENT_TYPE = "message/rfc822"


def absolute(url: str, request: HttpRequest | None) -> str:
    """A link written out in full: a participant reads it in a mail, far from this site."""
    if url.startswith("/") and request is not None:
        return request.build_absolute_uri(url)
    return url


def invitation_subject(workshop: WorkshopPage) -> str:
    # One line: a title pasted from Word may hold a line break an e-mail header refuses.
    return single_line(f"Uitnodiging workshop ‘{workshop.title}’: zo bereid je je voor")


def _listed(
    items: list[tuple[str, str]], request: HttpRequest | None, shown: set[str]
) -> list[str]:
    """One line per item, its link written out in full on the next line, once per e-mail."""
    lines = []
    for text, link in items:
        lines.append(f"- {text}")
        if link and link not in shown:
            shown.add(link)
            lines.append(f"  {absolute(link, request)}")
    return lines


def _preparation_tasks(
    workshop: WorkshopPage, request: HttpRequest | None, shown: set[str]
) -> list[str]:
    tasks = workshop.participant_preparation
    return _listed([(task.value["text"], task.value["link"]) for task in tasks], request, shown)


def _preparation_time(
    workshop: WorkshopPage, request: HttpRequest | None, shown: set[str]
) -> list[str]:
    items = [
        (f"{item.value['minutes']} minuten: {item.value['activity']}", item.value["link"])
        for item in workshop.preparation_items
    ]
    return _listed(items, request, shown)


def invitation_body(workshop: WorkshopPage, request: HttpRequest | None = None) -> str:
    """The e-mail itself, plain text, without the subject line."""
    series = workshop.series
    essence = workshop.essence
    part_of = f" uit de reeks ‘{series.series_title}’" if series else ""
    lines = [
        "Hallo,",
        "",
        f"Op {DATE_PLACEHOLDER} volg je in {PLACE_PLACEHOLDER} de workshop "
        f"‘{workshop.title}’ (deel {workshop.part_number}{part_of}). In "
        f"{workshop.duration_minutes} minuten gaan we samen aan de slag met de essentie "
        f"{essence.name} van het Kwaliteitskader palliatieve zorg Nederland.",
        "",
        "De workshop gaat uit van je eigen ervaring en van wat je vooraf leest, luistert en "
        "bekijkt. Wil je je daarom zo voorbereiden?",
    ]
    shown: set[str] = set()  # a link the tasks gave already is not repeated under the time
    tasks = _preparation_tasks(workshop, request, shown)
    if tasks:
        lines += ["", "Wat je vooraf doet:", *tasks]
    items = _preparation_time(workshop, request, shown)
    if items:
        lines += [
            "",
            f"Hoeveel tijd het kost: ongeveer {workshop.preparation_total} minuten in totaal.",
            *items,
        ]
    if essence.reading_question:
        lines += [
            "",
            "Leesvraag: neem deze vraag mee als je leest en luistert.",
            f"„{essence.reading_question}”",
        ]
    lines += [
        "",
        "Neem je aantekeningen en je eigen leerpunten mee naar de workshop.",
        "Heb je vragen, of lukt het je niet om te komen? Laat het me dan weten.",
        "",
        "Tot dan!",
        "",
        "Met vriendelijke groet,",
        SIGNATURE_PLACEHOLDER,
    ]
    return "\n".join(lines) + "\n"


def invitation_text(workshop: WorkshopPage, request: HttpRequest | None = None) -> str:
    """Subject line and body, as the trainer copies it from the page or the .txt file."""
    return f"Onderwerp: {invitation_subject(workshop)}\n\n{invitation_body(workshop, request)}"


def invitation_email(workshop: WorkshopPage, request: HttpRequest | None = None) -> bytes:
    """An unsent e-mail draft (RFC 5322): no sender or recipients, marked X-Unsent so mail
    clients open it as a new message that the trainer addresses and sends."""
    message = EmailMessage()
    message["Subject"] = invitation_subject(workshop)
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(invitation_body(workshop, request), charset="utf-8")
    return message.as_bytes(policy=SMTP)


def invitation_response(
    request: HttpRequest, workshop: WorkshopPage, extension: str
) -> HttpResponse:
    if extension == "txt":
        content = invitation_text(workshop, request).encode("utf-8")
        content_type = TEXT_CONTENT_TYPE
    elif extension == "eml":
        content = invitation_email(workshop, request)
        content_type = EML_CONTENT_TYPE
    else:
        raise Http404("Onbekend bestandstype")
    return pdf_response(
        content, f"uitnodiging-{workshop.slug}.{extension}", inline=False, content_type=content_type
    )
