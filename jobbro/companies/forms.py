from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.citizens.forms import DATE_WIDGET, DATETIME_WIDGET
from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import CHOOSE, ModelForm
from jobbro.front.forms import DesignSystemMixin
from jobbro.lib import cvr as cvrlib
from jobbro.matching.fields import OccupationField

from . import industries
from .models import (
    BarometerSurvey,
    Company,
    Contact,
    ContactLogEntry,
    Demand,
    Opening,
    OpeningKind,
    PartnershipStatus,
)

DATE_ERROR = _("Skriv datoen som dd.mm.åååå.")


class BlankChoiceMixin:
    """Danish words for the empty choice instead of Django's "---------"."""

    blank_labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = self.blank_labels.get(name, CHOOSE)
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = label
            elif isinstance(field, forms.ChoiceField):
                choices = list(field.choices)
                if (
                    choices
                    and choices[0][0] == ""
                    and (name in self.blank_labels or choices[0][1] == "---------")
                ):
                    field.choices = [("", label)] + choices[1:]


def _consultants():
    return User.objects.filter(role=Role.COMPANY_CONSULTANT, is_active=True)


class CompanyForm(VersionFormMixin, BlankChoiceMixin, DesignSystemMixin, ModelForm):
    stale_what = _("Virksomheden")
    blank_labels = {"key_account": _("Ingen")}
    cvr = forms.CharField(
        label=_("CVR-nummer"),
        max_length=11,
        help_text=_("8 cifre"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Skriv virksomhedens CVR-nummer.")},
    )
    postcode = forms.CharField(label=_("postnummer"), max_length=10, required=False)

    class Meta:
        model = Company
        fields = [
            "cvr",
            "name",
            "sector",
            "industry_code",
            "address",
            "postcode",
            "town",
            "key_account",
            "ordinary_employees",
            "employees_avg_12_months",
        ]
        widgets = {"industry_code": forms.TextInput(attrs={"list": "db07", "inputmode": "numeric"})}
        help_texts = {"industry_code": _("6 cifre, fx 812100 Almindelig rengøring i bygninger")}
        error_messages = {
            "name": {"required": _("Skriv virksomhedens navn.")},
            "sector": {"required": _("Vælg om virksomheden er privat eller offentlig.")},
            "ordinary_employees": {"invalid": _("Antal ansatte skal være et helt tal.")},
            "employees_avg_12_months": {"invalid": _("Antal ansatte skal være et helt tal.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_account"].queryset = _consultants()
        for name in ("ordinary_employees", "employees_avg_12_months"):
            self.fields[name].error_messages["min_value"] = _(
                "Antal ansatte kan ikke være negativt."
            )

    def clean_cvr(self):
        try:
            cvr = cvrlib.normalize(self.cleaned_data["cvr"])
        except cvrlib.CVRError as e:
            raise forms.ValidationError(str(e)) from e
        if Company.objects.filter(cvr=cvr).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Der findes allerede en virksomhed med dette CVR-nummer i jobbanken.")
            )
        return cvr

    def clean_industry_code(self):
        code = self.cleaned_data["industry_code"].replace(".", "").strip()
        if code and not industries.is_valid(code):
            raise forms.ValidationError(
                _("Branchekoden skal være en 6-cifret DB07-kode, fx 812100.")
            )
        return code

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not (postcode.isascii() and postcode.isdigit() and len(postcode) == 4):
            raise forms.ValidationError(_("Postnummeret skal bestå af 4 cifre."))
        return postcode


class PartnershipForm(DesignSystemMixin, forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=PartnershipStatus.choices)
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes ved pause eller afslutning."),
    )


class ContactForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "phone", "email"]
        error_messages = {
            "name": {"required": _("Skriv kontaktpersonens navn.")},
            "email": {"invalid": _("Skriv en gyldig e-mailadresse.")},
        }


class ContactLogForm(BlankChoiceMixin, DesignSystemMixin, ModelForm):
    blank_labels = {"contact": _("Ingen bestemt")}

    class Meta:
        model = ContactLogEntry
        fields = ["at", "channel", "contact", "text"]
        widgets = {"at": DATETIME_WIDGET, "text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "at": {"required": _("Skriv hvornår kontakten fandt sted.")},
            "channel": {"required": _("Vælg hvordan kontakten foregik.")},
            "text": {"required": _("Skriv hvad der blev talt om.")},
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = company.contacts.all()
        self.fields["at"].error_messages["invalid"] = _("Skriv tidspunktet som dd.mm.åååå tt:mm.")


class DemandForm(BlankChoiceMixin, DesignSystemMixin, ModelForm):
    blank_labels = {"danish_level": _("Ikke oplyst")}

    class Meta:
        model = Demand
        fields = [
            "job_type",
            "industry_code",
            "people",
            "danish_level",
            "hours_per_week",
            "starts_on",
            "ends_on",
            "note",
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 3}),
            "industry_code": forms.TextInput(attrs={"list": "db07", "inputmode": "numeric"}),
        }
        error_messages = {
            "job_type": {
                "required": _("Skriv hvilken slags arbejde virksomheden mangler folk til.")
            },
            "people": {
                "required": _("Skriv hvor mange personer."),
                "invalid": _("Antal skal være et helt tal."),
            },
            "hours_per_week": {"invalid": _("Timer pr. uge skal være et tal.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_on", "ends_on"):
            self.fields[name].error_messages["invalid"] = DATE_ERROR

    clean_industry_code = CompanyForm.clean_industry_code

    def clean_people(self):
        people = self.cleaned_data["people"]
        if people is not None and people < 1:
            raise forms.ValidationError(_("Antal skal være mindst 1."))
        return people

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Slutdatoen kan ikke ligge før startdatoen."))
        return cleaned


class SurveyForm(BlankChoiceMixin, DesignSystemMixin, ModelForm):
    class Meta:
        model = BarometerSurvey
        fields = ["surveyed_on", "expected_openings", "readiness", "note"]
        widgets = {"surveyed_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "surveyed_on": {"required": _("Skriv hvornår virksomheden blev spurgt.")},
            "expected_openings": {
                "required": _("Skriv hvor mange jobåbninger virksomheden forventer."),
                "invalid": _("Antal skal være et helt tal."),
            },
            "readiness": {"required": _("Vælg virksomhedens parathed.")},
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["surveyed_on"].error_messages["invalid"] = DATE_ERROR
        self.fields["expected_openings"].error_messages["min_value"] = _(
            "Antal kan ikke være negativt."
        )

    def clean_surveyed_on(self):
        day = self.cleaned_data["surveyed_on"]
        if BarometerSurvey.objects.filter(company=self.company, surveyed_on=day).exists():
            raise forms.ValidationError(_("Virksomheden har allerede et svar fra denne dag."))
        return day


class OpeningForm(VersionFormMixin, BlankChoiceMixin, DesignSystemMixin, ModelForm):
    stale_what = _("Åbningen")
    blank_labels = {"danish_level": _("Ikke oplyst")}
    occupation_code = OccupationField(label=_("fag (DISCO-08)"))

    class Meta:
        model = Opening
        fields = [
            "kind",
            "title",
            "occupation_code",
            "capacity",
            "hours_per_week",
            "danish_level",
            "driving_licence",
            "shifts",
            "requirements",
            "starts_on",
            "ends_on",
            "is_open",
            "replaces_recent_vacancy",
            "staff_consulted_on",
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "staff_consulted_on": DATE_WIDGET,
            "requirements": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "replaces_recent_vacancy": _("Kun for løntilskud (merbeskæftigelseskravet)."),
            "staff_consulted_on": _("Kun for løntilskud (§ 78)."),
        }
        error_messages = {
            "kind": {"required": _("Vælg hvilken slags åbning det er.")},
            "title": {"required": _("Skriv en titel, fx Køkkenmedhjælper.")},
            "capacity": {
                "required": _("Skriv antal pladser."),
                "invalid": _("Antal pladser skal være et helt tal."),
            },
            "hours_per_week": {"invalid": _("Timer pr. uge skal være et tal.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_on", "ends_on", "staff_consulted_on"):
            self.fields[name].error_messages["invalid"] = DATE_ERROR

    def clean(self):
        # Capacity, hours and dates are the model's rules (Opening.clean).
        cleaned = super().clean()
        if cleaned.get("kind") != OpeningKind.WAGE_SUBSIDY:
            cleaned["replaces_recent_vacancy"] = False
        return cleaned
