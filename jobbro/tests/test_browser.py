"""End to end in a real browser: a case worker's day with a case file, checked by axe-core.

Chromium from Debian (/usr/bin/chromium) is driven by Playwright against pytest-django's live
server. Every page the case worker sees is screenshotted to SHOTS and checked for WCAG
violations with axe-core: the law requires WCAG 2.1 AA of public-sector web.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.db import connections
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens.models import Citizen
from jobbro.conftest import PASSWORD
from jobbro.lib import cpr as cprlib

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path("/tmp/jobbro-shots")  # noqa: S108 - screenshots of test data, for people to look at
TIMEOUT_MS = 15_000

NEW_CPR = "1505901234"  # 15.05.1990; a valid CPR number (checked in the test)
INVALID_CPR = "3213901234"  # the 32nd of the 13th month
OUTSIDE_REASON = "Borgeren har henvendt sig i åben rådgivning og spørger til sin sag."

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page(chromium, live_server):
    """A page in a context of its own (its own cookies, storage and init scripts) in the
    session's one Chromium (jobbro/conftest.py: `chromium`)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(
        base_url=live_server.url,
        locale="da-DK",
        timezone_id="Europe/Copenhagen",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()
    # While Playwright's event loop runs, the ORM works on a connection of its own (the
    # connection is per context); close it here, or PostgreSQL cannot drop the test
    # database at the end of the session.
    connections.close_all()


# What reaches past the right edge of the window: the page scrolls sideways, or (where the
# body clips) is cut off. A table in its own scrolling region, the drawer sliding in and
# visually hidden text do not count.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= width + 1) continue;
    if (el.closest(".sr-only, .mobile-drawer, .overlay")) continue;
    let inside = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === "auto" || o === "scroll") && p.getBoundingClientRect().right <= width + 1) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent || "").trim().slice(0, 40)}`);
  }
  return out.slice(0, 5);
}"""
# The widths every page is checked at: a desktop, a common phone and the smallest phone.
DESKTOP, PHONES = 1280, (390, 320)
HEIGHT = 900


class Pages:
    """Screenshots and axe-core for every page visited, numbered in the order seen. With
    `phones`, each page is also checked at 390 and 320 px wide: axe-core again, and no
    horizontal scroll (WCAG 1.4.10, reflow)."""

    def __init__(self, page, prefix, *, phones=False):
        from axe_playwright_python.sync_playwright import Axe

        self.page, self.prefix, self.axe, self.count = page, prefix, Axe(), 0
        self.widths = (DESKTOP, *PHONES) if phones else (DESKTOP,)
        for old in SHOTS.glob(f"{prefix}-*.png"):
            old.unlink()

    def check(self, name):
        self.page.wait_for_load_state("load")
        self.count += 1
        for width in self.widths:
            if width != DESKTOP:
                self.page.set_viewport_size({"width": width, "height": HEIGHT})
            suffix = "" if width == DESKTOP else f"-{width}"
            self.page.screenshot(
                path=SHOTS / f"{self.prefix}-{self.count:02d}-{name}{suffix}.png", full_page=True
            )
            self._axe(name, width)
            if width != DESKTOP:
                sticking_out = self.page.evaluate(STICKING_OUT)
                assert not sticking_out, (
                    f"'{name}' ({self.page.url}) is wider than {width} px: {sticking_out}"
                )
        if len(self.widths) > 1:
            self.page.set_viewport_size({"width": DESKTOP, "height": HEIGHT})

    def _axe(self, name, width):
        results = self.axe.run(self.page)
        assert results.violations_count == 0, (
            f"axe-core found {results.violations_count} violation(s) on '{name}' at {width} px "
            f"({self.page.url}):\n{describe(results.response['violations'])}"
        )


def describe(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


def log_in(page, pages, username):
    from playwright.sync_api import expect

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login/"))
    # Styled by Det Fælles Designsystem, or nothing else here is worth checking.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "IBM Plex Sans" in font, f"the design system's stylesheet did not load ({font})"
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind i Jobbro")
    pages.check("login")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Goddag, {username.title()}")
    pages.check("home")


def search(page, text):
    """Search the citizen list and wait for the results to come back (htmx swaps them in)."""
    page.get_by_label("Søg på navn eller CPR-nummer").fill(text)
    with page.expect_response(lambda r: "/borgere/" in r.url and r.status == 200):
        page.get_by_role("button", name="Søg", exact=True).click()


def access_log_rows(page):
    return page.get_by_role("table", name="Seneste adgange til sagen").locator("tbody tr")


def test_case_worker_creates_and_finds_a_citizen(page, live_server, people, citizens):
    from playwright.sync_api import expect

    assert cprlib.is_valid(NEW_CPR) and not cprlib.is_valid(INVALID_CPR)
    pages = Pages(page, "create")
    log_in(page, pages, "alice")

    menu = page.get_by_role("navigation", name="Hovedmenu")
    menu.get_by_role("link", name="Borgere").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Borgere")
    expect(page.locator("#results")).to_contain_text("2 borgere")  # fatima, and yonas (team)
    pages.check("list")

    page.get_by_role("link", name="Opret borger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret borger")
    pages.check("create-form")

    settled = timezone.localtime() - dt.timedelta(days=2)
    page.get_by_label("CPR-nummer").fill(INVALID_CPR)
    page.get_by_label("Fornavn").fill("Amina")
    page.get_by_label("Efternavn").fill("Yusuf")
    page.get_by_label("Køn").select_option(label="Kvinde")
    page.get_by_label("Nationalitet", exact=True).select_option(label="Somalia")
    page.get_by_label("Ankommet som").select_option(label="Flygtning")
    page.get_by_label("Boligplaceret i kommunen").fill(settled.strftime("%d.%m.%Y %H:%M"))
    page.get_by_role("button", name="Opret borger").click()

    # The Danish error, in the summary and at the field, and nothing typed is lost.
    error = "CPR-nummeret indeholder ikke en gyldig fødselsdato."
    expect(page.get_by_role("alert")).to_contain_text(error)
    expect(page.locator("#id_cpr_number_error")).to_contain_text(error)
    expect(page.get_by_label("Fornavn")).to_have_value("Amina")
    expect(page.get_by_label("Boligplaceret i kommunen")).to_have_value(
        settled.strftime("%d.%m.%Y %H:%M")
    )
    pages.check("create-form-error")

    page.get_by_label("CPR-nummer").fill(NEW_CPR)
    page.get_by_role("button", name="Opret borger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Yusuf")
    expect(page.get_by_text("Borgeren er oprettet.")).to_be_visible()
    rows = access_log_rows(page)
    expect(rows.filter(has_text="Oprettet")).to_contain_text("Alice")
    expect(rows.filter(has_text="Åbnet")).to_contain_text("Alice")
    pages.check("case-file")
    citizen = Citizen.objects.get(last_name="Yusuf")
    assert citizen.cpr_display == "150590-1234"
    assert citizen.case_worker == people["alice"]

    menu.get_by_role("link", name="Borgere").click()
    results = page.locator("#results")
    expect(results).to_contain_text("3 borgere")
    search(page, "yusuf")
    expect(results).to_contain_text("1 borger")
    expect(results).not_to_contain_text("Haddad")
    expect(results.get_by_role("link", name="Yusuf, Amina")).to_be_visible()
    pages.check("list-search-name")

    menu.get_by_role("link", name="Borgere").click()
    expect(results).to_contain_text("3 borgere")
    search(page, "150590-1234")
    expect(results).to_contain_text("1 borger")
    expect(results).not_to_contain_text("Haddad")
    expect(results.get_by_role("row", name=re.compile("Yusuf, Amina"))).to_contain_text(
        "150590-1234"
    )
    pages.check("list-search-cpr")

    results.get_by_role("link", name="Yusuf, Amina").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Yusuf")
    expect(rows.first).to_contain_text("Åbnet")  # newest first: this very visit
    expect(rows.first).to_contain_text("Alice")
    expect(rows.filter(has_text="Fundet ved søgning").first).to_contain_text("Alice")
    pages.check("case-file-again")
    actions = AccessLogEntry.objects.filter(citizen_id=citizen.pk, user=people["alice"])
    assert {Action.CREATE, Action.VIEW, Action.SEARCH} <= set(
        actions.values_list("action", flat=True)
    )

    # 320 CSS pixels (a phone, or 1280 at 400% zoom): the menu is the design system's drawer
    # behind "Menu", and logging off stays reachable.
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    expect(menu).to_be_hidden()
    expect(page.get_by_role("button", name="Log af")).to_be_visible()
    page.get_by_role("button", name="Menu").click()
    drawer = page.get_by_role("navigation", name="Hovedmenu på mobil")
    expect(drawer.get_by_role("link", name="Borgere")).to_be_visible()
    page.wait_for_timeout(400)  # the drawer slides in
    pages.check("case-file-320px-menu")
    page.get_by_role("button", name="Luk menuen").click()
    expect(drawer).to_be_hidden()
    pages.check("case-file-320px")


def test_case_worker_states_a_reason_for_a_citizen_outside_the_caseload(
    page, live_server, people, citizens
):
    from playwright.sync_api import expect

    omar = citizens["omar"]  # carol's, in team Syd: outside alice's caseload and team
    pages = Pages(page, "reason")
    log_in(page, pages, "alice")

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Borgere").click()
    search(page, "030392-1239")
    results = page.locator("#results")
    expect(results).to_contain_text("Borgeren er ikke i din sagsstamme")
    expect(results).to_contain_text("0 borgere")
    expect(results).not_to_contain_text("Rahimi")
    pages.check("list-outside-hint")

    results.get_by_role("link", name="Angiv formål og åbn sagen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Angiv formål")
    pages.check("reason-form")

    page.get_by_label("Formål med at åbne sagen").fill("Fordi")
    page.get_by_role("button", name="Åbn sagen").click()
    expect(page.get_by_role("alert")).to_contain_text("Begrundelsen skal være på mindst 10 tegn.")
    pages.check("reason-form-error")

    page.get_by_label("Formål med at åbne sagen").fill(OUTSIDE_REASON)
    page.get_by_role("button", name="Åbn sagen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omar Rahimi")
    expect(page.get_by_text("Adgang: Begrundet adgang.")).to_be_visible()
    stated = access_log_rows(page).filter(has_text=OUTSIDE_REASON)
    expect(stated).to_contain_text("Alice")
    expect(stated).to_contain_text("Åbnet sagen · Begrundet adgang")
    pages.check("case-file-stated-reason")
    stated = AccessLogEntry.objects.filter(
        citizen_id=omar.pk, user=people["alice"], purpose=Purpose.STATED
    )
    assert list(stated.values_list("action", "reason")) == [(Action.VIEW, OUTSIDE_REASON)]
