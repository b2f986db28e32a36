import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from jobbro.accounts.models import User

from .models import AccessLogEntry, Action


def _address(text: str | None) -> str | None:
    try:
        return ipaddress.ip_address((text or "").strip()).compressed
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as far as it can be trusted.

    Each of the TRUSTED_PROXY_COUNT proxies in front of Jobbro appends the address it was
    reached from to X-Forwarded-For, so the n-th entry from the right is the one the
    outermost trusted proxy saw; anything left of it the client may have written itself.
    Without trusted proxies, or when the header is short or that entry is not an address,
    REMOTE_ADDR (the peer of the connection) is what is known.
    """
    remote = _address(request.META.get("REMOTE_ADDR"))
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(hops) >= count and (forwarded := _address(hops[-count])):
            return forwarded
    return remote


def log_access(
    request: HttpRequest,
    *,
    action: str,
    citizen_ids: Iterable[int],
    purpose: str,
    reason: str = "",
    fields: Iterable[str] = (),
) -> None:
    """Record that request.user did `action` on these citizens' personal data.

    It must run inside the transaction that does the work (ATOMIC_REQUESTS makes every
    request one), so that the work is not committed without its log.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("log_access must run inside the transaction of the work it logs")
    user = request.user
    if not isinstance(user, User):
        raise RuntimeError("log_access needs the signed-in user who did the work")
    entries = [
        AccessLogEntry(
            user=user,
            role=user.role,
            action=action,
            citizen_id=cid,
            purpose=purpose,
            reason=reason,
            fields=",".join(fields)[:500],
            ip_address=client_ip(request),
            path=request.path[:300],
        )
        for cid in citizen_ids
    ]
    AccessLogEntry.objects.bulk_create(entries)


__all__ = ["Action", "log_access"]
