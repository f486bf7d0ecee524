"""An expert answers an availability question by a personal link."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache

from cms.signed_links import link_page
from library.process import deadlines
from library.self_service import answer_link, answers
from library.self_service.answer_forms import AvailabilityAnswerForm


@never_cache
@link_page
def answer_view(request, token: str):
    loan = answer_link.request_for(token)
    form = AvailabilityAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        answers.answer(loan, **form.cleaned_data)
        return redirect("library_expert_answer_thanks", form.cleaned_data["choice"])
    return TemplateResponse(
        request,
        "library/self_service/answer.html",
        {
            "form": form,
            "loan": loan,
            "answer_due": deadlines.expert_answer_due(loan),
            "today": timezone.localdate(),
        },
    )


def thanks_view(request, choice: str):
    return TemplateResponse(request, "library/self_service/answer_thanks.html", {"choice": choice})


urlpatterns = [
    path(
        "antwoord/bedankt/<str:choice>/",
        thanks_view,
        name="library_expert_answer_thanks",
    ),
    path("antwoord/<str:token>/", answer_view, name="library_expert_answer"),
]
