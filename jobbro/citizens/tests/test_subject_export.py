"""The complete data-subject export (issue 9 item 7): every app's section, as JSON with
readable values and as a Danish PDF read back as text, and the export itself logged."""

import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile

import pytest
from django.apps import apps
from django.utils import timezone

from jobbro.assessments.models import Instrument, RaterKind
from jobbro.assessments.shipped import ship
from jobbro.assessments.tests.conftest import REINVESTMENT, make_assessment
from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens import subject_export
from jobbro.documents.tests.checks import read_accessible_pdf
from jobbro.placements.tests.factories import place_with_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def fatima_with_everything(people, citizens):
    fatima = citizens["fatima"]
    placement = place_with_everything(fatima, people, key_account=people["konrad"])
    if not Instrument.objects.exists():
        ship(apps)
    instrument = Instrument.objects.get(name=REINVESTMENT)
    make_assessment(
        fatima,
        instrument,
        dt.date(2026, 3, 2),
        people["alice"],
        scores={RaterKind.ADVISOR: [3] * 12},
        placement=placement,
    )
    return fatima, placement


def _parts(data):
    return {p["key"]: p for s in data["sections"] for p in s["parts"]}


def test_every_existing_app_has_registered_its_section():
    assert {"case_file", "placements", "companies", "assessments", "journal", "access_log"} <= set(
        subject_export.registered()
    )


def test_the_json_holds_every_apps_data_with_readable_values(
    client, people, fatima_with_everything
):
    fatima, placement = fatima_with_everything
    client.force_login(people["alice"])
    response = client.get(f"/borgere/{fatima.pk}/eksport/")
    assert response.status_code == 200
    data = json.loads(response.content)
    parts = _parts(data)
    placements = parts["placements"]["rows"]
    assert [p["kind"] for p in placements] == ["Virksomhedspraktik"]  # the label, not "internship"
    assert placements[0]["company"] == placement.company.name
    assert placements[0]["starts_on"] == placement.starts_on.isoformat()
    assert parts["placements"]["columns"]["kind"] == "Type"
    assert parts["plans"]["rows"][0]["goals"].startswith("Lære rutinerne")
    assert parts["plan_revisions"]["rows"], "the plan's revisions"
    assert parts["follow_ups"]["rows"] and parts["acute_issues"]["rows"]
    assert parts["retention_plans"]["rows"][0]["placement"].startswith("Virksomhedspraktik")
    assert parts["companies"]["rows"][0]["cvr"] == placement.company.cvr
    assessment = parts["assessments"]["rows"][0]
    assert assessment["assessed_on"] == "2026-03-02" and assessment["mean"] == 3.0
    assert len(parts["scores"]["rows"]) == 12
    assert parts["ratings"]["rows"][0]["channel"] == "Indtastet af medarbejder"
    log = parts["access_log"]["rows"]
    assert log[-1]["action"] == "Eksporteret" and log[-1]["purpose"] == "Egen sagsstamme"


# Column labels that are Danish and English alike.
SAME_IN_BOTH = {"status", "version", "transport", "mentor"}


def test_every_column_has_a_danish_label(client, people, fatima_with_everything):
    """A field without a verbose name would be labelled in English ("created at")."""
    fatima, _placement = fatima_with_everything
    client.force_login(people["alice"])
    data = json.loads(client.get(f"/borgere/{fatima.pk}/eksport/").content)
    english = [
        (p["key"], key)
        for p in _parts(data).values()
        for key, label in p["columns"].items()
        if key not in SAME_IN_BOTH and label.lower() == key.replace("_", " ")
    ]
    assert not english, english


def test_the_pdf_is_danish_tagged_and_reads_back(client, people, fatima_with_everything):
    fatima, placement = fatima_with_everything
    client.force_login(people["alice"])
    response = client.get(f"/borgere/{fatima.pk}/eksport/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    title = "Indsigt i oplysninger om Fatima Haddad"
    read_accessible_pdf(response.content, title=title, lang="da")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler's pdftotext is not installed")
    text = subprocess.run(  # noqa: S603 (poppler on our own bytes)
        [pdftotext, "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    for expected in (
        "Indsigt i dine oplysninger",
        "010190-1236",
        "Virksomhedspraktik",
        placement.company.name,
        "Progressionsmålinger",
        "Adgangslog",
        "Eksporteret",
        timezone.localdate().strftime("%d.%m.%Y"),
    ):
        assert expected in flat, expected


def test_the_zip_holds_the_pdf_and_the_json(client, people, fatima_with_everything, monkeypatch):
    from jobbro import documents

    monkeypatch.setattr(documents, "render_pdf", lambda *a, **k: b"%PDF-1.7 test")
    fatima, _placement = fatima_with_everything
    client.force_login(people["alice"])
    response = client.get(f"/borgere/{fatima.pk}/eksport/zip/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {f"borger-{fatima.pk}.pdf", f"borger-{fatima.pk}.json"} <= names
    data = json.loads(archive.read(f"borger-{fatima.pk}.json"))
    assert _parts(data)["placements"]["rows"]


@pytest.mark.parametrize("fmt", ["json", "pdf", "zip"])
def test_each_export_is_logged_as_an_export(client, people, citizens, fmt, monkeypatch):
    from jobbro import documents

    monkeypatch.setattr(documents, "render_pdf", lambda *a, **k: b"%PDF-1.7 test")
    fatima = citizens["fatima"]
    client.force_login(people["alice"])
    path = f"/borgere/{fatima.pk}/eksport/" + ("" if fmt == "json" else f"{fmt}/")
    assert client.get(path).status_code == 200
    entry = AccessLogEntry.objects.get(citizen_id=fatima.pk)
    assert (entry.action, entry.fields) == (Action.EXPORT, f"data_subject_export,{fmt}")


def test_two_sections_cannot_share_a_key():
    with pytest.raises(ValueError, match="case_file"):

        @subject_export.section("case_file", "Noget andet", order=1)
        def another(citizen):  # pragma: no cover (refused at registration)
            return []
