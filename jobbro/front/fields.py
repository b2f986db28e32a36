"""Form fields for everything people type in Jobbro: a plausible date, a number in ASCII
digits, a text with a length limit, a cleaned search term. Every refusal is a Danish message
on the form, so the input is kept and shown again.

- `DateField`, `DateTimeField`: dd.mm.åååå (tt:mm), years MIN_YEAR to MAX_YEAR. Further
  out is a typo (31.12.9999, 01.01.0001) and would break the date arithmetic of the pages
  that show it (deadlines, ages, the 96-hour rule). A day the calendar has not
  (31.02.2024) "findes ikke" (`lib.dates.missing_day`). Dates get the design system's date
  picker (`DatePickerInput`).
- `IntegerField`, `DecimalField`: only the digits 0-9 (not ², not Arabic-Indic ٣), at most
  MAX_DIGITS of them, so nothing reaches int() or the database that either refuses.
- `SearchField`: `lib.text.clean_search`.
- `ModelForm`: a ModelForm whose model fields become the fields above, and whose text fields
  get TEXT_MAX_LENGTH. Every ModelForm in Jobbro derives from it.
- `Select`: Django's select, rendered in Python (the same HTML) instead of one template
  per option: a filter with hundreds of options (industries, nationalities, consultants)
  cost more than the rest of its page (issue 14). `DesignSystemMixin` gives it to every
  form's plain selects.
- `parse_int`, `parse_date`: the same rules for a view that reads a query parameter or a
  hand-built form itself.
"""

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from jobbro.lib.dates import missing_day
from jobbro.lib.text import SEARCH_MAX_LENGTH, clean_search

MIN_YEAR, MAX_YEAR = 1900, 2100
# A long free text (a note, a plan's goals, a retention plan's assessment): some pages of it.
TEXT_MAX_LENGTH = 10_000
MAX_DIGITS = 9

DATE_ERROR = _("Skriv datoen som dd.mm.åååå.")
DATETIME_ERROR = _("Skriv tidspunktet som dd.mm.åååå tt:mm.")
DATE_RANGE_ERROR = _("Datoen skal ligge mellem år %(min)s og %(max)s.")
INTEGER_ERROR = _("Skriv et helt tal med cifrene 0-9.")
DECIMAL_ERROR = _("Skriv et tal med cifrene 0-9, fx 37 eller 7,5.")
TOO_MANY_DIGITS_ERROR = _("Tallet er for stort.")
# The empty choice of a drop-down.
CHOOSE = _("Vælg …")

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def validate_plausible_date(value) -> None:
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(
            DATE_RANGE_ERROR, code="date_range", params={"min": MIN_YEAR, "max": MAX_YEAR}
        )


def _ascii_number(value, pattern, message) -> str:
    text = str(value).strip()
    if not pattern.fullmatch(text):
        raise ValidationError(message, code="invalid")
    if sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise ValidationError(TOO_MANY_DIGITS_ERROR, code="max_digits")
    return text


class DatePickerInput(forms.DateInput):
    """Det Fælles Designsystem's date picker around a plain text input for dd.mm.åååå.

    Without JavaScript it is the text input. With it (`static/jobbro/jobbro.js`), dkfds adds
    the calendar button and dialog; jobbro.js then posts the visible input, which the picker
    fills as dd.mm.åååå, instead of the picker's hidden ISO copy, which it empties when the
    typed text is not a date: the server reads and judges what the user sees, with or
    without JavaScript ("31.02.2024 findes ikke" rather than a silently empty field)."""

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        return format_html('<div class="date-picker" data-dateformat="DD.MM.YYYY">{}</div>', field)


DATE_WIDGET = DatePickerInput(
    format="%d.%m.%Y", attrs={"placeholder": _("dd.mm.åååå"), "class": "form-input input-width-s"}
)
DATETIME_WIDGET = forms.DateTimeInput(
    format="%d.%m.%Y %H:%M",
    attrs={"placeholder": _("dd.mm.åååå tt:mm"), "class": "form-input input-width-m"},
)


def _attrs(attrs: dict) -> str:
    """Django's widgets/attrs.html: ` name="value"`, a bare name for True, none for False."""
    out = []
    for name, value in attrs.items():
        if value is True:
            out.append(f" {name}")
        elif value is not False:
            out.append(f' {name}="{conditional_escape(str(value))}"')
    return "".join(out)


class Select(forms.Select):
    """A select rendered without a template per option (same markup as Django's)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                    f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


# A date the calendar has not (31.02.2024, 29.02.2025): say that, not that the format is wrong.
NO_SUCH_DATE_ERROR = _("Datoen %(date)s findes ikke.")


def _no_such_date(value) -> None:
    typed = missing_day(value) if isinstance(value, str) else ""
    if typed:
        raise ValidationError(NO_SUCH_DATE_ERROR, code="no_such_date", params={"date": typed})


class DateField(forms.DateField):
    widget = DATE_WIDGET
    default_error_messages = {"invalid": DATE_ERROR}
    default_validators = [validate_plausible_date]

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            _no_such_date(value)
            raise


class DateTimeField(forms.DateTimeField):
    widget = DATETIME_WIDGET
    default_error_messages = {"invalid": DATETIME_ERROR}
    default_validators = [validate_plausible_date]

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            _no_such_date(value)
            raise
        except (OverflowError, ValueError):
            # Year 1 or 9999 in a time zone east or west of UTC: not a plausible moment.
            raise ValidationError(
                DATE_RANGE_ERROR, code="date_range", params={"min": MIN_YEAR, "max": MAX_YEAR}
            ) from None


class IntegerField(forms.IntegerField):
    default_error_messages = {"invalid": INTEGER_ERROR}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return int(_ascii_number(value, _INTEGER, self.error_messages["invalid"]))


class DecimalInput(forms.TextInput):
    """A decimal number as text: `type=number` turns a Danish "3,5" into 35 in some browsers
    and refuses it in others, so the field is text with the phone's number keyboard
    (`inputmode=decimal`), shown in the page's language ("7,5" in Danish)."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "class": "form-input input-width-xs", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
            value = Decimal(value)
            # 25.0 as "25", 7.50 as "7,5": the digits that say something.
            value = (
                value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
            )
            return formats.number_format(value)
        return super().format_value(value)


class DecimalField(forms.DecimalField):
    """A decimal number: "7,5" and "7.5" are both 7.5 (DecimalInput shows it the Danish way)."""

    widget = DecimalInput
    default_error_messages = {"invalid": DECIMAL_ERROR}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            text = _ascii_number(value, _DECIMAL, self.error_messages["invalid"])
            value = text.replace(",", ".")
        return super().to_python(value)


class SearchField(forms.CharField):
    """A search box or text filter: never refuses, cleans (lib.text.clean_search)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_search(value, SEARCH_MAX_LENGTH)


def formfield(db_field, **kwargs):
    """The form field for a model field in a Jobbro ModelForm."""
    if not db_field.choices:
        if isinstance(db_field, models.DateTimeField):
            kwargs.setdefault("form_class", DateTimeField)
        elif isinstance(db_field, models.DateField):
            kwargs.setdefault("form_class", DateField)
        elif isinstance(db_field, models.DecimalField):
            kwargs.setdefault("form_class", DecimalField)
        elif isinstance(db_field, models.IntegerField) and not isinstance(
            db_field, models.AutoField
        ):
            kwargs.setdefault("form_class", IntegerField)
        elif isinstance(db_field, models.TextField) and not db_field.max_length:
            kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("empty_label", CHOOSE)
    field = db_field.formfield(**kwargs)
    choices = getattr(field, "choices", None)
    if isinstance(field, forms.TypedChoiceField) and choices and choices[0][0] == "":
        # A drop-down says "Vælg …", never Django's "---------".
        field.choices = [("", CHOOSE), *choices[1:]]
    return field


class ModelForm(forms.ModelForm):
    """A ModelForm whose fields come from `formfield` (unless its Meta names another)."""

    def __init_subclass__(cls, **kwargs):
        # Runs before Django's metaclass reads Meta, so every subclass's own Meta gets it.
        meta = cls.__dict__.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(formfield)
        super().__init_subclass__(**kwargs)


def parse_int(raw, low: int | None = None, high: int | None = None) -> int | None:
    """An integer written in ASCII digits within [low, high], or None."""
    try:
        value = int(_ascii_number(raw, _INTEGER, ""))
    except ValidationError:
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        return None
    return value


def parse_date(raw) -> tuple[dt.date | None, str]:
    """(the date, "") for dd.mm.åååå within the plausible years, else (None, a Danish error)."""
    field = DateField()
    try:
        return field.clean(raw), ""
    except ValidationError as e:
        return None, " ".join(str(m) for m in e.messages)


def parse_decimal(raw, low: float | None = None, high: float | None = None) -> float | None:
    """A number like 0,5 or 1.5 in ASCII digits within [low, high], or None."""
    try:
        value = float(_ascii_number(raw, _DECIMAL, "").replace(",", "."))
    except ValidationError:
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        return None
    return value
