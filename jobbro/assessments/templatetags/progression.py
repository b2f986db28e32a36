from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def num(value):
    """A score or mean as Danish text: 3,25; a missing one as a dash."""
    return "–" if value is None else floatformat(value, "-2")


@register.filter
def signed(value):
    """A change with its sign, so a fall is never read as a rise: +0,5, −1, ±0."""
    if value is None:
        return "–"
    if abs(value) < 0.005:
        return "±0"
    text = floatformat(abs(value), "-2")
    return f"+{text}" if value > 0 else f"−{text}"


@register.inclusion_tag("assessments/_citizen_section.html", takes_context=True)
def progression_summary(context, citizen):
    """The case file's small progression section; the case file's view has already checked
    access and logged the visit."""
    from jobbro.assessments.access import assessments_of
    from jobbro.assessments.services import ASSESSMENT_ROLES

    user = context["request"].user
    if user.role not in ASSESSMENT_ROLES:
        return {"show": False}
    assessments = assessments_of(user, citizen).order_by("-assessed_on", "-pk")
    return {
        "show": True,
        "citizen": citizen,
        "latest_assessment": assessments.first(),
        "assessment_count": assessments.count(),
    }


@register.inclusion_tag("assessments/_workplace_progression.html")
def workplace_progression(placement):
    """The workplace's score since the placement started, for the placement's page:
    `{% load progression %}{% workplace_progression placement %}`. The page's own view has
    already checked access and logged the visit."""
    from jobbro.assessments.selectors import workplace_progression as progression

    return {"progression": progression(placement)}
