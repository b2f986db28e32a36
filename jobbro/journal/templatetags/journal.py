from django import template

from jobbro.journal import access, selectors

register = template.Library()


@register.inclusion_tag("journal/_case_file.html", takes_context=True)
def journal_on_case_file(context, citizen, purpose):
    """The case file's section on the journal: the planned conversations this user may see,
    how many notes, and the buttons to write one (for those who may)."""
    user = context["request"].user
    notes = access.notes_of(user, citizen)
    return {
        "citizen": citizen,
        "count": notes.count(),
        "upcoming": list(selectors.upcoming(notes).select_related("author")[:5]),
        "may_write": access.may_write(user, purpose),
        "may_read": user.role in access.READ_ROLES,
    }
