"""The good-practice library: the Integrationskit's 19 practices as data, found in Danish."""

import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from jobbro.accounts.models import Role
from jobbro.conftest import make_user
from jobbro.practices import shipped
from jobbro.practices.forms import PracticeListForm
from jobbro.practices.models import Practice, Theme
from jobbro.practices.selectors import practice_search

SEED = Path(__file__).resolve().parents[4] / "shared" / "seeds" / "002_012292aa5a95223e.txt"


def test_the_kit_ships_19_practices_in_its_5_themes():
    practices = shipped.load()["practices"]
    assert [p["number"] for p in practices] == list(range(1, 20))
    # The kit's contents: two practices in theme 1, six in 2, three in 3, five in 4, three in 5.
    by_theme = [sum(p["theme"] == t for p in practices) for t in Theme.values]
    assert by_theme == [2, 6, 3, 5, 3]
    assert {m for p in practices for m in p["municipalities"]} >= {
        "Vejle Kommune",
        "Hjørring Kommune",
        "Helsingør Kommune",
        "Esbjerg Kommune",
        "Holstebro Kommune",
    }
    assert all(p["lead"] and p["method"] and p["advice"] for p in practices)


@pytest.mark.skipif(not SEED.exists(), reason="the seeds are beside the project")
def test_the_numbers_and_advice_are_the_kits_own():
    text = re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8"))
    for p in shipped.load()["practices"]:
        assert f"integrationsprogrammet{', samlet for de' if p['persons_note'] else ''}" in text
        assert re.search(rf"integrationsprogrammet[^:]*: {p['persons_in_programme']}\b", text)
        first_words = " ".join(p["advice"][0].split()[:4])
        assert first_words in text, (p["number"], first_words)
    vejle = shipped.load()["practices"][0]
    assert vejle["persons_in_programme"] == 559
    assert vejle["advice"][0] == "Opnå enighed om rammen og målene for samarbejdet."


def test_no_real_persons_name_is_shipped():
    """The kit quotes named municipal staff: their names stay out (data/README.md)."""
    text = json.dumps(shipped.load(), ensure_ascii=False)
    for name in ("Lisby", "McDermott", "Giorgi", "Bertelsen", "Britt", "afdelingsleder"):
        assert name not in text


@pytest.mark.django_db
def test_the_migration_put_them_in_the_database():
    assert Practice.objects.count() == 19
    lederne = Practice.objects.get(number=8)
    assert lederne.partner == "Lederne"
    assert lederne.persons_note == "samlet for kommunerne"
    assert "Sønderborg Kommune" in lederne.municipalities


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("sprogmakker", 18),  # Esbjerg's language buddies
        ("sanktioner", 11),  # Helsingør
        ("Hjørring investering", 10),
        ("traumer", 14),
    ],
)
def test_search_finds_the_practice(q, expected):
    assert expected in [p.number for p in practice_search(q=q)]


@pytest.mark.django_db
def test_search_ranks_the_title_first_on_postgresql_and_needs_every_word():
    found = [p.number for p in practice_search(q="sprogmakkere")]
    assert found[0] == 18
    assert list(practice_search(q="sprogmakker xylofon")) == []


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Danish stemming is PostgreSQL's")
def test_postgresql_stems_danish_words():
    # "praktikker" and "praktik" share the Danish stem; "sanktion" finds "Sanktioner".
    assert {p.number for p in practice_search(q="praktikker")} == {
        p.number for p in practice_search(q="praktik")
    }
    assert 11 in [p.number for p in practice_search(q="sanktion")]


@pytest.mark.django_db
def test_theme_and_sort():
    assert {p.theme for p in practice_search(theme=Theme.LANGUAGE)} == {Theme.LANGUAGE}
    assert [p.number for p in practice_search()] == list(range(1, 20))
    by_persons = [p.persons_in_programme for p in PracticeListForm({"sort": "-personer"}).apply()]
    assert by_persons == sorted(by_persons, key=lambda n: (n is None, -(n or 0)))


@pytest.fixture
def reader(client, db):
    client.force_login(make_user("kira", Role.CASE_WORKER))
    return client


def test_the_list_searches_pages_and_keeps_the_input(reader):
    page = reader.get(reverse("practices:list")).content.decode()
    assert "19 eksempler" in page
    assert "Side 1 af 2" in page
    page = reader.get(reverse("practices:list"), {"q": "sprogmakker"}).content.decode()
    assert "Sprogmakkere lærer fra sig på arbejdspladserne" in page
    assert 'value="sprogmakker"' in page
    page = reader.get(reverse("practices:list"), {"q": "xylofon"}).content.decode()
    assert "Ingen matcher søgningen eller filtrene." in page


def test_the_list_follows_the_list_pattern(reader):
    """The shared list form: a sort by the kit's columns both ways, and page links that
    keep the search ({% querystring %})."""
    page = reader.get(reverse("practices:list"), {"sort": "-nummer"})
    assert [p.number for p in page.context["page"]] == list(range(19, 9, -1))
    html = reader.get(reverse("practices:list"), {"theme": "", "sort": "titel"}).content.decode()
    assert "sort=titel&amp;side=2" in html
    assert "Side 1 af 2" in html


def test_a_bad_theme_is_a_danish_message_not_a_500(reader):
    response = reader.get(reverse("practices:list"), {"theme": "99", "q": "IGU"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vælg et af integrationskittets fem temaer." in page
    assert 'value="IGU"' in page


def test_the_detail_shows_method_results_and_advice(reader):
    practice = Practice.objects.get(number=11)
    page = reader.get(reverse("practices:detail", args=[practice.pk])).content.decode()
    assert "Sanktioner virker i Helsingør Kommune" in page
    assert "<h2>Resultater</h2>" in page and "<h2>Gode råd</h2>" in page
    assert "Lad en administrativ medarbejder stå for indsatsen." in page
    assert "285" in page
