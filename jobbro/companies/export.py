"""The job bank's section of the data-subject export: the companies the citizen has been
placed or proposed at, and who in the municipality is their key account
(jobbro/citizens/subject_export.py). The companies' own data is not the citizen's; which
companies know of them is."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import records, section

from .models import Company


@section("companies", _("Virksomheder"), order=25)
def companies(citizen):
    yield records(
        "companies",
        _("Virksomheder, hvor borgeren har været i forløb eller er foreslået"),
        Company.objects.filter(placements__citizen=citizen)
        .distinct()
        .select_related("key_account")
        .order_by("name"),
        ["name", "cvr", "address", "postcode", "town", "key_account"],
        model=Company,
    )
