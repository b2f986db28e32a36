"""The placements app's lists (the pattern of `front/lists.py`): their search, columns,
filters and why each can be empty."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm

from .models import PlacementKind, PlacementStatus
from .staircase import step_expression

CITIZEN = ("citizen__first_name__icontains", "citizen__last_name__icontains")
OF_PLACEMENT = tuple(f"placement__{lookup}" for lookup in CITIZEN)


class PlacementListForm(ListForm):
    search_label = _("Søg på borger eller virksomhed")
    search_fields = (*CITIZEN, "company__name__icontains")
    columns = {
        "citizen": (_("Borger"), ("citizen__last_name", "citizen__first_name")),
        "company": (_("Virksomhed"), ("company__name",)),
        "start": (_("Periode"), ("starts_on",)),
        "status": (_("Status"), ("status", "starts_on")),
    }
    default_sort = "-start"
    empty = _(
        "Der er ingen forløb, du har adgang til. Et forløb oprettes fra borgerens sag: "
        "“Opret forløb”."
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *PlacementStatus.choices]
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Alle")), *PlacementKind.choices]
    )
    # The manager's dashboard links to the courses on one step of the staircase (1 to 6).
    trin = forms.IntegerField(required=False, min_value=1, max_value=6, widget=forms.HiddenInput)

    def filter(self, items, data):
        if data.get("status"):
            items = items.filter(status=data["status"])
        if data.get("type"):
            items = items.filter(kind=data["type"])
        if data.get("trin"):
            items = items.annotate(step=step_expression()).filter(step=data["trin"])
        return items


class MoveUpListForm(ListForm):
    search_label = _("Søg på borger eller virksomhed")
    search_fields = (*CITIZEN, "company__name__icontains")
    columns = {
        "citizen": (_("Borger"), ("citizen__last_name", "citizen__first_name")),
        "company": (_("Virksomhed"), ("company__name",)),
        "start": (_("Start"), ("starts_on",)),
    }
    default_sort = "start"
    empty = _(
        "Ingen forløb, hvor et trin op er oplagt: ingen lange praktikker uden lønnede timer, "
        "ingen offentlige praktikker mens private er ledige, intet løntilskud over et halvt år."
    )


# The follow-up list's tabs: this week, overdue, later (`views._periods` holds their dates).
PERIODS = {
    "uge": _("Denne uge"),
    "forfaldne": _("Forfaldne"),
    "kommende": _("Kommende"),
}


class FollowUpListForm(ListForm):
    search_label = _("Søg på borger eller virksomhed")
    search_fields = (*OF_PLACEMENT, "placement__company__name__icontains")
    columns = {
        "due": (_("Planlagt"), ("due_on",)),
        "citizen": (
            _("Borger"),
            ("placement__citizen__last_name", "placement__citizen__first_name"),
        ),
        "company": (_("Virksomhed"), ("placement__company__name", "due_on")),
    }
    default_sort = "due"
    empty = _("Du har ingen opfølgninger her; de oprettes fra planen for et forløb.")
    vis = forms.ChoiceField(required=False, choices=list(PERIODS.items()), widget=forms.HiddenInput)
    alle = forms.ChoiceField(
        required=False, choices=[("", ""), ("1", "1")], widget=forms.HiddenInput
    )

    @property
    def period(self) -> str:
        return self.data_cleaned.get("vis") or "uge"

    @property
    def mine(self) -> bool:
        return self.data_cleaned.get("alle") != "1"


class AcuteListForm(ListForm):
    search_label = _("Søg på borger eller virksomhed")
    search_fields = (*OF_PLACEMENT, "placement__company__name__icontains")
    columns = {
        "reported": (_("Modtaget"), ("reported_at",)),
        "company": (_("Virksomhed"), ("placement__company__name", "reported_at")),
    }
    default_sort = "reported"
    empty = _(
        "Alle akutte henvendelser er besvaret. En henvendelse registreres på forløbet, "
        "når virksomheden eller borgeren ringer."
    )


class AcuteBreachListForm(ListForm):
    search_label = _("Søg på virksomhed")
    search_fields = ("placement__company__name__icontains",)
    columns = {
        "reported": (_("Modtaget"), ("reported_at",)),
        "company": (_("Virksomhed"), ("placement__company__name", "reported_at")),
    }
    default_sort = "-reported"
    empty = _(
        "Ingen overskredne svarfrister: alle akutte henvendelser i dine medarbejderes "
        "forløb er besvaret inden 24 timer."
    )
