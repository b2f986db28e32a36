"""Lockout after failed logins (django-axes): the Danish page, the client address, and
one row in the administration log for each lockout."""

from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Q
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone

from .models import AdminAction, AdminLogEntry, User


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
