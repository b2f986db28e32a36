from django import template

from jobbro.matching import occupations

register = template.Library()


@register.filter
def occupation(code: str) -> str:
    """ "9412 Køkkenhjælp mv." for an ISCO-08 / DISCO-08 code, "–" for none."""
    return occupations.label(code) or "–"


@register.filter
def industry_group(code: str) -> str:
    from jobbro.companies import industries

    title = industries.main_group_title(code)
    return f"{code} {title}" if title else code


@register.filter
def outcome_label(value: str) -> str:
    from jobbro.matching.outcomes import LABELS

    return str(LABELS.get(value, "–"))


@register.filter
def percent(value) -> str:
    """0.523 -> "52,3 %"; "–" for none."""
    if value is None or value == "":
        return "–"
    return f"{float(value) * 100:.1f} %".replace(".", ",")


@register.filter
def small(n) -> str:
    """A count as shown in an aggregate: "under 5" below 5 (but 0), so no row points to a
    person (lib/aggregates.py keeps the same rule)."""
    from django.utils.translation import gettext

    n = int(n or 0)
    return str(n) if n == 0 or n >= 5 else gettext("under 5")


@register.filter
def get(mapping, key):
    return mapping.get(key, 0)
