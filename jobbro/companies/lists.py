"""The job bank's lists (the pattern of `front/lists.py`)."""

from django import forms
from django.db.models import QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm

from . import industries
from .forms import _consultants
from .models import OpeningKind, PartnershipStatus, Sector

ALL = ("", _("Alle"))


def industries_in_use(companies: QuerySet) -> list[tuple[str, str]]:
    """The DB07 main groups of these companies, not all 88: the industry filter offers only
    groups it can find."""
    groups = set(
        companies.exclude(industry_code="")
        .annotate(group=Substr("industry_code", 1, 2))
        .values_list("group", flat=True)
        .distinct()
    )
    return [(code, f"{code} {title}") for code, title in industries.main_groups() if code in groups]


class CompanyListForm(ListForm):
    search_label = _("Søg på navn, CVR-nummer eller by")
    search_fields = ("name__icontains", "cvr__startswith", "town__icontains")
    columns = {
        "name": (_("Navn"), ("name",)),
        "industry": (_("Branche"), ("industry_code", "name")),
        "town": (_("By"), ("town", "name")),
        "status": (_("Samarbejde"), ("partnership_status", "name")),
        "openings": (_("Åbne åbninger"), ("open_openings", "name")),
    }
    default_sort = "name"
    empty = _(
        "Der er ingen virksomheder i jobbanken, du har adgang til. En konsulent eller "
        "ambassadør opretter dem: “Opret virksomhed”."
    )
    industry = forms.ChoiceField(label=_("Branche"), required=False)
    sector = forms.ChoiceField(label=_("Sektor"), required=False, choices=[ALL, *Sector.choices])
    status = forms.ChoiceField(
        label=_("Samarbejde"), required=False, choices=[ALL, *PartnershipStatus.choices]
    )
    key_account = forms.ChoiceField(label=_("Key account-konsulent"), required=False)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [ALL, *industries_in_use(companies)]
        self.fields["key_account"].choices = [ALL] + [(str(u.pk), str(u)) for u in _consultants()]

    def filter(self, items, data):
        if data.get("industry"):
            items = items.filter(industry_code__startswith=data["industry"])
        if data.get("sector"):
            items = items.filter(sector=data["sector"])
        if data.get("status"):
            items = items.filter(partnership_status=data["status"])
        if data.get("key_account"):
            items = items.filter(key_account_id=data["key_account"])
        return items


class CapacityListForm(ListForm):
    search_label = _("Søg på åbning, virksomhed eller by")
    search_fields = ("title__icontains", "company__name__icontains", "company__town__icontains")
    columns = {
        "title": (_("Åbning"), ("title",)),
        "kind": (_("Type"), ("kind", "company__name", "title")),
        "company": (_("Virksomhed"), ("company__name", "title")),
        "town": (_("By"), ("company__town", "company__name")),
        "free": (_("Ledige / pladser"), ("free", "company__name")),
    }
    default_sort = "kind"
    empty = _(
        "Ingen åbninger har ledige pladser i dag: en åbning tæller med, når den er åben, "
        "løber i dag og hører til en virksomhed med aktivt samarbejde."
    )
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=[ALL, *OpeningKind.choices])
    industry = forms.ChoiceField(label=_("Branche"), required=False)
    no_licence = forms.BooleanField(label=_("Kræver ikke kørekort"), required=False)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [ALL, *industries_in_use(companies)]

    def filter(self, items, data):
        if data.get("kind"):
            items = items.filter(kind=data["kind"])
        if data.get("industry"):
            items = items.filter(company__industry_code__startswith=data["industry"])
        if data.get("no_licence"):
            items = items.filter(driving_licence=False)
        return items


class BarometerListForm(ListForm):
    search_label = _("Søg på virksomhed")
    search_fields = ("name__icontains",)
    columns = {
        "name": (_("Virksomhed"), ("name",)),
        "surveyed": (_("Spurgt"), ("surveyed_on", "name")),
        "expected": (_("Forventede åbninger"), ("expected", "name")),
    }
    default_sort = "-expected"
    empty = _(
        "Ingen virksomheder er spurgt til jobbarometeret endnu. Svarene registreres på "
        "virksomhedens side."
    )
