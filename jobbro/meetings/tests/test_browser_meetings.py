"""In Chromium: the manager follows a number of the dashboard to its aggregate, and the
ambassador generates this month's agenda, records a decision with an action, and finds the
action among the planned conversations. Every page checked by axe-core at 1280, 390 and
320 px (Pages(phones=True))."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from jobbro.conftest import make_citizen
from jobbro.placements.models import FollowUp
from jobbro.placements.tests.factories import make_company, make_placement
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_ambassador_holds_the_meeting_and_the_action_becomes_a_follow_up(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    today = timezone.localdate()
    placement = make_placement(
        citizens["fatima"],
        make_company(),
        ambassador=people["amir"],
        ends_on=today + dt.timedelta(days=12),
    )
    FollowUp.objects.create(
        placement=placement,
        due_on=today - dt.timedelta(days=2),
        mode="visit",
        assigned_to=people["amir"],
    )
    pages = Pages(page, "meeting-ambassador", phones=True)
    log_in(page, pages, "amir")
    page.goto("/moeder/")  # the menu's "Møder" is behind "Mere" at this width
    expect(page.get_by_role("heading", level=1)).to_have_text("Koordinationsmøder")
    pages.check("meetings")
    page.get_by_role("link", name="Nyt møde med dagsorden").click()
    page.get_by_label("Mødedato").fill(today.strftime("%d.%m.%Y"))
    pages.check("meeting-form")
    page.get_by_role("button", name="Opret mødet og lav dagsordenen").click()
    follow_ups = page.locator("section[aria-labelledby='agenda-follow_up']")
    expect(follow_ups).to_contain_text("Fatima Haddad")
    expect(page.locator("section[aria-labelledby='agenda-ending']")).to_contain_text("Fatima")
    pages.check("meeting")

    due = today + dt.timedelta(days=7)
    page.get_by_label("Beslutning").fill(
        "Ambassadøren besøger virksomheden og taler om løntilskud."
    )
    page.get_by_label("Borger").select_option(label="Fatima Haddad")
    page.get_by_label("Hvem gør det").select_option(label="Amir")
    page.get_by_label("Senest").fill(due.strftime("%d.%m.%Y"))
    page.get_by_role("button", name="Skriv i referatet").click()
    expect(page.get_by_role("table", name="Beslutninger")).to_contain_text("løntilskud")
    pages.check("meeting-minutes")

    page.goto("/journal/planlagte/")
    expect(page.locator("main")).to_contain_text("Haddad, Fatima")
    expect(page.locator("main")).to_contain_text(due.strftime("%d.%m.%Y"))
    pages.check("planned")


def test_the_manager_follows_a_number_to_its_aggregate(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    company = make_company()
    for i in range(6):
        citizen = make_citizen(f"0707{i}01235", people["alice"], first_name=f"Borger{i}")
        make_placement(citizen, company, starts_on=timezone.localdate())
    pages = Pages(page, "dashboard-manager", phones=True)
    log_in(page, pages, "lene")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Overblik").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overblik")
    pages.check("dashboard")
    page.get_by_label("Periode", exact=True).select_option(label="Dette år")
    page.get_by_role("button", name="Vis perioden").click()
    expect(page).to_have_url(re.compile(r"periode=aar"))
    table = page.get_by_role("table", name="Forløb pr. trin på prioriteringstrappen")
    table.get_by_role("link", name="6 – Trin 4 · praktik, privat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forløb på trin 4 i perioden")
    expect(page.locator(".jobbro-number")).to_have_text("6")
    assert "Borger0" not in page.content()
    pages.check("dashboard-number")
