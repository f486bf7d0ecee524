from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem as AdminOnlyMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.networks import within_networks
from cms.pdf import WARM_PDF_CACHE_HOOK
from cms.search import EXTEND_SITE_SEARCH
from library.admin.network_snippets import NetworkSnippetViewSet
from library.admin.views import admission_incomplete, withdraw_expert
from library.catalogue import print_material
from library.models import (
    Availability,
    CompetenceArea,
    EmailTemplate,
    ExpertIndexPage,
    ExpertPage,
    LoanFormPage,
    LoanRequest,
    Supervisor,
)


@hooks.register("register_admin_urls")
def library_admin_urls():
    return [
        path(
            "expertbibliotheek/<int:page_id>/terugtreden/",
            withdraw_expert,
            name="library_withdraw_expert",
        ),
        path(
            "expertbibliotheek/<int:page_id>/toelating-onvolledig/",
            admission_incomplete,
            name="library_admission_incomplete",
        ),
    ]


@hooks.register("register_page_header_buttons")
def print_material_buttons(page, user, view_name=None, next_url=None):
    page = page.specific
    if not page.live:
        return
    if isinstance(page, ExpertIndexPage):
        for label, route in (
            ("Flyer downloaden (PDF)", "flyer.pdf"),
            ("Dia downloaden (PDF)", "dia.pdf"),
            ("Dia downloaden (PNG)", "dia.png"),
            ("Catalogus als boekje (PDF)", "catalogus.pdf"),
        ):
            yield MenuItem(label, page.url + route, icon_name="download", priority=80)
    elif isinstance(page, ExpertPage):
        yield MenuItem(
            "Boekenkaft downloaden (PDF)",
            page.url + "boekenkaft.pdf",
            icon_name="download",
            priority=80,
        )


@hooks.register("register_page_header_buttons")
def withdraw_button(page, user, view_name=None, next_url=None):
    page = page.specific
    if (
        isinstance(page, ExpertPage)
        and page.availability != Availability.WITHDRAWN
        and page.permissions_for_user(user).can_unpublish()
    ):
        yield MenuItem(
            "Expert laten terugtreden",
            reverse("library_withdraw_expert", args=[page.pk]),
            icon_name="user",
            priority=62,
        )


@hooks.register("register_admin_viewset")
def register_loan_desk():
    from library.admin.desk import loan_desk

    return loan_desk


class EmailTemplateViewSet(NetworkSnippetViewSet):
    # Each network's secretariat keeps its own texts; the national ones (no network) only a
    # superuser sees and changes.
    model = EmailTemplate
    icon = "mail"
    menu_label = "Standaard-e-mails"
    list_display = ["kind", "network_label", "subject", "updated_at"]
    list_filter = ["kind"]
    list_per_page = 50
    missing = "Geen standaard-e-mail van jouw netwerk."


register_snippet(EmailTemplateViewSet)


class LoanDeskPanel(Component):
    order = 50
    SHOWN = 5
    template_name = "library/desk/overdue_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from library.process import deadlines, loans

        own = within_networks(LoanRequest.objects.all(), self.user)
        own_ids = set(own.values_list("pk", flat=True))
        overdue = sorted(
            (
                {"loan": loan, "what": what, "day": day}
                for loan in deadlines.overdue_requests()
                if loan.pk in own_ids
                for what, day in [deadlines.next_due(loan)]
            ),
            key=lambda row: row["day"],
        )
        return {
            "open_count": own.filter(status__in=loans.OPEN_STATUSES).count(),
            "overdue_count": len(overdue),
            # The longest overdue first; the desk's filter has them all.
            "overdue": overdue[: self.SHOWN],
        }


@hooks.register("construct_homepage_panels")
def loan_desk_panel(request, panels):
    if request.user.has_perm("library.change_loanrequest"):
        panels.append(LoanDeskPanel(request.user))


@hooks.register("filter_form_submissions_for_user")
def hide_loan_submissions(user, editable_forms):
    # Loan forms hold residents' personal data: only the secretariat sees them.
    if user.has_perm("library.change_loanrequest"):
        return editable_forms
    return editable_forms.not_type(LoanFormPage)


@hooks.register("register_admin_urls")
def report_urls():
    from library.reporting.mail_views import offer_mail_view, supervisor_update_view
    from library.reporting.reports import REPORTS, business_case_view

    return [
        path("rapporten/business-case/", business_case_view, name="library_business_case"),
        # Under the reports, not the loan desk: the lead (working group) sends these too.
        path(
            "rapporten/opleiders-mailen/",
            supervisor_update_view,
            name="library_supervisor_update",
        ),
        path("rapporten/aanbod-mailen/", offer_mail_view, name="library_offer_mail"),
        *(
            path(
                f"rapporten/{report.slug}/", report.as_view(), name=f"library_report_{report.slug}"
            )
            for report in REPORTS
        ),
    ]


class WorkingGroupReportItem(AdminOnlyMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("library.view_reports")


@hooks.register("register_reports_menu_item")
def business_case_menu_item():
    return WorkingGroupReportItem(
        "Business case", reverse("library_business_case"), icon_name="table", order=900
    )


def register_report_menu_items():
    from library.reporting.reports import REPORTS

    for order, report in enumerate(REPORTS, start=901):

        def menu_item(report=report, order=order):
            return WorkingGroupReportItem(
                report.title,
                reverse(f"library_report_{report.slug}"),
                icon_name="table",
                order=order,
            )

        hooks.register("register_reports_menu_item", menu_item)


register_report_menu_items()


class MailSupervisorsItem(AdminOnlyMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("library.mail_supervisors")


@hooks.register("register_reports_menu_item")
def supervisor_update_menu_item():
    return MailSupervisorsItem(
        "Opleiders mailen: halfjaarcijfers",
        reverse("library_supervisor_update"),
        icon_name="group",
        order=950,
    )


@hooks.register("register_reports_menu_item")
def offer_mail_menu_item():
    return MailSupervisorsItem(
        "Opleiders mailen: aanbod", reverse("library_offer_mail"), icon_name="mail", order=951
    )


@hooks.register("register_log_actions")
def offer_mail_log_action(actions):
    # Each offer mail is logged on its supervisor; the latest entry starts the next mail's
    # period (library.reporting.offer_changes).
    from library.reporting.offer_changes import LOG_ACTION

    actions.register_action(
        LOG_ACTION, "Aanbodmail verstuurd", "Mail over wijzigingen in het aanbod verstuurd"
    )


class SupervisorViewSet(NetworkSnippetViewSet):
    model = Supervisor
    missing = "Geen opleider van jouw netwerk."
    icon = "group"
    menu_label = "Opleiders"
    list_display = ["name", "email", "organisation"]
    search_fields = ["name"]
    # Searched with the database's icontains, as the loan desk (library/admin/desk.py):
    # Wagtail's index on SQLite cannot search a named field.
    search_backend_name = None


register_snippet(SupervisorViewSet)


class CompetenceAreaViewSet(SnippetViewSet):
    # The working group keeps the list per programme (library migration 0020 grants it).
    model = CompetenceArea
    icon = "tag"
    menu_label = "Competentiegebieden"
    list_display = ["name", "programmes_display", "sort_order"]


register_snippet(CompetenceAreaViewSet)


@hooks.register(WARM_PDF_CACHE_HOOK)
def print_material_to_warm():
    return print_material.print_material_to_warm()


@hooks.register(EXTEND_SITE_SEARCH)
def lent_covers_in_site_search(site, pages):
    """The search box finds what the catalogue shows: also covers other networks lend out
    (one rule: ExpertPageQuerySet.on_offer_in)."""
    from wagtail.models import Page

    from library.models import ExpertPage

    offered = ExpertPage.objects.on_offer_in(site).values("pk")
    return pages | Page.objects.live().public().filter(pk__in=offered)
