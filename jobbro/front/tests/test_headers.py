"""Security headers on every response: a Content Security Policy without inline script or
style, a Permissions-Policy that turns off what Jobbro never uses, and no caching of
anything Jobbro answers (pages, PDFs, exports and case files hold personal data)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from jobbro.assessments.tests.conftest import make_assessment
from jobbro.placements.tests.factories import place_with_everything

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _csp(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_no_store(response):
    cache_control = {v.strip() for v in response["Cache-Control"].split(",")}
    assert "no-store" in cache_control, response["Cache-Control"]


def test_every_page_has_a_strict_content_security_policy(client, people):
    for response in (client.get(reverse("accounts:login")), client.get("/nowhere/")):
        csp = _csp(response)
        for directive in ("default-src", "script-src", "style-src"):
            assert csp[directive] == ["'self'"], (directive, csp)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert csp["object-src"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]
        assert csp["form-action"] == ["'self'"]


def test_the_permissions_policy_turns_off_powerful_features(client):
    policy = client.get(reverse("accounts:login"))["Permissions-Policy"]
    features = dict(part.strip().split("=") for part in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", (feature, policy)


def test_no_template_has_inline_script_or_style():
    """The CSP would block them: scripts and styles live in jobbro/static."""
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        # Template tags are not HTML: `{% blocktranslate with one=… %}` is no event handler.
        text = re.sub(r"{%.*?%}", "", template.read_text(), flags=re.S)
        if re.search(r"<style|\sstyle=|\son[a-z]+=|javascript:", text):
            offenders.append(str(template.relative_to(TEMPLATES)))
        for script in re.findall(r"<script[^>]*>", text):
            if "src=" not in script:
                offenders.append(str(template.relative_to(TEMPLATES)))
    assert offenders == []


def test_a_case_file_is_not_cached(client, people, citizens):
    client.force_login(people["alice"])
    response = client.get(reverse("citizens:detail", args=[citizens["fatima"].pk]))
    assert response.status_code == 200
    assert_no_store(response)
    assert "Permissions-Policy" in response and "Content-Security-Policy" in response


def test_the_json_export_is_not_cached(client, people, citizens):
    client.force_login(people["alice"])
    response = client.get(reverse("citizens:export", args=[citizens["fatima"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert_no_store(response)


@pytest.fixture
def fetched(monkeypatch):
    """The URLs WeasyPrint fetches while a PDF is made."""
    from jobbro import documents

    urls: list[str] = []
    make = documents._url_fetcher

    def recording():
        fetcher = make()
        fetch = fetcher.fetch

        def fetch_and_record(url, headers=None):
            urls.append(url)
            return fetch(url, headers)

        fetcher.fetch = fetch_and_record
        return fetcher

    monkeypatch.setattr(documents, "_url_fetcher", recording)
    return urls


def test_the_retention_pdf_is_not_cached_and_gets_its_stylesheet(client, people, citizens, fetched):
    placement = place_with_everything(citizens["fatima"], people)
    client.force_login(people["amir"])
    response = client.get(reverse("placements:retention_pdf", kwargs={"pk": placement.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert_no_store(response)
    assert any(u.endswith("/static/jobbro/retention_print.css") for u in fetched), fetched


def test_the_assessment_pdf_is_not_cached_and_gets_its_stylesheet(
    client, people, citizens, shipped, fetched
):
    import datetime as dt

    a = make_assessment(citizens["fatima"], shipped, dt.date(2026, 3, 2), people["alice"])
    client.force_login(people["alice"])
    response = client.get(reverse("assessments:pdf", args=[a.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert_no_store(response)
    assert any(u.endswith("/static/jobbro/assessment_pdf.css") for u in fetched), fetched


def test_static_files_stay_cacheable(client):
    response = client.get("/static/jobbro/jobbro.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
