from django import template

from jobbro.attendance import access

register = template.Library()


@register.inclusion_tag("attendance/_week_link.html", takes_context=True)
def week_link(context, citizen):
    """The case file's link to the citizen's week and work obligation, for those who see it."""
    return {"citizen": citizen, "show": context["request"].user.role in access.WEEK_ROLES}
