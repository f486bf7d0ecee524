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


class NetworkForm(forms.Form):
    """Which network's figures: a superuser picks one or sees the total, someone working for
    several networks picks one of theirs."""

    netwerk = forms.ChoiceField(label="Netwerk", required=False)

    def __init__(self, *args, sites, everything_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["netwerk"].choices = [("", everything_label)] + [
            (str(site.pk), site.site_name or site.hostname) for site in sites
        ]
