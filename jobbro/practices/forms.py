from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import SearchField
from jobbro.front.lists import ListForm

from .models import Theme
from .selectors import practice_search


class PracticeListForm(ListForm):
    """The library's list (the pattern of `front/lists.py`): Danish full-text search
    (selectors.practice_search), a theme, and the sort; without a sort, the best match
    when searching, else the kit's numbers."""

    q = SearchField(
        label=_("Søg i god praksis"),
        help_text=_("Fx “sprogmakker”, “IGU”, “virksomhedspraktik” eller en kommune."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    theme = forms.TypedChoiceField(
        label=_("Tema"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Alle temaer")), *Theme.choices],
        error_messages={"invalid_choice": _("Vælg et af integrationskittets fem temaer.")},
    )
    columns = {
        "nummer": (_("Nummer i integrationskittet"), ("number",)),
        "titel": (_("Titel"), ("title", "number")),
        "tema": (_("Tema"), ("theme", "number")),
        "personer": (_("Personer i integrationsprogrammet"), ("persons_in_programme", "number")),
    }
    own_order = _("Bedste match (ved søgning), ellers nummer")
    empty = _("Biblioteket er tomt: integrationskittets eksempler indlæses af migrationerne.")

    def apply(self, items=None):
        data = self.data_cleaned
        return self.order(practice_search(q=self.query, theme=data.get("theme")))
