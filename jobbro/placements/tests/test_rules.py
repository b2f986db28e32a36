"""The rules every placement, follow-up and opening keeps, whoever writes it: the model's
clean (so the services' full_clean) and the database's constraints."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobbro.companies.models import Opening
from jobbro.placements import services
from jobbro.placements.models import ContactMode, FollowUp, Placement, PlacementKind
from jobbro.placements.tests.factories import make_company, make_opening, make_placement

pytestmark = pytest.mark.django_db


def _create(citizen, by, **fields):
    return services.placement_create(
        citizen=citizen,
        by=by,
        kind=fields.pop("kind", PlacementKind.INTERNSHIP),
        starts_on=timezone.localdate(),
        **fields,
    )


def test_it_refuses_an_internship_without_a_company_in_the_service(people, citizens):
    with pytest.raises(ValidationError) as e:
        _create(citizens["fatima"], people["alice"])
    assert e.value.message_dict["company"] == ["Vælg virksomheden, hvor forløbet foregår."]
    assert not Placement.objects.exists()


def test_it_lets_education_go_without_a_company(people, citizens):
    placement = _create(citizens["fatima"], people["alice"], kind=PlacementKind.EDUCATION)
    assert placement.company_id is None


def test_it_takes_the_company_from_the_opening_and_refuses_another(people, citizens):
    company, other = make_company("Første A/S"), make_company("Anden A/S")
    opening = make_opening(company)

    placement = _create(citizens["fatima"], people["alice"], opening=opening)
    assert placement.company == company

    with pytest.raises(ValidationError) as e:
        _create(citizens["yonas"], people["alice"], opening=opening, company=other)
    assert "opening" in e.value.message_dict


@pytest.mark.parametrize(
    ("field", "value"),
    [("hours_per_week", Decimal(0)), ("hours_per_week", Decimal(61)), ("paid_hours_per_week", -1)],
)
def test_it_refuses_hours_out_of_range_in_the_service(people, citizens, field, value):
    company = make_company()
    with pytest.raises(ValidationError) as e:
        _create(citizens["fatima"], people["alice"], company=company, **{field: value})
    assert field in e.value.message_dict


@pytest.mark.parametrize(
    ("field", "value"),
    [("hours_per_week", Decimal(0)), ("hours_per_week", Decimal(61)), ("paid_hours_per_week", -1)],
)
def test_it_refuses_hours_out_of_range_in_the_database(citizens, field, value):
    placement = make_placement(citizens["fatima"], make_company())
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.filter(pk=placement.pk).update(**{field: value})


def test_it_keeps_one_open_follow_up_per_placement_in_the_database(people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), ambassador=people["amir"])
    services.plan_save(
        placement=placement,
        by=people["amir"],
        version=None,
        goals="Lære rutinerne.",
        contact_every_days=14,
        contact_mode=ContactMode.VISIT,
        accompaniment_days=0,
        accompaniment_note="",
    )
    due = timezone.localdate() + dt.timedelta(days=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUp.objects.create(placement=placement, due_on=due, mode=ContactMode.PHONE)

    # A done or cancelled one does not count.
    FollowUp.objects.create(placement=placement, due_on=due, mode=ContactMode.PHONE, done_on=due)
    FollowUp.objects.create(placement=placement, due_on=due, mode=ContactMode.PHONE, cancelled=True)
    assert (
        FollowUp.objects.filter(placement=placement, done_on__isnull=True, cancelled=False).count()
        == 1
    )


def test_it_refuses_an_opening_without_a_place(citizens):
    opening = make_opening(make_company(), capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Opening.objects.filter(pk=opening.pk).update(capacity=0)
    opening.capacity, opening.hours_per_week = 0, Decimal(70)
    with pytest.raises(ValidationError) as e:
        opening.full_clean()
    assert set(e.value.message_dict) == {"capacity", "hours_per_week"}
