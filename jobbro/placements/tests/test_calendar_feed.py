"""The follow-ups in the iCalendar feed, as a calendar app reads them (parsed with
`icalendar`): at the plan's time of day, at the company's address, titled with the company and
what to do there, never "Besøg: uden virksomhed", and never the citizen."""

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from jobbro.placements import services
from jobbro.placements.calendar import feed_renew
from jobbro.placements.models import ContactMode, FollowUp, PlacementKind
from jobbro.placements.tests.factories import make_company, make_placement

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def feed_events(client, user) -> dict[str, object]:
    token = feed_renew(user=user).token
    body = client.get(reverse("placements:calendar_feed", kwargs={"token": token})).content
    return {str(e["summary"]): e for e in Calendar.from_ical(body).walk("VEVENT")}


def plan(placement, by, **fields):
    defaults = {"goals": "Fast arbejde", "contact_every_days": 14}
    return services.plan_save(placement=placement, by=by, version=None, **{**defaults, **fields})


def test_a_visit_is_at_the_plans_time_and_the_companys_address(client, people, citizens):
    company = make_company("Løsning Slagteri A/S")
    placement = make_placement(citizens["fatima"], company, ambassador=people["amir"])
    plan(placement, people["amir"], contact_mode=ContactMode.VISIT, contact_time=dt.time(10, 30))
    follow_up = FollowUp.objects.get(placement=placement, done_on__isnull=True)

    event = feed_events(client, people["amir"])["Besøg hos Løsning Slagteri A/S"]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.astimezone(CPH) == dt.datetime.combine(follow_up.due_on, dt.time(10, 30), CPH)
    assert end - start == dt.timedelta(hours=1)
    assert str(event["location"]) == "Industrivej 4, 8722 Hedensted"
    assert str(event["url"]).endswith(f"/forloeb/{placement.pk}/")
    assert "Fatima" not in event.to_ical().decode() and "Haddad" not in event.to_ical().decode()


def test_a_call_names_the_company_and_has_no_place(client, people, citizens):
    placement = make_placement(
        citizens["fatima"], make_company("Byg og Bo ApS"), ambassador=people["amir"]
    )
    plan(placement, people["amir"], contact_mode=ContactMode.PHONE, contact_time=dt.time(9, 0))

    event = feed_events(client, people["amir"])["Ring til Byg og Bo ApS"]
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=15)
    assert "location" not in event


def test_without_a_time_it_is_the_whole_day_and_without_a_company_it_names_the_kind(
    client, people, citizens
):
    placement = make_placement(citizens["fatima"], None, kind=PlacementKind.EDUCATION)
    due = timezone.localdate() + dt.timedelta(days=2)
    FollowUp.objects.create(
        placement=placement, due_on=due, mode=ContactMode.VISIT, assigned_to=people["amir"]
    )

    events = feed_events(client, people["amir"])
    assert not [title for title in events if "uden virksomhed" in title]
    event = events[f"Besøg: {placement.get_kind_display()}"]
    assert event.decoded("dtstart") == due  # a date: the whole day
    assert "location" not in event


def test_the_plan_keeps_its_time_in_its_history(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), ambassador=people["amir"])
    client.force_login(people["amir"])
    url = reverse("placements:plan", kwargs={"pk": placement.pk})
    form = {
        "goals": "Fast arbejde",
        "contact_every_days": "14",
        "contact_mode": ContactMode.VISIT,
        "contact_time": "25:00",
        "accompaniment_days": "0",
    }
    page = client.post(url, form).content.decode()
    assert "Skriv klokkeslættet som tt:mm, fx 10:00." in page
    client.post(url, {**form, "contact_time": "13:15"})
    assert placement.plan.revisions.get().contact_time == dt.time(13, 15)
    assert "kl. 13:15" in client.get(f"/forloeb/{placement.pk}/").content.decode()
