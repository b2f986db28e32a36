"""Lockout after failed logins (django-axes): the Danish page, the client address, and
one row in the administration log for each lockout."""

from axes.handlers.database import AxesDatabaseHandler
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Q, Sum
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone

from .models import AdminAction, AdminLogEntry, User


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits: LOGIN_FAILURE_LIMIT failures for one username,
    LOGIN_ADDRESS_FAILURE_LIMIT from one address.

    A job centre's staff share one address behind the municipality's NAT, so one person
    mistyping five times must not lock out the whole office; guessing across many usernames
    from one address (credential stuffing) is still stopped. Axes compares the largest count
    over AXES_LOCKOUT_PARAMETERS (username, then address) with one limit, so the address's
    count is scaled to the username's limit.
    """

    def get_failures(self, request, credentials=None) -> int:
        by_user, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        user_limit = settings.AXES_FAILURE_LIMIT
        scaled = by_address * user_limit // settings.LOGIN_ADDRESS_FAILURE_LIMIT
        return max(by_user, scaled)


def client_ip(request) -> str | None:
    """The address axes counts failures by: the same one the access log records."""
    from jobbro.audit.services import client_ip as audit_client_ip

    return audit_client_ip(request)


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/lockout.html", {"minutes": minutes}, status=429)


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    """One administration-log row per lockout (of a username or an address), not one per
    refused attempt during it."""
    username = (username or "")[:150]
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    same = Q(ip_address=ip_address) | Q(username=username) if username else Q(ip_address=ip_address)
    if AdminLogEntry.objects.filter(same, action=AdminAction.LOCKOUT, at__gte=since).exists():
        return
    AdminLogEntry.objects.create(
        action=AdminAction.LOCKOUT,
        subject=User.objects.filter(username=username).first() if username else None,
        username=username,
        ip_address=ip_address,
    )
