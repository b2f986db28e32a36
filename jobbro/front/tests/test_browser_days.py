"""One working day per role, in Chromium: each starts on its front page (its inbox) and
reaches its first task in one click; every page visited is checked by axe-core at 1280, 390
and 320 px, with nothing reaching past the window's edge (Pages(phones=True)).

Screenshots of each role's front page at 1280 and 390 px go to SHOTS_DAYS, to be looked at.
"""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.utils import timezone

from jobbro.attendance.models import Attendance, Session
from jobbro.attendance.tests.factories import enrol, make_cohort
from jobbro.conftest import make_citizen
from jobbro.placements import services
from jobbro.placements.models import AcuteIssue, FollowUp
from jobbro.placements.tests.factories import place_with_everything
from jobbro.tests.test_browser import SHOTS, Pages, log_in, page  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS_DAYS = Path("/tmp/shots-workday")  # noqa: S108 - screenshots of test data, to look at


def keep_front_page(prefix):
    """Copy the front page's screenshots (1280 and 390 px) where the report points."""
    SHOTS_DAYS.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS.glob(f"{prefix}-02-home*.png"):
        if not shot.name.endswith("-320.png"):
            shutil.copy(shot, SHOTS_DAYS / shot.name.replace("-02-home", "-front"))


def late(placement, people, hours=30):
    """An acute issue reported `hours` ago and not answered."""
    return AcuteIssue.objects.create(
        placement=placement,
        reported_at=timezone.now() - dt.timedelta(hours=hours),
        reported_by="Lise Holm, produktionsleder",
        description="Borgeren har ikke været på arbejde i to dage.",
        registered_by=people["amir"],
    )


def inbox(browser_page, key):
    return browser_page.locator(f"section[aria-labelledby='inbox-{key}']")


def test_the_case_workers_day_starts_with_the_citizen_waiting_for_an_effort(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    make_citizen(
        "1505901234",
        people["alice"],
        first_name="Amina",
        last_name="Yusuf",
        settled_at=timezone.now() - dt.timedelta(days=5),
    )
    placement = place_with_everything(citizens["fatima"], people)
    today = timezone.localdate()
    placement.ends_on = today + dt.timedelta(days=6 - today.weekday())
    placement.save()
    AcuteIssue.objects.filter(placement=placement).update(answered_at=timezone.now())

    pages = Pages(page, "day-case-worker", phones=True)
    log_in(page, pages, "alice")
    keep_front_page("day-case-worker")
    waiting = inbox(page, "awaiting")
    expect(waiting).to_contain_text("Amina Yusuf")
    expect(inbox(page, "ending")).to_contain_text("Fatima Haddad")
    waiting.get_by_role("link", name="Start indsatsen: Amina Yusuf").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Yusuf")
    pages.check("case-file")
    page.get_by_role("button", name="Registrér at indsatsen er startet").first.click()
    page.get_by_role("link", name="Jobbro – til forsiden").click()
    expect(waiting).to_have_count(0)
    inbox(page, "ending").get_by_role("link", name="Registrér samtalen: Fatima Haddad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Samtale med ambassadøren og virksomheden"
    )
    pages.check("conversation")


def test_the_ambassadors_day_starts_with_the_acute_issue_past_24_hours(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    placement = place_with_everything(citizens["fatima"], people)
    issue = late(placement, people)
    FollowUp.objects.filter(placement=placement).update(
        due_on=timezone.localdate() - dt.timedelta(days=3), assigned_to=people["amir"]
    )

    pages = Pages(page, "day-ambassador", phones=True)
    log_in(page, pages, "amir")
    keep_front_page("day-ambassador")
    groups = page.locator("section.jobbro-inbox-group h2")
    expect(groups.first).to_contain_text("Akutte henvendelser over 24 timer")
    inbox(page, "acute_late").get_by_role("link", name="Besvar: Fatima Haddad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Akut henvendelse")
    pages.check("acute-answer")
    page.get_by_label("Svar og handling").fill(
        "Ringet til Fatima; hun var syg og er tilbage i morgen."
    )
    page.get_by_role("button", name="Registrér svaret").click()
    expect(page.get_by_text("Svaret er registreret.")).to_be_visible()
    issue.refresh_from_db()
    assert issue.answered_at is not None

    page.get_by_role("link", name="Jobbro – til forsiden").click()
    expect(inbox(page, "acute_late")).to_have_count(0)
    inbox(page, "follow_ups_late").get_by_role(
        "link", name="Registrér besøg: Fatima Haddad"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrér opfølgning")
    pages.check("follow-up")


def test_the_consultants_day_starts_with_the_acute_issue_at_his_company(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    place_with_everything(citizens["fatima"], people, key_account=people["konrad"])

    pages = Pages(page, "day-consultant", phones=True)
    log_in(page, pages, "konrad")
    keep_front_page("day-consultant")
    inbox(page, "acute").get_by_role("link", name="Se forløbet: Fatima Haddad").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Virksomhed for Fatima")
    pages.check("placement")


def test_the_teachers_day_starts_with_todays_session(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    cohort = make_cohort(people["tove"], name="Najah 4")
    enrol(cohort, citizens["fatima"], citizens["yonas"])
    session = Session.objects.create(
        cohort=cohort,
        on=timezone.localdate(),
        starts_at=dt.time(9),
        ends_at=dt.time(12),
        title="Modul 2: Sundhed og trivsel",
        place="Jobcenter Hedensted",
    )

    pages = Pages(page, "day-teacher", phones=True)
    log_in(page, pages, "tove")
    keep_front_page("day-teacher")
    today = inbox(page, "sessions_today")
    expect(today).to_contain_text("Modul 2: Sundhed og trivsel")
    today.get_by_role("link", name="Registrér fremmøde: De internationale: Najah 4").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Najah 4: Modul 2: Sundhed og trivsel"
    )
    pages.check("session")
    page.get_by_role("button", name="Mødt Fatima Haddad").click()
    fatima = page.locator(f"#deltager-{citizens['fatima'].pk}")
    expect(fatima.locator(".jobbro-tap-saved")).to_have_text("Mødt")
    assert Attendance.objects.filter(session=session, citizen=citizens["fatima"]).exists()


def test_the_managers_day_starts_with_the_teams_numbers(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    placement = place_with_everything(citizens["fatima"], people)
    late(placement, people)
    services.acute_flag_breaches()

    pages = Pages(page, "day-manager", phones=True)
    log_in(page, pages, "lene")
    keep_front_page("day-manager")
    expect(page.get_by_role("main")).not_to_contain_text("Fatima")
    page.get_by_role("link", name="Akutte henvendelser over 24 timer uden svar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Akutte henvendelser ikke besvaret inden 24 timer"
    )
    expect(page.get_by_role("main")).to_contain_text("Virksomhed for Fatima")
    pages.check("acute-breaches")
