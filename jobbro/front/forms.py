from dataclasses import dataclass
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import CHOOSE, DateField, Select

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    StrOrPromise = str | _StrPromise

DJANGO_BLANK = "---------"


def choose_not_dashes(field: forms.Field) -> None:
    """A drop-down's empty choice says "Vælg …", never Django's "---------"."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_BLANK:
            field.empty_label = CHOOSE
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices = list(field.choices)  # type: ignore[arg-type]
        if choices and choices[0][0] in ("", None) and choices[0][1] == DJANGO_BLANK:
            field.choices = [("", CHOOSE), *choices[1:]]


class DesignSystemMixin:
    """Give every widget the class Det Fælles Designsystem styles it by (and every plain
    select the cheap rendering of `fields.Select`), and every drop-down "Vælg …" for its
    empty choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            choose_not_dashes(field)
            widget = field.widget
            if type(widget) is forms.Select:
                widget.__class__ = Select  # the same select, without a template per option
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-checkbox"  # each box of a group too, not a text input's frame
            elif isinstance(widget, forms.RadioSelect):
                css = "form-radio"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-input"
            existing = widget.attrs.get("class", "")
            if css not in existing:
                widget.attrs["class"] = f"{css} {existing}".strip()


class PeriodSearchForm(DesignSystemMixin, forms.Form):
    """A log search's "from" and "to" dates, the one refusing to lie before the other.

    Subclasses put their own fields first with `field_order`."""

    date_from = DateField(label=_("Fra dato"), required=False)
    date_to = DateField(label=_("Til dato"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Til-datoen må ikke ligge før fra-datoen."))
        return cleaned


@dataclass(frozen=True)
class Section:
    """Part of a long form: a fieldset with a legend; a folded one is a `<details>` that the
    user opens for the optional parts (`includes/form_sections.html`)."""

    legend: "StrOrPromise"
    fields: tuple[str, ...]
    folded: bool = False


@dataclass
class BoundSection:
    legend: "StrOrPromise"
    fields: list
    folded: bool

    @property
    def has_errors(self) -> bool:
        """A folded section with an error opens, so the summary's link reaches its field."""
        return any(field.errors for field in self.fields)

    @property
    def filled(self) -> int:
        return sum(1 for field in self.fields if field.value() not in (None, "", [], False))


class SectionsMixin:
    """A long form in sections, the essentials first and the rest folded (issue 13: the
    citizen form was 4,400 px long). `sections` names every field once; a test checks."""

    sections: tuple[Section, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("sections"):
            # The error summary lists the errors in the page's order.
            cls.field_order = [name for section in cls.sections for name in section.fields]

    def bound_sections(self) -> list[BoundSection]:
        return [
            BoundSection(
                section.legend,
                [self[name] for name in section.fields if name in self.fields],  # type: ignore[index,attr-defined]
                section.folded,
            )
            for section in self.sections
        ]
