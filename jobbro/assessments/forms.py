from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import TEXT_MAX_LENGTH, DateField, IntegerField, parse_int
from jobbro.front.forms import DesignSystemMixin
from jobbro.placements.models import Placement

from .models import Instrument, RaterKind
from .services import ItemSpec, StepSpec


class AssessmentForm(DesignSystemMixin, forms.Form):
    instrument = forms.ModelChoiceField(
        label=_("Værktøj"),
        queryset=Instrument.objects.filter(active=True, versions__isnull=False).distinct(),
        error_messages={"required": _("Vælg et værktøj."), "invalid_choice": _("Vælg et værktøj.")},
    )
    assessed_on = DateField(
        label=_("Dato for målingen"),
        error_messages={
            "required": _("Skriv datoen for målingen."),
            "invalid": _("Skriv datoen som dd.mm.åååå."),
        },
    )
    placement: "forms.ModelChoiceField[Placement]" = forms.ModelChoiceField(
        label=_("Forløb"),
        queryset=None,
        required=False,
        help_text=_("Knyt målingen til et forløb, fx en virksomhedspraktik."),
        error_messages={"invalid_choice": _("Vælg et af borgerens forløb.")},
    )

    def __init__(self, *args, citizen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placement"].queryset = citizen.placements.all()
        self.fields["placement"].label_from_instance = lambda p: ", ".join(
            part
            for part in (
                str(p.get_kind_display()),
                p.company.name if p.company_id else "",
                f"{p.starts_on:%d.%m.%Y}",
            )
            if part
        )


class NextStepsForm(VersionFormMixin, DesignSystemMixin, forms.Form):
    next_steps = forms.CharField(
        label=_("Aftalte næste skridt"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SelfScoreForm(forms.Form):
    value = IntegerField(required=False)


def _lines(text: str) -> list[list[str]]:
    return [[p.strip() for p in line.split("|")] for line in text.splitlines() if line.strip()]


class InstrumentForm(VersionFormMixin, DesignSystemMixin, forms.Form):
    """An instrument as text: one item per line, one scale step per line.

    Saving makes a new version when anything changed; assessments keep their version.
    """

    name = forms.CharField(
        label=_("Navn"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "jobbro-wide"}),
        error_messages={"required": _("Skriv værktøjets navn.")},
    )
    description = forms.CharField(
        label=_("Beskrivelse"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "class": "jobbro-wide"}),
    )
    items = forms.CharField(
        label=_("Punkter"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "Ét punkt pr. linje: dansk tekst | engelsk tekst | område. "
            "Engelsk tekst og område kan udelades."
        ),
        widget=forms.Textarea(attrs={"rows": 14, "class": "jobbro-wide"}),
        error_messages={"required": _("Skriv mindst ét punkt.")},
    )
    scale = forms.CharField(
        label=_("Skala"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "Ét trin pr. linje: værdi | betydning | engelsk betydning, fx 1 | I meget lav grad."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "class": "jobbro-wide"}),
        error_messages={"required": _("Skriv skalaens trin.")},
    )
    citizen_label = forms.CharField(
        label=_("Borgerens egen score: overskrift"),
        required=False,
        max_length=100,
        help_text=_("Tom: borgeren scorer ikke med dette værktøj."),
    )
    offer_site_label = forms.CharField(
        label=_("Tilbudsstedets score: overskrift"), required=False, max_length=100
    )
    advisor_label = forms.CharField(
        label=_("Rådgiverens/konsulentens score: overskrift"), required=False, max_length=100
    )
    active = forms.BooleanField(label=_("I brug"), required=False, initial=True)

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Instrument.objects.filter(name=name)
        if self.instance:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("Der findes allerede et værktøj med dette navn."))
        return name

    def clean_items(self):
        specs = []
        for parts in _lines(self.cleaned_data["items"]):
            if not parts[0]:
                raise ValidationError(_("Hvert punkt skal have en dansk tekst."))
            if len(parts[0]) > 300:
                raise ValidationError(_("Et punkt må højst være 300 tegn."))
            en = parts[1] if len(parts) > 1 else ""
            area = parts[2] if len(parts) > 2 else ""
            specs.append(ItemSpec(parts[0], {"en": en} if en else {}, area))
        if len({s.text for s in specs}) != len(specs):
            raise ValidationError(_("To punkter har samme tekst."))
        return specs

    def clean_scale(self):
        steps = []
        for parts in _lines(self.cleaned_data["scale"]):
            value = parse_int(parts[0])
            if value is None:
                raise ValidationError(
                    _("“%(v)s” er ikke et helt tal: skriv værdi | betydning.")
                    % {"v": parts[0][:10]}
                )
            if len(parts) < 2 or not parts[1]:
                raise ValidationError(_("Trin %(v)s mangler sin betydning.") % {"v": value})
            en = parts[2] if len(parts) > 2 else ""
            steps.append(StepSpec(value, parts[1], {"en": en} if en else {}))
        return steps

    def raters(self) -> list[tuple[str, str]]:
        pairs = [
            (RaterKind.CITIZEN, self.cleaned_data.get("citizen_label", "")),
            (RaterKind.OFFER_SITE, self.cleaned_data.get("offer_site_label", "")),
            (RaterKind.ADVISOR, self.cleaned_data.get("advisor_label", "")),
        ]
        return [(str(k), v.strip()) for k, v in pairs if v and v.strip()]

    @staticmethod
    def initial_for(instrument) -> dict:
        version = instrument.current
        raters = {r.kind: r.label for r in version.raters.all()}
        return {
            "name": instrument.name,
            "active": instrument.active,
            "description": version.description,
            "items": "\n".join(
                " | ".join(
                    p for p in (i.text, i.translations.get("en", ""), i.area.name if i.area else "")
                ).rstrip(" |")
                for i in version.items.select_related("area")
            ),
            "scale": "\n".join(
                f"{s.value} | {s.label}"
                + (f" | {s.translations['en']}" if "en" in s.translations else "")
                for s in version.steps.all()
            ),
            "citizen_label": raters.get(RaterKind.CITIZEN, ""),
            "offer_site_label": raters.get(RaterKind.OFFER_SITE, ""),
            "advisor_label": raters.get(RaterKind.ADVISOR, ""),
        }
