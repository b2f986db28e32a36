from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import DATE_WIDGET, DATETIME_WIDGET, ModelForm
from jobbro.front.forms import DesignSystemMixin, Section, SectionsMixin
from jobbro.lib import cpr as cprlib

from .models import (
    Citizen,
    LanguageLevel,
    language_choices,
)

__all__ = ["DATE_WIDGET", "DATETIME_WIDGET"]  # imported from here by the other apps' forms


class CitizenForm(VersionFormMixin, SectionsMixin, DesignSystemMixin, ModelForm):
    stale_what = _("Sagen")
    # What a case is opened with first; the rest is folded until needed. The CPR number is
    # the first field, so its error comes first in the summary (SectionsMixin's field order).
    sections = (
        Section(
            _("Stamoplysninger"),
            ("cpr_number", "first_name", "last_name", "gender", "nationality"),
        ),
        Section(_("Modtagelse og sag"), ("arrival", "settled_at", "readiness", "case_worker")),
        Section(_("Kontakt og fødeland"), ("phone", "email", "address", "birth_country"), True),
        Section(
            _("Integrationsprogram og dansk"),
            (
                "residence_permit_date",
                "effort_started_at",
                "integration_period_end",
                "youth_status",
                "danish_course",
                "danish_module",
            ),
            True,
        ),
        Section(
            _("Baggrund og ønsker"),
            ("education", "work_experience", "competences", "wished_industries"),
            True,
        ),
        Section(
            _("Forhold der skal tages hensyn til"),
            ("health_notes", "childcare_needs", "transport", "driving_licence"),
            True,
        ),
        Section(_("Samtykke"), ("consent_share_with_companies", "consent_given_on"), True),
    )
    cpr_number = forms.CharField(
        label=_("CPR-nummer"),
        max_length=11,
        help_text=_("DDMMÅÅ-XXXX"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"required": _("Skriv CPR-nummeret som DDMMÅÅ-XXXX.")},
    )
    confirm_duplicate = forms.BooleanField(
        label=_("Opret alligevel: det er ikke den samme person"), required=False
    )

    class Meta:
        model = Citizen
        fields = [
            "first_name",
            "last_name",
            "gender",
            "nationality",
            "birth_country",
            "phone",
            "email",
            "address",
            "arrival",
            "residence_permit_date",
            "settled_at",
            "effort_started_at",
            "integration_period_end",
            "readiness",
            "youth_status",
            "danish_course",
            "danish_module",
            "education",
            "work_experience",
            "competences",
            "wished_industries",
            "health_notes",
            "childcare_needs",
            "transport",
            "driving_licence",
            "consent_share_with_companies",
            "consent_given_on",
            "case_worker",
        ]
        widgets = {
            "residence_permit_date": DATE_WIDGET,
            "integration_period_end": DATE_WIDGET,
            "consent_given_on": DATE_WIDGET,
            "settled_at": DATETIME_WIDGET,
            "effort_started_at": DATETIME_WIDGET,
            "education": forms.Textarea(attrs={"rows": 3}),
            "work_experience": forms.Textarea(attrs={"rows": 3}),
            "competences": forms.Textarea(attrs={"rows": 3}),
            "health_notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "first_name": {"required": _("Skriv borgerens fornavn.")},
            "last_name": {"required": _("Skriv borgerens efternavn.")},
            "gender": {"required": _("Vælg køn.")},
            "nationality": {"required": _("Vælg borgerens nationalitet.")},
            "arrival": {"required": _("Vælg om borgeren er flygtning eller familiesammenført.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates: list[Citizen] = []
        self.fields["case_worker"].queryset = User.objects.filter(
            role=Role.CASE_WORKER, is_active=True
        )
        if self.instance.pk:
            self.fields["cpr_number"].initial = self.instance.cpr_display
        for name in ("residence_permit_date", "integration_period_end", "consent_given_on"):
            self.fields[name].error_messages["invalid"] = _("Skriv datoen som dd.mm.åååå.")
        for name in ("settled_at", "effort_started_at"):
            self.fields[name].error_messages["invalid"] = _(
                "Skriv tidspunktet som dd.mm.åååå tt:mm."
            )
            # The widget shows minutes; a stored time with seconds (the "indsats startet"
            # button stores now()) must not count as changed when posted back untouched.
            if self.initial.get(name):
                self.initial[name] = self.initial[name].replace(second=0, microsecond=0)
        self.fields["danish_module"].error_messages["invalid"] = _("Modul skal være et tal.")
        self.fields["nationality"].required = True
        for name in ("nationality", "birth_country"):
            filterable(self.fields[name])
        if self.instance.nationality_unmatched:
            self.fields["nationality"].help_text = _(
                "Tidligere indtastet: “%(text)s”. Vælg den rigtige nationalitet."
            ) % {"text": self.instance.nationality_unmatched}

    def clean_cpr_number(self):
        try:
            parsed = cprlib.parse(self.cleaned_data["cpr_number"])
        except cprlib.CPRError as e:
            raise forms.ValidationError(str(e)) from e
        same = Citizen.objects.with_cpr(parsed.digits).exclude(pk=self.instance.pk)
        if same.exists():
            raise forms.ValidationError(
                _("Der findes allerede en borger med dette CPR-nummer. Søg efter nummeret.")
            )
        return parsed.digits

    def clean_danish_module(self):
        module = self.cleaned_data.get("danish_module")
        if module is not None and not 1 <= module <= 6:
            raise forms.ValidationError(_("Modul skal være mellem 1 og 6."))
        return module

    def clean(self):
        cleaned = super().clean()
        digits = cleaned.get("cpr_number")
        for name in ("settled_at", "effort_started_at"):
            if name in cleaned and name not in self.changed_data:
                cleaned[name] = getattr(self.instance, name)  # keep its seconds
        if digits and cleaned.get("first_name") and cleaned.get("last_name"):
            birth = cprlib.parse(digits).birth_date
            self.duplicates = list(
                Citizen.objects.filter(
                    first_name__iexact=cleaned["first_name"].strip(),
                    last_name__iexact=cleaned["last_name"].strip(),
                    birth_date=birth,
                ).exclude(pk=self.instance.pk)
            )
            if self.duplicates and not cleaned.get("confirm_duplicate"):
                raise forms.ValidationError(
                    _(
                        "Der findes allerede en borger med samme navn og fødselsdato. "
                        "Kontrollér, at det ikke er den samme person, og bekræft nederst."
                    ),
                    code="duplicate",
                )
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned input as `citizens.services` takes it: the CPR and the model fields."""
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if fields["nationality"]:  # chosen from the list: what was typed before is fixed
            fields["nationality_unmatched"] = ""
        return {"cpr": self.cleaned_data["cpr_number"], **fields}


class ReasonForm(DesignSystemMixin, forms.Form):
    reason = forms.CharField(
        label=_("Formål med at åbne sagen"),
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx: Borgeren har henvendt sig i åben rådgivning. Begrundelsen logges."),
        error_messages={
            "required": _("Skriv hvorfor du skal åbne sagen."),
            "min_length": _("Begrundelsen skal være på mindst 10 tegn."),
        },
    )


def filterable(field: forms.Field) -> None:
    """A long select gets a typed filter above it (static/jobbro/select-filter.js)."""
    field.widget.attrs["data-filter"] = _("Skriv for at filtrere listen")
    field.widget.attrs["data-filter-count"] = _("%s valgmuligheder vises")


class CitizenLanguageForm(DesignSystemMixin, forms.Form):
    code = forms.ChoiceField(
        label=_("Sprog"), error_messages={"required": _("Vælg et sprog fra listen.")}
    )
    level = forms.ChoiceField(label=_("Niveau"), required=False, choices=LanguageLevel.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", _("Vælg sprog"))] + language_choices()
        self.fields["code"].error_messages["invalid_choice"] = _("Vælg et sprog fra listen.")
        filterable(self.fields["code"])
