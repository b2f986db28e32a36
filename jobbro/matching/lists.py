"""Matching's lists beside the citizen list (the pattern of `front/lists.py`)."""

from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm


class ProposalListForm(ListForm):
    columns = {"created": (_("Startet"), ("created_at",))}
    default_sort = "-created"
    empty = _("Du har ikke beregnet et forslag endnu: “Beregn et nyt forslag”.")


class DistanceListForm(ListForm):
    search_label = _("Søg på by")
    search_fields = ("origin__name__icontains", "destination__name__icontains")
    columns = {
        "origin": (_("Fra"), ("origin__name", "destination__name")),
        "destination": (_("Til"), ("destination__name", "origin__name")),
        "km": (_("Km"), ("km", "origin__name")),
    }
    default_sort = "origin"
    empty = _("Der er ingen afstande endnu. Tilføj den første med formularen nedenfor.")
