"""The meetings' list (the pattern of `front/lists.py`)."""

from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm


class MeetingListForm(ListForm):
    search_label = _("Søg i titel og deltagere")
    search_fields = ("title__icontains", "participants__icontains")
    columns = {
        "held": (_("Dato"), ("held_on",)),
        "title": (_("Titel"), ("title", "held_on")),
        "decided": (_("Beslutninger"), ("decided", "held_on")),
    }
    default_sort = "-held"
    empty = _(
        "Der er ikke holdt nogen møder endnu. Ambassadøren opretter dem med en dagsorden: "
        "“Nyt møde med dagsorden”."
    )
