"""In Chromium: a case worker enrols a citizen in Najah 3, the criteria a checklist that
warns; the teacher sees the cohort with a handful of fields on a phone; the ambassador reads
the programme and its SIRI deadline. axe-core on every page, phones included (pattern and
fixtures of jobbro/tests/test_browser.py)."""

import pytest

from jobbro.programmes.models import Enrolment
from jobbro.programmes.tests.factories import make_cohort
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - page is a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_enrolment_teacher_and_siri(page, live_server, people, citizens):  # noqa: F811
    from playwright.sync_api import expect

    fatima = citizens["fatima"]
    cohort = make_cohort("najah", "Najah 3", teachers=[people["tove"]])
    pages = Pages(page, "programmes", phones=True)

    log_in(page, pages, "alice")
    page.goto(f"/borgere/{fatima.pk}/")
    pages.check("case-file")
    page.get_by_role("link", name="Indskriv i indsats eller projekt").click()
    page.get_by_label("Indsats eller projekt").select_option(label="Najah (indsats)")
    pages.check("enrol-choose")
    page.get_by_role("button", name="Videre").click()
    page.get_by_label("Hold").select_option(label="Najah: Najah 3")
    page.get_by_label("Start (overdragelse)").fill(cohort.starts_on.strftime("%d.%m.%Y"))
    page.get_by_label("Kvinde, kommet til Danmark som flygtning eller familiesammenført").check()
    pages.check("enrol-form")
    page.get_by_role("button", name="Indskriv").click()
    expect(page.get_by_text("Ikke alle kriterier er opfyldt", exact=True)).to_be_visible()
    pages.check("enrol-warning")
    page.get_by_label("Indskriv alligevel, selv om ikke alle kriterier er opfyldt").check()
    page.get_by_role("button", name="Indskriv").click()
    expect(page.get_by_text("Borgeren er indskrevet.")).to_be_visible()
    assert Enrolment.objects.filter(citizen=fatima, cohort=cohort).exists()
    page.get_by_role("button", name="Log af").click()

    log_in(page, pages, "tove")
    page.get_by_role("link", name="Najah: Najah 3").click()
    table = page.get_by_role("table", name="Holdets deltagere")
    expect(table).to_contain_text("Fatima Haddad")
    expect(table).to_contain_text("20304050")
    expect(table.get_by_role("link", name="Fatima Haddad")).to_have_count(0)
    pages.check("teacher-cohort")
    page.get_by_role("button", name="Log af").click()

    log_in(page, pages, "amir")
    page.goto("/indsatser/siri/")
    expect(page.get_by_role("table")).to_contain_text("De internationale")
    pages.check("siri-deadlines")
    page.get_by_role("link", name="Najah", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Najah")
    pages.check("programme")
