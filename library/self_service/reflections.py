"""Proof for the resident's portfolio: the reflection report handed in on 'Mijn aanvraag', the
certificate of participation (PDF, rendered on request: it holds personal data, so it is never
cached) and the public check of its verification code.

A report is PDF, Word (.docx) or plain text, recognised by its first bytes rather than its
name, and kept in private storage (library.models.reflections.PrivateStorage)."""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from cms import rate_limit
from cms.models import SiteSettings
from cms.pdf import render_pdf
from cms.validators import plain_text
from library.models import (
    CompetenceArea,
    EmailKind,
    Evaluation,
    ExpertKind,
    ExpertPage,
    LoanEvent,
    LoanRequest,
    Reflection,
    Supervisor,
)
from library.models.loans import CONVERSATION_STATUSES, LoanStatus
from library.process.mail import compose, send

MAX_FILE_BYTES = 2 * 1024 * 1024
# The toolkit asks for ½–1 A4 of reflection; an hour to write it is what the certificate counts.
REFLECTION_MINUTES = 60
# Without the resident's evaluation: the cover's preparation time and a conversation of an hour.
DEFAULT_CONVERSATION_MINUTES = 60
CHECKS_PER_CLIENT_PER_HOUR = 30  # a portfolio assessor checks a few; a guesser is stopped
CERTIFICATE_TEMPLATE = "pdf/library/certificate.html"
CERTIFICATE_CSS = ("css/pdf-library.css",)
RECEIVED_NOTE = "Reflectieverslag ontvangen via ‘Mijn aanvraag’"

PDF, DOCX, TEXT = ".pdf", ".docx", ".txt"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    TEXT: "text/plain; charset=utf-8",
}
WRONG_KIND = (
    "Dit bestand is geen PDF, Word-document (.docx) of tekstbestand (.txt). Sla je verslag op "
    "in een van die vormen en probeer het opnieuw, of plak de tekst in het tekstvak."
)


def may_reflect(loan: LoanRequest) -> bool:
    """Only after the conversation: before it there is nothing to reflect on."""
    return loan.status in CONVERSATION_STATUSES and not loan.anonymised_at


def reflection_of(loan: LoanRequest) -> Reflection | None:
    return Reflection.objects.filter(request=loan).first()


# --- checking an upload ---


def is_docx(upload: UploadedFile) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return {"[Content_Types].xml", "word/document.xml"} <= names


def is_plain_text(content: bytes) -> bool:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    try:
        plain_text(text)  # no HTML renamed .txt, no control characters
    except ValidationError:
        return False
    return True


def kind_of(upload: UploadedFile) -> str | None:
    """.pdf, .docx or .txt by the file's content, or None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"PK\x03\x04"):
        kind = DOCX if is_docx(upload) else None
    else:
        kind = TEXT if is_plain_text(upload.read()) else None
    upload.seek(0)
    return kind


def check_upload(upload: UploadedFile) -> str:
    """The file's kind (its extension), or ValidationError in Dutch. The name must agree with
    the content: a program renamed .pdf is refused, and so is a PDF named .exe."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            "Dit bestand is groter dan 2 MB. Maak het kleiner (bijvoorbeeld als PDF zonder "
            "afbeeldingen) of plak de tekst in het tekstvak.",
            code="too_large",
        )
    extension = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    kind = kind_of(upload)
    if kind is None or kind != extension:
        raise ValidationError(WRONG_KIND, code="wrong_kind")
    return kind


# --- handing in ---


def hand_in(loan: LoanRequest, text: str, upload: UploadedFile | None) -> Reflection:
    """Store the report (a new one replaces the old) and note its arrival in the history, which
    the secretariat reads on the desk."""
    if not may_reflect(loan):
        raise ValidationError("Je reflectieverslag kun je na het gesprek inleveren.")
    with transaction.atomic():
        reflection, _ = Reflection.objects.select_for_update().get_or_create(request=loan)
        old_file = reflection.file.name if upload is not None else ""
        reflection.text = text
        if upload is not None:
            reflection.file.save(f"verslag{check_upload(upload)}", upload, save=False)
        reflection.received_at = timezone.now()
        reflection.save()
        LoanEvent.note(loan, RECEIVED_NOTE)
    if old_file:
        # After the commit: a rollback must not leave the row pointing at a deleted file.
        Reflection.file.field.storage.delete(old_file)
    return reflection


def erase(loan: LoanRequest) -> None:
    """Retention and erasure: the report's text and file go. The row and its code stay, so an
    assessor can still check that the certificate is genuine (the check names no one)."""
    reflection = reflection_of(loan)
    if reflection is None:
        return
    if reflection.file:
        reflection.file.delete(save=False)
    reflection.text = ""
    reflection.save(update_fields=["text", "file"])


def export(loan: LoanRequest) -> dict | None:
    """The report in the resident's data export (AVG right of access); from the request's
    select_related("reflection"), so a resident with many requests costs no extra queries."""
    try:
        reflection = loan.reflection
    except Reflection.DoesNotExist:
        return None
    return {
        "ontvangen_op": reflection.received_at.isoformat() if reflection.received_at else None,
        "tekst": reflection.text,
        "bestand_aanwezig": bool(reflection.file),
    }


# --- the certificate ---


@dataclass(frozen=True)
class Hours:
    preparation: int
    conversation: int
    reflection: int
    from_evaluation: bool

    @property
    def total_minutes(self) -> int:
        return self.preparation + self.conversation + self.reflection

    @property
    def total(self) -> str:
        """In quarter hours, Dutch notation: '2,25 uur'."""
        quarters = (Decimal(self.total_minutes) / 15).quantize(Decimal(1), ROUND_HALF_UP)
        hours = quarters / 4
        return f"{hours.normalize():f}".replace(".", ",") + " uur"


def hours(loan: LoanRequest) -> Hours:
    """The resident's own minutes from their evaluation where given; else the cover's
    preparation time and an hour's conversation."""
    evaluation = loan.evaluations.filter(
        role=Evaluation.Role.RESIDENT, answered_at__isnull=False
    ).first()
    cover_preparation = loan.expert.preparation_minutes if loan.expert else 0
    preparation = evaluation.preparation_minutes if evaluation else None
    conversation = evaluation.conversation_minutes if evaluation else None
    return Hours(
        preparation=cover_preparation if preparation is None else preparation,
        conversation=DEFAULT_CONVERSATION_MINUTES if conversation is None else conversation,
        reflection=REFLECTION_MINUTES,
        from_evaluation=evaluation is not None,
    )


def conversation_date(loan: LoanRequest) -> datetime.date:
    """The appointment, or else the day the conversation was recorded as held."""
    if loan.appointment_at:
        return timezone.localdate(loan.appointment_at)
    held = (
        loan.events.filter(kind=LoanEvent.Kind.STATUS, to_status=LoanStatus.CONVERSATION_HELD)
        .order_by("-at")
        .first()
    )
    return timezone.localdate(held.at if held else loan.status_changed_at)


def organisation() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).organisation_name if site else ""


def certificate_areas(loan: LoanRequest, expert: ExpertPage | None) -> list[CompetenceArea]:
    """The areas the resident linked the goal to, in the programme's words; without them the
    cover's areas, as before the loan form asked."""
    return list(loan.competence_areas.all()) or (
        list(expert.competence_areas.all()) if expert else []
    )


def certificate_context(loan: LoanRequest, reflection: Reflection, verify_url: str) -> dict:
    expert = loan.expert
    return {
        "loan": loan,
        "programme": loan.programme_other or loan.get_programme_display(),
        "book_title": loan.book_title or (expert.title if expert else ""),
        "kind": ExpertKind(expert.kind).label if expert else "",
        "competence_areas": certificate_areas(loan, expert),
        "essences": list(expert.essences.order_by("number")) if expert else [],
        "date": conversation_date(loan),
        "hours": hours(loan),
        "reflection": reflection,
        "code": reflection.certificate_code,
        "verify_url": verify_url,
        "organisation": organisation(),
        "issued_on": timezone.localdate(),
    }


def render_certificate(loan: LoanRequest, reflection: Reflection, verify_url: str) -> bytes:
    context = certificate_context(loan, reflection, verify_url)
    return render_pdf(CERTIFICATE_TEMPLATE, context, extra_css=CERTIFICATE_CSS)


# --- the public check ---


def may_check(client: str | None) -> bool:
    return rate_limit.take(f"certificate-check:{client}", CHECKS_PER_CLIENT_PER_HOUR)


@dataclass(frozen=True)
class Verified:
    """All the check reveals: that it is genuine, its date and its book; never the name."""

    date: datetime.date
    book_title: str


def verify(code: str) -> Verified | None:
    reflection = (
        Reflection.objects.select_related("request")
        .filter(certificate_code=code.strip().upper(), received_at__isnull=False)
        .first()
    )
    if reflection is None or reflection.request.status not in CONVERSATION_STATUSES:
        return None
    loan = reflection.request
    return Verified(date=conversation_date(loan), book_title=loan.book_title)


# --- a copy for the supervisor, with the resident's consent ---


def supervisor_of(loan: LoanRequest) -> Supervisor | None:
    """The supervisor in the register (Snippets → Opleiders) by the name the resident gave."""
    wanted = " ".join(loan.supervisor.split()).casefold()
    known = Supervisor.objects.filter(site=loan.site_id)  # the network's own register
    return next((item for item in known if " ".join(item.name.split()).casefold() == wanted), None)


def send_to_supervisor(loan: LoanRequest, reflection: Reflection, verify_url: str):
    """Mail the certificate to the supervisor; only on the resident's explicit request. A
    ValidationError (in Dutch) when the supervisor is not in the register: the resident then
    forwards it themselves (we never mail an address a visitor typed)."""
    supervisor = supervisor_of(loan)
    if supervisor is None:
        raise ValidationError(
            "Je opleider staat niet in ons overzicht van opleiders. Download het certificaat "
            "en stuur het zelf door."
        )
    email = compose(
        EmailKind.CERTIFICATE_COPY,
        loan,
        recipients=[supervisor.email],
        naam_opleider=supervisor.name,
    )
    pdf = render_certificate(loan, reflection, verify_url)
    email.attachments.append(
        (f"certificaat-{reflection.certificate_code}.pdf", pdf, "application/pdf")
    )
    event = send(loan, email)
    LoanEvent.note(loan, "Certificaat naar de opleider gestuurd, op verzoek van de AIOS")
    return event
