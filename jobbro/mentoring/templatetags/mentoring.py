from django import template

register = template.Library()


@register.inclusion_tag("mentoring/_link.html")
def buddies_link(placement):
    """The placement page's link to its language buddies (the page is opened, and decided,
    through open_placement like the placement itself)."""
    return {"placement": placement, "count": placement.language_buddies.count()}
