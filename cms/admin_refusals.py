"""A refused admin request answers 403 with a Dutch page.

Wagtail answers a logged-in user's PermissionDenied with a redirect to the dashboard and a
message. That hides from auditors, tests and the user's browser history that a request was
refused, and makes "redirect" ambiguous in the role matrix (302 means: log in first). Wagtail
calls `wagtail.admin.auth.permission_denied` for every refusal of its admin views, so that one
function is replaced when the app loads (cms.apps).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse


def permission_denied(request: HttpRequest) -> TemplateResponse:
    from django.core.exceptions import PermissionDenied

    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied  # as Wagtail does: its JavaScript expects a plain 403
    return TemplateResponse(request, "cms/admin/forbidden.html", status=403)


def install() -> None:
    from wagtail.admin import auth

    auth.permission_denied = permission_denied
