import datetime as dt

import pytest

from jobbro.companies.models import Company, Opening, OpeningKind, PartnershipChange
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus


@pytest.fixture
def company(people):
    """konrad's key account: a private company with 10 ordinary employees."""
    company = Company.objects.create(
        cvr="29189587",
        name="Juelsminde Rengøring ApS",
        sector="private",
        industry_code="812100",
        town="Juelsminde",
        key_account=people["konrad"],
        ordinary_employees=10,
        employees_avg_12_months=9,
    )
    PartnershipChange.objects.create(company=company, status=company.partnership_status)
    return company


@pytest.fixture
def other_company(people):
    """Another consultant's company."""
    from jobbro.conftest import make_user

    return Company.objects.create(
        cvr="10000009",
        name="Hotel Stouby",
        sector="private",
        key_account=make_user("kirsten", "company_consultant"),
        ordinary_employees=30,
    )


def make_opening(
    company, kind=OpeningKind.INTERNSHIP, capacity=1, title="Rengøringsassistent", **extra
):
    return Opening.objects.create(
        company=company, kind=kind, title=title, capacity=capacity, **extra
    )


def place(
    citizen, opening, status=PlacementStatus.ACTIVE, kind=PlacementKind.INTERNSHIP, company=None
):
    return Placement.objects.create(
        citizen=citizen,
        company=company or opening.company,
        opening=opening,
        kind=kind,
        starts_on=dt.date(2026, 11, 1),
        status=status,
    )
