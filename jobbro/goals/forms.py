from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import DateField
from jobbro.front.forms import DesignSystemMixin, PeriodSearchForm


class PeriodForm(PeriodSearchForm):
    """The period a programme's targets are counted over."""


class DayForm(DesignSystemMixin, forms.Form):
    day = DateField(label=_("Status pr."), required=False)


class TertialForm(DesignSystemMixin, forms.Form):
    """The steering group meets three times a year (seed 000): a year and its third."""

    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    tertial = forms.TypedChoiceField(
        label=_("Periode"),
        coerce=int,
        choices=[
            (1, _("1. tertial (januar–april)")),
            (2, _("2. tertial (maj–august)")),
            (3, _("3. tertial (september–december)")),
        ],
    )
