"""Each role's front page is its inbox: what needs doing today, most urgent first, each
item one link from its action, and nothing the user may not see."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.front import inbox
from jobbro.placements.models import AcuteIssue, FollowUp, PlacementKind
from jobbro.placements.tests.factories import make_company, make_placement, place_with_everything

pytestmark = pytest.mark.django_db


def keys(groups):
    return [g.key for g in groups]


@pytest.fixture
def day(people, citizens):
    """Fatima (alice's) in an internship followed by amir: a follow-up 3 days overdue, an
    acute issue 30 hours old and one 2 hours old; her internship ends on Sunday. Omar
    (carol's) settled 5 days ago without an effort."""
    today = timezone.localdate()
    placement = place_with_everything(citizens["fatima"], people)
    follow_up = FollowUp.objects.get(placement=placement)
    follow_up.due_on = today - dt.timedelta(days=3)
    follow_up.assigned_to = people["amir"]
    follow_up.save()
    AcuteIssue.objects.create(
        placement=placement,
        reported_at=timezone.now() - dt.timedelta(hours=30),
        reported_by="Lise Holm",
        description="Borgeren har ikke været på arbejde i to dage.",
        registered_by=people["amir"],
    )
    placement.ends_on = today + dt.timedelta(days=6 - today.weekday())
    placement.save()
    return placement


def test_it_orders_the_ambassadors_day_most_urgent_first(people, day):
    groups = inbox.groups_for(people["amir"])
    assert keys(groups)[:3] == ["acute_late", "follow_ups_late", "acute"]
    assert "ending" in keys(groups)
    late = groups[0]
    assert late.count == 1 and late.alert
    assert late.items[0].who == "Fatima Haddad"
    issue = AcuteIssue.objects.filter(placement=day).order_by("reported_at").first()
    assert late.items[0].url == reverse("placements:acute_answer", kwargs={"pk": issue.pk})
    follow_up = groups[1].items[0]
    assert follow_up.url == reverse(
        "placements:follow_up_record", kwargs={"pk": FollowUp.objects.get(placement=day).pk}
    )
    ending = next(g for g in groups if g.key == "ending")
    assert ending.items[0].url == reverse("placements:conversation", kwargs={"pk": day.pk})


def test_it_shows_the_case_worker_only_her_own_caseload(people, citizens, day):
    alice = inbox.groups_for(people["alice"])
    # Fatima is alice's: her acute issues and her ending internship; the follow-up is amir's.
    assert "acute_late" in keys(alice) and "ending" in keys(alice)
    assert "follow_ups_late" not in keys(alice)
    # Omar is carol's, without an effort after 96 hours: on carol's page, not alice's.
    assert "awaiting" not in keys(alice)
    carol = inbox.groups_for(people["carol"])
    assert keys(carol) == ["awaiting"]
    assert carol[0].items[0].url == reverse("citizens:detail", kwargs={"pk": citizens["omar"].pk})


def test_it_shows_a_placement_past_its_planned_end(people, citizens):
    make_placement(
        citizens["fatima"],
        make_company(),
        kind=PlacementKind.WAGE_SUBSIDY,
        weeks_ago=30,
        ends_on=timezone.localdate() - dt.timedelta(days=2),
    )
    groups = inbox.groups_for(people["alice"])
    assert keys(groups) == ["past_end"]


def test_it_gives_the_consultant_no_action_he_may_not_take(people, citizens):
    placement = place_with_everything(citizens["fatima"], people, key_account=people["konrad"])
    groups = inbox.groups_for(people["konrad"])
    assert keys(groups) == ["acute"]
    # The consultant reads the placement; answering is the ambassador's and case worker's.
    assert groups[0].items[0].url == reverse("placements:detail", kwargs={"pk": placement.pk})
    assert inbox.groups_for(people["konrad"]) and not inbox.groups_for(people["lene"])


def test_it_gives_the_manager_numbers_and_no_persons(client, people, day):
    client.force_login(people["lene"])
    response = client.get(reverse("front:home"))
    body = response.content.decode()
    assert "Fatima" not in body and "Haddad" not in body
    numbers = {n.label: n.value for n in response.context["numbers"]}
    assert numbers["Praktikker, der slutter denne uge"] == 1
    assert numbers["Uden startet indsats efter 96 timer"] == 1  # omar, carol's


def test_the_page_links_each_item_to_its_action_and_logs_who_was_shown(client, people, day):
    client.force_login(people["amir"])
    response = client.get(reverse("front:home"))
    body = response.content.decode()
    assert body.index("Akutte henvendelser over 24 timer") < body.index("Forfaldne opfølgninger")
    assert reverse("placements:conversation", kwargs={"pk": day.pk}) in body
    entry = AccessLogEntry.objects.filter(user=people["amir"], action=Action.LIST).last()
    assert entry is not None and entry.citizen_id == day.citizen_id


def test_an_empty_day_says_so(client, people, citizens):
    client.force_login(people["bob"])  # yonas, not yet settled: nothing is due
    response = client.get(reverse("front:home"))
    assert "Der er ikke noget, der haster i dag" in response.content.decode()


def test_it_gives_the_teacher_todays_sessions_and_those_left_unrecorded(people, citizens):
    from jobbro.attendance.models import Attendance, AttendanceStatus, Session
    from jobbro.attendance.tests.factories import enrol, make_cohort

    cohort = make_cohort(people["tove"], name="Najah 4")
    enrol(cohort, citizens["fatima"])
    today = timezone.localdate()

    def session(on, title):
        return Session.objects.create(
            cohort=cohort, on=on, starts_at=dt.time(9), ends_at=dt.time(12), title=title
        )

    now = session(today, "Modul 2")
    unrecorded = session(today - dt.timedelta(days=2), "Modul 1")
    recorded = session(today - dt.timedelta(days=3), "Intro")
    Attendance.objects.create(
        session=recorded,
        citizen=citizens["fatima"],
        status=AttendanceStatus.PRESENT,
        recorded_by=people["tove"],
    )
    groups = inbox.groups_for(people["tove"])
    assert keys(groups) == ["sessions_unrecorded", "sessions_today"]
    assert [i.url for i in groups[0].items] == [
        reverse("attendance:session", kwargs={"pk": unrecorded.pk})
    ]
    assert groups[1].items[0].url == reverse("attendance:session", kwargs={"pk": now.pk})
    # Another teacher's cohort is not on her page.
    assert inbox.groups_for(people["lene"]) == []


def test_it_flags_the_first_offer_due_and_overdue_for_the_case_worker(people, citizens):
    """The introduction programme: the first company-based offer within 2 weeks, at the
    latest after a month. Amina, settled 20 days ago, is due; Fatima, settled 400 days ago
    with no company-based offer, is overdue."""
    from jobbro.conftest import make_citizen

    amina = make_citizen(
        "1505901234",
        people["alice"],
        first_name="Amina",
        last_name="Yusuf",
        settled_at=timezone.now() - dt.timedelta(days=20),
        effort_started_at=timezone.now() - dt.timedelta(days=19),
    )
    groups = {g.key: g for g in inbox.groups_for(people["alice"])}
    group = groups["first_offer"]
    items = {i.who: i for i in group.items}
    assert set(items) == {"Amina Yusuf", "Fatima Haddad"}
    assert group.alert  # Fatima's deadline has passed
    assert items["Amina Yusuf"].url == reverse("placements:create", kwargs={"pk": amina.pk})
    assert items["Amina Yusuf"].detail.startswith("frist ")
    assert items["Fatima Haddad"].detail.startswith("frist overskredet ")
    assert inbox.ORDER.index("awaiting") < inbox.ORDER.index("first_offer")

    make_placement(amina, make_company(), kind=PlacementKind.INTERNSHIP, weeks_ago=0)
    groups = {g.key: g for g in inbox.groups_for(people["alice"])}
    assert [i.who for i in groups["first_offer"].items] == ["Fatima Haddad"]


def test_the_manager_sees_the_first_offers_as_a_number(people, citizens):
    numbers = {n.label: n.value for n in inbox.team_numbers(people["lene"])}
    # Fatima, alice's, settled 400 days ago without a company-based offer.
    assert numbers["Uden første virksomhedsrettede tilbud efter en måned"] == 1


def test_a_course_without_a_company_is_named_by_its_kind_not_uden_virksomhed(people, citizens):
    vuc = make_placement(citizens["fatima"], None, kind=PlacementKind.EDUCATION, weeks_ago=3)
    AcuteIssue.objects.create(
        placement=vuc,
        reported_at=timezone.now() - dt.timedelta(hours=30),
        reported_by="Skolen",
        description="Borgeren er ikke mødt i tre dage.",
        registered_by=people["alice"],
    )
    late = next(g for g in inbox.groups_for(people["alice"]) if g.key == "acute_late")
    assert late.items[0].detail.startswith("Uddannelse (VUC, FVU) · ")
    assert "uden virksomhed" not in late.items[0].detail


def test_only_recent_assessments_missing_scores_are_todays_work(people, citizens, shipped):
    """A measurement a rater has not scored is a task for four weeks; a five-year-old one is
    history, not the first thing on a case worker's front page."""
    from jobbro.assessments.tests.conftest import make_assessment

    today = timezone.localdate()
    fatima, alice = citizens["fatima"], people["alice"]
    recent = make_assessment(fatima, shipped, today - dt.timedelta(days=3), alice)
    make_assessment(fatima, shipped, today - dt.timedelta(days=5 * 365), alice)
    group = next(g for g in inbox.groups_for(alice) if g.key == "assessments")
    assert group.count == 1
    assert group.items[0].url == reverse("assessments:enter", kwargs={"pk": recent.pk})


def test_a_teachers_quiet_day_says_so_and_links_all_her_sessions(client, people):
    client.force_login(people["tove"])
    html = client.get(reverse("front:home")).content.decode()
    assert "Du har ingen mødegange i dag, og fremmødet er registreret for de seneste." in html
    assert reverse("attendance:sessions") in html
