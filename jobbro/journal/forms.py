from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import (
    DATE_WIDGET,
    DATETIME_WIDGET,
    TEXT_MAX_LENGTH,
    DateField,
)
from jobbro.front.fields import ModelForm as BaseModelForm
from jobbro.front.forms import DesignSystemMixin
from jobbro.placements.models import Placement, PlacementStatus
from jobbro.placements.staircase import kind_label

from . import attachments
from .models import PLANNABLE, JournalNote, NoteKind


def _files_help() -> str:
    return gettext(
        "PDF, billeder (JPEG, PNG) eller Word-dokumenter (DOCX), højst %(mb)s MB pr. fil. "
        "Vælg flere filer på én gang, hvis der er flere."
    ) % {"mb": settings.ATTACHMENT_MAX_MB}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Any number of files in one input; each is checked by its content (attachments.py),
    and every refusal is named."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Bilag"))
        kwargs.setdefault("help_text", lazy(_files_help, str)())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(attachments.check(upload))
            except ValidationError as e:
                errors.extend(e.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class _PlacementMixin:
    """The placement a note is about: one of the citizen's own, not cancelled."""

    fields: dict[str, forms.Field]  # the form's (declared for the type checker)

    def limit_placements(self, citizen) -> None:
        field = self.fields["placement"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Placement.objects.filter(citizen=citizen)
            .exclude(status=PlacementStatus.CANCELLED)
            .select_related("company")
            .order_by("-starts_on")
        )
        field.label_from_instance = lambda p: (  # type: ignore[method-assign,assignment]
            f"{kind_label(p.kind, p.paid_hours_per_week)}"
            f"{', ' + p.company.name if p.company else ''} ({p.starts_on:%d.%m.%Y})"
        )
        field.empty_label = _("Ikke om et bestemt forløb")
        field.help_text = _(
            "Et notat om et forløb kan virksomhedskonsulenten for forløbets virksomhed læse."
        )


class NoteForm(VersionFormMixin, DesignSystemMixin, _PlacementMixin, BaseModelForm):
    """A written note (new or changed), with files to attach."""

    new_attachments = FilesField()
    stale_what = _("Journalnotatet")

    class Meta:
        model = JournalNote
        fields = ["kind", "occurred_on", "placement", "text"]
        widgets = {"occurred_on": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "kind": {"required": _("Vælg, hvad notatet er om.")},
            "occurred_on": {"required": _("Skriv datoen.")},
            "text": {"required": _("Skriv notatet.")},
        }

    def __init__(self, *args, citizen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True
        self.limit_placements(citizen)

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "occurred_on": data["occurred_on"],
            "text": data["text"],
            "placement": data["placement"],
            "files": data["new_attachments"],
        }


class PlanForm(VersionFormMixin, DesignSystemMixin, _PlacementMixin, BaseModelForm):
    """A planned conversation (new or moved)."""

    stale_what = _("Samtalen")

    class Meta:
        model = JournalNote
        fields = ["kind", "starts_at", "minutes", "place", "placement", "text"]
        widgets = {"starts_at": DATETIME_WIDGET, "text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("formål og dagsorden")}
        help_texts = {
            "place": _(
                "Vises i din kalender. Skriv ikke borgerens navn eller adresse, "
                "fx »Jobcentret, mødelokale 2« eller »Hjemmebesøg«."
            ),
        }
        error_messages = {
            "kind": {"required": _("Vælg, hvad der skal holdes.")},
            "starts_at": {"required": _("Skriv tidspunktet for samtalen.")},
            "place": {"required": _("Skriv, hvor samtalen holdes.")},
        }

    def __init__(self, *args, citizen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in NoteKind.choices if c[0] in PLANNABLE]
        self.fields["starts_at"].required = True
        self.fields["place"].required = True
        self.fields["minutes"].initial = 60
        self.limit_placements(citizen)

    def clean_minutes(self):
        minutes = self.cleaned_data.get("minutes")
        if minutes is not None and not 5 <= minutes <= 600:
            raise ValidationError(_("Skriv en varighed mellem 5 og 600 minutter."))
        return minutes

    def service_fields(self) -> dict:
        names = ("kind", "starts_at", "minutes", "place", "text", "placement")
        return {name: self.cleaned_data[name] for name in names}


class RecordForm(VersionFormMixin, DesignSystemMixin, forms.Form):
    """What was said at a planned conversation."""

    occurred_on = DateField(
        label=_("Holdt den"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Skriv datoen."),
            "invalid": _("Skriv datoen som dd.mm.åååå."),
        },
    )
    text = forms.CharField(
        label=_("Notat"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Skriv, hvad der blev talt om og aftalt.")},
    )
    new_attachments = FilesField()
