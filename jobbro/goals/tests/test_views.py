"""The goals' pages, spreadsheets and the steering group's PDF, as each role gets them."""

import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse

from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf
from jobbro.goals import shipped
from jobbro.programmes.models import AMBASSADOR_PROJECT
from jobbro.programmes.tests.factories import shipped_programme

from .readback import has_libreoffice, xlsx_as_rows

STATUS = {"day": "30.11.2017"}


def login(client, user):
    client.force_login(user)
    return client


def test_the_manager_sees_004s_table_folded(client, people, project_004):
    programme, _ = project_004
    login(client, people["lene"])
    response = client.get(reverse("goals:outcomes", args=[programme.pk]), STATUS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Afsluttet til ordinær uddannelse" in html
    assert "Øvrige afsluttede" in html and "Repatrieret" not in html
    assert "Syrien" in html and "Tunesien" not in html
    assert "Prøve Person" not in html  # never a person
    assert "<svg" in html and "<table" in html


def test_a_case_worker_sees_only_their_caseload_unfolded(client, people, project_004):
    programme, made = project_004
    made[0].case_worker = people["alice"]  # an own-business ending
    made[0].save()
    login(client, people["alice"])
    response = client.get(reverse("goals:outcomes", args=[programme.pk]), STATUS)
    report = response.context["report"]
    assert report.total == 1 and report.count("own_business") == 1
    assert "Tal for din og dit teams sagsstamme." in response.content.decode()


def test_bad_input_is_shown_and_the_default_counted(client, people, project_004):
    programme, _ = project_004
    login(client, people["lene"])
    response = client.get(reverse("goals:outcomes", args=[programme.pk]), {"day": "31.02.2017"})
    assert response.status_code == 200
    assert "findes ikke" in response.content.decode()
    response = client.get(
        reverse("goals:targets", args=[programme.pk]),
        {"date_from": "01.06.2017", "date_to": "01.01.2017"},
    )
    assert "Til-datoen må ikke ligge før fra-datoen." in response.content.decode()


@pytest.mark.skipif(not has_libreoffice(), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_status_spreadsheet_back(client, people, project_004, tmp_path):
    programme, _ = project_004
    login(client, people["lene"])
    response = client.get(reverse("goals:outcomes_xlsx", args=[programme.pk]), STATUS)
    assert response["Content-Disposition"].startswith("attachment")
    rows = xlsx_as_rows(response.content, tmp_path)
    assert rows[0][:3] == ["Opgørelse", "Gruppe", "I alt"]
    assert ["Status", "Afsluttet til ordinær uddannelse", "6", "6", "6", "0"] in rows
    assert ["Status", "Afsluttet til ordinært arbejde", "6", "6", "6", "0"] in rows
    assert ["Status", "I virksomhedspraktik uden sideløbende småjob", "5", "0", "0", "5"] in rows
    assert rows[[r[1] for r in rows].index("Syrien")][:3] == ["Nationalitet", "Syrien", "22"]
    assert any(r[:3] == ["Nationalitet", "Øvrige", "19"] for r in rows)


@pytest.mark.skipif(not has_libreoffice(), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_targets_and_measures_back(client, people, tmp_path):
    programme = shipped_programme(AMBASSADOR_PROJECT)
    shipped.ship(apps)
    login(client, people["amir"])
    response = client.get(reverse("goals:targets_xlsx", args=[programme.pk]))
    rows = xlsx_as_rows(response.content, tmp_path)
    assert rows[0][0] == "Mål"
    wordings = [r[0] for r in rows[1:]]
    assert "80 % i virksomhedspraktik – herunder mindst halvdelen kvinder" in wordings
    assert rows[1][1] == "80"
    (tmp_path / "m").mkdir()
    response = client.get(reverse("goals:measures_xlsx"))
    assert xlsx_as_rows(response.content, tmp_path / "m")[0][0] == "Mål"


def test_the_steering_groups_report_is_a_tagged_pdf(client, people, project_004):
    programme, _ = project_004
    login(client, people["lene"])
    response = client.get(
        reverse("goals:steering_pdf", args=[programme.pk]), {"year": "2017", "tertial": "3"}
    )
    assert response["Content-Type"] == "application/pdf"
    title = "Styregruppens rapport: Geninvesteringsprojekt Integration, 01.09.2017–31.12.2017"
    reader = read_accessible_pdf(response.content, title=title)
    text = pdf_text(reader)
    assert "Afsluttet til ordinær uddannelse" in text
    assert "I alt 41 borgere i bruttogruppen" in text  # the observation of 30.11.2017
    assert "Prøve" not in text


@pytest.mark.django_db
def test_the_panel_shows_the_ambassador_projects_targets(client, people):
    shipped_programme(AMBASSADOR_PROJECT)
    shipped.ship(apps)
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = people["lene"]
    html = Template('{% include "goals/_panel.html" %}').render(Context({"request": request}))
    assert "Mål mod resultat: Det integrerede Liv" in html
    assert "50 % i ordinær beskæftigelse – herunder mindst halvdelen kvinder" in html
    assert reverse("goals:targets", args=[shipped_programme(AMBASSADOR_PROJECT).pk]) in html


def test_the_day_defaults_to_today(client, people):
    login(client, people["alice"])
    response = client.get(reverse("goals:measures"))
    assert response.status_code == 200
    assert response.context["day"] == dt.date.today()


def test_a_case_worker_follows_a_status_count_to_the_persons_behind_it(client, people, project_004):
    """Issue 12: "each number a link to the list behind it for those allowed to see persons":
    the list shows the persons the number counts, of those the user may see, and logs them."""
    from jobbro.audit.models import AccessLogEntry

    programme, made = project_004
    mine = made[:2]  # the two own-business endings
    for who in mine:
        who.case_worker = people["alice"]
        who.save()
    login(client, people["alice"])
    page = client.get(reverse("goals:outcomes", args=[programme.pk]), STATUS)
    row = next(
        r for r in page.context["report"].rows if r.outcome and r.outcome.key == "own_business"
    )
    assert row.url.startswith(reverse("goals:persons"))
    assert row.url.replace("&", "&amp;") in page.content.decode()
    before = AccessLogEntry.objects.count()
    listing = client.get(row.url)
    assert listing.status_code == 200
    assert {c.pk for c in listing.context["page"].object_list} == {w.pk for w in mine}
    assert mine[0].last_name in listing.content.decode()
    assert AccessLogEntry.objects.count() > before


def test_a_manager_follows_a_number_to_its_aggregate_never_to_persons(client, people, project_004):
    programme, made = project_004
    login(client, people["lene"])
    page = client.get(reverse("goals:outcomes", args=[programme.pk]), STATUS)
    row = next(
        r for r in page.context["report"].rows if r.outcome and r.outcome.key == "ordinary_job"
    )
    assert row.url.startswith(reverse("front:overview_number"))
    aggregate = client.get(row.url)
    assert aggregate.status_code == 200
    assert aggregate.context["total"] == row.count.n == 6
    assert made[0].last_name not in aggregate.content.decode()
    assert client.get(reverse("goals:persons"), {"tal": "status-1-ordinary_job"}).status_code == 403


def test_the_measures_are_counted_for_one_programme(client, people, project_004):
    programme, made = project_004
    login(client, people["lene"])
    response = client.get(reverse("goals:measures"), {"day": "30.11.2017", "indsats": programme.pk})
    assert response.status_code == 200
    assert response.context["programme"] == programme
    assert response.context["self_support"][0].label.startswith("Efter Geninvestering")
    assert "Deltagere i Geninvesteringsprojekt" in response.content.decode()
