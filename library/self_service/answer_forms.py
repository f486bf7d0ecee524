"""The expert's answer form: one choice, and what goes with it."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from cms.validators import plain_text
from library.self_service.answers import AWAY, NOT_NOW, YES

# Longer than a holiday or a busy season, shorter than leaving: then the expert withdraws.
LONGEST_ABSENCE_DAYS = 366


def optional_text(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=1000,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Schrijf hooguit 1000 tekens."},
    )


class AvailabilityAnswerForm(forms.Form):
    choice = forms.ChoiceField(
        label="Kun je in de komende drie weken een gesprek voeren?",
        choices=[
            (YES, "Ja, ik kan binnen drie weken"),
            (NOT_NOW, "Nu niet"),
            (AWAY, "Ik ben afwezig tot een datum"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ‘ja’, ‘nu niet’ of ‘afwezig’."},
    )
    remark = optional_text(
        "Bij ‘ja’: data die je uitkomen of een opmerking (mag leeg blijven)",
        "Bijvoorbeeld ‘dinsdagmiddag of via beeldbellen’. Het secretariaat geeft het door.",
    )
    reason = optional_text(
        "Bij ‘nu niet’: waarom niet? (verplicht bij ‘nu niet’)",
        "Alleen het secretariaat leest dit; de AIOS krijgt een algemeen bericht.",
    )
    away_until = forms.DateField(
        label="Bij ‘afwezig’: tot en met welke datum? (verplicht bij ‘afwezig’)",
        help_text="Zolang staat je boek als ‘tijdelijk afwezig’ in de catalogus.",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 15-01-2027."},
    )

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("choice")
        if choice == NOT_NOW and not cleaned.get("reason") and "reason" not in self.errors:
            self.add_error("reason", "Schrijf in een paar woorden waarom het nu niet lukt.")
        if choice == AWAY and "away_until" not in self.errors:
            self.check_away_until(cleaned.get("away_until"))
        return cleaned

    def check_away_until(self, until: datetime.date | None) -> None:
        today = timezone.localdate()
        if until is None:
            self.add_error("away_until", "Vul in tot en met welke datum je afwezig bent.")
        elif until < today:
            self.add_error("away_until", "Deze datum is al voorbij; kies een datum vanaf vandaag.")
        elif until > today + datetime.timedelta(days=LONGEST_ABSENCE_DAYS):
            self.add_error(
                "away_until",
                "Kies een datum binnen een jaar. Stop je langer, laat het dan het secretariaat "
                "weten.",
            )
