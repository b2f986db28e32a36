"""Each person's week against the 37-hour work obligation (issue 10 item 5, issue 9 item 3)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jobbro.attendance import services
from jobbro.attendance.models import WorkObligation, WorkObligationNorm
from jobbro.attendance.week import Kind, week_for
from jobbro.audit.models import AccessLogEntry, Purpose
from jobbro.placements.models import PlacementKind
from jobbro.placements.tests.factories import make_company, make_placement

pytestmark = pytest.mark.django_db

# The week of Ascension Day 2026 (Thursday 14 May): four working days.
ASCENSION_MONDAY = dt.date(2026, 5, 11)


def _obligation(citizen, by, reduction=Decimal(7), job_search=Decimal(2), **extra):
    fields = {
        "citizen": citizen,
        "applies": True,
        "reduction_hours": reduction,
        "reason": "Kroniske smerter, jf. lægeerklæring" if reduction else "",
        "job_search_hours": job_search,
        "valid_from": dt.date(2026, 1, 1),
        "read_current": None,
        "by": by,
    }
    fields.update(extra)
    return services.obligation_set(**fields)


def _language(citizen, by, weekday, start=(8, 30), end=(12, 0)):
    return services.language_day_add(
        citizen=citizen,
        weekday=weekday,
        starts_at=dt.time(*start),
        ends_at=dt.time(*end),
        school="Sprogcenter Midt",
        valid_from=dt.date(2026, 1, 1),
        valid_to=None,
        by=by,
    )


@pytest.fixture
def fatimas_week(people, citizens):
    """Fatima: 37 hours less 7 for her health, 2 hours' job search, language school on
    Tuesdays and Thursdays (Thursday is Ascension Day), a 20-hour internship with 5 paid."""
    fatima, alice = citizens["fatima"], people["alice"]
    _obligation(fatima, alice)
    _language(fatima, alice, weekday=1)
    _language(fatima, alice, weekday=3)
    make_placement(
        fatima,
        make_company(),
        kind=PlacementKind.INTERNSHIP,
        starts_on=dt.date(2026, 4, 1),
        hours_per_week=20,
        paid_hours_per_week=5,
    )
    return fatima


def test_the_law_ships_as_dated_reference_data():
    norm = WorkObligationNorm.on(dt.date(2026, 12, 1))
    assert norm is not None and norm.hours_per_week == 37 and "105" in norm.legal_basis
    assert WorkObligationNorm.on(dt.date(2024, 12, 1)) is None


def test_a_reform_is_a_data_change():
    WorkObligationNorm.objects.filter(valid_to__isnull=True).update(valid_to=dt.date(2026, 12, 31))
    WorkObligationNorm.objects.create(
        hours_per_week=30, valid_from=dt.date(2027, 1, 1), legal_basis="Ny LAB (2027)"
    )
    assert WorkObligationNorm.on(dt.date(2026, 12, 28)).hours_per_week == 37
    assert WorkObligationNorm.on(dt.date(2027, 1, 4)).hours_per_week == 30


def test_the_week_counts_language_school_and_placement_hours_against_37_less_the_reduction(
    fatimas_week,
):
    week = week_for(fatimas_week.pk, ASCENSION_MONDAY)
    assert [d.holiday for d in week.days][3] == "Kristi himmelfartsdag"
    assert week.workdays == 4
    # (37 - 7) hours, four fifths of them in a week with a holiday.
    assert week.target == Decimal("24.0")
    planned = {t.kind: t.planned for t in week.by_kind}
    assert planned == {
        Kind.PAID: Decimal("4.0"),  # 5 paid hours a week, 1 a working day
        Kind.INTERNSHIP: Decimal("12.0"),  # the other 15, 3 a working day
        Kind.DANISH: Decimal("3.5"),  # Tuesday only: Thursday is the holiday
        Kind.JOB_SEARCH: Decimal("1.6"),
    }
    assert not week.days[3].items, "nothing is planned on a public holiday"
    assert week.planned == Decimal("21.1")
    assert week.gap == Decimal("2.9") and week.below


def test_an_ordinary_week_has_the_whole_target_and_meets_it_with_one_more_hour(
    people, fatimas_week
):
    monday = ASCENSION_MONDAY + dt.timedelta(days=7)
    week = week_for(fatimas_week.pk, monday)
    assert week.workdays == 5 and week.target == 30
    assert week.planned == Decimal("29.0")  # 20 + 2 × 3.5 + 2
    assert week.gap == Decimal("1.0") and week.below
    current = WorkObligation.objects.get(citizen=fatimas_week)
    _obligation(
        fatimas_week,
        people["alice"],
        job_search=Decimal(3),
        valid_from=monday,
        read_current=current.pk,
    )
    week = week_for(fatimas_week.pk, monday)
    assert week.planned == 30 and week.gap == 0 and not week.below


def test_without_the_obligation_there_is_no_target(people, citizens):
    _obligation(citizens["yonas"], people["bob"], applies=False, reduction=Decimal(0))
    week = week_for(citizens["yonas"].pk, ASCENSION_MONDAY)
    assert not week.applies and week.target == 0 and not week.below


def test_clashing_times_on_one_day_are_shown(people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    _language(fatima, alice, weekday=1, start=(8, 30), end=(12, 0))
    _language(fatima, alice, weekday=1, start=(11, 0), end=(13, 0))
    _language(fatima, alice, weekday=2, start=(13, 0), end=(15, 0))
    week = week_for(fatima.pk, ASCENSION_MONDAY)
    assert [(i.day.weekday(), i.starts_at.hour) for i in week.clashes] == [(1, 8), (1, 11)]


def test_the_obligation_keeps_its_history(people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    first = _obligation(fatima, alice)
    second = _obligation(
        fatima, alice, reduction=Decimal(0), valid_from=dt.date(2026, 6, 1), read_current=first.pk
    )
    first.refresh_from_db()
    assert first.valid_to == dt.date(2026, 5, 31) and second.valid_to is None
    assert week_for(fatima.pk, ASCENSION_MONDAY).reduction == 7
    assert week_for(fatima.pk, dt.date(2026, 6, 1)).reduction == 0


def test_a_change_read_before_anothers_change_is_refused(people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    first = _obligation(fatima, alice)
    _obligation(fatima, people["bob"], valid_from=dt.date(2026, 3, 1), read_current=first.pk)
    with pytest.raises(ValidationError, match="ændret af en anden"):
        _obligation(fatima, alice, valid_from=dt.date(2026, 4, 1), read_current=first.pk)
    assert WorkObligation.objects.filter(citizen=fatima).count() == 2


def test_a_reduction_needs_its_reason(people, citizens):
    with pytest.raises(ValidationError):
        _obligation(citizens["fatima"], people["alice"], reason="  ")


def test_the_case_worker_sees_the_week_and_it_is_logged(client, people, fatimas_week):
    client.force_login(people["alice"])
    url = reverse("attendance:week", kwargs={"pk": fatimas_week.pk})
    response = client.get(url, {"uge": "13.05.2026"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Kristi himmelfartsdag" in text and "24,0" in text and "2,9" in text
    entry = AccessLogEntry.objects.latest("id")
    assert entry.citizen_id == fatimas_week.pk and entry.purpose == Purpose.CASELOAD


def test_a_bad_week_parameter_shows_this_week(client, people, fatimas_week):
    client.force_login(people["alice"])
    url = reverse("attendance:week", kwargs={"pk": fatimas_week.pk})
    assert client.get(url, {"uge": "31.02.2026"}).status_code == 200


def test_the_form_records_the_obligation_and_refuses_bad_input_in_danish(client, people, citizens):
    client.force_login(people["alice"])
    url = reverse("attendance:obligation", kwargs={"pk": citizens["fatima"].pk})
    bad = {"applies": "on", "reduction_hours": "٣", "job_search_hours": "0", "valid_from": "x"}
    response = client.post(url, bad)
    assert (
        response.status_code == 200 and "Skriv et tal med cifrene 0-9" in response.content.decode()
    )
    assert not WorkObligation.objects.exists()
    good = {**bad, "reduction_hours": "7,5", "reason": "Helbred", "valid_from": "01.02.2026"}
    assert client.post(url, good).status_code == 302
    assert WorkObligation.objects.get().reduction_hours == Decimal("7.5")


def test_the_list_shows_citizens_below_their_hours_this_week_and_next(client, people, citizens):
    from django.utils import timezone

    fatima = citizens["fatima"]
    _obligation(fatima, people["alice"], valid_from=timezone.localdate() - dt.timedelta(days=30))
    client.force_login(people["alice"])
    response = client.get(reverse("attendance:below_hours"))
    lines = response.context["lines"]
    assert [c.pk for _w, c in lines] == [fatima.pk, fatima.pk]
    client.force_login(people["carol"])
    assert client.get(reverse("attendance:below_hours")).context["lines"] == []


def test_a_planned_conversation_is_in_the_week_and_clashes_with_language_school(people, citizens):
    from jobbro.journal.tests.factories import make_planned

    fatima, alice = citizens["fatima"], people["alice"]
    note = make_planned(fatima, alice, days=7)  # 10:00, 45 minutes
    day = timezone.localtime(note.starts_at).date()
    _language(fatima, alice, weekday=day.weekday())  # 08:30-12:00
    week = week_for(fatima.pk, day - dt.timedelta(days=day.weekday()))
    talk = [i for i in week.items if i.kind == Kind.CONVERSATION]
    assert [(i.day, i.starts_at.hour, i.planned, i.attended) for i in talk] == [
        (day, 10, Decimal("0.8"), None)
    ]
    if not week.days[day.weekday()].holiday:
        assert {i.kind for i in week.clashes} == {Kind.CONVERSATION, Kind.DANISH}
