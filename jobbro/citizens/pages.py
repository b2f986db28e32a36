"""What every page about citizens does around access.py: open one citizen (or send the
user to state a reason first) and log the citizens a list shows under their purposes."""

from django.shortcuts import redirect

from jobbro.audit.models import Purpose
from jobbro.audit.services import log_access

from . import access


def open_or_reason(request, pk):
    """((citizen, purpose, reason), None), or (None, a redirect to state a reason first)."""
    try:
        return access.open_citizen(request.user, pk), None
    except access.ReasonRequired:
        return None, redirect("citizens:reason", pk=pk)


def log_page(request, citizens, action):
    """Log each citizen shown on a page under the purpose that lets this user see them."""
    by_purpose: dict[str, list[int]] = {}
    for cid, purpose in access.purposes_for(request.user, citizens).items():
        by_purpose.setdefault(purpose or Purpose.STATED, []).append(cid)
    for purpose, ids in by_purpose.items():
        log_access(request, action=action, citizen_ids=ids, purpose=purpose)
