"""A programme names the practices of the library it builds on (issue 12, item 6): the old
text list mapped onto the 19 practices, links both ways, and the SIRI description."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from jobbro.practices.models import Practice
from jobbro.programmes import siri
from jobbro.programmes.practice_match import match_line, split
from jobbro.programmes.tests.factories import shipped_programme

pytestmark = pytest.mark.django_db

migration = importlib.import_module("jobbro.programmes.migrations.0009_good_practices_to_links")

KIT = [
    (110, 10, "Investering i integrationsindsatsen giver besparelser i Hjørring Kommune"),
    (111, 11, "Sanktioner virker i Helsingør Kommune"),
    (118, 18, "Sprogmakkere lærer fra sig på arbejdspladserne"),
]


@pytest.mark.parametrize(
    ("line", "pk"),
    [
        ("10", 110),
        ("Praksis 11.", 111),
        ("10. Investering i integrationsindsatsen giver besparelser i Hjørring Kommune", 110),
        ("  sanktioner VIRKER i Helsingør kommune. ", 111),
        ("Sprogmakkere lærer fra sig", 118),
        ("Kommune", None),  # a piece of several titles, and too short to say which
        ("12", None),  # no such practice here
        ("11. Sprogmakkere", None),  # number and title disagree
        ("Vores egne erfaringer fra Najah 1", None),
    ],
)
def test_it_matches_a_line_to_one_practice(line, pk):
    assert match_line(line, KIT) == pk


def test_it_keeps_the_lines_that_name_no_practice():
    named, kept = split("10\nEgen erfaring\n\nSanktioner virker i Helsingør Kommune\n10.", KIT)
    assert (named, kept) == ([110, 111], "Egen erfaring")


def test_the_migration_maps_the_text_onto_the_shipped_practices():
    najah = shipped_programme("najah")
    najah.good_practices = (
        "Sprogmakkere lærer fra sig på arbejdspladserne\n"
        "17. Nytænkende danskundervisning bringer flygtningekvinder tættere på "
        "arbejdsmarkedet\n"
        "Kvindegruppen i Løsning"
    )
    najah.save()
    migration.forwards(apps, None)
    najah.refresh_from_db()
    assert sorted(najah.practices.values_list("number", flat=True)) == [17, 18]
    assert najah.good_practices == "Kvindegruppen i Løsning"
    migration.backwards(apps, None)
    najah.refresh_from_db()
    assert najah.good_practices.splitlines()[0].startswith("17. Nytænkende")


def test_links_go_both_ways_for_those_who_read_programmes(client, people):
    najah = shipped_programme("najah")
    practice = Practice.objects.get(number=13)
    client.force_login(people["amir"])
    data = {
        "version": najah.version,
        "kind": najah.kind,
        "municipality": najah.municipality,
        "name": najah.name,
        "starts_on": najah.starts_on.strftime("%d.%m.%Y"),
        "intake": najah.intake,
        "practices": [practice.pk],
        "good_practices": "Egen erfaring",
    }
    response = client.post(reverse("programmes:edit", args=[najah.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(najah.practices.all()) == [practice]
    page = client.get(reverse("programmes:detail", args=[najah.pk])).content.decode()
    assert reverse("practices:detail", args=[practice.pk]) in page and "Egen erfaring" in page
    back = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Indsatser der bygger på denne praksis" in back
    assert reverse("programmes:detail", args=[najah.pk]) in back
    # The company consultant reads the library but not programmes: no such list.
    client.force_login(people["konrad"])
    back = client.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Indsatser der bygger på" not in back and najah.name not in back
    najah.refresh_from_db()
    texts = [t for s in siri.sections(najah) if s.key == "practices" for t in s.parts[0].texts]
    assert texts == [f"13. {practice.title} ({practice.municipalities_text})", "Egen erfaring"]
