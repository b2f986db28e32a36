"""The monthly coordination meeting (jobbro/meetings/): the agenda against a small world
counted by hand, who sees which persons on it, and decisions that become follow-ups."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.conftest import make_citizen
from jobbro.journal.models import JournalNote, NoteStatus
from jobbro.journal.selectors import planned_for
from jobbro.meetings import selectors, services
from jobbro.meetings.models import AgendaKind, Decision, Meeting
from jobbro.placements.models import AcuteIssue, FollowUp
from jobbro.placements.tests.factories import make_company, make_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(people, citizens):
    """Fatima (alice's, in the ambassador project): an internship ending in 10 days with a
    follow-up 3 days overdue and an acute issue unanswered for 30 hours. Amina (alice's, in
    the project): settled 5 days ago, no effort. Omar (carol's, not in the project): an
    overdue follow-up of his own."""
    today = timezone.localdate()
    company = make_company(key_account=people["konrad"])
    internship = make_placement(citizens["fatima"], company, ends_on=today + dt.timedelta(days=10))
    FollowUp.objects.create(
        placement=internship,
        due_on=today - dt.timedelta(days=3),
        mode="visit",
        assigned_to=people["amir"],
    )
    AcuteIssue.objects.create(
        placement=internship,
        reported_at=timezone.now() - dt.timedelta(hours=30),
        reported_by="Virksomheden",
        description="Mødte ikke op",
        registered_by=people["amir"],
    )
    amina = make_citizen(
        "1505901234",
        people["alice"],
        first_name="Amina",
        last_name="Yusuf",
        in_project=True,
        settled_at=timezone.now() - dt.timedelta(days=5),
    )
    omars = make_placement(citizens["omar"], make_company("Anden ApS"))
    FollowUp.objects.create(placement=omars, due_on=today - dt.timedelta(days=1), mode="call")
    return {"internship": internship, "amina": amina}


def _sections(user, day):
    return {
        kind: (total, [r.citizen_id for r in rows])
        for kind, total, rows in selectors.agenda(user, day)
    }


def test_the_agenda_holds_the_holders_own_context(people, citizens, world):
    fatima, amina = citizens["fatima"].pk, world["amina"].pk
    sections = _sections(people["amir"], timezone.localdate())
    assert sections[AgendaKind.ACUTE] == (1, [fatima])
    assert sections[AgendaKind.FOLLOW_UP] == (1, [fatima])  # not omar's: not the project's
    assert sections[AgendaKind.ENDING] == (1, [fatima])
    assert sections[AgendaKind.AWAITING] == (1, [amina])
    assert sections[AgendaKind.STALLED] == (0, [])
    assert sections[AgendaKind.BELOW_HOURS] == (0, [])
    # Carol's agenda has omar's follow-up, and nobody of the project.
    assert _sections(people["carol"], timezone.localdate())[AgendaKind.FOLLOW_UP] == (
        1,
        [citizens["omar"].pk],
    )


def test_internships_ending_after_four_weeks_are_left_out(people, citizens, world):
    world["internship"].ends_on = timezone.localdate() + dt.timedelta(weeks=5)
    world["internship"].save()
    assert _sections(people["amir"], timezone.localdate())[AgendaKind.ENDING] == (0, [])


def _meeting(people):
    return services.meeting_create(
        held_on=timezone.localdate(), title="Koordinationsmøde", participants="", by=people["amir"]
    )


def test_the_agenda_is_frozen_until_regenerated(people, citizens, world):
    meeting = _meeting(people)
    assert meeting.agenda.count() == 4
    assert meeting.agenda_counts[AgendaKind.FOLLOW_UP] == 1
    AcuteIssue.objects.update(answered_at=timezone.now())
    assert meeting.agenda.filter(kind=AgendaKind.ACUTE).count() == 1  # as it was shown
    services.agenda_generate(meeting=meeting, by=people["amir"])
    assert meeting.agenda.filter(kind=AgendaKind.ACUTE).count() == 0


def test_a_decision_about_a_citizen_becomes_the_responsibles_planned_conversation(
    people, citizens, world
):
    meeting = _meeting(people)
    due = timezone.localdate() + dt.timedelta(days=7)
    decision = services.decision_record(
        meeting=meeting,
        text="Tal med Fatima om lønnede timer",
        by=people["amir"],
        citizen=citizens["fatima"],
        responsible=people["alice"],
        due_on=due,
    )
    note = decision.follow_up
    assert note is not None and note.status == NoteStatus.PLANNED
    assert (note.citizen, note.author, timezone.localtime(note.starts_at).date()) == (
        citizens["fatima"],
        people["alice"],
        due,
    )
    assert "lønnede timer" in note.text
    assert list(planned_for(people["alice"])) == [note]
    # The agenda is frozen now: the minutes refer to it.
    with pytest.raises(ValidationError):
        services.agenda_generate(meeting=meeting, by=people["amir"])


def test_an_action_needs_who_and_when_and_someone_who_has_the_citizen(people, citizens, world):
    meeting = _meeting(people)
    with pytest.raises(ValidationError) as e:
        services.decision_record(
            meeting=meeting, text="Følg op", by=people["amir"], citizen=citizens["fatima"]
        )
    assert set(e.value.error_dict) == {"responsible", "due_on"}
    with pytest.raises(ValidationError) as e:
        services.decision_record(
            meeting=meeting,
            text="Følg op",
            by=people["amir"],
            citizen=citizens["fatima"],
            responsible=people["carol"],  # another team: not her journal to write in
            due_on=timezone.localdate(),
        )
    assert "kan ikke skrive i borgerens journal" in str(e.value)
    assert not JournalNote.objects.exists() and not Decision.objects.exists()


def test_a_decision_about_no_citizen_is_only_minutes(people, world):
    meeting = _meeting(people)
    decision = services.decision_record(
        meeting=meeting, text="Næste møde holdes hos virksomheden", by=people["amir"]
    )
    assert decision.follow_up is None and not JournalNote.objects.exists()


# The pages -------------------------------------------------------------------------------


def test_the_holder_creates_a_meeting_and_its_page_logs_the_citizens_shown(
    client, people, citizens, world
):
    client.force_login(people["amir"])
    response = client.post(
        reverse("meetings:create"),
        {"held_on": timezone.localdate().strftime("%d.%m.%Y"), "title": "Møde", "participants": ""},
    )
    meeting = Meeting.objects.get()
    assert response.url == reverse("meetings:detail", args=[meeting.pk])
    html = client.get(response.url).content.decode()
    assert "Fatima Haddad" in html and "Amina Yusuf" in html
    logged = set(
        AccessLogEntry.objects.filter(user=people["amir"], action=Action.LIST).values_list(
            "citizen_id", flat=True
        )
    )
    assert {citizens["fatima"].pk, world["amina"].pk} <= logged


def test_others_see_only_their_own_persons_and_the_manager_none(client, people, citizens, world):
    meeting = _meeting(people)
    services.decision_record(
        meeting=meeting,
        text="Praktikken forlænges",
        by=people["amir"],
        citizen=citizens["fatima"],
        responsible=people["amir"],
        due_on=timezone.localdate(),
    )
    url = reverse("meetings:detail", args=[meeting.pk])
    client.force_login(people["lene"])
    html = client.get(url).content.decode()
    assert "Haddad" not in html and "Yusuf" not in html and "Praktikken forlænges" not in html
    assert "beslutning om en borger, som du ikke har adgang til" in html
    assert not AccessLogEntry.objects.filter(user=people["lene"]).exists()
    client.force_login(people["konrad"])  # fatima's internship is at his company
    html = client.get(url).content.decode()
    assert "Fatima Haddad" in html and "Yusuf" not in html


def test_a_bad_decision_keeps_the_input_and_says_why(client, people, citizens, world):
    meeting = _meeting(people)
    client.force_login(people["amir"])
    response = client.post(
        reverse("meetings:decision", args=[meeting.pk]),
        {
            "text": "Ring til virksomheden",
            "citizen": citizens["fatima"].pk,
            "due_on": "31.02.2027",
            "kind": "phone",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "findes ikke" in html and "Ring til virksomheden" in html
    assert not Decision.objects.exists()


def test_a_decision_through_the_page_is_logged_on_the_citizen(client, people, citizens, world):
    meeting = _meeting(people)
    client.force_login(people["amir"])
    response = client.post(
        reverse("meetings:decision", args=[meeting.pk]),
        {
            "text": "Tal om lønnede timer",
            "citizen": citizens["fatima"].pk,
            "responsible": people["alice"].pk,
            "due_on": (timezone.localdate() + dt.timedelta(days=3)).strftime("%d.%m.%Y"),
            "kind": "conversation",
        },
    )
    assert response.status_code == 302
    assert Decision.objects.get().follow_up.author == people["alice"]
    assert AccessLogEntry.objects.filter(
        user=people["amir"], action=Action.CREATE, citizen_id=citizens["fatima"].pk
    ).exists()


def test_a_citizen_not_on_the_agenda_cannot_be_chosen(client, people, citizens, world):
    meeting = _meeting(people)
    client.force_login(people["amir"])
    response = client.post(
        reverse("meetings:decision", args=[meeting.pk]),
        {"text": "Noget", "citizen": citizens["omar"].pk, "kind": "conversation"},
    )
    assert response.status_code == 200 and not Decision.objects.exists()


def test_the_list_is_searchable(client, people, world):
    _meeting(people)
    services.meeting_create(
        held_on=timezone.localdate(), title="Styregruppe", participants="", by=people["amir"]
    )
    client.force_login(people["lene"])
    response = client.get(reverse("meetings:list"), {"q": "styre"})
    assert [m.title for m in response.context["page"]] == ["Styregruppe"]


def test_the_list_sorts_by_its_columns_and_says_why_it_is_empty(client, people, world):
    """The shared list pattern (front/lists.py): sortable headers, the form's empty state."""
    client.force_login(people["lene"])
    empty = client.get(reverse("meetings:list")).content.decode()
    assert "Der er ikke holdt nogen møder endnu." in empty
    today = timezone.localdate()
    for days, title in ((30, "Ældst"), (0, "Nyest"), (10, "Midt")):
        services.meeting_create(
            held_on=today - dt.timedelta(days=days), title=title, participants="", by=people["amir"]
        )
    newest_first = client.get(reverse("meetings:list"))
    assert [m.title for m in newest_first.context["page"]] == ["Nyest", "Midt", "Ældst"]
    by_title = client.get(reverse("meetings:list"), {"sort": "title"})
    assert [m.title for m in by_title.context["page"]] == ["Midt", "Nyest", "Ældst"]
    assert 'aria-sort="ascending"' in by_title.content.decode()


def test_a_meeting_without_an_agenda_says_so_instead_of_empty_sections(client, people, world):
    meeting = Meeting.objects.create(
        held_on=timezone.localdate(), title="Referat", created_by=people["amir"]
    )
    client.force_login(people["amir"])
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Der blev ikke lavet en dagsorden i Jobbro til dette møde." in html
    assert "Ingen." not in html
