from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import User
from jobbro.front.fields import DateField
from jobbro.front.forms import DesignSystemMixin

from .access import NAMEABLE_ROLES
from .models import Indication, Offer, ReferralStatus, Tool


def _choices(choices) -> list[tuple[str, str]]:
    return [("", _("Vælg …")), *choices]


class ScreeningForm(DesignSystemMixin, forms.Form):
    screened_on = DateField(label=_("Screenet den"), initial=timezone.localdate)
    tool = forms.ChoiceField(label=_("Redskab"), choices=_choices(Tool.choices))
    indication = forms.ChoiceField(
        label=_("Indikation"),
        choices=_choices(Indication.choices),
        help_text=_(
            "Redskabet giver en indikation af risikoen for traumer; det er ikke en diagnose."
        ),
    )
    family_with_children = forms.BooleanField(label=_("Familie med børn"), required=False)
    note = forms.CharField(
        label=_("Notat"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReferralForm(DesignSystemMixin, forms.Form):
    decided_on = DateField(
        label=_("Besluttet i det tværfaglige team den"), initial=timezone.localdate
    )
    offer = forms.ChoiceField(label=_("Indsats"), choices=_choices(Offer.choices))
    referred_to = forms.CharField(
        label=_("Henvist til"),
        required=False,
        max_length=300,
        help_text=_("Fx kommunens behandlingstilbud, egen læge eller ATT."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    note = forms.CharField(
        label=_("Notat"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class NameForm(DesignSystemMixin, forms.Form):
    user = forms.ModelChoiceField(
        label=_("Medarbejder"),
        queryset=User.objects.none(),
        empty_label=_("Vælg …"),
        error_messages={"invalid_choice": _("Vælg en sagsbehandler eller ambassadør på listen.")},
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=300,
        help_text=_("Fx “screener borgeren” eller “deltager i det tværfaglige team”."),
    )

    def __init__(self, *args, citizen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(role__in=NAMEABLE_ROLES, is_active=True)
            .exclude(pk=citizen.case_worker_id)
            .order_by("first_name", "last_name", "username")
        )
