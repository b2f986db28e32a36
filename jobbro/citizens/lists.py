"""The case files' lists (the pattern of `front/lists.py`)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import SearchField
from jobbro.front.lists import ListForm

from .models import Gender, Readiness, nationality_choices
from .status import CaseStatus

NAME = ("first_name__icontains", "last_name__icontains")
SETTLED = {
    "name": (_("Navn"), ("last_name", "first_name")),
    "settled": (_("Boligplaceret"), ("settled_at",)),
    "case_worker": (_("Sagsbehandler"), ("case_worker__first_name", "settled_at")),
}


class AwaitingListForm(ListForm):
    search_label = _("Søg på navn")
    search_fields = NAME
    columns = SETTLED
    default_sort = "settled"
    empty = _(
        "Ingen borgere venter: alle, der er boligplaceret for mere end 96 timer siden, har "
        "fået startet deres indsats."
    )


class FirstOfferListForm(ListForm):
    search_label = _("Søg på navn")
    search_fields = NAME
    columns = SETTLED
    default_sort = "settled"
    empty = _(
        "Alle borgere i et program har fået deres første virksomhedsrettede tilbud til tiden."
    )


class CitizenListForm(ListForm):
    """The citizen list. Its search is a name or a CPR number (`views._search`), posted and
    kept in the session, never in the URL."""

    q = SearchField(
        label=_("Søg på navn eller CPR-nummer"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    readiness = forms.ChoiceField(
        label=_("Visitation"), required=False, choices=[("", _("Alle"))] + Readiness.choices
    )
    benefit_type = forms.ChoiceField(label=_("Forsørgelse"), required=False)
    gender = forms.ChoiceField(
        label=_("Køn"), required=False, choices=[("", _("Alle"))] + Gender.choices
    )
    nationality = forms.ChoiceField(label=_("Nationalitet"), required=False)
    # Closed cases leave the list but stay findable: "Lukkede sager", or a search by name or
    # CPR number with the default, which then looks through every case.
    status = forms.ChoiceField(
        label=_("Sagens status"),
        required=False,
        choices=[
            ("", _("Åbne sager (søgning: alle)")),
            (CaseStatus.ACTIVE, _("Aktive sager")),
            (CaseStatus.PAUSED, _("Sager på pause")),
            (CaseStatus.CLOSED, _("Lukkede sager")),
            ("all", _("Alle sager")),
        ],
    )
    mine = forms.BooleanField(label=_("Kun min egen sagsstamme"), required=False)
    columns = {
        "name": (_("Navn"), ("last_name", "first_name")),
        "settled": (_("Boligplaceret"), ("settled_at",)),
        "birth": (_("Fødselsdato"), ("birth_date",)),
    }
    default_sort = "name"
    empty = _(
        "Der er ingen åbne sager, du har adgang til. En sagsbehandler opretter borgeren: "
        "“Opret borger”, eller importerer dem."
    )
    # The parameters a search keeps in the session (views._store_search).
    kept = ("q", "readiness", "benefit_type", "gender", "nationality", "status", "mine", "sort")

    def __init__(self, *args, nationalities=(), own_caseload=False, **kwargs):
        super().__init__(*args, **kwargs)
        from jobbro.law.models import Benefit

        self.fields["benefit_type"].choices = [("", _("Alle"))] + [
            (b.code, str(b)) for b in Benefit.objects.valid_on(timezone.localdate())
        ]
        names = dict(nationality_choices())
        self.fields["nationality"].choices = [("", _("Alle"))] + sorted(
            ((n, names.get(n, n)) for n in nationalities if n), key=lambda c: c[1]
        )
        if not own_caseload:  # only a case worker has a caseload of their own
            del self.fields["mine"]


class UnmatchedListForm(ListForm):
    search_label = _("Søg på navn")
    search_fields = NAME
    columns = {
        "name": (_("Navn"), ("last_name", "first_name")),
        "case_worker": (_("Sagsbehandler"), ("case_worker__first_name", "last_name")),
    }
    default_sort = "name"
    empty = _(
        "Alle nationaliteter og sprog passer til listerne: her vises borgere, hvis "
        "nationalitet eller sprog blev skrevet ind, før listerne fandtes, og ikke kunne læses."
    )


class CaseLogListForm(ListForm):
    """One citizen's access log on the case file's page."""

    columns = {"at": (_("Tidspunkt"), ("id",))}
    default_sort = "-at"
    empty = _("Ingen har set sagen endnu.")
