from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import DateField, ModelForm
from jobbro.front.forms import DesignSystemMixin
from jobbro.front.lists import ListForm
from jobbro.programmes.parts import AmountField

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


class BenefitAmountForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    """A benefit's monthly amount from a date, as the ministry's yearly table of rates gives
    it: in kroner the Danish way ("12.550,00"), with where it comes from."""

    stale_what = _("Beløbet")
    monthly = AmountField(
        label=_("Kr. pr. måned"),
        error_messages={"required": _("Skriv beløbet pr. måned, fx 12.550,00.")},
    )
    valid_from = DateField(
        label=_("Gælder fra"), error_messages={"required": _("Skriv, hvornår beløbet gælder fra.")}
    )
    valid_to = DateField(label=_("Gælder til og med"), required=False)

    class Meta:
        from .models import BenefitAmount

        model = BenefitAmount
        fields = ["benefit", "rate", "monthly", "valid_from", "valid_to", "source"]
        labels = {"benefit": _("Ydelse"), "rate": _("Sats"), "source": _("Kilde")}
        help_texts = {
            "rate": _(
                "Kun for en ydelse med satser; uden sats gælder beløbet alle ydelsens satser."
            ),
            "source": _("Hvor beløbet kommer fra, fx Beskæftigelsesministeriets satser for 2026."),
        }
        error_messages = {
            "benefit": {"required": _("Vælg ydelsen.")},
            "source": {"required": _("Skriv kilden til beløbet.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benefit"].empty_label = _("Vælg ydelse")
        self.fields["rate"].empty_label = _("Ingen sats")
        self.fields["rate"].queryset = BenefitRate.objects.select_related("benefit")
        self.fields["rate"].label_from_instance = lambda r: f"{r.benefit}: {r}"


class BenefitAmountListForm(ListForm):
    search_label = _("Søg på ydelse eller kilde")
    search_fields = ("benefit__name__icontains", "rate__name__icontains", "source__icontains")
    columns = {
        "benefit": (_("Ydelse"), ("benefit__position", "benefit__name", "rate__name")),
        "from": (_("Gælder fra"), ("valid_from",)),
        "monthly": (_("Kr. pr. måned"), ("monthly",)),
    }
    default_sort = "benefit"
    empty = _(
        "Der er ingen beløb endnu. Programmernes økonomi regner besparelsen ud fra dem: "
        "opret beløbene fra Beskæftigelsesministeriets satser for året."
    )
    ydelse = forms.ModelChoiceField(
        label=_("Ydelse"), queryset=Benefit.objects.all(), required=False, empty_label=_("Alle")
    )

    def filter(self, items, data):
        return items.filter(benefit=data["ydelse"]) if data.get("ydelse") else items
