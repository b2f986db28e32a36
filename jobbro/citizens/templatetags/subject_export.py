import datetime as dt

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def readable(value):
    """A value of the data-subject export as a person reads it: dates as dd.mm.åååå,
    yes/no in words, nothing as a dash."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=None if value.is_integer() else 2)
    return value
