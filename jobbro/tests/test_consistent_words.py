"""One word per thing across pages, PDFs and English (issue 13, item 8).

Each test here fails on the wording Jobbro had before: "Praktiksted" beside the seed's
"tilbudssted", IGU named "løntilskud", "(Uddannelse (VUC, FVU))", openings and placements
with their own kind names, third-person items on the citizen's own page, Danish raters on
English pages, and an access log that said "access_log" and "first_name,last_name".
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from jobbro.assessments.models import Rater, RaterKind
from jobbro.assessments.tests.conftest import make_assessment
from jobbro.audit import fields as logged
from jobbro.audit.models import AccessLogEntry, Action
from jobbro.companies.models import OpeningKind, Sector
from jobbro.core.kinds import KIND_LABELS
from jobbro.placements.models import PlacementKind, Step
from jobbro.placements.staircase import describe_step, step_for

ROOT = Path(__file__).resolve().parents[1]  # jobbro/
DAY = dt.date(2026, 3, 2)
LOCALE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _sources(*suffixes: str):
    """The app's own source and templates: not its tests, migrations or shipped documents."""
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if path.suffix in suffixes and not parts & {"tests", "migrations", "data", "static"}:
            yield path


def test_the_offer_site_is_called_tilbudssted_everywhere():
    """Seed 004's word; "praktiksted" is not used for a rater, a heading or its English."""
    found = [
        str(p.relative_to(ROOT))
        for p in _sources(".py", ".html")
        if re.search(r"praktiksted|arbejdspladsens score", p.read_text(), re.IGNORECASE)
    ]
    assert found == []
    po = "\n".join(line for line in LOCALE.read_text().splitlines() if not line.startswith("#~"))
    assert 'msgid "Tilbudssted"\nmsgstr "Offer site"' in po
    assert "workplace's score" not in po


@pytest.mark.django_db
def test_the_shipped_tools_name_their_raters_as_the_seed(shipped):
    labels = {(r.version.instrument.name, r.kind): r.label for r in Rater.objects.all()}
    assert set(labels.values()) >= {
        "Score borger",
        "Score tilbudssted",
        "Score rådgiver/konsulent",
        "Tilbudssted",
        "Rådgiver/konsulent",
    }
    assert not [v for v in labels.values() if "praktiksted" in v.lower()]
    for (_tool, kind), label in labels.items():
        if kind == RaterKind.ADVISOR:
            assert "rådgiver/konsulent" in label.lower()
    # Every shipped rater has its English.
    assert all(r.translations.get("en") for r in Rater.objects.all())


@pytest.mark.parametrize("kind", [PlacementKind.IGU, PlacementKind.FLEXJOB])
@pytest.mark.parametrize("sector", [Sector.PRIVATE, Sector.PUBLIC])
@pytest.mark.parametrize("short", [False, True])
def test_igu_and_flexjob_are_not_called_wage_subsidy(kind, sector, short):
    with translation.override("da"):
        text = describe_step(step_for(kind, sector), kind, short=short)
    assert "løntilskud" not in text.lower()
    assert str(PlacementKind(kind).label) in text


@pytest.mark.parametrize("kind", PlacementKind.values)
@pytest.mark.parametrize("short", [False, True])
def test_no_step_description_has_brackets_in_brackets(kind, short):
    with translation.override("da"):
        text = describe_step(step_for(kind, Sector.PUBLIC), kind, short=short)
    assert "((" not in text and "))" not in text
    assert not re.search(r"\([^)]*\(", text), text


def test_education_is_named_once_without_double_brackets():
    with translation.override("da"):
        assert describe_step(Step.OTHER_EFFORT, PlacementKind.EDUCATION) == (
            "Trin 6: Uddannelse (VUC, FVU)"
        )


def test_openings_and_placements_take_their_kind_names_from_one_mapping():
    for value, label in OpeningKind.choices:
        assert label is KIND_LABELS[value]
        assert PlacementKind(value).label is KIND_LABELS[value]
    for value, label in PlacementKind.choices:
        assert label is KIND_LABELS[value]
    # And no template or module spells an opening kind its own way.
    for old in ("Job med løntilskud", "Fritidsjob for unge", "Ordinært job"):
        places = [
            p
            for p in _sources(".py", ".html")
            if old in p.read_text() and "goals" not in p.parts  # goals: seed 000's targets
        ]
        assert places == [], old


@pytest.mark.django_db
def test_the_citizen_scores_themselves_in_the_first_person(client, people, citizens, shipped):
    a = make_assessment(citizens["fatima"], shipped, DAY, people["alice"])
    client.force_login(people["alice"])
    own = client.get(reverse("assessments:self_score", args=[a.pk]), {"punkt": 1})
    assert "Jeg forstår og taler dansk" in own.content.decode()
    assert "Kan forstå og tale dansk" not in own.content.decode()
    # Staff enter the other raters' scores with the seed's own (third-person) texts.
    grid = client.get(reverse("assessments:enter", args=[a.pk])).content.decode()
    assert "Kan forstå og tale dansk" in grid and "Jeg forstår" not in grid


@pytest.mark.django_db
def test_english_pages_show_english_raters_and_items(client, people, citizens, shipped):
    a = make_assessment(
        citizens["fatima"], shipped, DAY, people["alice"], {RaterKind.ADVISOR: [3] * 12}
    )
    client.force_login(people["alice"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("da"):  # LocaleMiddleware leaves its language active
        html = client.get(reverse("assessments:detail", args=[a.pk])).content.decode()
        history = client.get(
            reverse("assessments:citizen", args=[citizens["fatima"].pk])
        ).content.decode()
    for page in (html, history):
        assert "Offer site&#x27;s score" in page
        assert "Score tilbudssted" not in page and "Kan forstå og tale dansk" not in page
    assert "Can understand and speak Danish" in html  # history shows items from two on
    assert "Advisor/consultant" in html  # the bars are named by the rater's kind


@pytest.mark.django_db
def test_the_access_log_speaks_danish_and_names_the_user_once(client, people, citizens):
    fatima, alice = citizens["fatima"], people["alice"]
    client.force_login(alice)
    client.get(reverse("citizens:detail", args=[fatima.pk]))  # a view of the case
    AccessLogEntry.objects.create(
        user=alice,
        role=alice.role,
        action=Action.LIST,
        citizen_id=fatima.pk,
        purpose="caseload",
        fields="first_name,last_name,attachment:12",
    )
    html = client.get(reverse("citizens:access_log", args=[fatima.pk])).content.decode()
    assert "Åbnet sagen" in html
    assert "fornavn, efternavn, bilag (nr. 12)" in html
    assert "adgangslog" in html  # this very visit, logged as the access log
    for raw in ("first_name", "last_name", "access_log", "attachment:12"):
        assert raw not in html
    rows = re.findall(r"<tr><td>.*?</tr>", html, re.DOTALL)
    assert rows and all(re.sub(r"<[^>]+>", " ", r).lower().count("alice") == 1 for r in rows)


# The names the views pass as logged fields: `fields=[...]`, or the list after the action.
_LOGGED = re.compile(
    r"(?:\.log|log_list|log_access)\((?:[^()]|\([^()]*\))*?"
    r"(?:fields=|Action\.\w+,\s*)[\[(]([^\])]*)[\])]",
    re.DOTALL,
)
_CONSTANT = re.compile(r"^(\w*FIELDS|\w*LOGGED)\s*=\s*[\[(]([^\])]*)[\])]", re.MULTILINE)


def test_every_logged_field_has_a_danish_name():
    names: set[str] = set()
    for path in _sources(".py"):
        text = path.read_text()
        for match in _LOGGED.finditer(text):
            names |= set(re.findall(r'"(\w+)(?::|")', match.group(1)))
        for match in _CONSTANT.finditer(text):
            if match.group(1) in ("TEACHER_FIELDS", "STAFF_FIELDS", "MENTEE_FIELDS", "FIELDS"):
                names |= set(re.findall(r'"(\w+)"', match.group(2)))
    assert {"access_log", "journal", "first_name", "trauma_screening"} <= names
    with translation.override("da"):
        missing = sorted(n for n in names if not logged.known(n))
    assert missing == []
