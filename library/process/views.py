"""Public views of the library that are not pages: the evaluation behind a personal link."""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from library.models import Evaluation
from library.process import evaluations

YES_NO = [("ja", "Ja"), ("nee", "Nee")]


def minutes_field(label: str, required_message: str, example: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=600,
        error_messages={
            "required": required_message,
            "invalid": f"Vul een heel getal in, bijvoorbeeld {example}.",
            "min_value": "Het aantal minuten kan niet negatief zijn.",
            "max_value": "Vul hooguit 600 minuten in.",
        },
    )


class EvaluationForm(forms.Form):
    usefulness = forms.TypedChoiceField(
        label="Hoe nuttig was het gesprek voor het leerdoel?",
        help_text="1 = niet nuttig, 5 = heel nuttig",
        choices=[(str(score), str(score)) for score in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een cijfer van 1 tot en met 5."},
    )
    preparation_minutes = minutes_field(
        "Hoeveel minuten kostte de voorbereiding?",
        "Vul het aantal minuten in (0 als je niets hoefde voor te bereiden).",
        example=20,
    )
    conversation_minutes = minutes_field(
        "Hoeveel minuten duurde het gesprek?",
        "Vul in hoeveel minuten het gesprek duurde.",
        example=45,
    )
    would_recommend = forms.TypedChoiceField(
        label="Zou je een collega aanraden ook een expert te lenen?",
        choices=YES_NO,
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ja of nee."},
    )
    comments = forms.CharField(
        label="Wil je nog iets kwijt?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Schrijf hooguit 2000 tekens."},
    )

    def __init__(self, *args, role: str, **kwargs):
        super().__init__(*args, **kwargs)
        if role == Evaluation.Role.EXPERT:
            self.fields[
                "usefulness"
            ].label = "Hoe nuttig was het gesprek volgens jou voor het leerdoel van de AIOS?"
            self.fields[
                "would_recommend"
            ].label = "Zou je een collega aanraden ook expert te worden?"


@never_cache
def evaluation_view(request, token: str):
    try:
        evaluation = evaluations.evaluation_for(token)
        form = EvaluationForm(request.POST or None, role=evaluation.role)
        if request.method == "POST" and form.is_valid():
            evaluations.record_answers(evaluation, **form.cleaned_data)
            return redirect("library_evaluation_thanks")
    except evaluations.EvaluationLinkError as error:
        return TemplateResponse(
            request, "library/evaluation_unavailable.html", {"error": error}, status=error.status
        )
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
