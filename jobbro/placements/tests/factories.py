"""Test objects for placements: companies, openings and placements with their records."""

import datetime as dt
import itertools

from django.utils import timezone

from jobbro.companies.models import Company, Opening, OpeningKind, Sector
from jobbro.placements import services
from jobbro.placements.models import (
    AcuteIssue,
    ContactMode,
    Placement,
    PlacementKind,
    PlacementStatus,
    RetentionPlan,
)

# Valid CVR numbers (modulus 11), one per company made in a test.
_CVRS = itertools.cycle(["10000009", "10000017", "10000025", "10000033", "10000041"])


def make_company(name="Hedensted Rengøring ApS", sector=Sector.PRIVATE, key_account=None):
    cvr = next(_CVRS)
    while Company.objects.filter(cvr=cvr).exists():
        cvr = next(_CVRS)
    return Company.objects.create(
        cvr=cvr,
        name=name,
        sector=sector,
        key_account=key_account,
        address="Industrivej 4",
        postcode="8722",
        town="Hedensted",
    )


def make_opening(company, kind=OpeningKind.INTERNSHIP, capacity=2, title="Praktik i rengøring"):
    return Opening.objects.create(company=company, kind=kind, title=title, capacity=capacity)


def make_placement(citizen, company=None, *, kind=PlacementKind.INTERNSHIP, weeks_ago=2, **extra):
    fields = {
        "citizen": citizen,
        "company": company,
        "kind": kind,
        "starts_on": timezone.localdate() - dt.timedelta(weeks=weeks_ago),
        "status": PlacementStatus.ACTIVE,
        "hours_per_week": 20,
    }
    fields.update(extra)
    return Placement.objects.create(**fields)


def place_with_everything(citizen, people, key_account=None):
    """An active internship with a plan (and so an open follow-up), an acute issue and a
    retention plan."""
    company = make_company(f"Virksomhed for {citizen.first_name}", key_account=key_account)
    placement = make_placement(
        citizen, company, opening=make_opening(company), ambassador=people["amir"]
    )
    services.plan_save(
        placement=placement,
        by=people["amir"],
        version=None,
        goals="Lære rutinerne og tale dansk med kollegerne.",
        contact_every_days=14,
        contact_mode=ContactMode.VISIT,
        accompaniment_days=2,
        accompaniment_note="De første to dage",
    )
    AcuteIssue.objects.create(
        placement=placement,
        reported_at=timezone.now() - dt.timedelta(hours=2),
        reported_by="Lise Holm, produktionsleder",
        description="Borgeren mødte ikke op i dag.",
        registered_by=people["amir"],
    )
    RetentionPlan.objects.create(
        placement=placement,
        work_function="Rengøringsassistent",
        company_contact="Lise Holm",
        municipality_contact=people["amir"],
    )
    return placement
