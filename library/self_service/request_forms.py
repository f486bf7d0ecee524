"""The forms of 'Mijn aanvraag': asking for the links by e-mail address, and handing in the
reflection report after the conversation."""

from __future__ import annotations

import copy

from django import forms

from cms.validators import plain_text
from library.models.reflections import MAX_TEXT_LENGTH
from library.self_service import reflections, request
from library.self_service.cover_forms import AskLinkForm


class AskRequestLinkForm(forms.Form):
    # The same address field as 'Mijn boekenkaft' (validation, Dutch messages), with its own
    # help text; the network's limit is counted apart, so one page cannot use up the other.
    email = copy.deepcopy(AskLinkForm.base_fields["email"])
    email.help_text = "Het adres dat je op het leenformulier hebt ingevuld."

    def __init__(self, *args, client: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client

    def clean(self):
        cleaned = super().clean()
        # Only a valid request uses up one of the network's slots.
        if not self.errors and not request.may_ask(self.client):
            self.add_error(
                "email",
                "Vanaf dit netwerk zijn het afgelopen uur al veel links aangevraagd. Probeer "
                "het later opnieuw of mail het secretariaat.",
            )
        return cleaned


class ReflectionForm(forms.Form):
    """Pasted text, a file, or both; at least one."""

    text = forms.CharField(
        label="Plak hier je reflectieverslag",
        help_text="Gewone tekst, ½ tot 1 A4, volgens de opdracht in de toolkit.",
        required=False,
        max_length=MAX_TEXT_LENGTH,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    file = forms.FileField(
        label="Of upload het als bestand",
        help_text="PDF, Word (.docx) of tekstbestand (.txt), hooguit 2 MB.",
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.txt,application/pdf,text/plain"}),
    )

    def clean_text(self) -> str:
        return self.cleaned_data["text"].strip()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload:
            reflections.check_upload(upload)
        return upload or None

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("text") and not cleaned.get("file"):
            raise forms.ValidationError("Plak je verslag in het tekstvak of kies een bestand.")
        return cleaned
