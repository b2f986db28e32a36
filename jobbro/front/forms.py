from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import DateField, Select


class DesignSystemMixin:
    """Give every widget the class Det Fælles Designsystem styles it by (and every plain
    select the cheap rendering of `fields.Select`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if type(widget) is forms.Select:
                widget.__class__ = Select  # the same select, without a template per option
            if isinstance(widget, forms.CheckboxInput):
                css = "form-checkbox"
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
