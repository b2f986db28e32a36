from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import DateField, IntegerField, SearchField
from jobbro.front.forms import DesignSystemMixin

from .models import Action, Purpose


class AccessLogSearchForm(DesignSystemMixin, forms.Form):
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
    date_from = DateField(label=_("Fra dato"), required=False)
    date_to = DateField(label=_("Til dato"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Til-datoen må ikke ligge før fra-datoen."))
        return cleaned
