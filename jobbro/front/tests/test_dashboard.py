"""The manager's dashboard (front/dashboard.py): each number against a small world counted
by hand, who sees what, and where each number leads."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.assessments.models import RaterKind
from jobbro.assessments.tests.conftest import make_assessment
from jobbro.citizens.models import Citizen
from jobbro.conftest import make_citizen
from jobbro.front import dashboard
from jobbro.placements.models import AcuteIssue, FollowUp, Placement, PlacementKind
from jobbro.placements.tests.factories import make_company, make_placement

pytestmark = pytest.mark.django_db

MARCH = dashboard.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
TODAY = dt.date(2026, 3, 20)


def test_periods_are_the_month_quarter_and_year_of_today():
    day = dt.date(2026, 5, 14)
    assert dashboard.period_of("maaned", day) == dashboard.Period(
        dt.date(2026, 5, 1), dt.date(2026, 5, 31)
    )
    assert dashboard.period_of("kvartal", day) == dashboard.Period(
        dt.date(2026, 4, 1), dt.date(2026, 6, 30)
    )
    assert dashboard.period_of("kvartal", dt.date(2026, 12, 3)).end == dt.date(2026, 12, 31)
    assert dashboard.period_of("aar", day) == dashboard.Period(
        dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    )


def test_the_form_takes_dates_before_the_period_and_falls_back_on_bad_input():
    form = dashboard.PeriodForm({"periode": "aar", "date_from": "01.02.2026", "date_to": ""})
    assert form.period(TODAY) == dashboard.Period(dt.date(2026, 2, 1), TODAY)
    bad = dashboard.PeriodForm({"date_from": "31.02.2026"})
    assert bad.period(TODAY) == dashboard.period_of("maaned", TODAY)
    assert "findes ikke" in str(bad.errors["date_from"])


def _placement(citizen, company, kind, starts, ends=None, status="ended"):
    return make_placement(
        citizen, company, kind=kind, starts_on=starts, ends_on=ends, status=status
    )


@pytest.fixture
def staircase_world(people):
    """Five citizens who moved up from a private internship (step 4) to private wage
    subsidy (step 2) in March; one who went from ordinary work (1) down to a private
    internship (4); one whose first placement is a private internship in March; one
    proposal in March that does not count."""
    private = make_company("Privat ApS")
    up = []
    for i in range(5):
        c = make_citizen(f"01019{i}1235", people["alice"], first_name=f"Op{i}")
        _placement(c, private, PlacementKind.INTERNSHIP, dt.date(2026, 1, 5), dt.date(2026, 2, 27))
        _placement(c, private, PlacementKind.WAGE_SUBSIDY, dt.date(2026, 3, 2), status="active")
        up.append(c)
    down = make_citizen("0202901237", people["alice"], first_name="Ned")
    _placement(down, private, PlacementKind.ORDINARY, dt.date(2025, 6, 1), dt.date(2026, 2, 1))
    _placement(down, private, PlacementKind.INTERNSHIP, dt.date(2026, 3, 10), status="active")
    first = make_citizen("0303901239", people["alice"], first_name="Ny")
    _placement(first, private, PlacementKind.INTERNSHIP, dt.date(2026, 3, 16), status="active")
    _placement(first, private, PlacementKind.ORDINARY, dt.date(2026, 3, 17), status="proposed")
    return up


def test_staircase_counts_each_step_and_folds_the_small_ones(staircase_world):
    rows = dashboard.staircase(Placement.objects.all(), MARCH)
    by_step = {r.step: r for r in rows}
    # Step 2: five citizens active in wage subsidy. Step 4: the five internships ended
    # before March do not run in it; two internships started in March (2 citizens, folded).
    assert (by_step[2].active, by_step[2].started, by_step[2].citizens) == (5, 5, 5)
    assert 4 not in by_step and 1 not in by_step
    folded = by_step[None]
    assert (folded.active, folded.started, folded.citizens) == (2, 2, 2)


def test_movement_compares_with_the_citizens_placement_before(staircase_world):
    moves = dashboard.movement(Placement.objects.all(), MARCH)
    assert moves == {"started": 7, "up": 5, "same": 0, "down": 1, "first": 1}


def test_follow_up_compliance_counts_the_days_planned(people, citizens):
    company = make_company()
    for due, done, cancelled in (
        (dt.date(2026, 3, 2), dt.date(2026, 3, 2), False),  # on time
        (dt.date(2026, 3, 3), dt.date(2026, 3, 1), False),  # early: on time
        (dt.date(2026, 3, 4), dt.date(2026, 3, 9), False),  # late
        (dt.date(2026, 3, 5), None, True),  # cancelled: not counted
        (dt.date(2026, 3, 18), None, False),  # not made, overdue
        (dt.date(2026, 3, 25), None, False),  # after today: not yet due
        (dt.date(2026, 2, 27), dt.date(2026, 2, 27), False),  # before the period
    ):
        # One open follow-up per course: each its own placement.
        placement = make_placement(citizens["fatima"], company)
        FollowUp.objects.create(
            placement=placement, due_on=due, mode="visit", done_on=done, cancelled=cancelled
        )
    numbers = dashboard.follow_up_compliance(Citizen.objects.all(), MARCH, TODAY)
    assert numbers == {"due": 4, "on_time": 2, "late": 1, "missing": 1, "overdue_now": 1}


def test_acute_issues_answered_within_24_hours(people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    now = timezone.make_aware(dt.datetime(2026, 3, 20, 12))
    hours = dt.timedelta(hours=1)
    for reported, answered in (
        (now - 48 * hours, now - 26 * hours),  # within (22 hours)
        (now - 72 * hours, now - 30 * hours),  # late (42 hours)
        (now - 30 * hours, None),  # past 24 hours, no answer
        (now - 2 * hours, None),  # still within its 24 hours
        (now - 30 * 24 * hours, now - 30 * 24 * hours),  # February: not counted
    ):
        AcuteIssue.objects.create(
            placement=placement,
            reported_at=reported,
            reported_by="Virksomheden",
            description="Problem",
            registered_by=people["amir"],
            answered_at=answered,
        )
    numbers = dashboard.acute_answers(Citizen.objects.all(), MARCH, now)
    assert numbers == {
        "reported": 4,
        "within": 1,
        "late": 1,
        "unanswered_late": 1,
        "open": 1,
        "decided": 3,
    }


def test_effort_starts_within_96_hours(people):
    settled = timezone.make_aware(dt.datetime(2026, 3, 2, 10))
    hours = dt.timedelta(hours=1)
    for i, started in enumerate((settled + 50 * hours, settled + 120 * hours, None)):
        make_citizen(
            f"04049{i}1235", people["alice"], settled_at=settled, effort_started_at=started
        )
    make_citizen("0505901235", people["alice"], settled_at=settled - 40 * 24 * hours)
    now = timezone.make_aware(dt.datetime(2026, 3, 20, 12))
    numbers = dashboard.effort_starts(Citizen.objects.all(), MARCH, now)
    # Two without a started effort past 96 hours today: March's and February's.
    assert numbers == {
        "settled": 3,
        "in_time": 1,
        "late": 1,
        "not_started": 1,
        "awaiting_now": 2,
    }


def test_progression_counts_series_with_their_latest_in_the_period(people, citizens, shipped):
    user = people["alice"]

    def scored(value):
        return {RaterKind.ADVISOR: [value] * 12}

    rising, flat, old = citizens["fatima"], citizens["yonas"], citizens["omar"]
    for day, value in ((dt.date(2026, 1, 5), 2), (dt.date(2026, 3, 9), 3)):
        make_assessment(rising, shipped, day, user, scored(value))
    for day in (dt.date(2026, 1, 5), dt.date(2026, 2, 5), dt.date(2026, 3, 9)):
        make_assessment(flat, shipped, day, user, scored(3))
    for day, value in ((dt.date(2025, 1, 5), 2), (dt.date(2025, 3, 9), 4)):
        make_assessment(old, shipped, day, user, scored(value))
    numbers = dashboard.progression(Citizen.objects.all(), MARCH)
    assert numbers == {"people": 2, "rose": 1, "stalled": 1}


# The pages -------------------------------------------------------------------------------


def test_the_manager_sees_numbers_no_names_and_links_to_aggregates(client, people, citizens):
    make_placement(citizens["fatima"], make_company())
    client.force_login(people["lene"])
    response = client.get(reverse("front:overview"), {"periode": "aar"})
    html = response.content.decode()
    assert "{# goals" not in html and "Prioriteringstrappen" in html
    for citizen in citizens.values():
        assert citizen.last_name not in html
    links = response.context["links"]
    assert links["awaiting"].startswith(reverse("front:overview_number") + "?tal=96-timer")
    assert "periode=aar" in links["awaiting"]
    assert links["acute_late"] == reverse("placements:acute_breaches")
    assert links["measures"] == reverse("assessments:measures")
    assert reverse("citizens:awaiting") not in html
    assert "trin=" not in html


def test_a_case_worker_counts_their_context_and_links_to_the_persons(client, people, citizens):
    company = make_company()
    make_placement(citizens["fatima"], company)  # alice's
    make_placement(citizens["omar"], company)  # carol's, another team
    client.force_login(people["alice"])
    response = client.get(reverse("front:overview"))
    assert response.context["total"] == 2  # fatima and bob's yonas (team Nord)
    links = response.context["links"]
    assert links["awaiting"] == reverse("citizens:awaiting")
    assert links["first_offer"] == reverse("law:first_offers")
    (row, url), *_ = response.context["steps"]
    assert row.active == 1 and url.endswith("status=active&trin=4")


def test_a_step_links_to_its_filtered_placement_list(client, people, citizens):
    make_placement(citizens["fatima"], make_company())
    make_placement(citizens["yonas"], make_company("Ordinær ApS"), kind=PlacementKind.ORDINARY)
    client.force_login(people["alice"])
    response = client.get(reverse("placements:list"), {"status": "active", "trin": "4"})
    html = response.content.decode()
    assert "Haddad" in html and "Tesfay" not in html


def test_the_aggregate_page_folds_small_groups(client, people):
    private = make_company()
    for i in range(6):
        c = make_citizen(f"0606{i}01235", people["alice"], nationality="SO" if i < 5 else "IQ")
        make_placement(c, private, starts_on=timezone.localdate())
    client.force_login(people["lene"])
    response = client.get(reverse("front:overview_number"), {"tal": "trin-4"})
    assert response.status_code == 200
    assert response.context["total"] == 6
    rows = dict(response.context["by_nationality"])
    assert rows["Somalia"] == 5 and "Irak" not in rows and rows["Øvrige"] == "under 5"


def test_an_unknown_number_goes_back_to_the_dashboard(client, people):
    client.force_login(people["lene"])
    response = client.get(reverse("front:overview_number"), {"tal": "trin-9"})
    assert response.status_code == 302 and response.url == reverse("front:overview")


def test_bad_dates_give_a_danish_message_and_keep_the_input(client, people):
    client.force_login(people["lene"])
    response = client.get(reverse("front:overview"), {"date_from": "31.02.2026"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "findes ikke" in html and 'value="31.02.2026"' in html
