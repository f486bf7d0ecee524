"""Public views of the library that are not pages: the evaluation behind a personal link."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from cms.signed_links import link_page
from library.forms import EvaluationForm
from library.process import evaluations


@never_cache
@link_page
def evaluation_view(request, token: str):
    evaluation = evaluations.evaluation_for(token)
    form = EvaluationForm(request.POST if request.method == "POST" else None, role=evaluation.role)
    if request.method == "POST" and form.is_valid():
        evaluations.record_answers(evaluation, **form.cleaned_data)
        return redirect("library_evaluation_thanks")
    loan = evaluation.request
    return TemplateResponse(
        request,
        "library/evaluation.html",
        {
            "form": form,
            "evaluation": evaluation,
            "book_title": loan.book_title,
            "expert_name": loan.expert_name,
        },
    )


def evaluation_thanks(request):
    return TemplateResponse(request, "library/evaluation_thanks.html")
