import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .sessions import LOGIN_AT, REFRESHED_AT

# Paths anyone may open: the login page, language switch and static files, the one-time
# set-password links, and the calendar feeds (calendar apps cannot log in; the private
# token in the path is the key).
PUBLIC_PREFIXES = (
    "/login/",
    "/adgangskode/ny/",
    "/i18n/",
    "/static/",
    "/favicon.ico",
    "/healthz",
    "/forloeb/kalender/feed/",
)
# Where a user who has given their password but not yet their second factor may go.
MFA_PREFIXES = ("/totrin/", "/logout/")


def needs_second_factor(user) -> bool:
    """Whether this logged-in user must still give a TOTP code in this session: always
    when they have an authenticator, and in production (REQUIRE_MFA) even to set one up."""
    from django_otp import user_has_device

    if user.is_verified():
        return False
    return settings.REQUIRE_MFA or user_has_device(user, confirmed=True)


class LoginRequiredMiddleware:
    """Every page needs a logged-in user unless it is on the short public list, and a
    user with a second factor (or in production, every user) must have given it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PUBLIC_PREFIXES):
            return self.get_response(request)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not request.path.startswith(MFA_PREFIXES) and needs_second_factor(request.user):
            from django_otp import user_has_device

            step = "accounts:mfa_verify"
            if not user_has_device(request.user, confirmed=True):
                step = "accounts:mfa_setup"
            # After the code, on to the page asked for (GET only: a POST is not replayed).
            query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
            return redirect(f"{reverse(step)}?{query}" if query else reverse(step))
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """End a session SESSION_ABSOLUTE_SECONDS after login whatever the activity, and move
    its idle expiry on at most once per SESSION_REFRESH_SECONDS (instead of writing the
    session on every request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            login_at = session.get(LOGIN_AT)
            if login_at is None:
                session[LOGIN_AT] = login_at = now
            if now - login_at >= settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("Du er logget af, fordi du har været logget ind længe."))
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
                # Changing the session makes SessionMiddleware save it with a new expiry.
                session[REFRESHED_AT] = now
        return self.get_response(request)
