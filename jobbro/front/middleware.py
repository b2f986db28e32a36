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
