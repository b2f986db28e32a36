"""Trauma screening (seed 002): opened only by the own case worker and colleagues they name,
every view logged, nothing of it on the case file for others, in the data-subject export."""

import datetime as dt

import pytest
from django.urls import reverse

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens import access as citizen_access
from jobbro.citizens import subject_export
from jobbro.citizens.models import TimelineEvent
from jobbro.screening import services
from jobbro.screening.models import NamedAccess, Referral, Screening

NOTE = "Søvnbesvær og mareridt siden ankomsten."


@pytest.fixture
def screened(people, citizens):
    screening = services.screening_record(
        citizen=citizens["fatima"],
        by=people["alice"],
        screened_on=dt.date(2026, 3, 2),
        tool="identification",
        indication="high",
        family_with_children=True,
        note=NOTE,
    )
    services.referral_record(
        screening=screening,
        by=people["alice"],
        decided_on=dt.date(2026, 3, 9),
        offer="net",
        referred_to="Kommunens behandlingstilbud",
        status="referred",
    )
    return screening


def _page(client, user, citizen):
    client.force_login(user)
    return client.get(reverse("screening:citizen", args=[citizen.pk]))


def test_the_own_case_worker_sees_it_and_the_view_is_logged(client, people, citizens, screened):
    page = _page(client, people["alice"], citizens["fatima"]).content.decode()
    assert NOTE in page and "Høj risiko" in page and "Narrativ eksponeringsterapi" in page
    entry = AccessLogEntry.objects.filter(user=people["alice"]).latest("pk")
    assert (entry.action, entry.purpose, entry.fields) == (
        Action.VIEW,
        Purpose.CASELOAD,
        "trauma_screening",
    )


@pytest.mark.parametrize("who", ["bob", "amir", "konrad", "tove", "lene", "mads", "ada"])
def test_nobody_else_sees_it_not_the_team_nor_the_ambassador(
    client, people, citizens, screened, who
):
    assert _page(client, people[who], citizens["fatima"]).status_code in (403, 404)
    assert not AccessLogEntry.objects.filter(user=people[who]).exists()


def test_a_stated_reason_does_not_open_it(client, people, citizens, screened):
    carol = people["carol"]  # another team's case worker
    citizen_access.grant_access(carol, citizens["fatima"], "Borgeren ringede til mig.")
    assert _page(client, carol, citizens["fatima"]).status_code == 404


def test_a_named_colleague_sees_it_until_the_access_ends(client, people, citizens, screened):
    fatima, bob = citizens["fatima"], people["bob"]
    client.force_login(people["alice"])
    response = client.post(
        reverse("screening:access_name", args=[fatima.pk]),
        {"user": bob.pk, "reason": "Deltager i det tværfaglige team"},
    )
    assert response.status_code == 302
    page = _page(client, bob, fatima)
    assert page.status_code == 200 and NOTE in page.content.decode()
    assert AccessLogEntry.objects.filter(user=bob).latest("pk").purpose == Purpose.NAMED
    # A named colleague cannot name others.
    assert client.get(reverse("screening:access_name", args=[fatima.pk])).status_code == 404
    named = NamedAccess.objects.get(user=bob)
    client.force_login(people["alice"])
    client.post(reverse("screening:access_end", args=[named.pk]))
    assert _page(client, bob, fatima).status_code == 404
    assert NamedAccess.objects.get(pk=named.pk).ended_at is not None  # ended, not deleted


def test_only_case_workers_and_ambassadors_can_be_named(client, people, citizens):
    client.force_login(people["alice"])
    url = reverse("screening:access_name", args=[citizens["fatima"].pk])
    response = client.post(url, {"user": people["konrad"].pk, "reason": "Kender borgeren"})
    assert response.status_code == 200
    assert "Vælg en sagsbehandler eller ambassadør på listen." in response.content.decode()
    assert 'value="Kender borgeren"' in response.content.decode()  # the input is kept
    assert not NamedAccess.objects.exists()


def test_a_future_date_is_refused_in_danish_with_the_input_kept(client, people, citizens):
    client.force_login(people["alice"])
    url = reverse("screening:create", args=[citizens["fatima"].pk])
    response = client.post(
        url,
        {
            "screened_on": "01.01.2099",
            "tool": "identification",
            "indication": "low",
            "note": "Noten bliver stående",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Datoen må ikke ligge i fremtiden." in page or "mellem" in page
    assert "Noten bliver stående" in page
    assert not Screening.objects.exists()


def test_recording_a_screening_and_a_referral_logs_both(client, people, citizens):
    fatima = citizens["fatima"]
    client.force_login(people["alice"])
    client.post(
        reverse("screening:create", args=[fatima.pk]),
        {"screened_on": "02.03.2026", "tool": "identification", "indication": "moderate"},
    )
    screening = Screening.objects.get(citizen=fatima)
    client.post(
        reverse("screening:referral", args=[screening.pk]),
        {"decided_on": "01.03.2026", "offer": "psychoeducation", "status": "referred"},
    )
    assert not Referral.objects.exists()  # before the screening: refused
    client.post(
        reverse("screening:referral", args=[screening.pk]),
        {"decided_on": "09.03.2026", "offer": "psychoeducation", "status": "ongoing"},
    )
    assert Referral.objects.get().get_status_display() == "I forløb"
    actions = AccessLogEntry.objects.filter(user=people["alice"], citizen_id=fatima.pk)
    assert actions.filter(action=Action.CREATE, fields="trauma_screening").count() == 2


def test_the_note_is_encrypted_and_nothing_reaches_the_timeline(people, citizens, screened):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM screening_screening WHERE id = %s", [screened.pk])
        stored = cursor.fetchone()[0]
    assert NOTE not in stored
    assert not TimelineEvent.objects.filter(text__icontains="screening").exists()


def test_the_case_file_links_to_it_only_for_those_who_may_open_it(
    client, people, citizens, screened
):
    url = reverse("citizens:detail", args=[citizens["fatima"].pk])
    client.force_login(people["alice"])
    assert "Traumescreening" in client.get(url).content.decode()
    client.force_login(people["amir"])  # the ambassador opens the case file, not this
    page = client.get(url)
    assert page.status_code == 200 and "Traumescreening" not in page.content.decode()


def test_the_data_subject_export_holds_it(people, citizens, screened):
    data = subject_export.as_json(subject_export.build(citizens["fatima"], by=people["alice"]))
    text = str(data)
    assert NOTE in text and "Høj risiko" in text and "Narrativ eksponeringsterapi" in text
