import contextlib
import logging

timing_log = logging.getLogger("jobbro.timing")


class DanishFirstMiddleware:
    """Danish unless the user chose otherwise with the language switch.

    The browser's Accept-Language says nothing about the job centre's working language, so it
    is ignored: LocaleMiddleware then decides by the language cookie alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers every Jobbro response carries, besides Django's and the CSP's.

    - Permissions-Policy: the browser features in settings.PERMISSIONS_POLICY are off.
    - Cache-Control: no-store. Nearly every page, file and export holds personal data (case
      files, PDFs, JSON exports, the calendar feed), so nothing Jobbro answers is kept by the
      browser or a proxy; static files are served before this by WhiteNoise, cached as usual.
    """

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        from django.utils.cache import add_never_cache_headers

        response = self.get_response(request)
        response["Permissions-Policy"] = self.permissions_policy
        if "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response


class RequestTimingMiddleware:
    """One log line per request when `REQUEST_TIMING_LOG` is on: the URL pattern's route
    (`borgere/<int:pk>/`, never the path itself, which may hold an id, nor the query
    string, which may hold a search term), method, status, duration and SQL query count.
    Nothing about the user. For the operator's monitoring (README, Drift); off by default.

        jobbro.timing route="borgere/<int:pk>/" method=GET status=200 ms=12.4 queries=11
    """

    def __init__(self, get_response):
        from django.conf import settings
        from django.core.exceptions import MiddlewareNotUsed

        if not settings.REQUEST_TIMING_LOG:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.db import connections

        counter = _QueryCounter()
        started = time.perf_counter()
        with contextlib.ExitStack() as stack:
            for conn in connections.all(initialized_only=True) or [connections["default"]]:
                stack.enter_context(conn.execute_wrapper(counter))
            response = self.get_response(request)
        ms = (time.perf_counter() - started) * 1000
        match = getattr(request, "resolver_match", None)
        route = match.route if match is not None else "-"
        timing_log.info(
            'route="%s" method=%s status=%s ms=%.1f queries=%d',
            route,
            request.method,
            response.status_code,
            ms,
            counter.count,
        )
        return response


class _QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
