"""The retention plan's print page, the HTML the PDF is made from, passes axe-core; its PDF
link downloads the tagged PDF (the progression PDF: assessments/tests/test_browser_assessment.py)."""

import pytest

from jobbro.documents.tests.checks import read_accessible_pdf
from jobbro.placements.tests.factories import place_with_everything
from jobbro.tests.test_browser import Pages, log_in, page  # noqa: F401 - page is a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_retention_plan_page_print_and_pdf(page, live_server, people, citizens):  # noqa: F811
    from playwright.sync_api import expect

    placement = place_with_everything(citizens["fatima"], people, key_account=people["konrad"])
    pages = Pages(page, "documents")
    log_in(page, pages, "amir")
    page.goto(f"/forloeb/{placement.pk}/fastholdelsesplan/")
    pages.check("retention-plan")
    page.goto(f"/forloeb/{placement.pk}/fastholdelsesplan/udskriv/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fastholdelsesplan")
    assert page.evaluate("document.documentElement.lang") == "da"
    assert page.title() == f"Fastholdelsesplan: {citizens['fatima'].full_name}"
    pages.check("retention-print")
    response = page.request.get(f"/forloeb/{placement.pk}/fastholdelsesplan/pdf/")
    assert response.headers["cache-control"] == "no-store"
    read_accessible_pdf(
        response.body(), title=f"Fastholdelsesplan: {citizens['fatima'].full_name}", lang="da"
    )
