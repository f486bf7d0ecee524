"""The forms of 'Mijn boekenkaft': asking for the link, absence, proposed cover texts."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.validators import plain_text, single_line
from library.self_service import cover

MAX_ABSENCE = datetime.timedelta(days=365)


class AskLinkForm(forms.Form):
    email = forms.EmailField(
        label="Je e-mailadres",
        help_text="Het adres waarop de bibliotheek je mailt over leenaanvragen.",
        max_length=254,
        validators=[plain_text, single_line],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Dit is geen geldig e-mailadres (voorbeeld: naam@ziekenhuis.nl).",
            "max_length": "Een e-mailadres heeft hooguit 254 tekens.",
        },
    )

    def __init__(self, *args, client: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client

    def clean(self):
        cleaned = super().clean()
        # Only a valid request uses up one of the network's slots.
        if not self.errors and not cover.may_ask(self.client):
            self.add_error(
                "email",
                "Vanaf dit netwerk zijn het afgelopen uur al veel links aangevraagd. Probeer "
                "het later opnieuw of mail het secretariaat.",
            )
        return cleaned


class AbsenceForm(forms.Form):
    absent_until = forms.DateField(
        label="Afwezig tot en met",
        help_text="Tot en met deze dag krijg je geen leenaanvragen.",
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de laatste dag in waarop je afwezig bent.",
            "invalid": "Vul een datum in als dag-maand-jaar, bijvoorbeeld 15-03-2027.",
        },
    )

    def clean_absent_until(self) -> datetime.date:
        until = self.cleaned_data["absent_until"]
        today = timezone.localdate()
        if until < today:
            raise ValidationError("Deze datum ligt in het verleden. Kies vandaag of later.")
        if until > today + MAX_ABSENCE:
            raise ValidationError(
                "Geef een afwezigheid van hooguit een jaar door. Stop je langer? Dan kun je "
                "hieronder stoppen als expert."
            )
        return until


class PlainTextField(forms.CharField):
    """Text a browser posts with Windows line ends compares equal to what is stored."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


def text_field(label: str, max_length: int, *, required: bool = True, **kwargs) -> PlainTextField:
    return PlainTextField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": kwargs.pop("rows", 4)}),
        error_messages={
            "required": "Dit veld mag niet leeg zijn.",
            "max_length": f"Schrijf hooguit {max_length} tekens (nu %(show_value)d).",
        },
        **kwargs,
    )


class CoverTextsForm(forms.Form):
    summary = text_field("Korte samenvatting", 300, rows=3)
    body = text_field(
        "Meer over dit boek",
        5000,
        required=False,
        rows=10,
        help_text="Gewone tekst; een lege regel begint een nieuwe alinea.",
    )
    example_questions = text_field(
        "Voorbeelden van leervragen",
        3000,
        required=False,
        rows=5,
        help_text=f"Eén leervraag per regel, hooguit {cover.MAX_QUESTIONS}.",
    )
    preparation_assignment = text_field("Voorbereidende opdracht", 3000, required=False, rows=4)

    def __init__(self, *args, texts: dict[str, str], **kwargs):
        super().__init__(*args, initial=texts, **kwargs)
        # A body with images or quotes cannot be shown as plain text: it is left out.
        if "body" not in texts:
            del self.fields["body"]

    def clean_example_questions(self) -> str:
        value = self.cleaned_data["example_questions"]
        questions = [line.strip() for line in value.splitlines() if line.strip()]
        if len(questions) > cover.MAX_QUESTIONS:
            raise ValidationError(f"Geef hooguit {cover.MAX_QUESTIONS} leervragen.")
        if any(len(question) > 300 for question in questions):
            raise ValidationError("Een leervraag heeft hooguit 300 tekens.")
        return "\n".join(questions)
