"""The blank cover behind the candidate's personal link, and its thank-you page."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from cms.signed_links import link_page
from library.recruitment import pipeline
from library.recruitment.forms import BlankCoverForm, CriteriaForm


@never_cache
@link_page
def blank_cover_view(request, token: str):
    candidate = pipeline.candidate_for(token)
    data = request.POST if request.method == "POST" else None
    form = BlankCoverForm(
        data, request.FILES if data is not None else None, initial={"expert_name": candidate.name}
    )
    criteria_form = CriteriaForm(data, kind=candidate.kind)
    # Both forms are checked (not short-circuited), so every error shows at once.
    if data is not None and all([form.is_valid(), criteria_form.is_valid()]):
        cover = form.cover(criteria_form.cleaned_data["criteria"])
        pipeline.submit_cover(candidate, cover, form.cleaned_data["photo"])
        return redirect("library_blank_cover_thanks")
    if "photo" in request.FILES:
        # Browsers never send a chosen file back with a page that has errors.
        form["photo"].help_text = "Kies je foto opnieuw: na een foutmelding moet dat."
    return TemplateResponse(
        request,
        "library/recruitment/blank_cover.html",
        {
            "form": form,
            "criteria_form": criteria_form,
            "candidate": candidate,
            "kind_label": candidate.get_kind_display(),
            "multipart": True,
        },
    )


def blank_cover_thanks(request):
    return TemplateResponse(request, "library/recruitment/blank_cover_thanks.html")
