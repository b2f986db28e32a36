"""Pausing, closing and reopening a case through the services and the pages."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.cases import services
from jobbro.cases.models import Mentorship
from jobbro.citizens import municipalities
from jobbro.citizens.models import Citizen, EventKind
from jobbro.citizens.status import CaseStatus, ClosingReason, PauseReason, StatusPeriod
from jobbro.placements.models import Placement, PlacementStatus
from jobbro.placements.tests.factories import make_company, make_placement

TODAY = timezone.localdate()
DAY = dt.timedelta(days=1)


def test_the_98_municipalities_ship_with_their_codes():
    listed = municipalities.municipalities()
    assert len(listed) == 98
    assert listed["766"] == "Hedensted Kommune"
    assert listed["101"] == "Københavns Kommune"
    assert municipalities.name("999") == "999"  # an unknown code shows as itself


def _extra(reason):
    if reason == ClosingReason.MOVED:
        return {"municipality": "630"}
    if reason == ClosingReason.OTHER:
        return {"note": "Udvist efter dom"}
    return {}


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ClosingReason.values)
def test_every_closing_reason_is_recorded_as_itself(people, citizens, reason):
    fatima = citizens["fatima"]

    period = services.case_close(
        citizen=fatima, by=people["alice"], closed_on=TODAY, reason=reason, **_extra(reason)
    )

    stored = StatusPeriod.objects.get(pk=period.pk)
    assert (stored.status, stored.closing_reason, stored.starts_on) == (
        CaseStatus.CLOSED,
        reason,
        TODAY,
    )
    assert Citizen.objects.closed_cases().get() == fatima
    event = fatima.events.get(kind=EventKind.CLOSED)
    assert str(ClosingReason(reason).label) in event.text
    if reason == ClosingReason.MOVED:
        assert stored.municipality == "630" and "Vejle Kommune" in event.text


@pytest.mark.django_db
def test_seed_004s_outcomes_each_have_their_own_reason():
    # "2 er afsluttede, da de har startet egen virksomhed", "3 er flyttet til andre kommuner",
    # "ægtefælleforsørgelse", "ikke ønskede at deltage", "ordinær uddannelse", "ordinært
    # arbejde", "fleksjob", "repatrieret": eight outcomes, eight reasons, none of them "other".
    labels = {str(r.label) for r in ClosingReason}
    for outcome in (
        "Startet egen virksomhed",
        "Flyttet til anden kommune",
        "Ægtefælleforsørget",
        "Ønsker ikke at deltage i indsatsen",
        "Ordinær uddannelse",
        "Ordinært arbejde",
        "Fleksjob",
        "Repatrieret",
    ):
        assert outcome in labels


@pytest.mark.django_db
def test_closing_is_refused_while_a_placement_is_not_over(people, citizens):
    yonas = citizens["yonas"]
    placement = make_placement(yonas, make_company())

    with pytest.raises(ValidationError) as refused:
        services.case_close(
            citizen=yonas, by=people["bob"], closed_on=TODAY, reason=ClosingReason.ORDINARY_JOB
        )
    assert "Virksomhedspraktik hos Hedensted Rengøring ApS (i gang)" in str(refused.value)
    assert not StatusPeriod.objects.exists()

    placement.status = PlacementStatus.ENDED
    placement.ends_on = TODAY
    placement.save()
    services.case_close(
        citizen=yonas, by=people["bob"], closed_on=TODAY, reason=ClosingReason.ORDINARY_JOB
    )
    assert Citizen.objects.get(pk=yonas.pk).is_closed


@pytest.mark.django_db
def test_closing_refuses_a_future_date_and_a_second_closing(people, citizens):
    yonas, bob = citizens["yonas"], people["bob"]
    with pytest.raises(ValidationError):
        services.case_close(
            citizen=yonas, by=bob, closed_on=TODAY + DAY, reason=ClosingReason.DECEASED
        )
    services.case_close(citizen=yonas, by=bob, closed_on=TODAY, reason=ClosingReason.DECEASED)
    with pytest.raises(ValidationError):
        services.case_close(citizen=yonas, by=bob, closed_on=TODAY, reason=ClosingReason.OTHER)


@pytest.mark.django_db
def test_closing_ends_the_mentor_and_reopening_needs_a_reason(people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    Citizen.objects.filter(pk=fatima.pk).update(mentor=None)
    fatima.refresh_from_db()
    services.mentor_assign(
        citizen=fatima, by=alice, mentor=people["mads"], starts_on=TODAY - 30 * DAY
    )
    services.case_close(
        citizen=fatima, by=alice, closed_on=TODAY - DAY, reason=ClosingReason.SPOUSE_SUPPORTED
    )
    fatima.refresh_from_db()
    assert fatima.mentor is None
    assert Mentorship.objects.get().ends_on == TODAY - DAY

    with pytest.raises(ValidationError):
        services.case_reopen(citizen=fatima, by=alice, on=TODAY, note="  ")
    with pytest.raises(ValidationError):
        services.case_reopen(citizen=fatima, by=alice, on=TODAY - 5 * DAY, note="For tidligt")
    services.case_reopen(citizen=fatima, by=alice, on=TODAY, note="Ægtefællen mistede jobbet")

    assert Citizen.objects.get(pk=fatima.pk).current_status == CaseStatus.ACTIVE
    assert Citizen.objects.status_as_of(TODAY - DAY).get(pk=fatima.pk).status_on == "closed"
    reopened = fatima.events.get(kind=EventKind.REOPENED)
    assert "Ægtefællen mistede jobbet" in reopened.text and reopened.actor == alice


@pytest.mark.django_db
def test_pausing_and_resuming(people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    services.case_pause(
        citizen=fatima,
        by=alice,
        starts_on=TODAY - 10 * DAY,
        ends_on=TODAY + 100 * DAY,
        reason=PauseReason.MATERNITY,
    )
    assert Citizen.objects.get(pk=fatima.pk).current_status == CaseStatus.PAUSED
    with pytest.raises(ValidationError):
        services.case_pause(
            citizen=fatima, by=alice, starts_on=TODAY, ends_on=TODAY - DAY, reason="illness"
        )

    services.case_resume(citizen=fatima, by=alice, on=TODAY)

    assert Citizen.objects.get(pk=fatima.pk).current_status == CaseStatus.ACTIVE
    assert Citizen.objects.status_as_of(TODAY - DAY).get(pk=fatima.pk).status_on == "paused"
    with pytest.raises(ValidationError):
        services.case_resume(citizen=fatima, by=alice, on=TODAY)


@pytest.mark.django_db
def test_a_closed_case_cannot_be_paused(people, citizens):
    yonas = citizens["yonas"]
    services.case_close(
        citizen=yonas, by=people["bob"], closed_on=TODAY, reason=ClosingReason.REPATRIATED
    )
    with pytest.raises(ValidationError):
        services.case_pause(
            citizen=yonas, by=people["bob"], starts_on=TODAY, ends_on=None, reason="abroad"
        )


@pytest.mark.django_db
class TestPages:
    def test_closing_on_the_page_logs_and_shows_the_reason(self, client, people, citizens):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])

        response = client.post(
            f"/sager/{fatima.pk}/luk/",
            {"reason": "moved", "closed_on": TODAY.strftime("%d.%m.%Y"), "municipality": "766"},
        )

        assert response.status_code == 302
        assert AccessLogEntry.objects.filter(
            citizen_id=fatima.pk, action=Action.CHANGE, fields="status"
        ).exists()
        page = client.get(f"/borgere/{fatima.pk}/").content.decode()
        assert "Flyttet til anden kommune: Hedensted Kommune" in page
        assert "Genåbn sagen" in page

    def test_a_bad_closing_is_refused_in_danish_with_the_input_kept(self, client, people, citizens):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])

        response = client.post(
            f"/sager/{fatima.pk}/luk/", {"reason": "moved", "closed_on": "31.02.2026"}
        )

        assert response.status_code == 200
        text = response.content.decode()
        assert "Vælg den kommune, borgeren er flyttet til." in text
        assert "Datoen 31.02.2026 findes ikke." in text  # a date that does not exist
        assert 'value="31.02.2026"' in text
        assert not StatusPeriod.objects.exists()

    def test_closing_with_an_active_placement_shows_it_and_refuses(self, client, people, citizens):
        yonas = citizens["yonas"]
        make_placement(yonas, make_company())
        client.force_login(people["bob"])

        page = client.get(f"/sager/{yonas.pk}/luk/").content.decode()
        assert "Forløb, der ikke er afsluttet" in page
        response = client.post(
            f"/sager/{yonas.pk}/luk/",
            {"reason": "ordinary_job", "closed_on": TODAY.strftime("%d.%m.%Y")},
        )
        assert response.status_code == 200
        assert "Sagen har forløb, der ikke er afsluttet" in response.content.decode()
        assert not StatusPeriod.objects.exists()


@pytest.mark.django_db
def test_a_placement_past_its_planned_end_is_flagged_not_counted(client, people, citizens):
    from jobbro.placements import staircase

    yonas = citizens["yonas"]
    # Seen in a real system: an internship started nine years ago, never ended.
    placement = make_placement(
        yonas, make_company(), weeks_ago=478, ends_on=TODAY - 470 * 7 * DAY, paid_hours_per_week=0
    )
    assert placement.is_past_planned_end

    reasons = staircase.move_up_reasons(placement, TODAY, free_private=False)
    assert reasons == [str(staircase.PAST_PLANNED_END)]
    assert not any("uger i praktik" in r for r in reasons)
    assert placement in staircase.could_move_up(Placement.objects.all(), TODAY, free_private=False)
    client.force_login(people["bob"])
    page = client.get(f"/borgere/{yonas.pk}/").content.decode()
    assert "Forløbet er over planlagt slutdato" in page

    placement.ends_on = TODAY + 7 * DAY  # the end moved on: no longer flagged
    placement.save()
    assert not placement.is_past_planned_end
