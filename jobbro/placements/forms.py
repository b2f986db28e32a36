from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.citizens.forms import DATE_WIDGET, DATETIME_WIDGET
from jobbro.companies.models import Company, Opening
from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import TEXT_MAX_LENGTH, DateField, ModelForm
from jobbro.front.forms import DesignSystemMixin

from .models import (
    AcuteIssue,
    CoursePlan,
    EndingConversation,
    Placement,
    PlacementStatus,
    RetentionEntry,
    RetentionPlan,
)

DATE_ERROR = _("Skriv datoen som dd.mm.åååå.")


def _dates(form, *names):
    for name in names:
        form.fields[name].error_messages["invalid"] = DATE_ERROR


class PlacementForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    class Meta:
        model = Placement
        fields = [
            "kind",
            "company",
            "opening",
            "status",
            "starts_on",
            "ends_on",
            "hours_per_week",
            "paid_hours_per_week",
            "ambassador",
            "note",
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"company": _("virksomhed"), "opening": _("åbning i jobbanken")}
        help_texts = {
            "paid_hours_per_week": _("Ordinært lønnede timer ved siden af praktikken (småjob)."),
            "ends_on": _("Forventet slut. Et forløb afsluttes med »Afslut forløbet«."),
        }
        error_messages = {
            "kind": {"required": _("Vælg typen af forløb.")},
            "starts_on": {"required": _("Skriv startdatoen.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "starts_on", "ends_on")
        self.fields["company"].queryset = Company.objects.order_by("name")
        self.fields["opening"].queryset = Opening.objects.select_related("company").order_by(
            "company__name", "title"
        )
        self.fields["ambassador"].queryset = User.objects.filter(
            role=Role.AMBASSADOR, is_active=True
        )
        statuses = [c for c in PlacementStatus.choices if c[0] != PlacementStatus.ENDED]
        if self.instance.pk and self.instance.status == PlacementStatus.ENDED:
            statuses = PlacementStatus.choices
        self.fields["status"].choices = statuses
        for name in ("hours_per_week", "paid_hours_per_week"):
            self.fields[name].error_messages["invalid"] = _("Skriv et tal, fx 37 eller 7,5.")


class EndForm(DesignSystemMixin, forms.Form):
    ends_on = DateField(
        label=_("Slutdato"),
        error_messages={"required": _("Skriv slutdatoen."), "invalid": DATE_ERROR},
    )


class ConversationForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = EndingConversation
        fields = [
            "held_on",
            "ambassador",
            "company_participant",
            "other_participants",
            "outcome",
            "summary",
        ]
        widgets = {"held_on": DATE_WIDGET, "summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "company_participant": _("Navn og rolle, fx Lise Holm, produktionsleder."),
            "other_participants": _("Fx borgeren, tolk, sagsbehandler."),
        }
        error_messages = {
            "held_on": {"required": _("Skriv datoen for samtalen.")},
            "ambassador": {"required": _("Vælg ambassadøren, der deltog.")},
            "company_participant": {"required": _("Skriv hvem der deltog fra virksomheden.")},
            "outcome": {"required": _("Vælg resultatet af samtalen.")},
            "summary": {"required": _("Skriv kort, hvad der blev drøftet og aftalt.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "held_on")
        self.fields["ambassador"].queryset = User.objects.filter(
            role=Role.AMBASSADOR, is_active=True
        )


class PlanForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    class Meta:
        model = CoursePlan
        fields = [
            "goals",
            "contact_every_days",
            "contact_mode",
            "accompaniment_days",
            "accompaniment_note",
        ]
        widgets = {"goals": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "goals": {"required": _("Skriv målene for forløbet.")},
            "contact_every_days": {
                "required": _("Skriv hvor ofte ambassadøren følger op, i dage."),
                "invalid": _("Skriv et helt antal dage, fx 14."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accompaniment_days"].error_messages["invalid"] = _("Skriv et helt tal.")

    def clean_contact_every_days(self):
        days = self.cleaned_data["contact_every_days"]
        if not 1 <= days <= 365:
            raise forms.ValidationError(_("Vælg mellem 1 og 365 dage."))
        return days

    def _post_clean(self):
        # The service saves (with the version check); the form only cleans input.
        pass


class FollowUpForm(DesignSystemMixin, forms.Form):
    done_on = DateField(
        label=_("Gennemført den"),
        error_messages={"required": _("Skriv datoen."), "invalid": DATE_ERROR},
    )
    summary = forms.CharField(
        label=_("Notat fra opfølgningen"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv kort, hvad opfølgningen handlede om.")},
    )


class AcuteIssueForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = AcuteIssue
        fields = ["reported_at", "reported_by", "description"]
        widgets = {"reported_at": DATETIME_WIDGET, "description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "reported_at": {
                "required": _("Skriv hvornår henvendelsen kom."),
                "invalid": _("Skriv tidspunktet som dd.mm.åååå tt:mm."),
            },
            "reported_by": {"required": _("Skriv hvem henvendelsen kom fra.")},
            "description": {"required": _("Beskriv problemet.")},
        }


class AcuteAnswerForm(DesignSystemMixin, forms.Form):
    answer = forms.CharField(
        label=_("Svar og handling"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv hvad der er svaret og gjort.")},
    )


class RetentionPlanForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    class Meta:
        model = RetentionPlan
        fields = [
            "work_function",
            "company_contact",
            "company_contact_phone",
            "municipality_contact",
            "municipality_contact_phone",
            "company_goal",
            "citizen_goal",
            "jobcentre_goal",
            "next_goal",
            "assessment",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "company_goal",
                "citizen_goal",
                "jobcentre_goal",
                "next_goal",
                "assessment",
            )
        }
        help_texts = {
            "citizen_goal": _("Hvad vil hun/han gøre anderledes?"),
            "next_goal": _("En klar og tydelig rammeaftale om, hvad der skal ske fremover."),
        }
        error_messages = {
            "company_contact": {"required": _("Skriv virksomhedens kontaktperson.")},
            "municipality_contact": {"required": _("Vælg kommunens kontaktperson.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality_contact"].queryset = User.objects.filter(
            role__in=(Role.AMBASSADOR, Role.CASE_WORKER, Role.COMPANY_CONSULTANT), is_active=True
        )


class RetentionEntryForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = RetentionEntry
        fields = ["on", "not_working", "resources"]
        widgets = {
            "on": DATE_WIDGET,
            "not_working": forms.Textarea(attrs={"rows": 3}),
            "resources": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "not_working": _("Beskriv konkret episoder og hændelser."),
            "resources": _("Beskriv konkret, hvad der fungerer godt for hende/ham."),
        }
        error_messages = {
            "on": {"required": _("Skriv datoen."), "invalid": DATE_ERROR},
            "not_working": {"required": _("Beskriv hvad der ikke fungerer.")},
            "resources": {"required": _("Beskriv ressourcer og styrker.")},
        }
