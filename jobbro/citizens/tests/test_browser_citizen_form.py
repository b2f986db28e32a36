"""The citizen form in Chromium: its folded sections and the design system's date picker,
which posts what the user sees (dd.mm.åååå), so a day the calendar has not is "findes ikke"
with JavaScript as without it. Each page is checked by axe at 1280, 390 and 320 px."""

import re

import pytest

from jobbro.citizens.models import Citizen
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_date_picker_fills_dd_mm_aaaa_and_a_missing_day_is_named(
    page,  # noqa: F811
    live_server,
    people,
):
    from playwright.sync_api import expect

    pages = Pages(page, "citizen-form", phones=True)
    log_in(page, pages, "alice")
    page.goto("/borgere/ny/")
    pages.check("folded")
    programme = page.locator("summary", has_text="Integrationsprogram og dansk")
    programme.click()
    permit = page.get_by_label("Opholdstilladelse")
    permit.fill("31.02.2024")
    # The calendar, opened from its button, shows the month typed; a day is chosen with a click.
    page.get_by_role("button", name="Åbn kalender").nth(0).click()
    expect(page.get_by_role("button", name="torsdag den 29. februar 2024")).to_be_visible()
    pages.check("calendar-open")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Åbn kalender").nth(1).click()  # the period's end
    page.get_by_role("button", name=re.compile(r"den 15\. ")).click()
    period_end = page.get_by_label("Integrationsperiode slutter").input_value()
    assert period_end.startswith("15.") and len(period_end) == 10, period_end

    page.get_by_label("CPR-nummer").fill("150690-1234")
    page.get_by_label("Fornavn").fill("Amina")
    page.get_by_label("Efternavn").fill("Yusuf")
    page.get_by_label("Køn").select_option(label="Kvinde")
    page.get_by_label("Nationalitet", exact=True).select_option(label="Somalia")
    page.get_by_label("Ankommet som").select_option(label="Flygtning")
    page.get_by_role("button", name="Opret borger").click()

    # The folded section with the error is open; what was typed and chosen is kept.
    expect(page.get_by_role("alert")).to_contain_text("Datoen 31.02.2024 findes ikke.")
    expect(page.get_by_label("Opholdstilladelse")).to_be_visible()
    expect(page.get_by_label("Opholdstilladelse")).to_have_value("31.02.2024")
    expect(page.get_by_label("Integrationsperiode slutter")).to_have_value(period_end)
    pages.check("missing-day")

    page.get_by_label("Opholdstilladelse").fill("29.02.2024")
    page.get_by_role("button", name="Opret borger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Yusuf")
    citizen = Citizen.objects.get(last_name="Yusuf")
    assert f"{citizen.residence_permit_date:%d.%m.%Y}" == "29.02.2024"
    assert f"{citizen.integration_period_end:%d.%m.%Y}" == period_end
