"""Session lifetimes: idle timeout without a write per request, and an absolute limit."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

# Session keys (timestamps only: nothing personal in sessions).
LOGIN_AT = "jobbro_login_at"
REFRESHED_AT = "jobbro_refreshed_at"


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[REFRESHED_AT] = now
