from django.conf import settings
from django.contrib.auth.views import redirect_to_login

# Paths anyone may open: the login page, language switch and static files, and the
# calendar feeds (calendar apps cannot log in; the private token in the path is the key).
PUBLIC_PREFIXES = (
    "/login/",
    "/i18n/",
    "/static/",
    "/favicon.ico",
    "/healthz",
    "/forloeb/kalender/feed/",
)


class LoginRequiredMiddleware:
    """Every page needs a logged-in user unless it is on the short public list."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)
