"""The loan desk's forms: a standard e-mail's last edit, another book, a half-year."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from library.models import LoanRequest
from library.reporting import statistics


class EmailForm(forms.Form):
    subject = forms.CharField(label="Onderwerp", max_length=255)
    body = forms.CharField(label="Tekst", widget=forms.Textarea(attrs={"rows": 16}))


class ChooseBookForm(forms.Form):
    expert = forms.ModelChoiceField(label="Boek", queryset=LoanRequest.objects.none())


class HalfYearForm(forms.Form):
    half_year = forms.ChoiceField(label="Halfjaar")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["half_year"].choices = [
            (key, statistics.half_year_label(key))
            for key in statistics.recent_half_years(timezone.localdate())
        ]
