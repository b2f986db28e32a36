"""A programme's economy (issue 12, item 9), checked against a small world computed by hand.

The world: a programme from 05.01.2026 with two cost lines (10.000,00 and 2.500,50 kr., 40
hours) and 8 participants enrolled on 05.01.2026. Kontanthjælp at the grundsats pays
12.000 kr. a month until 30.06.2026 and 12.300 kr. from 01.07.2026.
- A–E receive kontanthjælp (grundsats) and are self-supporting from 01.03.2026; A until
  31.05.2026, E until 30.06.2026, B, C, D on;
- F likewise, self-supporting from 16.03.2026 (16 of March's 31 days);
- G was self-supporting before enrolling (from 01.12.2025): not the programme's doing;
- H received integrationsydelse, which has no amount: counted apart, never guessed.

By hand, to 31.07.2026:
- January, February: 0;
- March: A–E 5 × 12.000 = 60.000, F 12.000 × 16/31 = 6.193,55: 6 persons, 66.193,55;
- April, May: 6 × 12.000 = 72.000 each (H from April is not counted);
- June: B, C, D, E, F: 5 × 12.000 = 60.000;
- July: B, C, D, F: 4 persons, folded: 4 × 12.300 = 49.200;
- saved in all 66.193,55 + 72.000 + 72.000 + 60.000 + 49.200 = 319.393,55;
- cost 12.500,50, per participant 12.500,50 / 8 = 1.562,56.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from jobbro.conftest import make_citizen
from jobbro.law.models import Benefit, BenefitAmount, BenefitPeriod, BenefitRate
from jobbro.programmes.economy import economy
from jobbro.programmes.models import CostLine, Enrolment, Programme

pytestmark = pytest.mark.django_db

D = dt.date
START = D(2026, 1, 5)


def _period(citizen, code, starts_on, ends_on=None, rate=None):
    return BenefitPeriod.objects.create(
        citizen=citizen,
        benefit=Benefit.objects.get(code=code),
        rate=rate,
        starts_on=starts_on,
        ends_on=ends_on,
    )


@pytest.fixture
def world(people):
    programme = Programme.objects.create(municipality="Hedensted", name="Lille", starts_on=START)
    CostLine.objects.create(programme=programme, position=1, item="Løn", amount=Decimal(10000))
    CostLine.objects.create(
        programme=programme, position=2, item="Transport", amount=Decimal("2500.50"), hours=40
    )
    cash = Benefit.objects.get(code="kontanthjaelp")
    basic = BenefitRate.objects.get(benefit=cash, code="grundsats")
    BenefitAmount.objects.create(
        benefit=cash, rate=basic, monthly=12000, valid_from=D(2025, 7, 1), valid_to=D(2026, 6, 30)
    )
    BenefitAmount.objects.create(benefit=cash, rate=basic, monthly=12300, valid_from=D(2026, 7, 1))
    ends = {"A": D(2026, 5, 31), "E": D(2026, 6, 30)}
    for letter in "ABCDEFGH":
        n = "ABCDEFGH".index(letter)
        citizen = make_citizen(
            f"1{n}0690{n}234", people["alice"], first_name=f"Deltager {letter}", last_name="Test"
        )
        Enrolment.objects.create(citizen=citizen, programme=programme, starts_on=START)
        if letter in "ABCDEF":
            became = D(2026, 3, 16) if letter == "F" else D(2026, 3, 1)
            _period(citizen, "kontanthjaelp", D(2025, 8, 1), became - dt.timedelta(days=1), basic)
            end = ends.get(letter)
            _period(citizen, "selvforsoergende", became, end)
            if end:
                _period(citizen, "kontanthjaelp", end + dt.timedelta(days=1), None, basic)
        elif letter == "G":
            _period(citizen, "kontanthjaelp", D(2025, 8, 1), D(2025, 11, 30), basic)
            _period(citizen, "selvforsoergende", D(2025, 12, 1))
        else:
            _period(citizen, "integrationsydelse", D(2019, 1, 1), D(2026, 3, 31))
            _period(citizen, "selvforsoergende", D(2026, 4, 1))
    return programme


def test_it_gives_back_the_hand_computed_numbers(world):
    e = economy(world, until=D(2026, 7, 31))
    assert (e.cost, e.hours, e.participants) == (Decimal("12500.50"), Decimal(40), 8)
    assert e.cost_per_participant == Decimal("1562.56")
    shown = [(m.first.month, m.persons, m.saved) for m in e.months]
    assert shown == [
        (1, 0, 0),
        (2, 0, 0),
        (3, 6, Decimal("66193.55")),
        (4, 6, Decimal("72000.00")),
        (5, 6, Decimal("72000.00")),
        (6, 5, Decimal("60000.00")),
    ]
    assert e.folded is not None and e.folded_count == 1
    assert e.folded.saved == Decimal("49200.00")
    assert e.saved == Decimal("319393.55")
    assert e.net == Decimal("319393.55") - Decimal("12500.50")
    assert e.unknown_persons == 1


def test_the_page_shows_the_numbers_with_their_definition(client, people, world):
    client.force_login(people["lene"])
    page = client.get(reverse("programmes:economy", args=[world.pk])).content.decode()
    assert "Sådan er tallet opgjort" in page
    assert "12.500,50" in page and "1.562,56" in page
    assert "Deltager A" not in page and "Deltager H" not in page  # aggregates only
    client.force_login(people["alice"])
    assert client.get(reverse("programmes:economy", args=[world.pk])).status_code == 403
