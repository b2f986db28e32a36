"""A mentor assigned and ended from the case file; a case handed over to another caseload."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Purpose
from jobbro.cases import services
from jobbro.cases.models import Mentorship, Transfer
from jobbro.citizens.models import Citizen, EventKind
from jobbro.conftest import make_user

TODAY = timezone.localdate()
DAY = dt.timedelta(days=1)


def d(day):
    return day.strftime("%d.%m.%Y")


@pytest.mark.django_db
def test_a_mentor_sees_the_mentee_only_while_assigned(client, people, citizens):
    yonas, bob, mads = citizens["yonas"], people["bob"], people["mads"]
    client.force_login(mads)
    assert client.get(f"/borgere/{yonas.pk}/").status_code == 404

    client.force_login(bob)
    response = client.post(
        f"/sager/{yonas.pk}/mentor/", {"mentor": mads.pk, "starts_on": d(TODAY - 7 * DAY)}
    )
    assert response.status_code == 302
    assert Citizen.objects.get(pk=yonas.pk).mentor == mads

    client.force_login(mads)
    page = client.get(f"/borgere/{yonas.pk}/")
    assert page.status_code == 200
    assert page.templates[0].name == "citizens/mentee.html"  # a handful of fields, no more
    assert "Yonas" in [c.first_name for c in client.get("/borgere/mentees/").context["citizens"]]

    client.force_login(bob)
    response = client.post(f"/sager/{yonas.pk}/mentor/afslut/", {"ends_on": d(TODAY)})
    assert response.status_code == 302

    client.force_login(mads)
    assert client.get(f"/borgere/{yonas.pk}/").status_code == 404
    assert "Yonas" not in [
        c.first_name for c in client.get("/borgere/mentees/").context["citizens"]
    ]
    mentorship = Mentorship.objects.get(citizen=yonas)
    assert (mentorship.starts_on, mentorship.ends_on) == (TODAY - 7 * DAY, TODAY)
    kinds = set(yonas.events.values_list("kind", flat=True))
    assert {EventKind.MENTOR, EventKind.MENTOR_ENDED} <= kinds


@pytest.mark.django_db
def test_a_new_mentor_ends_the_previous_one(people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]  # mads is fatima's mentor already
    other = make_user("mette", "mentor")

    services.mentor_assign(citizen=fatima, by=alice, mentor=other, starts_on=TODAY + 3 * DAY)

    rows = list(Mentorship.objects.filter(citizen=fatima).order_by("starts_on"))
    assert [(m.mentor.username, m.ends_on) for m in rows] == [
        ("mads", TODAY + 2 * DAY),
        ("mette", None),
    ]
    with pytest.raises(ValidationError):
        services.mentor_assign(citizen=fatima, by=alice, mentor=alice, starts_on=TODAY)


@pytest.mark.django_db
def test_a_transfer_is_visible_to_both_sides_and_starts_the_new_caseload(client, people, citizens):
    fatima, alice, carol = citizens["fatima"], people["alice"], people["carol"]
    client.force_login(alice)

    response = client.post(
        f"/sager/{fatima.pk}/overdrag/",
        {
            "to_case_worker": carol.pk,
            "handover_on": d(TODAY - 2 * DAY),
            "note": "Flytter til Syd-distriktet; tolk på arabisk.",
        },
    )

    assert response.status_code == 302
    fatima.refresh_from_db()
    assert fatima.case_worker == carol
    transfer = Transfer.objects.get()
    assert (transfer.from_team.name, transfer.to_team.name) == ("Team Nord", "Team Syd")
    assert services.caseload_since(fatima) == TODAY - 2 * DAY
    event = fatima.events.get(kind=EventKind.TRANSFER)
    assert "tolk på arabisk" in event.text and "Team Syd" in event.text

    # The giver: the case has left her caseload and team, but the handover is on her list.
    given = client.get("/sager/overdragelser/")
    assert [t.citizen_id for t in given.context["page"].object_list] == [fatima.pk]
    assert client.get(f"/borgere/{fatima.pk}/").status_code == 302  # state a reason now
    assert AccessLogEntry.objects.filter(
        user=alice, citizen_id=fatima.pk, purpose=Purpose.HANDOVER
    ).exists()
    # The receiver: the same row, and the case file with the handover on its timeline.
    client.force_login(carol)
    received = client.get("/sager/overdragelser/?direction=received")
    assert [t.citizen_id for t in received.context["page"].object_list] == [fatima.pk]
    page = client.get(f"/borgere/{fatima.pk}/").content.decode()
    assert "Sag overdraget" in page and "tolk på arabisk" in page
    assert client.get("/sager/overdragelser/?direction=given").context["page"].paginator.count == 0


@pytest.mark.django_db
def test_a_transfer_needs_a_note_and_another_case_worker(client, people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    client.force_login(alice)

    response = client.post(
        f"/sager/{fatima.pk}/overdrag/",
        {"to_case_worker": people["carol"].pk, "handover_on": d(TODAY), "note": ""},
    )
    assert response.status_code == 200
    assert "Skriv en note til modtageren." in response.content.decode()
    with pytest.raises(ValidationError):
        services.case_transfer(
            citizen=fatima, by=alice, to_case_worker=people["mads"], handover_on=TODAY, note="x"
        )
    assert not Transfer.objects.exists()


@pytest.mark.django_db
def test_a_transfer_counts_the_case_files_version_up(people, citizens):
    """A case-file form read before the handover must not hand the case back on save."""
    fatima = citizens["fatima"]
    before = Citizen.objects.get(pk=fatima.pk).version
    services.case_transfer(
        citizen=fatima,
        by=people["alice"],
        to_case_worker=people["bob"],
        handover_on=TODAY,
        note="x",
    )
    assert Citizen.objects.get(pk=fatima.pk).version == before + 1


@pytest.mark.django_db
def test_the_data_subject_export_holds_status_mentors_and_handovers(client, people, citizens):
    import json

    from jobbro.citizens.status import ClosingReason

    fatima, alice = citizens["fatima"], people["alice"]
    services.case_transfer(
        citizen=fatima, by=alice, to_case_worker=people["bob"], handover_on=TODAY, note="Ny adresse"
    )
    services.case_close(
        citizen=fatima, by=alice, closed_on=TODAY, reason=ClosingReason.MOVED, municipality="630"
    )
    client.force_login(people["bob"])

    data = json.loads(client.get(f"/borgere/{fatima.pk}/eksport/").content)

    parts = {p["key"]: p for s in data["sections"] for p in s["parts"]}
    (period,) = parts["status_periods"]["rows"]
    assert period["closing_reason"] == "Flyttet til anden kommune"
    assert period["municipality"] == "Vejle Kommune"
    assert parts["transfers"]["rows"][0]["note"] == "Ny adresse"
    assert parts["mentorships"]["rows"][0]["mentor"] == str(people["mads"])
