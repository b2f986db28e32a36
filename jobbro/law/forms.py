from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import DateField
from jobbro.front.forms import DesignSystemMixin

from .models import Benefit, BenefitRate, BenefitSupplement


class BenefitPeriodForm(DesignSystemMixin, forms.Form):
    """Any benefit the law has known may be chosen; the service refuses one that was not
    in force on the dates, with a Danish message naming when it was."""

    benefit = forms.ModelChoiceField(
        label=_("Forsørgelse"),
        queryset=Benefit.objects.all(),
        empty_label=_("Vælg forsørgelse"),
        error_messages={"required": _("Vælg forsørgelsen.")},
    )
    rate = forms.ModelChoiceField(
        label=_("Sats"),
        queryset=BenefitRate.objects.select_related("benefit"),
        required=False,
        empty_label=_("Ingen sats"),
        help_text=_(
            "Kontanthjælp fra 1. juli 2025: grundsats, forhøjet sats, mindstesats eller hjemmeboende sats."
        ),
    )
    supplements = forms.ModelMultipleChoiceField(
        label=_("Tillæg"),
        queryset=BenefitSupplement.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = DateField(label=_("Fra"), error_messages={"required": _("Skriv startdatoen.")})
    ends_on = DateField(label=_("Til og med"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rate"].label_from_instance = lambda r: f"{r.benefit}: {r}"
        self.fields["supplements"].widget.attrs["class"] = "form-checkbox"
