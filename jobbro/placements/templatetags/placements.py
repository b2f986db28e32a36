from django import template

from jobbro.placements import access
from jobbro.placements.models import PlacementStatus
from jobbro.placements.staircase import describe_step, kind_label, placement_step

register = template.Library()


@register.inclusion_tag("placements/_citizen_placements.html", takes_context=True)
def citizen_placements(context, citizen, purpose):
    """The case file's section on placements: the current step and the placements this
    user may see (a company consultant only those at their own companies)."""
    user = context["request"].user
    placements = list(access.placements_on_case_file(user, citizen).select_related("company")[:20])
    active = [p for p in placements if p.status == PlacementStatus.ACTIVE]
    top = min(active, key=placement_step, default=None)
    return {
        "citizen": citizen,
        "rows": [
            (p, kind_label(p.kind, p.paid_hours_per_week), placement_step(p)) for p in placements
        ],
        "current": describe_step(placement_step(top) if top else None, top.kind if top else None),
        "may_create": access.may_create(user, purpose),
    }


@register.simple_tag
def step_text(step, kind=None, short=False):
    return describe_step(step, kind, short=short)
