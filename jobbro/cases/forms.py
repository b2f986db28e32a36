from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.citizens import municipalities
from jobbro.citizens.status import ClosingReason, PauseReason
from jobbro.front.fields import TEXT_MAX_LENGTH, DateField, SearchField
from jobbro.front.forms import DesignSystemMixin
from jobbro.front.lists import ListForm

DATE_ERROR = _("Skriv datoen som dd.mm.åååå.")


def _date(label, required=True):
    return DateField(label=label, required=required, error_messages={"invalid": DATE_ERROR})


def _text(label, required=False, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PauseForm(DesignSystemMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Årsag"),
        choices=[("", "—"), *PauseReason.choices],
        error_messages={"required": _("Vælg årsagen til pausen.")},
    )
    starts_on = _date(_("Fra"))
    ends_on = _date(_("Til og med"), required=False)
    note = _text(_("Bemærkning"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()
        self.fields["ends_on"].help_text = _("Tom, hvis slutdatoen ikke kendes endnu.")
        self.fields["starts_on"].error_messages["required"] = _("Skriv den dato, pausen begynder.")


class CloseForm(DesignSystemMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Afslutningsårsag"),
        choices=[("", "—"), *ClosingReason.choices],
        error_messages={"required": _("Vælg afslutningsårsagen.")},
    )
    closed_on = _date(_("Lukket pr."))
    municipality = forms.ChoiceField(
        label=_("Ny kommune"),
        required=False,
        help_text=_("Kun når borgeren er flyttet til en anden kommune."),
    )
    note = _text(_("Bemærkning"), help_text=_("Skal udfyldes ved anden årsag."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].initial = timezone.localdate()
        self.fields["closed_on"].error_messages["required"] = _("Skriv datoen for lukningen.")
        self.fields["municipality"].choices = [("", "—"), *municipalities.choices()]

    def clean(self):
        cleaned = super().clean()
        reason = cleaned.get("reason")
        if reason == ClosingReason.MOVED and not cleaned.get("municipality"):
            self.add_error("municipality", _("Vælg den kommune, borgeren er flyttet til."))
        if reason == ClosingReason.OTHER and not cleaned.get("note", "").strip():
            self.add_error("note", _("Skriv årsagen, når den er en anden."))
        return cleaned


class ReopenForm(DesignSystemMixin, forms.Form):
    on = _date(_("Genåbnet pr."))
    note = _text(_("Hvorfor genåbnes sagen?"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()
        self.fields["on"].error_messages["required"] = _("Skriv datoen for genåbningen.")
        self.fields["note"].error_messages["required"] = _("Skriv hvorfor sagen genåbnes.")


class MentorForm(DesignSystemMixin, forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=User.objects.none(),
        error_messages={"required": _("Vælg en mentor.")},
    )
    starts_on = _date(_("Fra"))
    note = _text(_("Bemærkning"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = User.objects.filter(
            role=Role.MENTOR, is_active=True
        ).order_by("first_name", "last_name", "username")
        self.fields["starts_on"].initial = timezone.localdate()
        self.fields["starts_on"].error_messages["required"] = _("Skriv datoen, mentoren starter.")


class MentorEndForm(DesignSystemMixin, forms.Form):
    ends_on = _date(_("Sidste dag med mentoren"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].initial = timezone.localdate()
        self.fields["ends_on"].error_messages["required"] = _("Skriv den sidste dag.")


class CaseWorkerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.team})" if obj.team_id else str(obj)


class TransferForm(DesignSystemMixin, forms.Form):
    to_case_worker = CaseWorkerChoice(
        label=_("Ny sagsbehandler"),
        queryset=User.objects.none(),
        help_text=_("Sagen følger sagsbehandleren ind i dennes team."),
        error_messages={"required": _("Vælg den sagsbehandler, sagen overdrages til.")},
    )
    handover_on = _date(_("Overdraget pr."))
    note = _text(
        _("Note til modtageren"),
        required=True,
        help_text=_("Hvad skal den nye sagsbehandler vide? Noten står på sagens tidslinje."),
    )

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        workers = User.objects.filter(role=Role.CASE_WORKER, is_active=True).select_related("team")
        if current is not None:
            workers = workers.exclude(pk=current.pk)
        self.fields["to_case_worker"].queryset = workers.order_by(
            "team__name", "first_name", "username"
        )
        self.fields["handover_on"].initial = timezone.localdate()
        self.fields["handover_on"].error_messages["required"] = _("Skriv datoen for overdragelsen.")
        self.fields["note"].error_messages["required"] = _("Skriv en note til modtageren.")


class TransferFilterForm(ListForm):
    columns = {"date": (_("Overdraget"), ("handover_on",))}
    default_sort = "-date"
    empty = _(
        "Du har hverken modtaget eller afgivet en sag. En sag overdrages fra borgerens "
        "side: “Overdrag sagen”."
    )
    direction = forms.ChoiceField(
        label=_("Retning"),
        required=False,
        choices=[
            ("", _("Modtaget og afgivet")),
            ("received", _("Modtaget af mig")),
            ("given", _("Afgivet af mig")),
        ],
    )
    q = SearchField(label=_("Søg på sagsbehandler"))


class ResumeForm(DesignSystemMixin, forms.Form):
    on = _date(_("Aktiv igen fra"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()
        self.fields["on"].error_messages["required"] = _("Skriv datoen, sagen er aktiv igen.")
