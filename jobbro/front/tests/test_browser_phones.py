"""Every page reachable from each role's menu, and one detail page of each kind, in one
Chromium with one login per role: axe-core clean at 1280, 390 and 320 px, no horizontal
scroll (document.scrollingElement.scrollWidth <= innerWidth, and nothing cut off at the
right edge: STICKING_OUT), and on a list page the table or its empty state starts above the
fold of a 1280 x 900 window (the filters fold behind a summary when they would push it
down). Each role's front page is kept at 1280 and 390 px in SHOTS_LISTS, to be looked at.

A page several roles reach is checked on a phone for the first of them; the others check
it at 1280 px (the layout is the same, the rows are not).
"""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.attendance.models import Session
from jobbro.attendance.tests.factories import enrol, make_cohort
from jobbro.journal.tests.factories import make_note
from jobbro.placements.tests.factories import place_with_everything
from jobbro.tests.test_browser import (
    DESKTOP,
    HEIGHT,
    PHONES,
    SHOTS,
    Pages,
    log_in,
    page,  # noqa: F401 - a fixture
)

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS_LISTS = Path("/tmp/shots-lists")  # noqa: S108 - screenshots of test data, to look at
ROLES = ("alice", "amir", "konrad", "tove", "lene", "ada", "mads")

NO_SCROLL = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
# Where the first list table (or the empty state) starts, in CSS pixels from the top.
LIST_TOP = """() => {
  const el = document.querySelector("main table, main .jobbro-empty");
  return el && document.querySelector("main .pagination, main .jobbro-filters")
    ? el.getBoundingClientRect().top + window.scrollY : null;
}"""


class Widths(Pages):
    """Pages, with the phones per call, the scroll width asked directly, and the fold."""

    def visit(self, url, name, *, phones):
        self.page.goto(url)
        self.widths = (DESKTOP, *PHONES) if phones else (DESKTOP,)
        self.check(name)

    def check(self, name):
        super().check(name)
        top = self.page.evaluate(LIST_TOP)
        assert top is None or top < HEIGHT, (
            f"'{name}' ({self.page.url}): the list starts at {top:.0f} px, below the fold"
        )
        for width in self.widths:  # 1280 too: a long main menu once scrolled sideways there
            self.page.set_viewport_size({"width": width, "height": HEIGHT})
            scroll, inner = self.page.evaluate(NO_SCROLL)
            assert scroll <= inner, f"'{name}' ({self.page.url}) scrolls sideways at {width} px"
        self.page.set_viewport_size({"width": DESKTOP, "height": HEIGHT})


def menu(browser_page):
    links = browser_page.get_by_role("navigation", name="Hovedmenu").locator("a")
    return links.evaluate_all("els => els.map(e => [e.textContent.trim(), e.getAttribute('href')])")


def keep_front_page(prefix):
    SHOTS_LISTS.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS.glob(f"{prefix}-*-home*.png"):
        if not shot.name.endswith("-320.png"):
            shutil.copy(shot, SHOTS_LISTS / shot.name.replace("-02-home", "-front"))


def details(people, citizens):
    """One page of each kind of object, and who opens it."""
    from django.apps import apps

    from jobbro.law import reference
    from jobbro.practices import shipped as practices
    from jobbro.practices.models import Practice
    from jobbro.programmes.tests.factories import shipped_programme

    reference.sync(apps)  # a transactional test before this one flushed the shipped rows
    practices.ship(apps)
    placement = place_with_everything(citizens["fatima"], people)
    note = make_note(citizens["fatima"], people["alice"])
    cohort = make_cohort(people["tove"], name="Najah 4")
    enrol(cohort, citizens["fatima"])
    session = Session.objects.create(
        cohort=cohort,
        on=timezone.localdate(),
        starts_at=dt.time(9),
        ends_at=dt.time(12),
        title="Modul 2: Sundhed og trivsel",
        place="Jobcentret",
    )
    fatima = citizens["fatima"].pk
    return {
        "alice": [
            ("citizen", reverse("citizens:detail", args=[fatima])),
            ("journal", reverse("journal:citizen", args=[fatima])),
            ("note", reverse("journal:detail", args=[note.pk])),
            ("placement", reverse("placements:detail", args=[placement.pk])),
            ("retention", reverse("placements:retention", args=[placement.pk])),
            ("company", reverse("companies:detail", args=[placement.company_id])),
            ("opening", reverse("companies:opening_detail", args=[placement.opening_id])),
            ("programme", reverse("programmes:detail", args=[cohort.programme_id])),
            ("week", reverse("attendance:week", args=[fatima])),
        ],
        "tove": [
            ("session", reverse("attendance:session", args=[session.pk])),
            ("cohort", reverse("attendance:cohort", args=[cohort.pk])),
        ],
        "ada": [("practice", reverse("practices:detail", args=[Practice.objects.first().pk]))],
        # A shipped description: its long compounds ("projektkoordinator/beskæftigelses-
        # rådgiver") once widened the page to 326 px at 320 px.
        "amir": [("najah", reverse("programmes:detail", args=[shipped_programme("najah").pk]))],
    }


def test_every_menu_page_of_every_role_fits_a_phone_and_passes_axe(
    page,  # noqa: F811
    live_server,
    people,
    citizens,
):
    detail_pages = details(people, citizens)
    seen_on_phones = set()
    for username in ROLES:
        page.context.clear_cookies()
        pages = Widths(page, f"phones-{username}", phones=True)
        log_in(page, pages, username)  # the login page and the front page at every width
        keep_front_page(f"phones-{username}")
        for label, url in menu(page)[1:]:  # the first is the front page
            path = url.split("?")[0]
            pages.visit(url, label, phones=path not in seen_on_phones)
            seen_on_phones.add(path)
        for name, url in detail_pages.get(username, []):
            pages.visit(url, name, phones=True)
