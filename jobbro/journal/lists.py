"""The journal's lists (the pattern of `front/lists.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import SearchField
from jobbro.front.lists import ListForm

from .models import NoteKind, NoteStatus


class JournalListForm(ListForm):
    """A citizen's journal. The text is encrypted, so the search is not a lookup:
    `selectors.search` matches it against the decrypted notes of the one citizen."""

    q = SearchField(label=_("Søg i notaterne"))
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Alle typer")), *NoteKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *NoteStatus.choices]
    )
    columns = {
        "date": (_("Dato"), ("occurred_on",)),
        "kind": (_("Type"), ("kind", "-occurred_on")),
        "author": (_("Skrevet af"), ("author__first_name", "-occurred_on")),
    }
    default_sort = "-date"
    empty = _(
        "Der er ingen notater i journalen endnu. Skriv et journalnotat, eller planlæg en samtale."
    )


class PlannedListForm(ListForm):
    search_label = _("Søg på borger eller sted")
    search_fields = (
        "citizen__first_name__icontains",
        "citizen__last_name__icontains",
        "place__icontains",
    )
    columns = {
        "starts": (_("Tidspunkt"), ("starts_at",)),
        "citizen": (_("Borger"), ("citizen__last_name", "citizen__first_name", "starts_at")),
    }
    default_sort = "starts"
    empty = _(
        "Du har ingen planlagte samtaler. En samtale planlægges fra borgerens journal: "
        "“Planlæg samtale”."
    )
