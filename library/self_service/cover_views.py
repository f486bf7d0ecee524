"""The expert's own page ("Mijn boekenkaft") behind a personal link; the rules are in cover.py."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.client_address import client_address
from cms.signed_links import link_page
from library.process.deadlines import dutch_date
from library.self_service import cover
from library.self_service.cover_forms import AbsenceForm, AskLinkForm, CoverTextsForm


@never_cache
@require_http_methods(["GET", "POST"])
def ask_link(request):
    form = AskLinkForm(request.POST or None, client=client_address(request))
    if request.method == "POST" and form.is_valid():
        cover.send_cover_links_in_background.enqueue(form.cleaned_data["email"])
        # The same answer whether or not the address belongs to an expert.
        return redirect("library_my_cover_sent")
    return TemplateResponse(request, "library/self_service/cover_ask.html", {"form": form})


@never_cache
def link_sent(request):
    return TemplateResponse(
        request,
        "library/self_service/link_sent.html",
        {"belongs_to": "een boekenkaft", "page_name": "Mijn boekenkaft"},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@link_page
def my_cover(request, token: str):
    expert = cover.expert_for(token)
    action = request.POST.get("action") if request.method == "POST" else None
    absence_form = AbsenceForm(
        request.POST if action == "absence" else None,
        initial={"absent_until": expert.absent_until if expert.is_absent() else None},
    )
    texts_form = CoverTextsForm(
        request.POST if action == "texts" else None, texts=cover.current_texts(expert)
    )
    refusal = ""
    if action == "back":
        cover.set_away(expert, None)
        messages.success(request, "Opgeslagen: je bent weer beschikbaar voor leenaanvragen.")
        return redirect(request.path)
    if action == "absence" and absence_form.is_valid():
        until = absence_form.cleaned_data["absent_until"]
        cover.set_away(expert, until)
        messages.success(request, f"Opgeslagen: je bent afwezig tot en met {dutch_date(until)}.")
        return redirect(request.path)
    if action == "texts" and texts_form.is_valid():
        try:
            cover.propose_changes(expert, **texts_form.cleaned_data)
        except cover.CoverChangeRefused as error:
            refusal = str(error)
        else:
            messages.success(
                request,
                "Dank je wel. Je voorstel ligt bij de werkgroep; na hun akkoord staat het op "
                "de website.",
            )
            return redirect(request.path)
    return TemplateResponse(
        request,
        "library/self_service/cover.html",
        {
            "expert": expert,
            "token": token,
            "absence_form": absence_form,
            "texts_form": texts_form,
            "change_pending": cover.change_pending(expert),
            "refusal": refusal,
            "requests": cover.requests_this_half_year(expert),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@link_page
def stop(request, token: str):
    expert = cover.expert_for(token)
    if request.method == "POST":
        cover.withdraw(expert)
        return redirect("library_my_cover_stopped")
    return TemplateResponse(
        request, "library/self_service/cover_stop.html", {"expert": expert, "token": token}
    )


@never_cache
def stopped(request):
    return TemplateResponse(request, "library/self_service/cover_stopped.html")


# The fixed words come before <token>: a token always holds a colon, so they never collide.
urlpatterns = [
    path("mijn-boekenkaft/", ask_link, name="library_my_cover_ask"),
    path("mijn-boekenkaft/verstuurd/", link_sent, name="library_my_cover_sent"),
    path("mijn-boekenkaft/gestopt/", stopped, name="library_my_cover_stopped"),
    path("mijn-boekenkaft/<str:token>/", my_cover, name="library_my_cover"),
    path("mijn-boekenkaft/<str:token>/stoppen/", stop, name="library_my_cover_stop"),
]
