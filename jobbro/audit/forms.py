from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import IntegerField, SearchField
from jobbro.front.forms import PeriodSearchForm
from jobbro.front.lists import ListForm

from .models import Action, Purpose


class AccessLogSearchForm(ListForm, PeriodSearchForm):
    field_order = ["user", "citizen_id", "action", "purpose", "date_from", "date_to"]
    columns = {"at": (_("Tidspunkt"), ("id",))}
    default_sort = "-at"
    empty = _("Adgangsloggen er tom: den skriver sig selv, når nogen ser eller ændrer en sag.")

    user = SearchField(label=_("Bruger (brugernavn)"))
    citizen_id = IntegerField(
        label=_("Borger-id"),
        required=False,
        min_value=1,
        error_messages={"invalid": _("Borger-id skal være et helt tal.")},
    )
    action = forms.ChoiceField(
        label=_("Handling"), required=False, choices=[("", _("Alle"))] + Action.choices
    )
    purpose = forms.ChoiceField(
        label=_("Formål"), required=False, choices=[("", _("Alle"))] + Purpose.choices
    )
