from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role, User
from jobbro.front.fields import DateField, IntegerField, ModelForm, SearchField
from jobbro.front.forms import DesignSystemMixin

from .models import Answer, Mentor, MentorKind


class BuddyForm(DesignSystemMixin, forms.Form):
    name = forms.CharField(
        label=_("Sprogmakkerens navn"),
        max_length=120,
        error_messages={"required": _("Skriv sprogmakkerens navn.")},
    )
    job_title = forms.CharField(label=_("Stilling"), max_length=120, required=False)
    language_teacher = forms.CharField(
        label=_("Sproglærer, der følger op"),
        max_length=120,
        required=False,
        help_text=_("Sørg for, at der er hyppige opfølgninger med en sproglærer."),
    )
    started_on = DateField(label=_("Start"), initial=timezone.localdate)


# Mentors and their matches -------------------------------------------------------------


class MentorForm(DesignSystemMixin, ModelForm):
    class Meta:
        model = Mentor
        fields = [
            "name",
            "kind",
            "organisation",
            "background",
            "phone",
            "email",
            "is_chief",
            "chief",
            "user",
            "active",
        ]
        labels = {"user": _("Login i Jobbro (rollen mentor)")}
        help_texts = {
            "is_chief": _(
                "Chefmentorer er bindeled mellem projektledelsen og ca. 20 mentorer (Lederne)."
            ),
            "user": _(
                "Har mentoren et login, bliver mentoren sagens mentor, når begge har sagt ja."
            ),
            "background": _("Fx tidligere leder i byggeriet med netværk i lokale virksomheder."),
        }
        error_messages = {"name": {"required": _("Skriv mentorens navn.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chiefs = Mentor.objects.filter(is_chief=True, active=True)
        if self.instance.pk:
            chiefs = chiefs.exclude(pk=self.instance.pk)
        self.fields["chief"].queryset = chiefs
        self.fields["user"].queryset = User.objects.filter(role=Role.MENTOR, is_active=True)


MENTOR_SORTS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "kind": ("kind", "name", "pk"),
    "chief": ("chief__name", "name", "pk"),
    "-matches": ("-open_matches", "name", "pk"),
}


class MentorFilterForm(DesignSystemMixin, forms.Form):
    q = SearchField(
        label=_("Søg på navn, organisation eller baggrund"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Slags mentor"), required=False, choices=[("", _("Alle"))] + MentorKind.choices
    )
    chief = forms.ModelChoiceField(
        label=_("Chefmentor"),
        required=False,
        queryset=Mentor.objects.filter(is_chief=True),
        empty_label=_("Alle"),
    )
    sort = forms.ChoiceField(
        label=_("Sortér efter"),
        required=False,
        choices=[
            ("name", _("Navn (A–Å)")),
            ("-name", _("Navn (Å–A)")),
            ("kind", _("Slags mentor")),
            ("chief", _("Chefmentor")),
            ("-matches", _("Flest aktuelle match")),
        ],
    )


class ProposeForm(DesignSystemMixin, forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=Mentor.objects.filter(active=True).select_related("chief"),
        empty_label=_("Vælg mentor"),
        error_messages={"required": _("Vælg en mentor.")},
    )


class AnswerForm(DesignSystemMixin, forms.Form):
    side = forms.ChoiceField(
        label=_("Hvem svarer"),
        choices=[("mentor", _("Mentoren")), ("citizen", _("Borgeren"))],
        error_messages={"required": _("Vælg hvem der svarer.")},
    )
    answer = forms.ChoiceField(
        label=_("Svar"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg ja eller nej.")},
    )
    reason = forms.CharField(
        label=_("Begrundelse (ved nej)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == Answer.NO and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Skriv hvorfor der er takket nej."))
        return data


class MeetingForm(DesignSystemMixin, forms.Form):
    met_on = DateField(label=_("Dato"), initial=timezone.localdate)
    minutes = IntegerField(
        label=_("Varighed i minutter"),
        min_value=1,
        max_value=600,
        error_messages={"required": _("Skriv hvor mange minutter mødet varede.")},
    )
    note = forms.CharField(
        label=_("Kort note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kort og sagligt: noten kan ses af borgerens sagsbehandler og mentor."),
    )
