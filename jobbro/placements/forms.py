import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.citizens.forms import DATE_WIDGET, DATETIME_WIDGET
from jobbro.companies.models import Company, Opening, OpeningKind
from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import TEXT_MAX_LENGTH, DateField, ModelForm, parse_int
from jobbro.front.forms import DesignSystemMixin
from jobbro.lib.text import clean_search

from .models import (
    WEEKDAY_NAMES,
    AcuteIssue,
    CoursePlan,
    EndingConversation,
    EndReason,
    Placement,
    PlacementKind,
    PlacementStatus,
    RetentionEntry,
    RetentionPlan,
    weekday_bits,
    weekday_numbers,
)

DATE_ERROR = _("Skriv datoen som dd.mm.åååå.")


def _dates(form, *names):
    for name in names:
        form.fields[name].error_messages["invalid"] = DATE_ERROR


class WeekdaysField(forms.TypedMultipleChoiceField):
    """The weekdays a placement runs on as checkboxes, stored as bits (models.weekday_bits);
    none ticked: every working day."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self):
        super().__init__(
            choices=[(n, name) for n, name in enumerate(WEEKDAY_NAMES, 1)],
            coerce=int,
            required=False,
            label=_("Ugedage"),
            help_text=_(
                "De dage, forløbet foregår. Intet kryds: timerne fordeles på alle hverdage."
            ),
            error_messages={"invalid_choice": _("Vælg ugedagene på listen.")},
        )

    def prepare_value(self, value):
        if isinstance(value, int):
            return weekday_numbers(value)
        return value

    def clean(self, value):
        return weekday_bits(super().clean(value) or [])

    def has_changed(self, initial, data):
        # Only ASCII digits: "²".isdigit() is true but int("²") fails (a 500 from the fuzzer);
        # any other value is a change, and clean() refuses it with the Danish message.
        posted = [str(v) for v in data or []]
        if not all(v.isascii() and v.isdigit() for v in posted):
            return True
        return self.prepare_value(initial) != [int(v) for v in posted]


class PlacementForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    weekdays = WeekdaysField()

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
            "weekdays",
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
    reason = forms.ChoiceField(
        label=_("Hvorfor slutter forløbet"),
        choices=[("", _("Vælg …")), *EndReason.choices],
        error_messages={"required": _("Vælg, hvorfor forløbet slutter.")},
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
            "contact_time",
            "accompaniment_days",
            "accompaniment_note",
        ]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 4}),
            "contact_time": forms.TimeInput(
                format="%H:%M",
                attrs={"placeholder": _("tt:mm"), "class": "form-input input-width-xs"},
            ),
        }
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
        self.fields["contact_time"].error_messages["invalid"] = _(
            "Skriv klokkeslættet som tt:mm, fx 10:00."
        )

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


# The placement kind an opening's kind prefills (openings and placements use the same names).
KIND_FROM_OPENING = {
    OpeningKind.ORDINARY: PlacementKind.ORDINARY,
    OpeningKind.WAGE_SUBSIDY: PlacementKind.WAGE_SUBSIDY,
    OpeningKind.INTERNSHIP: PlacementKind.INTERNSHIP,
    OpeningKind.IGU: PlacementKind.IGU,
    OpeningKind.SMALL_JOB: PlacementKind.SMALL_JOB,
    OpeningKind.LEISURE_JOB: PlacementKind.LEISURE_JOB,
}
COMPANIES_SHOWN = 8


def _pk(value) -> int | None:
    return parse_int(str(value or ""), low=1, high=2**62)


class PlacementChooser:
    """The company and opening of a new placement, chosen in a few steps: the company by
    typing part of its name or its CVR number, then one of that company's open openings,
    whose kind, dates and hours prefill the form. The warnings of the rimelighedskrav and
    the merbeskæftigelseskrav (companies/legal.py) are shown before saving. `data` is the
    request's GET (the htmx steps, or the same steps without JavaScript) or POST."""

    def __init__(self, data, today: dt.date):
        self.query = clean_search(data.get("q"))
        company_pk = _pk(data.get("company"))
        self.company = Company.objects.filter(pk=company_pk).first() if company_pk else None
        if self.company is None and self.query:
            self.companies = list(self._search(self.query)[: COMPANIES_SHOWN + 1])
            if len(self.companies) == 1:
                self.company = self.companies[0]
        else:
            self.companies = [self.company] if self.company else []
        self.openings = []
        self.opening = None
        if self.company is not None:
            self.openings = list(
                Opening.objects.with_free_capacity()
                .filter(company=self.company, is_open=True)
                .order_by("title", "id")
            )
            chosen = _pk(data.get("opening"))
            self.opening = next((o for o in self.openings if o.pk == chosen), None)
        self.today = today

    @staticmethod
    def _search(query: str):
        companies = Company.objects.order_by("name", "id")
        if query.isascii() and query.isdigit() and len(query) == 8:
            return companies.filter(cvr=query)
        for term in query.split():
            companies = companies.filter(name__icontains=term)
        return companies

    @property
    def too_many(self) -> bool:
        return len(self.companies) > COMPANIES_SHOWN

    def initial(self) -> dict:
        """The form's starting values: today, in progress, and what the opening says."""
        initial = {"starts_on": self.today, "status": PlacementStatus.ACTIVE}
        if self.company is not None:
            initial["company"] = self.company.pk
        if self.opening is not None:
            opening = self.opening
            initial["opening"] = opening.pk
            initial["kind"] = KIND_FROM_OPENING.get(opening.kind, "")
            if opening.starts_on and opening.starts_on > self.today:
                initial["starts_on"] = opening.starts_on
            if opening.ends_on:
                initial["ends_on"] = opening.ends_on
            if opening.hours_per_week:
                initial["hours_per_week"] = opening.hours_per_week
        return initial

    def warnings(self, kind: str = "") -> list[tuple[bool, str]]:
        """(serious, message) of the two rules for the chosen company and opening."""
        return legal_warnings(self.company, self.opening, kind, adding=1)


def legal_warnings(company, opening, kind: str, *, adding: int) -> list[tuple[bool, str]]:
    """The rimelighedskrav for an internship or wage subsidy at the company, and the
    merbeskæftigelseskrav for wage subsidy, as (serious, message): warnings, never refusals
    (the jobcentre decides and may grant exceptions)."""
    from jobbro.companies import legal

    if company is None:
        return []
    if opening is not None and not kind:
        kind = KIND_FROM_OPENING.get(opening.kind, "")
    if kind and kind not in (PlacementKind.INTERNSHIP, PlacementKind.WAGE_SUBSIDY):
        return []
    check = legal.reasonableness_check(company, adding=adding)
    warnings = [(check.exceeded or not check.known, check.message)]
    if kind == PlacementKind.WAGE_SUBSIDY and opening is not None:
        warnings += [
            (True, m)
            for m in legal.net_new_job_check(company, opening=opening, adding=adding).messages
        ]
    return warnings
