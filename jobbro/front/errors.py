"""Jobbro's own error pages: Danish, in the design system, with a way back, and nothing in
them about what went wrong inside (no exception text, no reason from the CSRF check, no
path). Wired in jobbro/urls.py (handler400/403/404/500) and settings.CSRF_FAILURE_VIEW.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.template.loader import render_to_string


def _page(request, template: str, status: int, **context) -> HttpResponse:
    return HttpResponse(render_to_string(template, context, request), status=status)


def bad_request(request, exception=None):
    too_big = isinstance(exception, RequestDataTooBig)
    limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    return _page(request, "errors/400.html", 400, too_big=too_big, limit_mb=limit_mb)


def permission_denied(request, exception=None):
    return _page(request, "errors/403.html", 403)


def csrf_failure(request, reason=""):
    return _page(request, "errors/403_csrf.html", 403)


def page_not_found(request, exception=None):
    return _page(request, "errors/404.html", 404)


def server_error(request):
    # No request context: the error may come from the database the context processors use.
    return HttpResponse(render_to_string("errors/500.html"), status=500)
