from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import SearchField
from jobbro.front.forms import DesignSystemMixin

from .models import Theme

SORT_CHOICES = [
    ("", _("Bedste match (ved søgning), ellers nummer")),
    ("nummer", _("Nummer i integrationskittet")),
    ("titel", _("Titel")),
    ("tema", _("Tema")),
    ("personer", _("Flest personer i integrationsprogrammet")),
]


class PracticeFilterForm(DesignSystemMixin, forms.Form):
    q = SearchField(
        label=_("Søg i god praksis"),
        help_text=_("Fx “sprogmakker”, “IGU”, “virksomhedspraktik” eller en kommune."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = forms.TypedChoiceField(
        label=_("Tema"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Alle temaer")), *Theme.choices],
        error_messages={"invalid_choice": _("Vælg et af integrationskittets fem temaer.")},
    )
    sort = forms.ChoiceField(
        label=_("Sortér efter"),
        required=False,
        choices=SORT_CHOICES,
        error_messages={"invalid_choice": _("Vælg en af sorteringerne på listen.")},
    )
