"""The attendance app's lists (the pattern of `front/lists.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm

CITIZEN = ("citizen__first_name__icontains", "citizen__last_name__icontains")


class SanctionListForm(ListForm):
    search_label = _("Søg på borger")
    search_fields = CITIZEN
    columns = {
        "citizen": (_("Borger"), ("citizen__last_name", "citizen__first_name")),
        "opened": (_("Oprettet"), ("opened_at",)),
        "deadline": (_("Frist for bemærkninger"), ("reply_deadline", "-opened_at")),
    }
    default_sort = "deadline"
    empty = _(
        "Ingen sanktionssager her. En sag oprettes fra borgerens fremmøde, når der er "
        "ulovligt fravær at dokumentere."
    )
    vis = forms.ChoiceField(
        required=False,
        choices=[("aabne", "aabne"), ("frist", "frist"), ("alle", "alle")],
        widget=forms.HiddenInput,
    )

    @property
    def tab(self) -> str:
        return self.data_cleaned.get("vis") or "aabne"


class SessionListForm(ListForm):
    """The teacher's sessions: today's, later or earlier (the tabs), of one cohort or all."""

    search_label = _("Søg på indhold eller sted")
    search_fields = ("title__icontains", "place__icontains", "cohort__name__icontains")
    columns = {
        "on": (_("Dato"), ("on", "starts_at")),
        "cohort": (_("Hold"), ("cohort__name", "on", "starts_at")),
    }
    default_sort = "on"
    empty = _("Ingen mødegange her. Mødegangene dannes ud fra holdets ugeskema, når holdet har et.")
    vis = forms.ChoiceField(
        required=False,
        choices=[("i-dag", "i-dag"), ("kommende", "kommende"), ("tidligere", "tidligere")],
        widget=forms.HiddenInput,
    )
    hold = forms.TypedChoiceField(label=_("Hold"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, cohorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hold"].choices = [("", _("Alle mine hold"))] + [
            (c.pk, str(c)) for c in cohorts
        ]

    @property
    def period(self) -> str:
        return self.data_cleaned.get("vis") or "i-dag"

    def filter(self, items, data):
        return items.filter(cohort_id=data["hold"]) if data.get("hold") else items


class BelowHoursListForm(ListForm):
    """Rows (week, citizen) made in Python: sorted by `lists.sort_rows`."""

    columns = {
        "name": (_("Borger"), ("1__last_name", "1__first_name")),
        "monday": (_("Uge"), ("0__monday", "1__last_name")),
        "gap": (_("Mangler"), ("0__gap", "1__last_name")),
    }
    default_sort = "monday"
    empty = _(
        "Ingen borgere med arbejdspligt har planlagt færre timer end deres norm, hverken "
        "denne uge eller næste."
    )


class LowAttendanceListForm(ListForm):
    """Rows (citizen, rate) made in Python: sorted by `lists.sort_rows`."""

    columns = {
        "name": (_("Borger"), ("0__last_name", "0__first_name")),
        "rate": (_("Fremmøde"), ("1__percent", "0__last_name")),
    }
    default_sort = "rate"
    empty = _(
        "Ingen af dine borgere har lavt fremmøde: en borger vises her, når fremmødet de "
        "seneste uger er under grænsen."
    )
