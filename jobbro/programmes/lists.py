"""The programmes' lists (the pattern of `front/lists.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm

from .models import ProgrammeKind


class ProgrammeListForm(ListForm):
    search_label = _("Søg på navn eller kommune")
    search_fields = ("name__icontains", "municipality__icontains")
    columns = {
        "name": (_("Navn"), ("name",)),
        "start": (_("Opstart"), ("starts_on",)),
        "enrolled": (_("Indskrevne nu"), ("open_enrolments", "name")),
    }
    default_sort = "name"
    empty = _(
        "Der er ingen indsatser, du har adgang til. En koordinator opretter dem: “Opret indsats”."
    )
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Alle")), *ProgrammeKind.choices]
    )

    def filter(self, items, data):
        return items.filter(kind=data["kind"]) if data.get("kind") else items


class CohortListForm(ListForm):
    search_label = _("Søg på hold eller indsats")
    search_fields = ("name__icontains", "programme__name__icontains")
    columns = {
        "name": (_("Hold"), ("name", "programme__name")),
        "programme": (_("Indsats"), ("programme__name", "name")),
        "start": (_("Periode"), ("starts_on", "programme__name", "name")),
    }
    default_sort = "-start"
    empty = _(
        "Der er ingen hold, du har adgang til. Et hold oprettes på indsatsens side; en "
        "underviser ser de hold, hun er tilknyttet."
    )


class SiriListForm(ListForm):
    search_label = _("Søg på indsats")
    search_fields = ("name__icontains",)
    columns = {
        "name": (_("Indsats"), ("name",)),
        "start": (_("Opstart"), ("starts_on", "name")),
    }
    default_sort = ""  # the deadline's order: not yet sent first, the earliest deadline first
    own_order = _("Frist: ikke sendt først")
    empty = _(
        "Der er ingen indsatser med en frist for beskrivelsen til SIRI: fristen er 3 måneder "
        "efter indsatsens opstart."
    )
