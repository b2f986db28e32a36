"""Mentors (seed 002, Lederne): the corps with chief mentors, a match either side may decline
with a reason, meetings logged, and the case's mentor assignment made through cases."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.cases.models import Mentorship
from jobbro.mentoring import services
from jobbro.mentoring.models import Answer, MatchStatus, Mentor, MentorKind, MentorMatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def corps(people):
    chief = Mentor.objects.create(
        name="Testchef Syd", kind=MentorKind.VOLUNTEER, is_chief=True, created_by=people["alice"]
    )
    volunteer = Mentor.objects.create(
        name="Testmentor Vest",
        kind=MentorKind.VOLUNTEER,
        organisation="Lederne Sydøstjylland",
        chief=chief,
        user=people["mads"],
        created_by=people["alice"],
    )
    colleague = Mentor.objects.create(
        name="Testkollega Øst", kind=MentorKind.COLLEAGUE, created_by=people["alice"]
    )
    return {"chief": chief, "volunteer": volunteer, "colleague": colleague}


def _propose(client, citizen, mentor):
    return client.post(reverse("mentors:citizen", args=[citizen.pk]), {"mentor": mentor.pk})


def _answer(client, match, side, answer, reason=""):
    url = reverse("mentors:answer", args=[match.pk])
    return client.post(url, {"side": side, "answer": answer, "reason": reason})


def test_either_side_may_decline_with_a_reason_that_is_stored_encrypted(
    client, people, citizens, corps
):
    fatima = citizens["fatima"]
    client.force_login(people["alice"])
    _propose(client, fatima, corps["colleague"])
    match = MentorMatch.objects.get()
    assert match.status == MatchStatus.PROPOSED
    response = _answer(client, match, "citizen", Answer.NO)  # no reason: refused, kept
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED and response.status_code == 302
    _answer(client, match, "citizen", Answer.NO, "Ønsker en kvindelig mentor.")
    match.refresh_from_db()
    assert match.status == MatchStatus.DECLINED
    assert match.citizen_reason == "Ønsker en kvindelig mentor."
    with connection.cursor() as cursor:
        cursor.execute("SELECT citizen_reason FROM mentoring_mentormatch WHERE id = %s", [match.pk])
        (stored,) = cursor.fetchone()
    assert "kvindelig" not in stored  # free text about the citizen is encrypted
    assert AccessLogEntry.objects.filter(
        citizen_id=fatima.pk, user=people["alice"], action=Action.CHANGE
    ).exists()
    # A declined match makes room for a new proposal; the mentor may decline too.
    _propose(client, fatima, corps["volunteer"])
    second = MentorMatch.objects.get(status=MatchStatus.PROPOSED)
    _answer(client, second, "mentor", Answer.NO, "Har ikke tid de næste måneder.")
    second.refresh_from_db()
    assert second.status == MatchStatus.DECLINED and second.mentor_reason.startswith("Har ikke")


def test_both_yes_makes_a_mentor_with_a_login_the_cases_mentor(client, people, citizens, corps):
    omar = citizens["omar"]  # carol's caseload
    client.force_login(people["carol"])
    _propose(client, omar, corps["volunteer"])
    match = MentorMatch.objects.get()
    _answer(client, match, "mentor", Answer.YES)
    _answer(client, match, "citizen", Answer.YES)
    match.refresh_from_db()
    omar.refresh_from_db()
    assert match.status == MatchStatus.AGREED and match.started_on == timezone.localdate()
    assert omar.mentor == people["mads"]
    assert match.mentorship == Mentorship.objects.get(citizen=omar, ends_on__isnull=True)
    # The mentor logs a meeting on their own match; the note is theirs to write.
    client.force_login(people["mads"])
    page = client.get(reverse("mentors:match", args=[match.pk])).content.decode()
    assert "Registrér et møde" in page and "Mentorens svar" not in page
    client.post(
        reverse("mentors:meeting", args=[match.pk]),
        {"met_on": timezone.localdate().strftime("%d.%m.%Y"), "minutes": "60", "note": "Kaffe"},
    )
    assert match.meetings.get().minutes == 60
    # The mentor cannot answer or end; the case worker ends, and the mentee leaves the mentor.
    assert client.post(reverse("mentors:end", args=[match.pk])).status_code == 403
    client.force_login(people["carol"])
    client.post(reverse("mentors:end", args=[match.pk]))
    match.refresh_from_db()
    omar.refresh_from_db()
    assert match.status == MatchStatus.ENDED and omar.mentor is None
    client.force_login(people["mads"])
    assert client.get(reverse("mentors:match", args=[match.pk])).status_code == 404


def test_a_meeting_is_refused_before_the_match_is_agreed_or_in_the_future(people, citizens, corps):
    match = services.match_propose(
        citizen=citizens["fatima"], mentor=corps["colleague"], by=people["alice"]
    )
    with pytest.raises(ValidationError):
        services.meeting_add(
            match=match, by=people["alice"], met_on=timezone.localdate(), minutes=30
        )
    for side in ("mentor", "citizen"):
        match = services.match_answer(
            match=match, side=side, answer=Answer.YES, reason="", by=people["alice"]
        )
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.meeting_add(match=match, by=people["alice"], met_on=tomorrow, minutes=30)
    assert match.mentorship is None  # a mentor without a login is no case mentor in Jobbro


def test_one_open_match_per_citizen_and_none_for_a_closed_case(people, citizens, corps):
    fatima = citizens["fatima"]
    services.match_propose(citizen=fatima, mentor=corps["colleague"], by=people["alice"])
    with pytest.raises(ValidationError, match="allerede"):
        services.match_propose(citizen=fatima, mentor=corps["chief"], by=people["alice"])


def test_a_chief_mentor_has_no_chief_and_a_login_must_be_a_mentor(people, corps):
    corps["chief"].chief = corps["chief"]
    assert services.mentor_save(mentor=corps["chief"], by=people["alice"]).chief is None
    corps["colleague"].user = people["bob"]  # a case worker
    with pytest.raises(ValidationError):
        services.mentor_save(mentor=corps["colleague"], by=people["alice"])


def test_the_list_searches_filters_by_chief_and_sorts(client, people, corps):
    client.force_login(people["amir"])
    url = reverse("mentors:list")
    page = client.get(url, {"q": "Lederne"}).content.decode()
    assert "Testmentor Vest" in page and "Testkollega Øst" not in page
    page = client.get(url, {"chief": corps["chief"].pk}).content.decode()
    assert "Testmentor Vest" in page and "Testchef Syd" in page and "Testkollega" not in page
    names = [m.name for m in client.get(url, {"sort": "-name"}).context["page"].object_list]
    assert names == sorted(names, reverse=True)
    assert client.get(url, {"sort": "ugyldig", "side": "x"}).status_code == 200


def test_the_case_file_shows_the_mentor_matches(client, people, citizens, corps):
    fatima = citizens["fatima"]
    services.match_propose(citizen=fatima, mentor=corps["colleague"], by=people["alice"])
    client.force_login(people["alice"])
    page = client.get(reverse("citizens:detail", args=[fatima.pk])).content.decode()
    assert "Mentor (frivillig eller kollega)" in page and "Testkollega Øst" in page
