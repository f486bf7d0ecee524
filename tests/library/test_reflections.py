"""Proof for the portfolio: the reflection report on 'Mijn aanvraag', the certificate of
participation and its public check, through HTTP."""

import datetime
import io
import json
import zipfile
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from cms import roles
from library.models import CompetenceArea, Evaluation, LoanRequest, LoanStatus, Reflection
from library.process import retention
from library.self_service import reflections, request_link
from tests.factories import history, local_time, make_essence, make_loan_with_history, user_in_group

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
TEXT = "Het gesprek leerde me dat hoop houden iets anders is dan beloven dat het goed komt."


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def desk_client(group: str) -> Client:
    client = Client()
    client.force_login(user_in_group(group))
    return client


@pytest.fixture
def desk(db):
    return desk_client(roles.SECRETARIAT)


def loan_until(expert, steps: int) -> LoanRequest:
    """A request along the 'held' path: 4 steps reach "Gesprek gevoerd"."""
    dates = [local_time(2026, 3, day) for day in (2, 3, 5, 20, 27)[:steps]]
    return make_loan_with_history(expert, local_time(2026, 3, 1), history("held", *dates))


@pytest.fixture
def held(library):
    expert = library["first"]
    expert.competence_areas.set(CompetenceArea.objects.filter(slug="communiceren"))
    expert.essences.set([make_essence(5, "Coördinatie en continuïteit")])
    expert.save()  # parental relations are written when the page is saved
    return loan_until(expert, 4)


def page_path(loan) -> str:
    return f"/mijn-aanvraag/{request_link.token_for(loan)}/"


def hand_in(client, loan, **data):
    return client.post(page_path(loan), {"action": "reflection", "text": "", **data})


def upload(name: str, content: bytes, content_type="application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


# --- handing in ---


def test_pasted_text_is_stored_and_the_secretariat_sees_it_arrived(client, held, desk):
    response = hand_in(client, held, text=TEXT)
    assert response.status_code == 302
    reflection = Reflection.objects.get(request=held)
    assert reflection.text == TEXT and not reflection.file and reflection.received_at
    assert "je reflectieverslag is ontvangen" in client.get(page_path(held)).content.decode()

    html = desk.get(f"/admin/leenbalie/inspect/{held.pk}/").content.decode()
    today = timezone.localdate()
    assert f"Reflectieverslag ontvangen op {today.day} " in html
    assert TEXT in html
    assert reflections.RECEIVED_NOTE in html  # in the history too


def test_an_uploaded_pdf_is_private_and_only_the_secretariat_downloads_it(
    client, held, desk, private_root
):
    hand_in(client, held, file=upload("Mijn verslag Sanne.pdf", MINIMAL_PDF))
    reflection = Reflection.objects.get(request=held)
    stored = Path(reflection.file.path).resolve()
    assert stored.read_bytes() == MINIMAL_PDF
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.is_relative_to(Path(private_root).resolve())
    assert "Sanne" not in reflection.file.name  # the resident's file name is not kept
    with pytest.raises(ValueError):
        reflection.file.url  # noqa: B018 - no public URL at all

    url = f"/admin/leenbalie/{held.pk}/reflectie/"
    assert url in desk.get(f"/admin/leenbalie/inspect/{held.pk}/").content.decode()
    response = desk.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert desk_client(roles.EDITORS).get(url).status_code == 403
    assert desk_client(roles.WORKING_GROUP).get(url).status_code == 403


def test_a_new_upload_replaces_the_old_file(client, held):
    hand_in(client, held, file=upload("v1.pdf", MINIMAL_PDF))
    first = Path(Reflection.objects.get(request=held).file.path)
    hand_in(client, held, file=upload("v2.docx", docx_bytes(), "application/octet-stream"))
    second = Path(Reflection.objects.get(request=held).file.path)
    assert second.suffix == ".docx" and second.exists()
    assert not first.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("verslag.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "geen PDF, Word-document"),
        ("verslag.html", b"<html><body>Mijn verslag</body></html>", "geen PDF, Word-document"),
        ("verslag.txt", b"<script>alert(1)</script>", "geen PDF, Word-document"),
        ("verslag.exe", MINIMAL_PDF, "geen PDF, Word-document"),
        ("verslag.docx", b"PK\x03\x04" + b"\x00" * 100, "geen PDF, Word-document"),
        (
            "verslag.pdf",
            MINIMAL_PDF + b"0" * reflections.MAX_FILE_BYTES,
            "groter dan 2 MB",
        ),
    ],
)
def test_other_files_are_refused_in_dutch(client, held, name, content, message):
    response = hand_in(client, held, file=upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Reflection.objects.exists()


def test_docx_and_plain_text_files_are_accepted(client, held):
    hand_in(client, held, file=upload("verslag.txt", TEXT.encode(), "text/plain"))
    assert Reflection.objects.get(request=held).file.name.endswith(".txt")
    hand_in(client, held, file=upload("verslag.docx", docx_bytes()))
    assert Reflection.objects.get(request=held).file.name.endswith(".docx")


def test_pasted_html_is_refused(client, held):
    response = hand_in(client, held, text="<b>Mijn verslag</b>")
    assert "Gebruik geen HTML-code" in response.content.decode()
    assert not Reflection.objects.exists()


def test_nothing_to_hand_in_before_the_conversation(client, library):
    matched = loan_until(library["first"], 3)
    assert matched.status == LoanStatus.MATCHED
    html = client.get(page_path(matched)).content.decode()
    assert "Reflectieverslag" not in html
    hand_in(client, matched, text=TEXT)
    assert not Reflection.objects.exists()
    response = client.get(f"{page_path(matched)}certificaat.pdf")
    assert response.status_code == 302


# --- the certificate ---


def test_the_certificate_names_resident_book_date_hours_and_code(client, held):
    assert client.get(f"{page_path(held)}certificaat.pdf").status_code == 302  # no report yet
    hand_in(client, held, text=TEXT)
    code = Reflection.objects.get(request=held).certificate_code
    assert f"{page_path(held)}certificaat.pdf" in client.get(page_path(held)).content.decode()

    response = client.get(f"{page_path(held)}certificaat.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    text = " ".join(pdf_text(response.content).split())
    for expected in (
        "Certificaat van deelname",
        "Sanne de Boer",
        "Huisartsgeneeskunde",
        "Hoop houden",
        "20 maart 2026",  # the day the conversation was recorded as held
        "Hoop bespreken.",
        "Communiceren",
        "5. Coördinatie en continuïteit",
        "2,25 uur",  # the cover's 20 min preparation, an hour's talk, an hour's report
        code,
        f"/certificaat/{code}/",
    ):
        assert expected in text, expected


def test_the_hours_come_from_the_residents_evaluation(held):
    held.evaluations.create(
        role=Evaluation.Role.RESIDENT,
        answered_at=timezone.now(),
        preparation_minutes=15,
        conversation_minutes=90,
    )
    hours = reflections.hours(held)
    assert (hours.preparation, hours.conversation, hours.reflection) == (15, 90, 60)
    assert hours.total == "2,75 uur"


def test_the_certificate_page_looks_right(client, held, tmp_path):
    """Rendered to PNG for a look during development; here: one A4 page, tagged, in Dutch."""
    hand_in(client, held, text=TEXT)
    pdf = client.get(f"{page_path(held)}certificaat.pdf").content
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert "/StructTreeRoot" in catalog


# --- the public check ---


def test_the_code_is_checked_publicly_without_the_name(client, held):
    hand_in(client, held, text=TEXT)
    code = Reflection.objects.get(request=held).certificate_code
    response = Client().get(f"/certificaat/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het certificaat is van 20 maart 2026 over het boek ‘Hoop houden’" in html
    for private in ("Sanne", "de Boer", "sanne@example.org", "Hoop bespreken"):
        assert private not in html

    unknown = Client().get("/certificaat/ABCDEFGHJK/")
    assert unknown.status_code == 404
    assert "Onbekende code" in unknown.content.decode()


def test_checking_codes_is_rate_limited(client, held):
    guesser = Client()
    answers = [
        guesser.get(f"/certificaat/XXXXXXXX{n:02d}/").status_code
        for n in range(reflections.CHECKS_PER_CLIENT_PER_HOUR + 1)
    ]
    assert answers[:-1] == [404] * reflections.CHECKS_PER_CLIENT_PER_HOUR
    assert answers[-1] == 429


# --- retention ---


def test_erasure_removes_the_report_and_the_export_includes_it(client, held, desk):
    hand_in(client, held, text=TEXT, file=upload("verslag.pdf", MINIMAL_PDF))
    stored = Path(Reflection.objects.get(request=held).file.path)

    exported = json.loads(desk.get(f"/admin/leenbalie/{held.pk}/gegevens.json").content)
    report = exported["aanvragen"][0]["reflectieverslag"]
    assert report["tekst"] == TEXT and report["bestand_aanwezig"] is True

    retention.erase_resident(held)
    reflection = Reflection.objects.get(request=held)
    assert reflection.text == "" and not reflection.file
    assert not stored.exists()
    # The code still says the certificate is genuine; it never named anyone.
    assert Client().get(f"/certificaat/{reflection.certificate_code}/").status_code == 200


def test_the_retention_purge_removes_the_report(client, library):
    loan = loan_until(library["first"], 5)
    assert loan.status == LoanStatus.COMPLETED
    hand_in(client, loan, file=upload("verslag.pdf", MINIMAL_PDF))
    stored = Path(Reflection.objects.get(request=loan).file.path)
    retention.purge_personal_data(now=timezone.now() + datetime.timedelta(days=3650))
    assert not stored.exists()
    assert not Reflection.objects.get(request=loan).file


def test_no_reflection_reminder_once_the_report_is_in(client, held):
    import datetime

    from django.utils import timezone

    from library.process import reminders

    held_on = held.events.get(to_status=LoanStatus.CONVERSATION_HELD)
    held_on.at = timezone.now() - datetime.timedelta(days=20)
    held_on.save(update_fields=["at"])
    assert held in reminders.reflection_due(timezone.localdate())
    hand_in(client, held, text=TEXT)
    assert held not in reminders.reflection_due(timezone.localdate())


# --- a copy for the supervisor ---


def test_the_certificate_goes_to_the_supervisor_only_with_consent(client, held):
    from django.core import mail

    from library.models import Supervisor

    Supervisor.objects.create(name="Dr. P.  Visser", email="visser@example.org")
    hand_in(client, held, text=TEXT)
    mail.outbox.clear()
    client.post(page_path(held), {"action": "supervisor_copy"})
    assert mail.outbox == []  # no consent ticked
    client.post(page_path(held), {"action": "supervisor_copy", "consent": "on"})
    [copy] = mail.outbox
    assert copy.to == ["visser@example.org"]
    [(name, content, mimetype)] = copy.attachments
    assert mimetype == "application/pdf" and name.endswith(".pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert "Sanne de Boer" in text
    assert held.events.filter(subject__contains="op verzoek van de AIOS").exists()


def test_no_copy_to_a_supervisor_outside_the_register(client, held):
    from django.core import mail

    hand_in(client, held, text=TEXT)
    mail.outbox.clear()
    response = client.post(
        page_path(held), {"action": "supervisor_copy", "consent": "on"}, follow=True
    )
    assert mail.outbox == []
    assert "niet in ons overzicht van opleiders" in response.content.decode()


def test_no_copy_before_the_report_is_in(client, held):
    from django.core import mail

    from library.models import Supervisor

    Supervisor.objects.create(name="Dr. P. Visser", email="visser@example.org")
    mail.outbox.clear()
    client.post(page_path(held), {"action": "supervisor_copy", "consent": "on"})
    assert mail.outbox == []
