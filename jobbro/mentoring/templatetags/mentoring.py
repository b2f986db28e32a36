from django import template

from jobbro.mentoring import access

register = template.Library()


@register.inclusion_tag("mentoring/_link.html")
def buddies_link(placement):
    """The placement page's link to its language buddies (the page is opened, and decided,
    through open_placement like the placement itself)."""
    return {"placement": placement, "count": placement.language_buddies.count()}


@register.inclusion_tag("mentoring/_citizen_mentors.html", takes_context=True)
def citizen_mentors(context, citizen, purpose):
    """The case file's section on the citizen's mentor matches (volunteer or colleague): for
    the staff who keep the mentor corps; the mentor relation of `Citizen.mentor` is shown
    with the case's facts."""
    user = context["request"].user
    if user.role not in access.CORPS_ROLES:
        return {"shown": False}
    matches = citizen.mentor_matches.select_related("mentor").order_by("-proposed_on", "-pk")
    return {
        "shown": True,
        "citizen": citizen,
        "matches": list(matches[:10]),
        "may_match": access.may_match(user, purpose),
    }


@register.simple_tag(takes_context=True)
def mentee_match(context, citizen):
    """The mentor's own agreed match with this mentee (for the mentee page's link to the
    meetings), or None."""
    from jobbro.mentoring.models import MatchStatus

    user = context["request"].user
    return (
        citizen.mentor_matches.filter(mentor__user=user, status=MatchStatus.AGREED)
        .only("pk")
        .first()
    )
