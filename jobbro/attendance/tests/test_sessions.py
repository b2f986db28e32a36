"""Sessions from a weekly pattern, one tap per participant, rates and flags (issue 10 items
5 and 6)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jobbro.attendance import services
from jobbro.attendance.models import Attendance, AttendanceStatus, Session
from jobbro.attendance.sessions import cohort_rate, rates_for
from jobbro.attendance.tests.factories import enrol, make_cohort, weekly
from jobbro.attendance.week import Kind, week_for
from jobbro.audit.models import AccessLogEntry, Purpose

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(people, citizens):
    cohort = make_cohort(people["tove"])
    enrol(cohort, citizens["fatima"], citizens["yonas"])
    return cohort


def _session_on(cohort, day):
    return Session.objects.get(cohort=cohort, on=day)


def test_a_pattern_makes_a_session_each_week_and_skips_danish_holidays(people, cohort):
    # Thursdays in May 2026: the 14th is Ascension Day.
    weekly(cohort, people["tove"], weekday=3, first=dt.date(2026, 5, 1), last=dt.date(2026, 5, 31))
    days = list(Session.objects.filter(cohort=cohort).values_list("on", flat=True))
    assert days == [dt.date(2026, 5, 7), dt.date(2026, 5, 21), dt.date(2026, 5, 28)]


def test_a_pattern_keeps_a_session_already_at_that_time(people, cohort):
    weekly(cohort, people["tove"], weekday=0, first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 9))
    weekly(cohort, people["tove"], weekday=0, first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 16))
    assert Session.objects.filter(cohort=cohort).count() == 3


def test_a_pattern_refuses_an_end_before_its_start_in_danish(people, cohort):
    with pytest.raises(ValidationError, match="sidste dag"):
        weekly(cohort, people["tove"], first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 1))


def _tap(session, citizen, status, by, reason=""):
    return services.attendance_record(
        session=session, citizen_id=citizen.pk, status=status, reason=reason, by=by
    )


def test_the_latest_tap_counts_and_a_legal_absence_needs_its_reason(people, citizens, cohort):
    weekly(cohort, people["tove"], first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 2))
    session, fatima = _session_on(cohort, dt.date(2026, 3, 2)), citizens["fatima"]
    _tap(session, fatima, AttendanceStatus.ILLEGAL, people["tove"])
    _tap(session, fatima, AttendanceStatus.LEGAL, people["tove"], reason="illness")
    mark = Attendance.objects.get()
    assert (mark.status, mark.reason) == ("legal", "illness")
    with pytest.raises(ValidationError, match="grunden"):
        _tap(session, fatima, AttendanceStatus.LEGAL, people["tove"])


def test_only_participants_enrolled_that_day_and_not_before_the_day(people, citizens, cohort):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    weekly(cohort, people["tove"], weekday=tomorrow.weekday(), first=tomorrow, last=tomorrow)
    weekly(cohort, people["tove"], first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 2))
    past = _session_on(cohort, dt.date(2026, 3, 2))
    with pytest.raises(ValidationError, match="deltager ikke"):
        _tap(past, citizens["omar"], AttendanceStatus.PRESENT, people["tove"])
    if Session.objects.filter(cohort=cohort, on=tomorrow).exists():  # not a holiday
        with pytest.raises(ValidationError, match="på dagen"):
            _tap(_session_on(cohort, tomorrow), citizens["fatima"], "present", people["tove"])


def test_rates_leave_legal_absence_out_and_flag_under_the_threshold(
    people, citizens, cohort, settings
):
    settings.ATTENDANCE_FLAG_PERCENT, settings.ATTENDANCE_FLAG_MIN_SESSIONS = 80, 3
    today = timezone.localdate()
    first = today - dt.timedelta(days=21)
    weekly(cohort, people["tove"], weekday=first.weekday(), first=first, last=today)
    sessions = list(Session.objects.filter(cohort=cohort))
    fatima, yonas, tove = citizens["fatima"], citizens["yonas"], people["tove"]
    for s in sessions:
        _tap(s, fatima, AttendanceStatus.PRESENT, tove)
        _tap(s, yonas, AttendanceStatus.ILLEGAL, tove)
    _tap(sessions[0], fatima, AttendanceStatus.LEGAL, tove, reason="child")
    rates = rates_for([fatima.pk, yonas.pk])
    assert rates[fatima.pk].percent == 100 and not rates[fatima.pk].flagged
    assert rates[yonas.pk].percent == 0 and rates[yonas.pk].flagged
    assert cohort_rate(cohort.pk).present == len(sessions) - 1


def test_the_week_shows_programme_language_school_and_placement_hours_with_attendance(
    people, citizens, cohort
):
    """The issue's test: programme, language school and placement hours and the gap to 37,
    with a reduction and a holiday (Ascension Day, Thursday 14 May 2026)."""
    from jobbro.attendance.tests.test_week import ASCENSION_MONDAY, _language, _obligation
    from jobbro.placements.tests.factories import make_company, make_placement

    fatima, alice, tove = citizens["fatima"], people["alice"], people["tove"]
    _obligation(fatima, alice, reduction=Decimal(5), job_search=Decimal(0))
    _language(fatima, alice, weekday=1)  # Tuesday 08:30-12:00
    make_placement(fatima, make_company(), starts_on=dt.date(2026, 4, 1), hours_per_week=15)
    weekly(cohort, tove, weekday=0, first=dt.date(2026, 5, 11), last=dt.date(2026, 5, 14))
    weekly(cohort, tove, weekday=3, first=dt.date(2026, 5, 11), last=dt.date(2026, 5, 14))
    weekly(cohort, tove, weekday=1, start=(11, 0), end=(13, 0), first=ASCENSION_MONDAY)
    monday_session = _session_on(cohort, dt.date(2026, 5, 11))
    _tap(monday_session, fatima, AttendanceStatus.PRESENT, tove)
    week = week_for(fatima.pk, ASCENSION_MONDAY)
    totals = {t.kind: (t.planned, t.attended) for t in week.by_kind}
    assert totals == {
        Kind.INTERNSHIP: (Decimal("12.0"), None),  # 15 hours, four working days of it
        Kind.DANISH: (Decimal("3.5"), None),
        Kind.PROGRAMME: (Decimal("5.0"), Decimal("3.0")),  # Monday attended, Tuesday not yet
    }
    assert week.target == Decimal("25.6")  # (37 - 5) × 4/5
    assert week.planned == Decimal("20.5") and week.gap == Decimal("5.1")
    clashes = {(i.kind, i.starts_at.hour) for i in week.clashes}
    assert clashes == {(Kind.DANISH, 8), (Kind.PROGRAMME, 11)}


def test_the_teacher_taps_without_javascript_and_the_page_logs_the_purpose_programme(
    client, people, citizens, cohort
):
    weekly(cohort, people["tove"], first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 2))
    session = _session_on(cohort, dt.date(2026, 3, 2))
    client.force_login(people["tove"])
    page = client.get(reverse("attendance:session", kwargs={"pk": session.pk}))
    assert "Fatima Haddad" in page.content.decode()
    assert "0101901236" not in page.content.decode()  # no CPR for the teacher
    logged = set(AccessLogEntry.objects.values_list("citizen_id", "purpose"))
    assert logged == {
        (citizens["fatima"].pk, Purpose.PROGRAMME),
        (citizens["yonas"].pk, Purpose.PROGRAMME),
    }
    url = reverse("attendance:tap", kwargs={"pk": session.pk})
    response = client.post(url, {"citizen": citizens["fatima"].pk, "status": "present"})
    assert response.status_code == 302 and response["Location"].endswith(
        f"#deltager-{citizens['fatima'].pk}"
    )
    assert Attendance.objects.get().status == "present"


def test_the_htmx_tap_returns_the_row_and_the_cohorts_rate(client, people, citizens, cohort):
    weekly(cohort, people["tove"], first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 2))
    session = _session_on(cohort, dt.date(2026, 3, 2))
    client.force_login(people["tove"])
    url = reverse("attendance:tap", kwargs={"pk": session.pk})
    response = client.post(
        url, {"citizen": citizens["yonas"].pk, "status": "illegal"}, HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert f'id="deltager-{citizens["yonas"].pk}"' in text and "Ulovligt fravær" in text
    assert 'id="holdets-fremmoede"' in text and 'hx-swap-oob="true"' in text
    refused = client.post(
        url, {"citizen": citizens["omar"].pk, "status": "present"}, HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 422 and "deltager ikke" in refused.content.decode()


def test_another_teachers_session_is_not_found(client, people, citizens, cohort):
    from jobbro.conftest import make_user

    weekly(cohort, people["tove"], first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 2))
    session = _session_on(cohort, dt.date(2026, 3, 2))
    client.force_login(make_user("tina", "teacher"))
    assert client.get(reverse("attendance:session", kwargs={"pk": session.pk})).status_code == 404
    response = client.post(
        reverse("attendance:tap", kwargs={"pk": session.pk}),
        {"citizen": citizens["fatima"].pk, "status": "present"},
    )
    assert response.status_code == 404 and not Attendance.objects.exists()


def test_the_case_worker_sees_low_attendance_of_their_own_citizens(
    client, people, citizens, cohort
):
    today = timezone.localdate()
    first = today - dt.timedelta(days=21)
    weekly(cohort, people["tove"], weekday=first.weekday(), first=first, last=today)
    for s in Session.objects.filter(cohort=cohort):
        _tap(s, citizens["fatima"], AttendanceStatus.ILLEGAL, people["tove"])
        _tap(s, citizens["yonas"], AttendanceStatus.ILLEGAL, people["tove"])
    client.force_login(people["alice"])
    lines = client.get(reverse("attendance:low_attendance")).context["lines"]
    # Alice's team (Nord) has fatima (hers) and yonas (bob's).
    assert {c.pk for c, _r in lines} == {citizens["fatima"].pk, citizens["yonas"].pk}
    client.force_login(people["carol"])
    assert client.get(reverse("attendance:low_attendance")).context["lines"] == []


def test_the_cohorts_calendar_has_its_sessions_and_no_participant(client, people, cohort):
    weekly(cohort, people["tove"], weekday=3, first=dt.date(2026, 5, 1), last=dt.date(2026, 5, 31))
    client.force_login(people["tove"])
    body = client.get(reverse("attendance:cohort_ics", kwargs={"pk": cohort.pk})).content.decode()
    assert body.count("BEGIN:VEVENT") == 3 and "Fatima" not in body
    assert "DTSTART;TZID=Europe/Copenhagen:20260507T090000" in body


def test_the_participants_calendar_is_an_export_of_the_case_worker(
    client, people, citizens, cohort
):
    from jobbro.audit.models import Action

    today = timezone.localdate()
    weekly(
        cohort,
        people["tove"],
        weekday=today.weekday(),
        first=today,
        last=today + dt.timedelta(days=14),
    )
    client.force_login(people["alice"])
    response = client.get(reverse("attendance:citizen_ics", kwargs={"pk": citizens["fatima"].pk}))
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "Fatima" not in body and "Haddad" not in body
    assert AccessLogEntry.objects.get().action == Action.EXPORT
