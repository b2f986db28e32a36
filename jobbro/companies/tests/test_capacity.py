import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.companies.models import Opening, OpeningKind, PartnershipStatus
from jobbro.conftest import make_citizen
from jobbro.placements.models import PlacementStatus

from .conftest import make_opening, place

pytestmark = pytest.mark.django_db


def _citizens(n):
    return [make_citizen(f"02029012{i:02d}", first_name=f"P{i}") for i in range(n)]


def test_it_subtracts_active_and_agreed_placements_from_the_capacity(company):
    opening = make_opening(company, capacity=4)
    a, b, c, d = _citizens(4)
    place(a, opening)
    place(b, opening, status=PlacementStatus.PLANNED)
    place(c, opening, status=PlacementStatus.ENDED)
    place(d, opening, status=PlacementStatus.CANCELLED)
    row = Opening.objects.with_free_capacity().get(pk=opening.pk)
    assert (row.occupied, row.free) == (2, 2)


def test_it_lists_only_openings_with_a_free_place_now(company, other_company):
    today = timezone.localdate()
    free = make_opening(company, capacity=2, title="Ledig")
    full = make_opening(company, capacity=1, title="Fuld")
    place(_citizens(1)[0], full)
    make_opening(company, title="Lukket", is_open=False)
    make_opening(company, title="Senere", starts_on=today + dt.timedelta(days=10))
    make_opening(company, title="Udløbet", ends_on=today - dt.timedelta(days=1))
    other_company.partnership_status = PartnershipStatus.PAUSED
    other_company.save()
    make_opening(other_company, title="Pause")
    assert list(Opening.objects.free_now().values_list("title", flat=True)) == ["Ledig"]
    assert free.pk in Opening.objects.free_now().values_list("pk", flat=True)


def test_it_shows_free_capacity_to_case_workers(client, people, company):
    make_opening(company, capacity=3, title="Køkkenmedhjælper", kind=OpeningKind.SMALL_JOB)
    make_opening(company, capacity=1, title="Chauffør", driving_licence=True)
    client.force_login(people["alice"])
    page = client.get(reverse("companies:capacity")).content.decode()
    assert "Køkkenmedhjælper" in page and "3 / 3" in page
    assert "4 ledige pladser" in page
    filtered = client.get(reverse("companies:capacity"), {"no_licence": "on"}).content.decode()
    assert "Chauffør" not in filtered and "Køkkenmedhjælper" in filtered
