from django import template

from jobbro.screening import access

register = template.Library()


@register.inclusion_tag("screening/_link.html", takes_context=True)
def screening_link(context, citizen):
    """The case file's link to the trauma screening, only for those who may open it (so the
    case file does not tell others whether there is one)."""
    return {"citizen": citizen, "show": access.may_open(context["request"].user, citizen)}
