from django import template

from jobbro.citizens.access import CASE_FILE_ROLES

from .. import access

register = template.Library()


@register.inclusion_tag("programmes/_citizen_enrolments.html", takes_context=True)
def citizen_enrolments(context, citizen, purpose):
    """The case file's section on the programmes and projects the citizen is or was in: for
    those who work with whole case files (a company consultant does not see it)."""
    user = context["request"].user
    if user.role not in CASE_FILE_ROLES:
        return {"shown": False}
    enrolments = citizen.enrolments.select_related("programme", "cohort").order_by(
        "-starts_on", "-pk"
    )
    return {
        "shown": True,
        "citizen": citizen,
        "enrolments": list(enrolments[:20]),
        "may_enrol": access.may_enrol(user, purpose),
    }
