import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from jobbro.accounts.models import Role
from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens import access as citizen_access
from jobbro.companies.models import Sector
from jobbro.conftest import make_user
from jobbro.lib.workdays import is_workday
from jobbro.placements import services
from jobbro.placements.models import (
    ContactMode,
    ConversationOutcome,
    FollowUp,
    PlacementKind,
    PlacementStatus,
    Step,
)
from jobbro.placements.staircase import (
    could_move_up,
    move_up_reasons,
    placement_step,
    step_for,
    with_current_step,
)
from jobbro.placements.tests.factories import (
    make_company,
    make_opening,
    make_placement,
    place_with_everything,
)

pytestmark = pytest.mark.django_db


def test_it_puts_each_kind_on_its_step():
    assert step_for(PlacementKind.ORDINARY, Sector.PUBLIC) == Step.ORDINARY
    assert step_for(PlacementKind.WAGE_SUBSIDY, Sector.PRIVATE) == Step.WAGE_SUBSIDY_PRIVATE
    assert step_for(PlacementKind.WAGE_SUBSIDY, Sector.PUBLIC) == Step.WAGE_SUBSIDY_PUBLIC
    assert step_for(PlacementKind.INTERNSHIP, Sector.PRIVATE) == Step.INTERNSHIP_PRIVATE
    assert step_for(PlacementKind.INTERNSHIP, None) == Step.INTERNSHIP_PUBLIC
    assert step_for(PlacementKind.OTHER_EFFORT, Sector.PUBLIC) == Step.OTHER_EFFORT
    assert step_for(PlacementKind.SMALL_JOB, Sector.PRIVATE) == Step.ORDINARY
    assert step_for(PlacementKind.IGU, Sector.PRIVATE) == Step.WAGE_SUBSIDY_PRIVATE
    assert step_for(PlacementKind.EDUCATION, None) == Step.OTHER_EFFORT


def test_it_takes_the_highest_active_step_in_the_database(citizens):
    fatima = citizens["fatima"]
    public = make_company("Hedensted Kommune, Plejecenter", Sector.PUBLIC)
    private = make_company("Løsning Slagteri A/S", Sector.PRIVATE)
    make_placement(fatima, public, kind=PlacementKind.INTERNSHIP)
    make_placement(fatima, None, kind=PlacementKind.EDUCATION)
    make_placement(fatima, private, kind=PlacementKind.ORDINARY, status=PlacementStatus.ENDED)
    annotated = with_current_step(type(fatima).objects.filter(pk=fatima.pk)).get()
    assert (annotated.current_step, annotated.current_kind) == (5, PlacementKind.INTERNSHIP)
    make_placement(fatima, private, kind=PlacementKind.WAGE_SUBSIDY)
    annotated = with_current_step(type(fatima).objects.filter(pk=fatima.pk)).get()
    assert annotated.current_step == Step.WAGE_SUBSIDY_PRIVATE


def test_it_refuses_to_end_an_internship_without_the_conversation(people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    with pytest.raises(ValidationError) as e:
        services.placement_end(
            placement=placement, ends_on=timezone.localdate(), reason="completed", by=people["amir"]
        )
    assert "samtale med ambassadøren og virksomheden" in e.value.messages[0]
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE
    # A conversation where the citizen decided to stay does not end it either.
    fields = {
        "held_on": timezone.localdate(),
        "ambassador": people["amir"],
        "company_participant": "Lise Holm, produktionsleder",
        "summary": "Misforståelse om arbejdstider ryddet af vejen.",
    }
    services.conversation_record(
        placement=placement, by=people["amir"], outcome=ConversationOutcome.CONTINUES, **fields
    )
    with pytest.raises(ValidationError):
        services.placement_end(
            placement=placement, ends_on=timezone.localdate(), reason="completed", by=people["amir"]
        )
    services.conversation_record(
        placement=placement, by=people["amir"], outcome=ConversationOutcome.ENDS, **fields
    )
    services.placement_end(
        placement=placement, ends_on=timezone.localdate(), reason="completed", by=people["amir"]
    )
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ENDED


def test_it_wants_the_ambassador_in_the_conversation(people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    with pytest.raises(ValidationError) as e:
        services.conversation_record(
            placement=placement,
            by=people["alice"],
            held_on=timezone.localdate(),
            ambassador=people["alice"],
            company_participant="Lise Holm",
            outcome=ConversationOutcome.ENDS,
            summary="Stopper.",
        )
    assert "ambassador" in e.value.message_dict


def test_it_ends_other_kinds_without_a_conversation(people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), kind=PlacementKind.WAGE_SUBSIDY)
    services.placement_end(
        placement=placement, ends_on=timezone.localdate(), reason="completed", by=people["alice"]
    )
    assert placement.__class__.objects.get(pk=placement.pk).status == PlacementStatus.ENDED


def test_it_shows_the_refusal_in_danish_through_the_view(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    client.force_login(people["amir"])
    url = reverse("placements:end", kwargs={"pk": placement.pk})
    today = timezone.localdate().strftime("%d.%m.%Y")
    response = client.post(url, {"ends_on": today, "reason": "completed"})
    assert response.status_code == 200
    assert "kan ikke afsluttes uden en samtale" in response.content.decode()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE


def test_it_says_what_is_missing_after_a_conversation_to_continue(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    services.conversation_record(
        placement=placement,
        by=people["amir"],
        held_on=timezone.localdate(),
        ambassador=people["amir"],
        company_participant="Lise Holm, produktionsleder",
        outcome=ConversationOutcome.CONTINUES,
        summary="Misforståelse om arbejdstider ryddet af vejen.",
    )
    client.force_login(people["amir"])
    url = reverse("placements:end", kwargs={"pk": placement.pk})
    page = client.get(url).content.decode()
    # Not "the conversation is missing": what is missing is one whose result is to end.
    assert "endte med »Borgeren fortsætter i praktikken«" in page
    assert "hvor resultatet er »Praktikken afsluttes«" in page
    response = client.post(url, {"ends_on": timezone.localdate().strftime("%d.%m.%Y")})
    assert "Vælg, hvorfor forløbet slutter." in response.content.decode()


def test_it_records_why_a_placement_ended(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), kind=PlacementKind.WAGE_SUBSIDY)
    client.force_login(people["alice"])
    url = reverse("placements:end", kwargs={"pk": placement.pk})
    today = timezone.localdate().strftime("%d.%m.%Y")
    response = client.post(url, {"ends_on": today, "reason": "ordinary_job"})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.status, placement.end_reason) == (PlacementStatus.ENDED, "ordinary_job")
    detail = client.get(response["Location"]).content.decode()
    assert "Årsag til afslutning" in detail and "Ordinært arbejde" in detail


def test_it_lets_a_consultant_see_citizens_placed_at_their_companies(people, citizens):
    konrad = people["konrad"]
    assert not citizen_access.citizens_for(konrad).exists()
    make_placement(citizens["fatima"], make_company(key_account=konrad))
    make_placement(citizens["omar"], make_company("Andet firma"))
    assert list(citizen_access.citizens_for(konrad)) == [citizens["fatima"]]
    assert citizen_access.context_purpose(konrad, citizens["fatima"]) == Purpose.COMPANY
    assert citizen_access.context_purpose(konrad, citizens["omar"]) is None


def test_it_logs_the_consultants_view_of_a_placement(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company(key_account=people["konrad"]))
    client.force_login(people["konrad"])
    response = client.get(reverse("placements:detail", kwargs={"pk": placement.pk}))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(user=people["konrad"])
    assert (entry.action, entry.purpose, entry.citizen_id) == (
        Action.VIEW,
        Purpose.COMPANY,
        citizens["fatima"].pk,
    )


def test_it_creates_a_placement_and_shows_the_step_on_the_case_file(client, people, citizens):
    company = make_company()
    opening = make_opening(company)
    client.force_login(people["alice"])
    fatima = citizens["fatima"]
    response = client.post(
        reverse("placements:create", kwargs={"pk": fatima.pk}),
        {
            "kind": PlacementKind.INTERNSHIP,
            "opening": opening.pk,
            "status": PlacementStatus.ACTIVE,
            "starts_on": timezone.localdate().strftime("%d.%m.%Y"),
            "hours_per_week": "20",
            "paid_hours_per_week": "0",
        },
    )
    assert response.status_code == 302
    placement = fatima.placements.get()
    assert placement.company == company  # taken from the opening
    page = client.get(reverse("citizens:detail", kwargs={"pk": fatima.pk})).content.decode()
    assert "Trin 4: Virksomhedspraktik i privat virksomhed" in page
    listing = client.get(reverse("citizens:list")).content.decode()
    assert "Trin 4 · praktik, privat" in listing


def test_it_refuses_bad_input_in_danish_and_saves_nothing(client, people, citizens):
    client.force_login(people["alice"])
    fatima = citizens["fatima"]
    response = client.post(
        reverse("placements:create", kwargs={"pk": fatima.pk}),
        {"kind": PlacementKind.INTERNSHIP, "status": "active", "starts_on": "32.13.2026"},
    )
    content = response.content.decode()
    assert "Skriv datoen som dd.mm.åååå." in content
    assert "Vælg virksomheden, hvor forløbet foregår." in content
    assert not fatima.placements.exists()


def test_it_lists_who_could_move_up(client, people, citizens):
    private = make_company("Privat A/S", Sector.PRIVATE)
    public = make_company("Kommunen", Sector.PUBLIC)
    make_opening(private, capacity=3)
    make_placement(citizens["fatima"], private, weeks_ago=9)  # 9 weeks, no paid hours
    make_placement(citizens["yonas"], public, weeks_ago=1)  # public while private is free
    make_placement(citizens["omar"], private, weeks_ago=9, paid_hours_per_week=5)
    client.force_login(people["alice"])
    page = client.get(reverse("placements:move_up")).content.decode()
    assert "Haddad" in page and "9 uger i praktik uden lønnede timer" in page
    assert "Tesfay" in page and "ledige private praktikpladser" in page
    assert "Rahimi" not in page  # carol's, and with paid hours anyway


def test_it_says_why_a_placement_could_move_up(citizens):
    today = timezone.localdate()
    private = make_company("Privat A/S", Sector.PRIVATE)
    public = make_company("Kommunen", Sector.PUBLIC)
    long_public = make_placement(citizens["fatima"], public, weeks_ago=8)
    short_private = make_placement(citizens["yonas"], private, weeks_ago=7)
    subsidy = make_placement(
        citizens["omar"], private, kind=PlacementKind.WAGE_SUBSIDY, weeks_ago=26
    )
    placements = type(long_public).objects.all()

    assert set(could_move_up(placements, today, free_private=False)) == {long_public, subsidy}
    assert set(could_move_up(placements, today, free_private=True)) == {long_public, subsidy}
    assert move_up_reasons(long_public, today, free_private=True) == [
        "8 uger i praktik uden lønnede timer: tal om lønnede timer eller løntilskud.",
        "Praktik i offentlig virksomhed; der er ledige private praktikpladser.",
    ]
    assert move_up_reasons(short_private, today, free_private=True) == []
    assert move_up_reasons(subsidy, today, free_private=False) == [
        "Over et halvt år i løntilskud: er der et ordinært job?"
    ]
    assert placement_step(subsidy) == Step.WAGE_SUBSIDY_PRIVATE


# Plans, revisions and follow-ups -----------------------------------------------------------


def _plan(placement, by, version=None, **extra):
    fields = {
        "goals": "Lære rutinerne.",
        "contact_every_days": 14,
        "contact_mode": ContactMode.VISIT,
        "accompaniment_days": 2,
        "accompaniment_note": "",
    }
    fields.update(extra)
    return services.plan_save(placement=placement, by=by, version=version, **fields)


def test_it_keeps_the_plans_history_as_of_any_date(people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    plan = _plan(placement, people["amir"])
    first = plan.revisions.get()
    first.saved_at = timezone.now() - dt.timedelta(days=10)
    first.save()
    plan = _plan(
        placement, people["alice"], version=1, goals="Lønnede timer.", contact_every_days=7
    )
    assert plan.version == 2
    old = services.plan_as_of(plan, timezone.localdate() - dt.timedelta(days=5))
    assert (old.goals, old.saved_by) == ("Lære rutinerne.", people["amir"])
    new = services.plan_as_of(plan, timezone.localdate())
    assert (new.goals, new.changed) == ("Lønnede timer.", "goals,contact_every_days")
    assert services.plan_as_of(plan, timezone.localdate() - dt.timedelta(days=30)) is None


def test_it_refuses_the_second_of_two_saves_from_the_same_version(people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    _plan(placement, people["amir"])
    _plan(placement, people["amir"], version=1, goals="Amirs ændring.")
    with pytest.raises(ValidationError) as e:
        _plan(placement, people["alice"], version=1, goals="Alices ændring.")
    assert "ændret af en anden" in e.value.messages[0]
    assert placement.plan.__class__.objects.get(placement=placement).goals == "Amirs ændring."


def test_it_refuses_a_stale_plan_edit_in_the_view(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    _plan(placement, people["amir"])
    _plan(placement, people["amir"], version=1, goals="Amirs ændring.")
    client.force_login(people["alice"])
    response = client.post(
        reverse("placements:plan", kwargs={"pk": placement.pk}),
        {
            "version": 1,
            "goals": "Alices ændring.",
            "contact_every_days": 14,
            "contact_mode": "visit",
            "accompaniment_days": 0,
        },
    )
    assert response.status_code == 200
    assert "ændret af en anden" in response.content.decode()


def test_it_schedules_follow_ups_on_danish_working_days(people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), ambassador=people["amir"])
    _plan(placement, people["amir"], contact_every_days=3)
    follow_up = placement.follow_ups.get()
    assert is_workday(follow_up.due_on)
    assert follow_up.assigned_to == people["amir"]


def test_it_schedules_the_next_follow_up_when_one_is_recorded(people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), ambassador=people["amir"])
    _plan(placement, people["amir"], contact_every_days=14)
    follow_up = placement.follow_ups.get()
    done_on = timezone.localdate() - dt.timedelta(days=1)
    services.follow_up_record(
        follow_up=follow_up, done_on=done_on, summary="Telefon: alt vel.", by=people["amir"]
    )
    upcoming = placement.follow_ups.get(done_on__isnull=True)
    assert upcoming.due_on >= done_on + dt.timedelta(days=14)
    assert upcoming.due_on <= done_on + dt.timedelta(days=18)
    assert is_workday(upcoming.due_on)


def test_it_shows_my_follow_ups_this_week_and_the_overdue(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company(), ambassador=people["amir"])
    today = timezone.localdate()
    FollowUp.objects.create(
        placement=placement,
        due_on=today - dt.timedelta(days=20),
        mode=ContactMode.PHONE,
        assigned_to=people["amir"],
    )
    client.force_login(people["amir"])
    page = client.get(reverse("placements:follow_ups") + "?vis=forfaldne").content.decode()
    assert "Haddad" in page and "Forfalden" in page
    assert AccessLogEntry.objects.filter(user=people["amir"], action=Action.LIST).exists()


# Acute issues ---------------------------------------------------------------------------------


def test_it_flags_an_unanswered_acute_issue_to_the_consultants_team_manager(people, citizens):
    team = people["alice"].team
    konrad = people["konrad"]
    konrad.team = team
    konrad.save()
    team_manager = make_user("tina", Role.MANAGER, team)
    placement = make_placement(citizens["fatima"], make_company(key_account=konrad))
    issue = services.acute_register(
        placement=placement,
        by=people["amir"],
        reported_at=timezone.now() - dt.timedelta(hours=25),
        reported_by="Lise Holm",
        description="Konflikt med en kollega.",
    )
    assert services.acute_flag_breaches() == 1
    assert list(issue.flagged_to.all()) == [team_manager]
    assert services.acute_flag_breaches() == 0  # once


def test_it_flags_to_every_manager_when_the_consultant_has_no_team_manager(people, citizens):
    other = make_user("otto", Role.MANAGER)
    placement = make_placement(citizens["fatima"], make_company(key_account=people["konrad"]))
    issue = services.acute_register(
        placement=placement,
        by=people["amir"],
        reported_at=timezone.now() - dt.timedelta(hours=30),
        reported_by="Lise Holm",
        description="Borgeren er ikke mødt.",
    )
    fresh = services.acute_register(
        placement=placement,
        by=people["amir"],
        reported_at=timezone.now(),
        reported_by="Lise Holm",
        description="Nyt problem.",
    )
    services.acute_flag_breaches()
    assert set(issue.flagged_to.all()) == {people["lene"], other}
    assert not fresh.flagged_to.exists()
    services.acute_answer(issue=fresh, answer="Ringet og løst.", by=people["amir"])
    fresh.refresh_from_db()
    assert not fresh.is_breached()


# The retention plan ---------------------------------------------------------------------------


def test_it_renders_the_retention_plan_as_a_pdf_with_the_forms_sections(client, people, citizens):
    from pypdf import PdfReader

    placement = place_with_everything(citizens["fatima"], people, key_account=people["konrad"])
    services.retention_entry_add(
        plan=placement.retention_plan,
        by=people["amir"],
        on=timezone.localdate(),
        not_working="Kommer for sent om mandagen.",
        resources="Grundig og god til kunderne.",
    )
    client.force_login(people["amir"])
    response = client.get(reverse("placements:retention_pdf", kwargs={"pk": placement.pk}))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for heading in (
        "Fastholdelsesplan",
        "Borgerens oplysninger",
        "Virksomhedens oplysninger",
        "Beskrivelse af sammenfatning af udfordringen",
        "Hvad er det, der ikke fungerer?",
        "Ressourcer og styrker",
        "Fælles mål",
        "Virksomhedsmål",
        "Borgerens mål",
        "Jobcentrets mål",
        "Næste mål",
        "Vurdering",
    ):
        assert heading in text, heading
    assert "Fatima" in text and "Kommer for sent om mandagen." in text
    assert AccessLogEntry.objects.filter(user=people["amir"], action=Action.EXPORT).exists()


def test_the_retention_plan_pdf_is_tagged_with_its_title_and_language(
    client, people, citizens, settings, caplog
):
    from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf, structure_elements

    placement = place_with_everything(citizens["fatima"], people, key_account=people["konrad"])
    client.force_login(people["amir"])
    url = reverse("placements:retention_pdf", kwargs={"pk": placement.pk})
    with caplog.at_level("ERROR", logger="weasyprint"):
        response = client.get(url)
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert (
        response["Content-Disposition"]
        == f'inline; filename="fastholdelsesplan-{placement.pk}.pdf"'
    )
    assert response["Cache-Control"] == "no-store"
    name = citizens["fatima"].full_name
    reader = read_accessible_pdf(response.content, title=f"Fastholdelsesplan: {name}", lang="da")
    tags = [str(e["/S"]) for e in structure_elements(reader)]
    assert tags.count("/H2") >= 5 and "/Caption" in tags
    assert tags.index("/H1") < tags.index("/H2") < tags.index("/Table")

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("da"):  # LocaleMiddleware leaves its language active
        english = client.get(url)
    reader = read_accessible_pdf(english.content, title=f"Retention plan: {name}", lang="en")
    assert "Retention plan" in pdf_text(reader)


# The calendar feed ---------------------------------------------------------------------------


def test_it_serves_my_follow_ups_as_icalendar_and_stops_when_revoked(client, people, citizens):
    from icalendar import Calendar

    from jobbro.placements.calendar import feed_renew, feed_revoke

    placement = make_placement(
        citizens["fatima"], make_company("Løsning Slagteri A/S"), ambassador=people["amir"]
    )
    due = timezone.localdate() + dt.timedelta(days=3)
    FollowUp.objects.create(
        placement=placement, due_on=due, mode=ContactMode.VISIT, assigned_to=people["amir"]
    )
    token = feed_renew(user=people["amir"]).token
    url = reverse("placements:calendar_feed", kwargs={"token": token})
    response = client.get(url)  # not logged in: the calendar app has only the address
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == "Besøg hos Løsning Slagteri A/S"
    assert events[0].decoded("dtstart") == due
    assert "Fatima" not in response.content.decode()  # no personal data leaves Jobbro
    assert (
        client.get(reverse("placements:calendar_feed", kwargs={"token": "x" * 43})).status_code
        == 404
    )
    feed_revoke(user=people["amir"])
    assert client.get(url).status_code == 404


def test_it_refuses_a_stale_placement_edit(client, people, citizens):
    placement = make_placement(citizens["fatima"], make_company())
    client.force_login(people["alice"])
    url = reverse("placements:edit", kwargs={"pk": placement.pk})
    form = {
        "kind": PlacementKind.INTERNSHIP,
        "company": placement.company_id,
        "status": PlacementStatus.ACTIVE,
        "starts_on": placement.starts_on.strftime("%d.%m.%Y"),
        "hours_per_week": "20",
        "paid_hours_per_week": "5",
        "version": 1,
    }
    assert client.post(url, form).status_code == 302  # the first save: version 1 -> 2
    response = client.post(url, {**form, "paid_hours_per_week": "8"})  # from version 1 again
    assert "ændret af en anden" in response.content.decode()
    placement.refresh_from_db()
    assert (placement.version, placement.paid_hours_per_week) == (2, 5)


@pytest.mark.parametrize("weekday", ["²", "٣", "x"])
def test_it_refuses_a_weekday_that_is_no_digit_it_knows(client, people, citizens, weekday):
    """A superscript digit is a digit to str.isdigit but not to int(): the fuzzer's 500."""
    placement = make_placement(citizens["fatima"], make_company())
    client.force_login(people["alice"])
    url = reverse("placements:edit", kwargs={"pk": placement.pk})
    form = {
        "kind": PlacementKind.INTERNSHIP,
        "company": placement.company_id,
        "status": PlacementStatus.ACTIVE,
        "starts_on": placement.starts_on.strftime("%d.%m.%Y"),
        "weekdays": ["1", weekday],
        "version": 1,
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Vælg ugedagene på listen." in response.content.decode()
    placement.refresh_from_db()
    assert (placement.version, placement.weekdays) == (1, 0)


def test_it_flags_breaches_from_the_command(people, citizens):
    from django.core.management import call_command

    placement = make_placement(citizens["fatima"], make_company(key_account=people["konrad"]))
    services.acute_register(
        placement=placement,
        by=people["amir"],
        reported_at=timezone.now() - dt.timedelta(hours=26),
        reported_by="Lise Holm",
        description="Borgeren er ikke mødt.",
    )
    out = io.StringIO()
    call_command("flag_acute_breaches", stdout=out)
    assert "1 akutte henvendelser" in out.getvalue()
    assert people["lene"].flagged_acute_issues.count() == 1
