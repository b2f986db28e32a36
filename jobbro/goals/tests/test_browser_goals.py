"""The manager's way to the goals in Chromium: from the dashboard's panel to the targets (an
aggregate), on to the participants' status, the spreadsheet and the steering group's PDF,
both read back; axe-core clean at 1280, 390 and 320 px, nothing past the window's edge."""

import datetime as dt

import pytest
from django.apps import apps
from django.utils import timezone

from jobbro.citizens.models import Gender
from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf
from jobbro.goals import shipped
from jobbro.goals.selectors import tertial_period
from jobbro.placements.models import PlacementKind as K
from jobbro.programmes import shipped as programmes_shipped
from jobbro.programmes.models import AMBASSADOR_PROJECT, Observation, Phase, Programme
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - a fixture

from .factories import enrol, person, place
from .readback import has_libreoffice, xlsx_as_rows

pytestmark = pytest.mark.django_db(transaction=True)


def _project_with_participants():
    """The flushed database's shipped rows again, and ten participants: six women, four men;
    seven in an internship (five women), two of them in ordinary work."""
    programmes_shipped.ship(apps)
    shipped.ship(apps)
    programme = Programme.objects.get(code=AMBASSADOR_PROJECT)
    today = timezone.localdate()
    start = today - dt.timedelta(days=200)
    people = [person(dt.date(1990, 1, i + 1), gender=Gender.FEMALE) for i in range(6)]
    people += [person(dt.date(1985, 1, i + 1), gender=Gender.MALE) for i in range(4)]
    for who in people:
        enrol(who, programme, start)
    for who in [*people[:5], *people[6:8]]:
        place(who, K.INTERNSHIP, start + dt.timedelta(days=10), start + dt.timedelta(days=90))
    for who in (people[0], people[6]):
        place(who, K.ORDINARY, start + dt.timedelta(days=100))
    Observation.objects.create(
        programme=programme,
        phase=Phase.MIDDLE,
        noted_on=today,
        text="Virksomhederne efterspørger især medarbejdere til lager og rengøring.",
    )
    return programme


def test_the_manager_follows_the_goals_to_the_spreadsheet_and_the_pdf(
    page,  # noqa: F811
    live_server,
    people,
    tmp_path,
):
    from playwright.sync_api import expect

    _project_with_participants()
    pages = Pages(page, "goals-manager", phones=True)
    log_in(page, pages, "lene")
    page.goto("/overblik/")
    panel = page.get_by_role("region", name="Mål mod resultat: Det integrerede Liv")
    expect(panel).to_contain_text("80 % i virksomhedspraktik – herunder mindst halvdelen kvinder")
    pages.check("dashboard")
    # The internship's share (7 of 10) is a link to its aggregate, the targets' page.
    panel.get_by_role("link", name="70,0 %").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mål og resultater: Det integrerede Liv"
    )
    expect(page.get_by_role("main")).to_contain_text("71,4 %")  # 5 women of the 7
    pages.check("targets")

    page.get_by_role("link", name="Status for deltagerne (alle afsluttede og igangværende)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Status for deltagerne: Det integrerede Liv"
    )
    pages.check("outcomes")
    with page.expect_download() as download:
        page.get_by_role("link", name="Status som regneark (XLSX)").click()
    if has_libreoffice():
        rows = xlsx_as_rows(download.value.path().read_bytes(), tmp_path)
        # Folded for the manager: all ten are active, none in 004's other categories now.
        assert [
            "Status",
            "I gang: anden eller ingen registreret indsats",
            "10",
            "0",
            "0",
            "10",
        ] in rows
        assert rows[[r[1] for r in rows].index("Kvinde")][:3] == ["Køn", "Kvinde", "6"]

    # A download does not leave the page: from the participants' status back to the targets.
    page.get_by_role("link", name="Mål og resultater", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent styregruppens rapport").click()
    start, end = tertial_period(_Unbound())
    title = f"Styregruppens rapport: Det integrerede Liv, {start:%d.%m.%Y}–{end:%d.%m.%Y}"
    reader = read_accessible_pdf(download.value.path().read_bytes(), title=title)
    text = pdf_text(reader)
    assert "80 % i virksomhedspraktik" in text
    assert "Virksomhederne efterspørger især medarbejdere til lager og rengøring." in text


class _Unbound:
    is_bound = False
