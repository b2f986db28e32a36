from django import template

from jobbro.law import selectors

register = template.Library()


@register.inclusion_tag("law/_current_benefit.html")
def current_benefit(citizen, may_edit=False):
    return {"citizen": citizen, "period": selectors.current_benefit(citizen.pk)}


@register.inclusion_tag("law/_first_offer_flag.html")
def first_offer_flag(citizen):
    return {"citizen": citizen, "offer": selectors.first_offer(citizen)}
