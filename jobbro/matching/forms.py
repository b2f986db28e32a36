from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.companies import industries
from jobbro.companies.forms import BlankChoiceMixin
from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import IntegerField, ModelForm
from jobbro.front.forms import DesignSystemMixin
from jobbro.front.lists import ListForm

from .factors import Factor
from .fields import OccupationField
from .models import DECLINES, DecisionKind, MatchProfile, Town, TravelTime

# How many codes of each kind the profile holds (engine: selectors.MAX_CODES at most).
WISHES, EXPERIENCES, RESERVED = 3, 3, 2


def _slots(prefix: str, n: int, label) -> dict[str, OccupationField]:
    return {f"{prefix}_{i}": OccupationField(label=label % {"n": i}) for i in range(1, n + 1)}


class ProfileForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    """The citizen's matching profile: occupation codes typed or picked, industries ticked."""

    stale_what = _("Matchprofilen")
    wished_industries = forms.MultipleChoiceField(
        label=_("Ønskede brancher"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Mindst to, som Hjørrings branchepakker."),
    )

    class Meta:
        model = MatchProfile
        fields = [
            "town",
            "max_travel_minutes",
            "max_hours_per_week",
            "no_shifts",
            "available_from",
            "reservations",
        ]
        widgets = {
            "reservations": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "reservations": _("Med borgerens egne ord. Vises ikke for virksomhedskonsulenter."),
        }
        error_messages = {
            "max_travel_minutes": {"invalid": _("Rejsetiden skal være et helt antal minutter.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {
            **_slots("wish", WISHES, _("Ønsket fag %(n)s")),
            **_slots("experience", EXPERIENCES, _("Erfaring %(n)s")),
            **_slots("reserved", RESERVED, _("Fag borgeren ikke ønsker %(n)s")),
        }
        self.fields.update(self.slots)
        self.fields["wished_industries"].choices = industries.main_groups()
        profile = self.instance
        for prefix, values in (
            ("wish", profile.wished_occupations),
            ("experience", profile.experience),
            ("reserved", profile.reserved_occupations),
        ):
            for i, code in enumerate(values or [], start=1):
                self.initial.setdefault(f"{prefix}_{i}", code)
        self.initial.setdefault("wished_industries", profile.wished_industries)
        for name in self.slots:
            self.fields[name].widget.attrs.setdefault("class", "form-input")

    def clean_max_travel_minutes(self):
        minutes = self.cleaned_data.get("max_travel_minutes")
        if minutes is not None and not 5 <= minutes <= 180:
            raise forms.ValidationError(_("Rejsetiden skal være mellem 5 og 180 minutter."))
        return minutes

    def _codes(self, prefix: str, n: int) -> list[str]:
        codes = [self.cleaned_data.get(f"{prefix}_{i}") for i in range(1, n + 1)]
        return list(dict.fromkeys(c for c in codes if c))

    def clean(self):
        cleaned = super().clean()
        profile = self.instance
        profile.wished_occupations = self._codes("wish", WISHES)
        profile.experience = self._codes("experience", EXPERIENCES)
        profile.reserved_occupations = self._codes("reserved", RESERVED)
        profile.wished_industries = sorted(set(cleaned.get("wished_industries") or []))
        both = set(profile.wished_occupations) & set(profile.reserved_occupations)
        if both:
            self.add_error(None, _("Et fag kan ikke både være ønsket og fravalgt."))
        return cleaned


class TravelTimeForm(VersionFormMixin, BlankChoiceMixin, DesignSystemMixin, ModelForm):
    stale_what = _("Afstanden")

    class Meta:
        model = TravelTime
        fields = ["origin", "destination", "km", "minutes_car", "minutes_public"]
        error_messages = {
            "origin": {"required": _("Vælg den ene by.")},
            "destination": {"required": _("Vælg den anden by.")},
        }

    def clean(self):
        cleaned = super().clean()
        a, b = cleaned.get("origin"), cleaned.get("destination")
        if a and b and a == b:
            self.add_error("destination", _("Vælg to forskellige byer."))
        elif a and b and a.name > b.name:
            cleaned["origin"], cleaned["destination"] = b, a  # one row per pair, in name order
        return cleaned


class TownForm(DesignSystemMixin, forms.Form):
    name = forms.CharField(label=_("Ny by"), max_length=100)


class ListFilterForm(BlankChoiceMixin, ListForm):
    search_label = _("Søg på navn")
    search_fields = ("first_name__icontains", "last_name__icontains")
    columns = {
        "name": (_("Navn"), ("last_name", "first_name")),
        "town": (_("Bor i"), ("match_profile__town__name", "last_name")),
        "updated": (_("Profil ændret"), ("match_profile__updated_at", "last_name")),
    }
    default_sort = "name"
    empty = _(
        "Der er ingen borgere at matche: borgere i din sagsstamme eller i projektet vises "
        "her, så snart de har en åben sag."
    )
    occupation = OccupationField(label=_("Ønsket fag"), help_text="")
    town = forms.ModelChoiceField(
        label=_("By"), queryset=Town.objects.all(), required=False, empty_label=_("Alle byer")
    )
    without_profile = forms.BooleanField(label=_("Kun borgere uden matchprofil"), required=False)

    def filter(self, items, data):
        if data.get("occupation"):
            # The JSON text holds the code in quotes (icontains works on SQLite and PostgreSQL).
            code = f'"{data["occupation"]}"'
            items = items.filter(match_profile__wished_occupations__icontains=code)
        if data.get("town"):
            items = items.filter(match_profile__town=data["town"])
        if data.get("without_profile"):
            items = items.filter(match_profile__isnull=True)
        return items


class DecisionForm(DesignSystemMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Beslutning"), choices=DecisionKind.choices)
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in DECLINES and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Skriv hvorfor forslaget er fravalgt."))
        return cleaned


class WeightsForm(DesignSystemMixin, forms.Form):
    """One weight, 0–10, per named factor, and no other field: nothing else can be weighed."""

    def __init__(self, *args, weights: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for factor in Factor:
            self.fields[factor.value] = IntegerField(
                label=factor.label,
                min_value=0,
                max_value=10,
                initial=weights[factor.value],
                error_messages={
                    "required": _("Giv faktoren en vægt fra 0 til 10."),
                    "min_value": _("Vægten skal være fra 0 til 10."),
                    "max_value": _("Vægten skal være fra 0 til 10."),
                },
            )

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(f) == 0 for f in Factor.values):
            raise forms.ValidationError(_("Mindst én faktor skal have en vægt over 0."))
        return cleaned
