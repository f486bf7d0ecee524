"""The lead's e-mails to supervisors, under Rapporten: the half-yearly figures and the changes in
the offer. Both need library.mail_supervisors, which the secretariat and the working group (the
lead is a member) hold; the loan desk itself stays the secretariat's.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from cms.networks import networks_for
from library.admin.forms import HalfYearForm
from library.process.mail import MissingEmailTemplate
from library.reporting import offer_changes, statistics, supervisor_updates
from library.reporting.forms import SinceForm

PERMISSION = "library.mail_supervisors"


def mail_supervisors_only(view):
    """A plain 403, GET or POST, for whoever may not mail supervisors."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def report_results(request, sent: list[str], failed: list[str]) -> None:
    if sent:
        messages.success(request, f"Verstuurd aan {len(sent)} opleider(s): {', '.join(sent)}.")
    for failure in failed:
        messages.warning(request, f"Niet verstuurd: {failure}")


def can_add_supervisor(request) -> bool:
    return request.user.has_perm("library.add_supervisor")


@mail_supervisors_only
def supervisor_update_view(request):
    default = statistics.recent_half_years(timezone.localdate())[1]  # the last complete one
    form = HalfYearForm(request.GET or None, initial={"half_year": default})
    half_year = form.cleaned_data["half_year"] if form.is_bound and form.is_valid() else default
    try:
        # A network's lead mails about their own network's residents only.
        networks = None if request.user.is_superuser else networks_for(request.user)
        updates = supervisor_updates.updates_for(half_year, networks)
    except MissingEmailTemplate as error:
        messages.error(request, str(error))
        return redirect(reverse("wagtailadmin_home"))
    if request.method == "POST":
        chosen = set(request.POST.getlist("supervisor"))
        sent, failed = supervisor_updates.send_updates(updates, only=chosen)
        report_results(request, sent, failed)
        if not sent and not failed:
            messages.warning(request, "Er was geen opleider gekozen; er is niets verstuurd.")
        return redirect(f"{reverse('library_supervisor_update')}?half_year={half_year}")
    return TemplateResponse(
        request,
        "library/reports/supervisor_update.html",
        {
            "form": form,
            "half_year_label": statistics.half_year_label(half_year),
            "updates": updates,
            "example": next((update.email for update in updates if update.email), None),
            "can_add_supervisor": can_add_supervisor(request),
        },
    )


@mail_supervisors_only
def offer_mail_view(request):
    # A network's secretariat and lead mail their own supervisors, about their own offer.
    sites = None if request.user.is_superuser else list(networks_for(request.user))
    default = offer_changes.default_since(sites=sites)
    form = SinceForm(request.GET or None, initial={"since": default})
    since = form.cleaned_data["since"] if form.is_bound and form.is_valid() else default
    # The list on the page: the one network's offer, or every network's for a superuser
    # (each supervisor's mail holds their own network's changes).
    changes = offer_changes.changes_since(since, sites[0] if sites and len(sites) == 1 else None)
    try:
        mails = offer_changes.mails_for(since, sites)
    except MissingEmailTemplate as error:
        messages.error(request, str(error))
        return redirect(reverse("wagtailadmin_home"))
    if request.method == "POST":
        sent, failed = offer_changes.send_mails(mails, user=request.user)
        report_results(request, sent, failed)
        if not changes:
            messages.warning(
                request, "Er is niets veranderd in deze periode; er is niets verstuurd."
            )
        elif not mails:
            messages.warning(request, "Er staan nog geen opleiders in het register.")
        return redirect(f"{reverse('library_offer_mail')}?since={since:%Y-%m-%d}")
    return TemplateResponse(
        request,
        "library/reports/offer_mail.html",
        {
            "form": form,
            "since": since,
            "last_sent": offer_changes.last_sent(sites),
            "changes": changes,
            "mails": mails,
            "example": mails[0].email if mails else None,
            "can_add_supervisor": can_add_supervisor(request),
        },
    )
