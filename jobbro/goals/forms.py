from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import DateField
from jobbro.front.forms import DesignSystemMixin, PeriodSearchForm
from jobbro.front.lists import ListForm
from jobbro.programmes.models import Programme


class PeriodForm(PeriodSearchForm):
    """The period a programme's targets are counted over."""


class DayForm(DesignSystemMixin, forms.Form):
    day = DateField(label=_("Status pr."), required=False)


class MeasuresForm(DayForm):
    """The national measures on a day, for the whole municipality or one programme's
    participants, present and past (the issue: "per project or programme")."""

    indsats = forms.ModelChoiceField(
        label=_("Indsats eller projekt"),
        queryset=Programme.objects.order_by("name"),
        required=False,
        empty_label=_("Hele kommunen"),
    )


class PersonsListForm(ListForm):
    """The persons behind a goals number: the number's key and period ride along hidden."""

    search_label = _("Søg på navn")
    search_fields = ("first_name__icontains", "last_name__icontains")
    columns = {
        "name": (_("Navn"), ("last_name", "first_name")),
        "case_worker": (_("Sagsbehandler"), ("case_worker__first_name", "last_name")),
    }
    default_sort = "name"
    empty = _("Ingen af dem, tallet tæller, er borgere, du har adgang til.")
    tal = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    date_from = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)
    date_to = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)


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
