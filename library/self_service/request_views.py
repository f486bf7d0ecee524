"""The resident's own page ("Mijn aanvraag") behind a personal link; the rules are in
request.py, the link itself in request_link.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.client_address import client_address
from cms.pdf import pdf_response
from cms.signed_links import link_page
from library.self_service import reflections
from library.self_service import request as my_request_service
from library.self_service.request_forms import AskRequestLinkForm, ReflectionForm


@never_cache
@require_http_methods(["GET", "POST"])
def ask_link(request):
    form = AskRequestLinkForm(request.POST or None, client=client_address(request))
    if request.method == "POST" and form.is_valid():
        my_request_service.send_request_links_in_background.enqueue(form.cleaned_data["email"])
        # The same answer whether or not the address ever asked for an expert.
        return redirect("library_my_request_sent")
    return TemplateResponse(request, "library/self_service/request_ask.html", {"form": form})


@never_cache
def link_sent(request):
    return TemplateResponse(
        request,
        "library/self_service/link_sent.html",
        {"belongs_to": "een aanvraag", "page_name": "Mijn aanvraag"},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@link_page
def my_request(request, token: str):
    loan = my_request_service.loan_for(token)
    may_reflect = reflections.may_reflect(loan)
    reflection_form = ReflectionForm() if may_reflect else None
    if request.method == "POST" and request.POST.get("action") == "reflection" and may_reflect:
        reflection_form = ReflectionForm(request.POST, request.FILES)
        if hand_in(request, loan, reflection_form):
            return redirect(request.path)
    elif request.method == "POST" and request.POST.get("action") == "supervisor_copy":
        send_copy(request, loan)
        return redirect(request.path)
    elif request.method == "POST":
        if request.POST.get("action") == "no_contact":
            try:
                my_request_service.report_no_contact(loan)
            except my_request_service.RequestChangeRefused as refusal:
                messages.info(request, str(refusal))
            else:
                messages.success(
                    request,
                    "Dank je wel. Het secretariaat weet nu dat er nog geen contact is en helpt "
                    "je verder.",
                )
        return redirect(request.path)
    return TemplateResponse(
        request,
        "library/self_service/request.html",
        {
            "loan": loan,
            "token": token,
            "stage": my_request_service.stage(loan),
            "next_step": my_request_service.next_step(loan),
            "deadline": my_request_service.deadline(loan),
            "may_withdraw": my_request_service.may_withdraw(loan),
            "may_report_no_contact": my_request_service.may_report_no_contact(loan),
            "reflection_form": reflection_form,
            "reflection": reflections.reflection_of(loan) if may_reflect else None,
        },
    )


def send_copy(request, loan) -> None:
    """The certificate to the supervisor: only with the consent box ticked, only once the
    report is in."""
    reflection = reflections.reflection_of(loan) if reflections.may_reflect(loan) else None
    if reflection is None or not reflection.is_received:
        messages.info(request, "Lever eerst je reflectieverslag in.")
        return
    if request.POST.get("consent") != "on":
        messages.info(request, "Vink aan dat we het certificaat naar je opleider mogen sturen.")
        return
    verify_url = request.build_absolute_uri(
        reverse("library_certificate_check", args=[reflection.certificate_code])
    )
    try:
        reflections.send_to_supervisor(loan, reflection, verify_url)
    except ValidationError as refusal:
        messages.info(request, " ".join(refusal.messages))
    else:
        messages.success(request, "Het certificaat is naar je opleider gestuurd.")


def hand_in(request, loan, form: ReflectionForm) -> bool:
    """Store a valid report and say so; False leaves the form with its errors on the page."""
    if not form.is_valid():
        return False
    try:
        reflections.hand_in(loan, form.cleaned_data["text"], form.cleaned_data["file"])
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return False
    messages.success(
        request,
        "Dank je wel: je reflectieverslag is ontvangen. Je kunt nu je certificaat downloaden.",
    )
    return True


@never_cache
@link_page
def certificate(request, token: str):
    """The certificate of participation, rendered on request and never cached: it names the
    resident. Only after the conversation and the reflection report."""
    loan = my_request_service.loan_for(token)
    reflection = reflections.reflection_of(loan) if reflections.may_reflect(loan) else None
    if reflection is None or not reflection.is_received:
        messages.info(
            request, "Je certificaat kun je downloaden nadat je je verslag hebt ingeleverd."
        )
        return redirect("library_my_request", token)
    verify_url = request.build_absolute_uri(
        reverse("library_certificate_check", args=[reflection.certificate_code])
    )
    pdf = reflections.render_certificate(loan, reflection, verify_url)
    return pdf_response(pdf, f"certificaat-expertbibliotheek-{reflection.certificate_code}.pdf")


@never_cache
def certificate_check(request, code: str):
    """Public: is this certificate genuine? Says its date and book, never whose it is."""
    if not reflections.may_check(client_address(request)):
        return TemplateResponse(
            request, "library/self_service/certificate_check.html", {"limited": True}, status=429
        )
    verified = reflections.verify(code)
    return TemplateResponse(
        request,
        "library/self_service/certificate_check.html",
        {"verified": verified, "code": code},
        status=200 if verified else 404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@link_page
def withdraw(request, token: str):
    loan = my_request_service.loan_for(token)
    if request.method == "POST":
        try:
            my_request_service.withdraw(loan)
        except my_request_service.RequestChangeRefused as refusal:
            messages.info(request, str(refusal))
            return redirect("library_my_request", token)
        return redirect("library_my_request_withdrawn")
    if not my_request_service.may_withdraw(loan):
        messages.info(request, "Deze aanvraag kun je niet meer intrekken.")
        return redirect("library_my_request", token)
    return TemplateResponse(
        request, "library/self_service/request_withdraw.html", {"loan": loan, "token": token}
    )


@never_cache
def withdrawn(request):
    return TemplateResponse(request, "library/self_service/request_withdrawn.html")


# The fixed words come before <token>: a token always holds a colon, so they never collide.
urlpatterns = [
    path("mijn-aanvraag/", ask_link, name="library_my_request_ask"),
    path("mijn-aanvraag/verstuurd/", link_sent, name="library_my_request_sent"),
    path("mijn-aanvraag/ingetrokken/", withdrawn, name="library_my_request_withdrawn"),
    path("mijn-aanvraag/<str:token>/", my_request, name="library_my_request"),
    path("mijn-aanvraag/<str:token>/intrekken/", withdraw, name="library_my_request_withdraw"),
    path(
        "mijn-aanvraag/<str:token>/certificaat.pdf",
        certificate,
        name="library_my_request_certificate",
    ),
    path("certificaat/<str:code>/", certificate_check, name="library_certificate_check"),
]
