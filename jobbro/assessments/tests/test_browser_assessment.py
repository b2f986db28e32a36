"""In a real browser: the ambassador enters an assessment with all three raters, talks it
through from the diagram, hands the phone over for the citizen's own scores, and downloads
the PDF for the meeting. Every page is checked by axe-core, the self-scoring page on a phone.
"""

import datetime as dt
import io
import re

import pytest

from jobbro.assessments.models import Assessment, EntryChannel, RaterKind
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - the page fixture

from .conftest import make_assessment

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_it_takes_an_assessment_through_three_raters_the_phone_and_the_pdf(
    page,  # noqa: F811 - the fixture imported above
    live_server,
    people,
    citizens,
    shipped,
):
    from playwright.sync_api import expect
    from pypdf import PdfReader

    fatima = citizens["fatima"]
    previous_day = dt.date.today() - dt.timedelta(days=60)
    make_assessment(fatima, shipped, previous_day, people["amir"], {RaterKind.ADVISOR: [2] * 12})
    pages = Pages(page, "assessment")
    log_in(page, pages, "amir")

    page.goto(f"/borgere/{fatima.pk}/")
    page.get_by_role("link", name="Se borgerens progression").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progression: Fatima Haddad")
    pages.check("citizen-progression-before")
    page.get_by_role("link", name="Ny måling").click()
    page.get_by_label("Værktøj").select_option(label=shipped.name)
    page.get_by_label("Dato for målingen").fill(dt.date.today().strftime("%d.%m.%Y"))
    pages.check("create")
    page.get_by_role("button", name="Opret måling").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indtast scores")
    pages.check("grid")

    # The whole grid from the keyboard: a digit, tab, a digit, tab. Row by row the offer
    # site's and the advisor's score; item 1 gets 1 from the workplace and 3 from the advisor.
    page.get_by_label("Score tilbudssted: Kan forstå og tale dansk", exact=True).focus()
    for row in range(12):
        for column in range(2):
            page.keyboard.type("1" if (row, column) == (0, 0) else "3")
            page.keyboard.press("Tab")
    page.get_by_label("Aftalte næste skridt").fill("Sprogmakker på arbejdspladsen")
    page.get_by_role("button", name="Gem scores").click()
    expect(page.get_by_text("Scorerne er gemt.")).to_be_visible()
    assessment = Assessment.objects.latest("pk")
    ratings = {r.rater.kind: r for r in assessment.ratings.select_related("rater")}
    assert set(ratings) == {RaterKind.OFFER_SITE, RaterKind.ADVISOR}
    assert ratings[RaterKind.OFFER_SITE].scores.get(item__position=1).value == 1
    assert ratings[RaterKind.ADVISOR].entered_by == people["amir"]
    expect(page.get_by_text("Bedømmerne er uenige om 1 punkt")).to_be_visible()

    # The phone is handed over: English, one item at a time, large targets.
    page.get_by_label("Sprog").select_option(label="English")
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Start borgerens egen vurdering").click()
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.get_by_text("I understand and speak Danish")).to_be_visible()
    pages.check("self-scoring-phone")
    target = page.get_by_text("To a very large extent")
    box = target.locator("xpath=..").bounding_box()
    assert box["height"] >= 44, "targets of at least 44 CSS pixels"
    # Item 1 with the keyboard: the first answer has focus; arrows move, Tab reaches the button.
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Question 2 of 12")).to_be_visible()
    for n in range(2, 13):
        page.get_by_text("To some extent").click()
        page.get_by_role("button", name="Save and continue").click()
        if n < 12:
            expect(page.get_by_text(f"Question {n + 1} of 12")).to_be_visible()
    expect(page.get_by_text("Thank you! Please hand the phone back now.")).to_be_visible()
    pages.check("self-scoring-done-phone")
    own = assessment.ratings.get(rater__kind=RaterKind.CITIZEN)
    assert own.channel == EntryChannel.SELF and own.entered_by == people["amir"]
    assert own.scores.get(item__position=1).value == 5

    # Back with the ambassador: the diagram marks item 1 (5, 1 and 3) in text, not colour alone.
    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="Medarbejder: tilbage til målingen").click()
    expect(page.get_by_text("Bedømmerne er uenige om 1 punkt")).to_be_visible()
    diagram = page.get_by_role("img", name=re.compile("Diagram over scorer"))
    expect(diagram).to_contain_text("1. Kan forstå og tale dansk — UENIGHED (4)")
    table = page.get_by_role("table", name=re.compile("Scorer pr. punkt"))
    first = table.get_by_role("row", name=re.compile("1. Kan forstå og tale dansk"))
    expect(first).to_contain_text("Ja, 4 point")
    expect(first).to_contain_text("5")
    pages.check("detail-with-disagreement")

    with page.expect_download() as download:
        page.get_by_role("link", name="Hent PDF til samtalen").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert len(pdf.pages) == 2  # the scores and next steps, then the diagram
    assert "1. Kan forstå og tale dansk 5 (–) 1 (–) 3 (2) Ja, 4 point" in text
    assert "Sprogmakker på arbejdspladsen" in text

    page.get_by_role("link", name="Tilbage til borgerens progression").click()
    expect(page.get_by_role("heading", name="Hvert punkt over tid")).to_be_visible()
    pages.check("citizen-progression-after")
