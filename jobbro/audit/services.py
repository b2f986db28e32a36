from collections.abc import Iterable

from django.db import transaction

from .models import AccessLogEntry, Action


def client_ip(request) -> str | None:
    # Behind a proxy, REMOTE_ADDR is set from the trusted proxy header by the WSGI server.
    return request.META.get("REMOTE_ADDR") or None


def log_access(
    request,
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
