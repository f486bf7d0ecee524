"""Page previews that the admin's preview panel may show in its frame.

Wagtail renders a preview by sending a made-up request for the page's *public* URL through the
whole middleware stack (`PreviewableMixin.make_preview_request`), inside the real request to
/admin/pages/<id>/edit/preview/. For that inner request django-csp sees no /admin/ path
(`EXCLUDE_URL_PREFIXES`), so the preview gets the public policy with `frame-ancestors 'none'`,
and the outer request under /admin/ leaves a header that is already there alone: Chromium then
refuses every preview mode in the editor's panel, web page and PDF alike. Django's
XFrameOptionsMiddleware sets DENY on the inner response in the same way (Wagtail's preview view
overrides that one with SAMEORIGIN, but it does not touch the CSP).

The fix uses the libraries' own per-response means, not a middleware of our own: django-csp's
`csp_replace` makes its middleware build the policy from settings with only `frame-ancestors`
replaced by `'self'`, and Django's `xframe_options_sameorigin` sets SAMEORIGIN before
XFrameOptionsMiddleware would set DENY. The policy stays in one place (settings) and public
pages and PDFs keep `frame-ancestors 'none'` and DENY; a middleware would have to recognise
preview requests by Wagtail's private request flags and rewrite headers these libraries set.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.decorators import csp_replace
from django.views.decorators.clickjacking import xframe_options_sameorigin

# The admin frames the preview from its own origin; nothing else may.
FRAMED_BY_ADMIN = {"frame-ancestors": ["'self'"]}


def frameable_by_admin(serve_preview: Callable) -> Callable:
    """Decorate a page's `serve_preview`: its responses may be framed by the site itself.

    Every `serve_preview` override (a PDF preview mode, for instance) needs it as well, since
    its own responses never pass through the mixin's method."""
    wrapped = xframe_options_sameorigin(csp_replace(FRAMED_BY_ADMIN)(serve_preview))
    wrapped.frameable_by_admin = True
    return wrapped


class FramedPreviewMixin:
    """For every page type of the site, before `Page` (and `RoutablePageMixin`) in the bases."""

    @frameable_by_admin
    def serve_preview(self, request, mode_name):
        return super().serve_preview(request, mode_name)
