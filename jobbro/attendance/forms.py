from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import TEXT_MAX_LENGTH, DateField, DecimalField, ModelForm
from jobbro.front.forms import DesignSystemMixin
from jobbro.journal.forms import FilesField

from .models import (
    MAX_WEEK_HOURS,
    Attendance,
    DecisionOutcome,
    DocumentSource,
    LanguageSchoolDay,
    SessionPattern,
)

TIME_ERROR = _("Skriv klokkeslættet som tt:mm, fx 08:30.")
HOURS_ERROR = _("Skriv et antal timer mellem 0 og 60.")


TIME_WIDGETS = {
    name: forms.TimeInput(format="%H:%M", attrs={"class": "input-width-xs"})
    for name in ("starts_at", "ends_at")
}
TIME_ERRORS = {
    "weekday": {"required": _("Vælg ugedagen.")},
    "starts_at": {"required": TIME_ERROR, "invalid": TIME_ERROR},
    "ends_at": {"required": TIME_ERROR, "invalid": TIME_ERROR},
}


def _hours_field(label, help_text=""):
    return DecimalField(
        label=label,
        help_text=help_text,
        min_value=Decimal(0),
        max_value=MAX_WEEK_HOURS,
        max_digits=4,
        decimal_places=1,
        initial=Decimal(0),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "input-width-xs"}),
        error_messages={
            "required": HOURS_ERROR,
            "min_value": HOURS_ERROR,
            "max_value": HOURS_ERROR,
            "max_decimal_places": _("Skriv timerne med højst én decimal."),
        },
    )


class ObligationForm(DesignSystemMixin, forms.Form):
    applies = forms.BooleanField(label=_("Arbejdspligten gælder for borgeren"), required=False)
    reduction_hours = _hours_field(
        _("Individuel nedsættelse (timer pr. uge)"),
        _("Timerne sættes individuelt, og der tages hensyn til helbred. 0 = ingen nedsættelse."),
    )
    reason = forms.CharField(
        label=_("Begrundelse for nedsættelsen"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    job_search_hours = _hours_field(
        _("Aftalt jobsøgning (timer pr. uge)"), _("Jobsøgning og transport tæller med.")
    )
    valid_from = DateField(
        label=_("Gælder fra"), error_messages={"required": _("Skriv datoen, det gælder fra.")}
    )
    current = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        reduction = cleaned.get("reduction_hours") or Decimal(0)
        if cleaned.get("applies") and reduction > 0 and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Skriv begrundelsen for nedsættelsen."))
        return cleaned


class LanguageDayForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = LanguageSchoolDay
        fields = ["weekday", "starts_at", "ends_at", "school", "valid_from", "valid_to"]
        widgets = TIME_WIDGETS
        error_messages = {
            **TIME_ERRORS,
            "school": {"required": _("Skriv sprogskolens navn, fx Sprogcenter Midt.")},
            "valid_from": {"required": _("Skriv datoen, det gælder fra.")},
        }


class LanguageDayEndForm(DesignSystemMixin, forms.Form):
    last_day = DateField(
        label=_("Sidste dag"), error_messages={"required": _("Skriv den sidste dag.")}
    )


class PatternForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = SessionPattern
        fields = ["weekday", "starts_at", "ends_at", "title", "place", "valid_from", "valid_to"]
        widgets = TIME_WIDGETS
        error_messages = {
            **TIME_ERRORS,
            "title": {"required": _("Skriv, hvad mødegangen indeholder, fx Undervisning.")},
            "valid_from": {"required": _("Skriv den første dag.")},
            "valid_to": {"required": _("Skriv den sidste dag.")},
        }


class SanctionOpenForm(DesignSystemMixin, forms.Form):
    absences = forms.ModelMultipleChoiceField(
        label=_("Fraværet, sagen drejer sig om"),
        queryset=Attendance.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg det fravær, sagen drejer sig om.")},
    )
    summary = forms.CharField(
        label=_("Hvad drejer sagen sig om"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv kort, hvad sagen drejer sig om.")},
    )

    def __init__(self, *args, absences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["absences"].queryset = absences
        self.fields["absences"].label_from_instance = lambda a: (
            f"{a.session.on:%d.%m.%Y} {a.session.starts_at:%H:%M}: "
            f"{a.session.cohort.name}, {a.session.title}"
        )


class _Step(DesignSystemMixin, forms.Form):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


def _date(label):
    return DateField(label=label, error_messages={"required": _("Skriv datoen.")})


def _text(label, required=True):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv teksten.")},
    )


class DocumentForm(DesignSystemMixin, forms.Form):
    source = forms.ChoiceField(label=_("Fra"), choices=DocumentSource.choices)
    received_on = _date(_("Modtaget"))
    text = _text(_("Dokumentation"))
    # The journal's field: each file checked by its content, every refusal named.
    new_attachments = FilesField()


class HearingForm(_Step):
    sent_on = _date(_("Partshøringen er sendt den"))


class ReplyForm(_Step):
    received_on = _date(_("Bemærkningerne er modtaget den"))
    text = _text(_("Borgerens bemærkninger"))


class ForwardForm(_Step):
    forwarded_on = _date(_("Sendt til Ydelsesafdelingen den"))


class DecisionForm(_Step):
    decided_on = _date(_("Afgørelsens dato"))
    decision = forms.ChoiceField(
        label=_("Ydelsesafdelingens afgørelse"), choices=DecisionOutcome.choices
    )
    decided_by = forms.CharField(label=_("Truffet af"), max_length=200, initial="Ydelsesafdelingen")
    decision_text = _text(_("Afgørelsen, som Ydelsesafdelingen har meddelt den"), required=False)


class CloseForm(_Step):
    closed_on = _date(_("Lukket den"))
    closed_reason = forms.CharField(
        label=_("Hvorfor sagen lukkes"),
        max_length=300,
        error_messages={"required": _("Skriv, hvorfor sagen lukkes.")},
    )
