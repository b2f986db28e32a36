"""The rows of a programme's description that are edited one at a time: its change tracks
(forandringsspor 1–6), cost lines (economy), dated observations, modules and events.

`PARTS` names each by the slug of its URL (`/indsatser/<pk>/<slug>/ny/`), with its model and
its form; the views and services are the same for all five. Each form is given the
programme, so it can hold the rows to the programme: a module's and an event's weeks inside
the programme's weeks, an observation's date inside its period, one row per change track.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from django import forms
from django.db import models
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import CHOOSE, DecimalInput, IntegerField, ModelForm
from jobbro.front.forms import DesignSystemMixin

from .models import CostLine, Event, Module, Observation, Programme, ProgrammeChangeTrack

StrOrPromise = str | Promise

# Kroner the Danish way: "1.234,50", "1234,5", "1234"; "." only between groups of three.
_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]{1,2})?")
AMOUNT_ERROR = _("Skriv beløbet i kroner med komma før ørerne, fx 1.234,50.")
AMOUNT_MAX = Decimal("9999999999.99")  # what the column holds (12 digits, 2 decimals)


def amount_display(value: Decimal | None) -> str:
    """An amount as a Dane writes it: 1.234,50."""
    if value is None:
        return ""
    return formats.number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


class AmountInput(DecimalInput):
    def format_value(self, value):
        if isinstance(value, Decimal):
            return amount_display(value)
        return super().format_value(value)


class AmountField(forms.DecimalField):
    """An amount in kroner written the Danish way ("1.234,50"); "kr." after it is allowed.
    "1234.50" is refused: in Danish the dot groups thousands, so it would mean 123.450."""

    widget = AmountInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        text = re.sub(r"\s*kr\.?$", "", str(value).strip(), flags=re.IGNORECASE).replace(" ", "")
        if not _AMOUNT.fullmatch(text):
            raise forms.ValidationError(AMOUNT_ERROR, code="invalid")
        amount = Decimal(text.replace(".", "").replace(",", "."))
        if amount > AMOUNT_MAX:
            raise forms.ValidationError(_("Beløbet er for stort."), code="max_value")
        return amount

    def validate(self, value):
        super(forms.DecimalField, self).validate(value)  # the digits are checked above


class PartForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    """A row of `programme`: the programme is set on the instance, never posted. The hidden
    version is the programme's (the description is one document), saved by the service."""

    stale_what = _("Indsatsen")

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, version=programme.version, **kwargs)
        self.programme = programme
        self.instance.programme = programme

    def _weeks(self, name: str) -> int | None:
        """A week number, inside the programme's weeks when it has a number of them."""
        week = self.cleaned_data.get(name)
        weeks = self.programme.weeks_per_participant
        if week is not None and week < 1:
            raise forms.ValidationError(_("Ugerne tælles fra 1."))
        if week is not None and weeks and week > weeks:
            raise forms.ValidationError(
                _("Indsatsen varer %(n)d uger: skriv en uge fra 1 til %(n)d.") % {"n": weeks}
            )
        return week


class ChangeTrackForm(PartForm):
    class Meta:
        model = ProgrammeChangeTrack
        fields = ["track", "description", "expected_change"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "expected_change": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {"track": {"required": _("Vælg et forandringsspor.")}}

    def clean_track(self):
        track = self.cleaned_data["track"]
        taken = self.programme.change_tracks.filter(track=track).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Indsatsen arbejder allerede med dette spor: ret det."))
        return track

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("expected_change") or "").strip():
            self.add_error("expected_change", _("Skriv den forandring, I forventer."))
        return cleaned


class CostLineForm(PartForm):
    amount = AmountField(label=_("Beløb (kr.)"), required=False)

    class Meta:
        model = CostLine
        fields = ["item", "description", "amount", "hours"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"item": {"required": _("Skriv posten, fx »Underviser«.")}}

    def clean_hours(self):
        hours = self.cleaned_data.get("hours")
        if hours is not None and hours < 0:
            raise forms.ValidationError(_("Timerne kan ikke være negative."))
        return hours


class ObservationForm(PartForm):
    class Meta:
        model = Observation
        fields = ["phase", "noted_on", "cohort", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "phase": {"required": _("Vælg, hvornår i forløbet observationen er gjort.")},
            "text": {"required": _("Skriv observationen.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["cohort"])
        field.queryset = self.programme.cohorts.order_by("starts_on", "name")
        field.empty_label = _("Hele indsatsen")
        self.fields["noted_on"].required = True
        self.fields["noted_on"].error_messages["required"] = _("Skriv datoen for observationen.")

    def clean_noted_on(self):
        day = self.cleaned_data.get("noted_on")
        p = self.programme
        if day is not None and day < p.starts_on:
            raise forms.ValidationError(
                _("Datoen ligger før indsatsen startede (%(d)s).")
                % {"d": formats.date_format(p.starts_on, "SHORT_DATE_FORMAT")}
            )
        if day is not None and p.ends_on and day > p.ends_on:
            raise forms.ValidationError(
                _("Datoen ligger efter indsatsen sluttede (%(d)s).")
                % {"d": formats.date_format(p.ends_on, "SHORT_DATE_FORMAT")}
            )
        return day


class ModuleForm(PartForm):
    number = IntegerField(
        label=_("Modul nr."), required=False, help_text=_("Tomt for fx en introuge.")
    )

    class Meta:
        model = Module
        fields = ["number", "title", "first_week", "last_week", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "title": {"required": _("Skriv modulets titel.")},
            "first_week": {"required": _("Skriv den første uge.")},
            "last_week": {"required": _("Skriv den sidste uge.")},
        }

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if number is not None and not 1 <= number <= 99:
            raise forms.ValidationError(_("Skriv et modulnummer fra 1 til 99."))
        taken = self.programme.modules.filter(number=number).exclude(pk=self.instance.pk)
        if number is not None and taken.exists():
            raise forms.ValidationError(_("Der er allerede et modul %(n)d.") % {"n": number})
        return number

    def clean_first_week(self):
        return self._weeks("first_week")

    def clean_last_week(self):
        return self._weeks("last_week")

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_week"), cleaned.get("last_week")
        if first and last and last < first:
            self.add_error("last_week", _("Den sidste uge kan ikke ligge før den første."))
        return cleaned


class EventForm(PartForm):
    class Meta:
        model = Event
        fields = ["week", "title", "after_module"]
        error_messages = {
            "week": {"required": _("Skriv ugen.")},
            "title": {"required": _("Skriv, hvad eventet er, fx »Virksomhedsbesøg«.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["after_module"])
        field.queryset = self.programme.modules.all()
        field.empty_label = CHOOSE

    def clean_week(self):
        return self._weeks("week")

    def clean(self):
        cleaned = super().clean()
        week, module = cleaned.get("week"), cleaned.get("after_module")
        if week and module and week < module.last_week:
            self.add_error(
                "week",
                _("Et event efter modulet »%(t)s« ligger tidligst i uge %(w)d.")
                % {"t": module.title, "w": module.last_week},
            )
        return cleaned


@dataclass(frozen=True)
class Part:
    slug: str  # in the URL
    model: type[models.Model]
    form: type[PartForm]
    title: StrOrPromise  # the heading of its list ("Forandringsspor")
    one: StrOrPromise  # one row, for "Tilføj …" and "Ret …"


PARTS: dict[str, Part] = {
    p.slug: p
    for p in (
        Part(
            "forandringsspor",
            ProgrammeChangeTrack,
            ChangeTrackForm,
            _("Forandringsspor"),
            _("forandringsspor"),
        ),
        Part("oekonomi", CostLine, CostLineForm, _("Økonomi"), _("omkostning")),
        Part(
            "observationer",
            Observation,
            ObservationForm,
            _("Observationer undervejs"),
            _("observation"),
        ),
        Part("moduler", Module, ModuleForm, _("Moduler"), _("modul")),
        Part("events", Event, EventForm, _("Events"), _("event")),
    )
}


def describe(row: models.Model) -> str:
    """One line about a row, for the programme page's list of rows."""
    if isinstance(row, CostLine):
        bits = [row.item]
        if row.amount is not None:
            bits.append(f"{amount_display(row.amount)} kr.")
        if row.hours is not None:
            bits.append(_("%(h)s timer") % {"h": formats.number_format(row.hours.normalize())})
        return " · ".join(str(b) for b in bits)
    if isinstance(row, Observation):
        day = formats.date_format(row.noted_on, "SHORT_DATE_FORMAT") if row.noted_on else "–"
        text = row.text if len(row.text) <= 80 else row.text[:79] + "…"
        return f"{day} ({row.get_phase_display()}): {text}"
    if isinstance(row, Module):
        return _("Uge %(w)s: %(t)s") % {"w": row.weeks_display, "t": row.title}
    if isinstance(row, Event):
        return _("Uge %(w)d: %(t)s") % {"w": row.week, "t": row.title}
    return str(row)


def rows_by_part(programme: Programme) -> list[tuple[Part, list[tuple[int, str]]]]:
    """Every part with its rows as (id, one line), in the parts' order: one query each."""
    out = []
    for part in PARTS.values():
        rows = part.model._default_manager.filter(programme=programme)
        out.append((part, [(row.pk, describe(row)) for row in rows]))
    return out
