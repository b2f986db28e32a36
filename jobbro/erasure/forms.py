from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import TEXT_MAX_LENGTH, IntegerField
from jobbro.front.forms import DesignSystemMixin
from jobbro.front.lists import ListForm

from .models import Decision


class DecisionForm(DesignSystemMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Afgørelse"),
        choices=[
            ("", "—"),
            ("approve", _("Godkend: anonymisér eller slet nu")),
            ("refuse", _("Afvis: behold data (skriv hvorfor)")),
        ],
        error_messages={"required": _("Vælg om sletningen godkendes eller afvises.")},
    )
    note = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes ved afvisning, fx verserende klage eller retssag."),
    )
    confirm = forms.BooleanField(
        label=_("Jeg har kontrolleret, at data ikke længere skal bruges"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "approve" and not cleaned.get("confirm"):
            self.add_error("confirm", _("Bekræft kontrollen, før data slettes."))
        if cleaned.get("decision") == "refuse" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Skriv hvorfor sletningen afvises."))
        return cleaned


class DecisionFilterForm(ListForm):
    q = IntegerField(label=_("Borger-id"), required=False, min_value=1)
    state = forms.ChoiceField(
        label=_("Afgørelse"), required=False, choices=[("", _("Alle")), *Decision.choices]
    )
    columns = {"due": (_("Forfalden siden"), ("due_since",))}
    default_sort = "due"
    empty = _(
        "Intet venter på en afgørelse. `jobbro retention` finder hver måned det, der skal "
        "slettes efter reglerne, og lægger det her."
    )
