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
