"""The reports' period."""

from __future__ import annotations

from django import forms


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="Van", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label="Tot en met", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError("De begindatum ligt na de einddatum.")
        return cleaned


class SinceForm(forms.Form):
    since = forms.DateField(
        label="Wijzigingen sinds",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
