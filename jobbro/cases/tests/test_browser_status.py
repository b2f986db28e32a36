"""In a real browser: a case worker closes a case as "moved", finds it among the closed
cases, reopens it and hands it over; an administrator decides a deletion. axe-core checks
every page, at desktop width and on a phone."""

import datetime as dt

import pytest
from django.utils import timezone

from jobbro.cases import services
from jobbro.citizens.status import ClosingReason
from jobbro.erasure.models import ErasureDecision
from jobbro.lib.dates import add_years
from jobbro.tests.test_browser import Pages, log_in, page, search  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_case_worker_closes_finds_reopens_and_hands_over_a_case(page, people, citizens):  # noqa: F811
    from playwright.sync_api import expect

    fatima = citizens["fatima"]
    pages = Pages(page, "status")
    log_in(page, pages, "alice")

    page.goto(f"/borgere/{fatima.pk}/")
    page.get_by_role("link", name="Luk sagen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Luk sagen")
    page.get_by_label("Afslutningsårsag").select_option(label="Flyttet til anden kommune")
    page.get_by_role("button", name="Luk sagen").click()
    expect(page.locator("#form-errors")).to_contain_text(
        "Vælg den kommune, borgeren er flyttet til."
    )
    pages.check("close-refused")
    page.get_by_label("Ny kommune").select_option(label="Vejle Kommune")
    page.get_by_role("button", name="Luk sagen").click()
    expect(page.locator("main")).to_contain_text("Flyttet til anden kommune: Vejle Kommune")
    pages.check("closed")

    page.goto("/borgere/")
    expect(page.locator("#results")).not_to_contain_text("Haddad")
    page.get_by_text("Filtre og sortering").click()  # the filters are folded behind a summary
    page.get_by_label("Sagens status").select_option(label="Lukkede sager")
    expect(page.locator("#results")).to_contain_text("Haddad")
    pages.check("closed-list")

    page.goto(f"/borgere/{fatima.pk}/")
    page.get_by_role("link", name="Genåbn sagen").click()
    page.get_by_label("Hvorfor genåbnes sagen?").fill("Flytningen blev opgivet.")
    page.get_by_role("button", name="Genåbn sagen").click()
    expect(page.locator("main")).to_contain_text("Genåbnet pr.")

    page.get_by_role("link", name="Overdrag sagen").click()
    page.get_by_label("Ny sagsbehandler").select_option(label="Carol (Team Syd)")
    page.get_by_label("Note til modtageren").fill("Tolk på arabisk ved samtaler.")
    pages.check("transfer-form")
    page.get_by_role("button", name="Overdrag sagen").click()
    page.goto("/sager/overdragelser/")
    expect(page.locator("main")).to_contain_text("Tolk på arabisk ved samtaler.")
    pages.check("transfers")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/sager/overdragelser/")
    pages.check("transfers-phone")


def test_an_administrator_approves_a_deletion(page, people, citizens):  # noqa: F811
    from playwright.sync_api import expect

    yonas = citizens["yonas"]
    services.case_close(
        citizen=yonas,
        by=people["bob"],
        closed_on=add_years(timezone.localdate(), -5) - dt.timedelta(days=10),
        reason=ClosingReason.DECLINED,
    )
    from django.apps import apps

    from jobbro.erasure.services import retention_list
    from jobbro.erasure.shipped import ship

    ship(apps)  # a transactional test flushes the data migration's rules
    (pending,) = retention_list()
    pages = Pages(page, "erasure")
    log_in(page, pages, "ada")

    page.goto("/sletning/regler/")
    expect(page.locator("main")).to_contain_text("Databeskyttelsesforordningen")
    pages.check("rules")
    page.goto("/sletning/")
    page.get_by_role("link", name="Sagen: stamoplysninger").first.click()
    expect(page.locator("main")).to_contain_text("Ønsker ikke at deltage i indsatsen")
    page.get_by_label("Afgørelse").select_option("approve")
    page.get_by_role("button", name="Gem afgørelsen").click()
    expect(page.locator("#form-errors")).to_contain_text("Bekræft kontrollen")
    pages.check("decide-refused")
    page.get_by_label("Afgørelse").select_option("approve")
    page.get_by_label("Jeg har kontrolleret").check()
    page.get_by_role("button", name="Gem afgørelsen").click()
    expect(page.locator("main")).to_contain_text("Data er anonymiseret.")
    pages.check("decided")
    assert ErasureDecision.objects.get(pk=pending.pk).state == "approved"
