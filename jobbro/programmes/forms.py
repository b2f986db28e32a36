from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import DateField, ModelForm
from jobbro.front.forms import DesignSystemMixin
from jobbro.practices.models import Practice

from .models import Cohort, EndReason, Programme


def _ends_after_start(form, cleaned: dict, message) -> dict:
    """A form's `ends_on` may not lie before its `starts_on`."""
    start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
    if start and end and end < start:
        form.add_error("ends_on", message)
    return cleaned


class _PksField(forms.ModelMultipleChoiceField):
    """Multiple choice by id that refuses an id no database can hold (SQLite raised an
    OverflowError, a 500, for a number above 64 bits) before it looks them up."""

    def _check_values(self, value):
        for pk in value or ():
            text = str(pk)
            if not (text.isascii() and text.isdigit()) or int(text) > 2**31 - 1:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super()._check_values(value)


# The fields of SIRI's template the form edits, in the template's order.
PROGRAMME_FIELDS = [
    "kind",
    "municipality",
    "name",
    "starts_on",
    "ends_on",
    "summary",
    "new_kind",
    "hours_per_week",
    "weeks_per_participant",
    "participants_at_a_time",
    "intake",
    "start_within_hours",
    "target_group",
    "criteria_text",
    "purpose_short",
    "purpose_long",
    "goals",
    "activities_text",
    "actors_text",
    "company_before",
    "company_during",
    "company_after",
    "ambassador_role",
    "ambassador_successor",
    "method",
    "change_tracks_text",
    "expected_effect",
    "economy_text",
    "good_practices",
    "siri_sent_on",
]


class ProgrammeForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    stale_what = _("Indsatsen")
    save_fields = tuple(PROGRAMME_FIELDS)
    criteria = forms.CharField(
        label=_("Kriterier (tjekliste ved indskrivning)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ét kriterium pr. linje."),
    )

    activities = forms.CharField(
        label=_("Aktiviteter"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Én aktivitet pr. afsnit: første linje er aktiviteten, resten beskrivelsen. Skil "
            "aktiviteterne ad med en tom linje."
        ),
    )
    practices = _PksField(
        label=_("Gode praksisser indsatsen bygger på"),
        queryset=Practice.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg praksisserne på listen.")},
        help_text=_("Fra biblioteket over god praksis (SIRI's Integrationskit)."),
    )
    actors = forms.CharField(
        label=_("Aktører"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Én aktør pr. afsnit: første linje er titel/rolle, resten opgaven. Skil aktørerne "
            "ad med en tom linje."
        ),
    )

    class Meta:
        model = Programme
        fields = PROGRAMME_FIELDS
        widgets: dict[str, forms.Widget] = {}  # the dates: the design system's date picker
        widgets.update(
            {
                name: forms.Textarea(attrs={"rows": 3})
                for name in PROGRAMME_FIELDS
                if name
                not in (
                    "kind",
                    "municipality",
                    "name",
                    "starts_on",
                    "ends_on",
                    "new_kind",
                    "hours_per_week",
                    "weeks_per_participant",
                    "participants_at_a_time",
                    "intake",
                    "start_within_hours",
                    "siri_sent_on",
                )
            }
        )
        error_messages = {
            "name": {"required": _("Skriv indsatsens navn.")},
            "municipality": {"required": _("Skriv kommunens navn.")},
            "starts_on": {"required": _("Skriv opstartsdatoen.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["criteria"] = "\n".join(c.text for c in self.instance.criteria.all())
            self.initial["practices"] = [p.pk for p in self.instance.practices.all()]
            self.initial["activities"] = "\n\n".join(
                f"{a.title}\n{a.description}".strip() for a in self.instance.activities.all()
            )
            self.initial["actors"] = "\n\n".join(
                f"{a.role}\n{a.task}".strip() for a in self.instance.actors.all()
            )

    def _blocks(self, name: str) -> list[tuple[str, str]]:
        """(first line, the rest) of each paragraph; the first line at most 200 characters."""
        blocks = []
        for block in self.cleaned_data[name].replace("\r\n", "\n").split("\n\n"):
            lines = [line.rstrip() for line in block.strip().split("\n")]
            if not lines or not lines[0]:
                continue
            if len(lines[0]) > 200:
                raise forms.ValidationError(_("En første linje må højst være 200 tegn."))
            blocks.append((lines[0].strip(), "\n".join(lines[1:]).strip()))
        return blocks

    def clean_activities(self) -> list[tuple[str, str]]:
        return self._blocks("activities")

    def clean_actors(self) -> list[tuple[str, str]]:
        return self._blocks("actors")

    def clean_criteria(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["criteria"].splitlines()]
        lines = [line for line in lines if line]
        if any(len(line) > 300 for line in lines):
            raise forms.ValidationError(_("Et kriterium må højst være 300 tegn."))
        return lines

    def clean(self):
        return _ends_after_start(
            self, super().clean(), _("Slutdatoen må ikke ligge før opstartsdatoen.")
        )


def _teachers():
    return User.objects.filter(role=Role.TEACHER, is_active=True).order_by(
        "first_name", "last_name", "pk"
    )


class CohortForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    stale_what = _("Holdet")

    class Meta:
        model = Cohort
        fields = ["name", "starts_on", "ends_on", "intake", "capacity", "schedule", "location"]
        error_messages = {
            "name": {"required": _("Giv holdet et navn, fx »Najah 3«.")},
            "starts_on": {"required": _("Skriv holdets start.")},
            "capacity": {"required": _("Skriv antal pladser.")},
        }

    teachers = _PksField(
        label=_("Undervisere"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg underviserne på listen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["teachers"]).queryset = _teachers()
        if self.instance.pk:
            self.initial["teachers"] = list(self.instance.teachers.all())

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if capacity is not None and capacity < 1:
            raise forms.ValidationError(_("Et hold har mindst 1 plads."))
        return capacity

    def clean(self):
        return _ends_after_start(
            self, super().clean(), _("Holdet kan ikke slutte, før det starter.")
        )


class EnrolmentForm(DesignSystemMixin, forms.Form):
    """Enrol one citizen in one programme: the cohort, the start (the handover date), and
    the programme's criteria as a checklist. An unticked criterion is a warning that the
    user confirms, never a refusal (issue 10, item 4)."""

    cohort = forms.ModelChoiceField(
        label=_("Hold"), queryset=Cohort.objects.none(), required=False, empty_label=_("Intet hold")
    )
    starts_on = DateField(label=_("Start (overdragelse)"))
    criteria = forms.MultipleChoiceField(
        label=_("Kriterier for deltagelse"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm = forms.BooleanField(
        label=_("Indskriv alligevel, selv om ikke alle kriterier er opfyldt"), required=False
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        cast(forms.ModelChoiceField, self.fields["cohort"]).queryset = programme.cohorts.order_by(
            "-starts_on", "name"
        )
        self.criteria_choices = [(str(c.pk), c.text) for c in programme.criteria.all()]
        cast(forms.ChoiceField, self.fields["criteria"]).choices = self.criteria_choices
        self.fields["starts_on"].error_messages["required"] = _("Skriv startdatoen.")

    @property
    def unmet(self) -> list[str]:
        """The criteria not ticked (after `is_valid`)."""
        ticked = set(self.cleaned_data.get("criteria") or [])
        return [label for value, label in self.criteria_choices if value not in ticked]

    def clean(self):
        cleaned = super().clean()
        if self.is_bound and not self.errors and self.unmet and not cleaned.get("confirm"):
            self.add_error(
                "confirm",
                _(
                    "Borgeren opfylder ikke alle kriterier. Sæt kryds her for at indskrive "
                    "alligevel."
                ),
            )
        return cleaned


class EnrolmentEndForm(DesignSystemMixin, forms.Form):
    ends_on = DateField(label=_("Slutdato"))
    reason = forms.ChoiceField(
        label=_("Afslutningsårsag"), choices=[("", _("Vælg"))] + EndReason.choices
    )
    note = forms.CharField(label=_("Bemærkning"), required=False, max_length=300)

    def __init__(self, *args, starts_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts_on = starts_on
        self.fields["ends_on"].error_messages["required"] = _("Skriv slutdatoen.")
        self.fields["reason"].error_messages["required"] = _("Vælg en afslutningsårsag.")

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if self.starts_on and ends_on < self.starts_on:
            raise forms.ValidationError(_("Indskrivningen kan ikke slutte, før den starter."))
        return ends_on
