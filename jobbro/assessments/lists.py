"""The progression tool's lists (the pattern of `front/lists.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm


class AssessmentListForm(ListForm):
    search_label = _("Søg på borgerens navn")
    search_fields = ("citizen__first_name__icontains", "citizen__last_name__icontains")
    columns = {
        "date": (_("Dato"), ("assessed_on",)),
        "citizen": (_("Borger"), ("citizen__last_name", "citizen__first_name", "-assessed_on")),
        "instrument": (_("Værktøj"), ("version__instrument__name", "-assessed_on")),
    }
    default_sort = "-date"
    empty = _(
        "Der er ingen progressionsmålinger endnu. En måling oprettes fra borgerens sag: "
        "“Ny måling”."
    )


class StalledListForm(ListForm):
    """The citizens without progress over their last `n` assessments (2 to 6)."""

    search_label = _("Søg på borgerens navn")
    search_fields = ("citizen__first_name__icontains", "citizen__last_name__icontains")
    columns = {
        "citizen": (_("Borger"), ("citizen__last_name", "citizen__first_name")),
        "instrument": (_("Værktøj"), ("instrument__name", "citizen__last_name")),
    }
    default_sort = "citizen"
    empty = _(
        "Ingen borgere står stille: alle, der er målt så mange gange med samme værktøj, har "
        "et højere gennemsnit nu end for de målinger siden."
    )
    n = forms.TypedChoiceField(
        label=_("Antal seneste målinger"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(n, str(n)) for n in range(2, 7)],
    )

    @property
    def last(self) -> int:
        return self.data_cleaned.get("n") or 3

    def search(self, items):
        if isinstance(items, list):  # a consultant's rows, built in Python
            terms = self.query.casefold().split()
            return [r for r in items if all(t in r.citizen.full_name.casefold() for t in terms)]
        return super().search(items)
