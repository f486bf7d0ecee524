"""The resident's reflection report after the conversation, and the code that proves their
certificate of participation genuine."""

from __future__ import annotations

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from cms.validators import plain_text
from library.models.loans import LoanRequest

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed over
CODE_LENGTH = 10
MAX_TEXT_LENGTH = 12_000  # one A4 is some 3,500 characters; room for a long one


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, which the web server does not serve: a report is read
    only through a view that checks who asks. Looked up on every use, so a test (or a deploy)
    that moves the folder is followed; and without a URL, so no template can link to it."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


PRIVATE_STORAGE = PrivateStorage()


def private_storage() -> PrivateStorage:
    return PRIVATE_STORAGE


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def reflection_path(instance: Reflection, filename: str) -> str:
    # A random name: the file name the resident chose may carry their own name.
    extension = os.path.splitext(filename)[1].lower()
    return f"reflecties/{secrets.token_hex(12)}{extension}"


class Reflection(models.Model):
    """One reflection report per request: pasted text, an uploaded file, or both."""

    request = models.OneToOneField(LoanRequest, on_delete=models.CASCADE, related_name="reflection")
    text = models.TextField(
        "Reflectieverslag (tekst)",
        blank=True,
        max_length=MAX_TEXT_LENGTH,
        validators=[plain_text],
    )
    file = models.FileField(
        "Reflectieverslag (bestand)",
        blank=True,
        upload_to=reflection_path,
        storage=private_storage,
        max_length=200,
    )
    received_at = models.DateTimeField("Ontvangen op", null=True, blank=True)
    certificate_code = models.CharField(
        "Verificatiecode certificaat",
        max_length=CODE_LENGTH,
        unique=True,
        default=new_certificate_code,
        editable=False,
    )

    class Meta:
        verbose_name = "Reflectieverslag"
        verbose_name_plural = "Reflectieverslagen"

    def __str__(self) -> str:
        return f"Reflectieverslag bij aanvraag {self.request_id}"

    @property
    def is_received(self) -> bool:
        return bool(self.received_at and (self.text or self.file))
