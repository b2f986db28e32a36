"""In Chromium at phone size (390 px): a teacher records attendance with one tap per
participant, the rates update, axe-core finds nothing, and a tap the server refuses to take
(503) is kept on the phone and lands when it is retried."""

import datetime as dt

import pytest
from django.utils import timezone

from jobbro.attendance.models import Attendance, Session
from jobbro.attendance.tests.factories import enrol, make_cohort
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - page is a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_teacher_taps_attendance_on_a_phone_and_no_tap_is_lost(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    from playwright.sync_api import expect

    cohort = make_cohort(people["tove"], name="Najah 4")
    enrol(cohort, citizens["fatima"], citizens["yonas"], citizens["omar"])
    session = Session.objects.create(
        cohort=cohort,
        on=timezone.localdate(),
        starts_at=dt.time(9),
        ends_at=dt.time(12),
        title="Modul 2: Sundhed og trivsel",
        place="Jobcenter Hedensted",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    pages = Pages(page, "attendance")
    log_in(page, pages, "tove")
    # On a phone the main menu is the design system's drawer behind "Menu".
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Hovedmenu på mobil").get_by_role(
        "link", name="Mødegange"
    ).click()
    page.get_by_role("link", name="Najah 4").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Najah 4: Modul 2: Sundhed og trivsel"
    )
    rate = page.locator("#holdets-fremmoede")
    expect(rate).to_contain_text("intet registreret endnu")
    pages.check("session")

    page.get_by_role("button", name="Mødt Fatima Haddad").click()
    fatima = page.locator(f"#deltager-{citizens['fatima'].pk}")
    expect(fatima.locator(".jobbro-tap-saved")).to_have_text("Mødt")
    expect(rate).to_contain_text("Holdets fremmøde: 100 %")
    page.get_by_role("button", name="Ulovligt fravær Yonas Tesfay").click()
    expect(rate).to_contain_text("Holdets fremmøde: 50 %")

    # The server refuses the next tap (a restart, a proxy's 503): the phone keeps it.
    refused = []

    def refuse_once(route):
        if not refused:
            refused.append(route.request.url)
            route.fulfill(status=503, body="Service Unavailable")
        else:
            route.continue_()

    page.route("**/tryk/", refuse_once)
    omar = page.locator(f"#deltager-{citizens['omar'].pk}")
    omar.get_by_label("Grund til lovligt fravær").select_option(label="Barns første sygedag")
    page.get_by_role("button", name="Lovligt fravær Omar Rahimi", exact=True).click()
    expect(omar).to_contain_text("ikke sendt endnu")
    expect(page.locator(".jobbro-tap-offline")).to_be_visible()
    assert refused and not Attendance.objects.filter(citizen=citizens["omar"]).exists()
    pages.check("tap-queued")
    # Retried a few seconds later, it lands.
    expect(omar.locator(".jobbro-tap-saved")).to_have_text(
        "Lovligt fravær: barns første sygedag", timeout=15_000
    )
    expect(page.locator(".jobbro-tap-offline")).to_be_hidden()
    assert page.evaluate("window.localStorage.getItem('jobbro.attendance.taps')") == "{}"
    marks = dict(Attendance.objects.filter(session=session).values_list("citizen_id", "status"))
    assert marks == {
        citizens["fatima"].pk: "present",
        citizens["yonas"].pk: "illegal",
        citizens["omar"].pk: "legal",
    }
    expect(rate).to_contain_text("Holdets fremmøde: 50 %")  # legal absence does not count
    pages.check("session-recorded")
