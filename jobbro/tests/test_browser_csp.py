"""The Content Security Policy in a real browser: the main pages of every kind load without a
single violation (or any other console error), and htmx still swaps the citizen list.

Chromium reports each blocked inline script or style as a console error and as a
`securitypolicyviolation` event; both are collected for every page.
"""

import datetime as dt

import pytest
from django.urls import reverse

from jobbro.assessments.tests.conftest import make_assessment
from jobbro.placements.tests.factories import place_with_everything
from jobbro.tests.test_browser import search

pytestmark = pytest.mark.django_db(transaction=True)

COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber);
});
"""


def _log_in(page, username):
    from jobbro.conftest import PASSWORD

    page.goto("/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/")


def _visit_all(page, paths) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(path)
        page.wait_for_load_state("load")
        policy = response.headers.get("content-security-policy", "")
        if "script-src 'self'" not in policy or "unsafe-inline" in policy:
            problems.append(f"{path}: no strict Content-Security-Policy ({policy!r})")
        problems += [f"{path}: {v}" for v in page.evaluate("window.__csp")]
    return problems


def test_the_main_pages_load_without_a_csp_violation(page, live_server, people, citizens, shipped):
    from playwright.sync_api import expect

    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.context.add_init_script(COLLECT_VIOLATIONS)
    fatima = citizens["fatima"]
    placement = place_with_everything(fatima, people, key_account=people["konrad"])
    assessment = make_assessment(
        fatima, shipped, dt.date(2026, 3, 2), people["alice"], {"advisor": [4] * 12}
    )

    page.goto("/login/")
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    _log_in(page, "alice")
    violations = _visit_all(
        page,
        [
            reverse("front:home"),
            reverse("citizens:list"),
            reverse("citizens:create"),
            reverse("citizens:detail", args=[fatima.pk]),
            reverse("citizens:edit", args=[fatima.pk]),
            reverse("citizens:awaiting"),
            reverse("companies:list"),
            reverse("placements:list"),
            reverse("placements:detail", kwargs={"pk": placement.pk}),
            reverse("placements:retention", kwargs={"pk": placement.pk}),
            reverse("placements:retention_print", kwargs={"pk": placement.pk}),
            reverse("assessments:index"),
            reverse("assessments:detail", args=[assessment.pk]),
            reverse("assessments:citizen", args=[fatima.pk]),
            "/findes-ikke/",
        ],
    )
    # htmx runs under the policy: the search swaps the results in without a page load.
    page.goto(reverse("citizens:list"))
    search(page, "haddad")
    expect(page.locator("#results")).to_contain_text("1 borger")
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    violations += page.evaluate("window.__csp")

    page.context.clear_cookies()
    _log_in(page, "ada")
    violations += _visit_all(page, [reverse("audit:search"), reverse("accounts:users")])
    page.context.clear_cookies()
    _log_in(page, "lene")
    violations += _visit_all(page, [reverse("front:overview")])

    assert violations == []
    # 404 for the missing page is expected in the console; nothing else is.
    assert [e for e in errors if "404" not in e] == []
