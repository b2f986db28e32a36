"""Language buddies (seed 002, Esbjerg): added to a placement, ended, and a diploma that
names the buddy and the company, never the refugee."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens import subject_export
from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf
from jobbro.mentoring import services
from jobbro.mentoring.models import LanguageBuddy
from jobbro.placements.tests.factories import place_with_everything


@pytest.fixture
def placement(people, citizens):
    return place_with_everything(citizens["fatima"], people, key_account=people["konrad"])


def test_the_case_worker_adds_a_buddy_and_the_placement_page_links_to_it(client, people, placement):
    client.force_login(people["alice"])
    url = reverse("mentoring:buddies", args=[placement.pk])
    response = client.post(
        url,
        {
            "name": "Testkollega Vest",
            "job_title": "Lagermedarbejder",
            "started_on": timezone.localdate().strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302
    buddy = LanguageBuddy.objects.get()
    assert buddy.placement == placement and buddy.created_by == people["alice"]
    assert AccessLogEntry.objects.filter(action=Action.CREATE, fields="language_buddies").exists()
    page = client.get(reverse("placements:detail", args=[placement.pk])).content.decode()
    assert "Sprogmakker (1)" in page


def test_a_start_before_the_placement_is_refused_with_the_input_kept(client, people, placement):
    client.force_login(people["alice"])
    before = placement.starts_on - dt.timedelta(days=3)
    response = client.post(
        reverse("mentoring:buddies", args=[placement.pk]),
        {"name": "Testkollega Vest", "started_on": before.strftime("%d.%m.%Y")},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "En sprogmakker kan ikke starte før forløbet." in page
    assert 'value="Testkollega Vest"' in page
    assert not LanguageBuddy.objects.exists()


def test_the_company_consultant_reads_but_cannot_add(client, people, placement):
    client.force_login(people["konrad"])
    url = reverse("mentoring:buddies", args=[placement.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "X", "started_on": "01.01.2026"})
    assert response.status_code == 403
    assert not LanguageBuddy.objects.exists()


def test_the_diploma_names_the_buddy_and_the_company_not_the_citizen(client, people, placement):
    placement.company.name = "Lageret Syd ApS"  # the factory's name holds the citizen's
    placement.company.save(update_fields=["name"])
    buddy = services.buddy_add(
        placement=placement,
        by=people["alice"],
        name="Testkollega Vest",
        started_on=placement.starts_on,
    )
    services.buddy_end(buddy=buddy, by=people["alice"])
    client.force_login(people["konrad"])
    response = client.get(reverse("mentoring:diploma", args=[buddy.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(read_accessible_pdf(response.content, title="Diplom: Testkollega Vest"))
    assert "Diplom" in text and "Testkollega Vest" in text and placement.company.name in text
    assert "sprogmakker for en ny kollega" in text
    assert len(read_accessible_pdf(response.content, title="Diplom: Testkollega Vest").pages) == 1
    assert placement.citizen.first_name not in text and placement.citizen.last_name not in text
    assert AccessLogEntry.objects.filter(action=Action.EXPORT).exists()


def test_ending_twice_keeps_the_first_date_and_the_export_holds_the_buddy(people, placement):
    buddy = services.buddy_add(
        placement=placement,
        by=people["alice"],
        name="Testkollega Vest",
        started_on=placement.starts_on,
    )
    services.buddy_end(buddy=buddy, by=people["alice"], ended_on=timezone.localdate())
    services.buddy_end(
        buddy=buddy, by=people["alice"], ended_on=timezone.localdate() + dt.timedelta(days=9)
    )
    assert LanguageBuddy.objects.get().ended_on == timezone.localdate()
    data = str(subject_export.as_json(subject_export.build(placement.citizen, by=people["alice"])))
    assert "Testkollega Vest" in data
