from django import template

from jobbro.citizens import access
from jobbro.citizens.status import CaseStatus, StatusPeriod

from .. import services
from ..models import Mentorship, Transfer

register = template.Library()


@register.inclusion_tag("cases/_panel.html", takes_context=True)
def case_panel(context, citizen, may_edit):
    """The case file's box on its status, mentor and caseload, with their history, for those
    who work with whole case files."""
    user = context["request"].user
    if user.role not in access.CASE_FILE_ROLES:
        return {"shown": False}
    periods = list(StatusPeriod.objects.filter(citizen=citizen).select_related("recorded_by")[:20])
    today = services.status_today(citizen)
    return {
        "shown": True,
        "citizen": citizen,
        "may_edit": may_edit,
        "status": today.status if today else CaseStatus.ACTIVE,
        "current": today,
        "periods": periods,
        "mentorships": Mentorship.objects.filter(citizen=citizen).select_related("mentor")[:10],
        "transfers": Transfer.objects.filter(citizen=citizen).select_related(
            "from_case_worker", "to_case_worker", "from_team", "to_team"
        )[:10],
        "caseload_since": services.caseload_since(citizen),
    }
