"""Admin reports of the working group. Only users with library.view_reports see them."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from library import business_case
from library.models import BusinessCaseSettings

REPORTS_PERMISSION = "library.view_reports"


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


def period_from(request) -> tuple[PeriodForm, datetime.date, datetime.date]:
    start, end = business_case.last_twelve_months()
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


def business_case_view(request):
    if not request.user.has_perm(REPORTS_PERMISSION):
        raise PermissionDenied
    form, start, end = period_from(request)
    counts = business_case.counts_for_period(start, end)
    case = business_case.compute(counts, BusinessCaseSettings.load(request_or_site=request))
    return TemplateResponse(
        request,
        "library/reports/business_case.html",
        {"form": form, "start": start, "end": end, "case": case, "counts": counts},
    )
