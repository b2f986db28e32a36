import pytest

from jobbro.companies.models import Company, DanishLevel, Opening, OpeningKind, Sector
from jobbro.matching.models import MatchProfile, Town


@pytest.fixture
def towns(db):
    """The shipped towns (migration 0002)."""
    return {t.name: t for t in Town.objects.all()}


@pytest.fixture
def kitchen(people):
    company = Company.objects.create(
        cvr="12345674",
        name="Kantinen A/S",
        sector=Sector.PRIVATE,
        industry_code="562900",
        town="Hedensted",
        key_account=people["konrad"],
    )
    return Opening.objects.create(
        company=company,
        kind=OpeningKind.INTERNSHIP,
        title="Køkkenmedhjælper",
        occupation_code="9412",
        capacity=2,
        hours_per_week=25,
        danish_level=DanishLevel.BASIC,
        requirements="Opvask og rengøring af køkken",
    )


@pytest.fixture
def van(people):
    company = Company.objects.create(
        cvr="87654321",
        name="Vognmand B ApS",
        sector=Sector.PRIVATE,
        industry_code="494100",
        town="Løsning",
    )
    return Opening.objects.create(
        company=company,
        kind=OpeningKind.ORDINARY,
        title="Chauffør",
        occupation_code="8322",
        capacity=1,
        hours_per_week=37,
        driving_licence=True,
    )


@pytest.fixture
def fatima_profile(citizens, towns, people):
    fatima = citizens["fatima"]
    fatima.danish_course = "DU2"
    fatima.danish_module = 3
    fatima.competences = "Opvask, rengøring og madlavning"
    fatima.consent_share_with_companies = True
    fatima.save()
    return MatchProfile.objects.create(
        citizen=fatima,
        town=towns["Hedensted"],
        wished_occupations=["9412"],
        wished_industries=["56", "47"],
        experience=["5120"],
        max_hours_per_week=30,
        updated_by=people["alice"],
    )
