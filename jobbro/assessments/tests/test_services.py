"""The progression tool's writes, called directly: assessments.services."""

import pytest
from django.core.exceptions import ValidationError

from jobbro.assessments import services
from jobbro.assessments.models import Instrument, RaterKind, Rating, Score
from jobbro.assessments.services import ItemSpec, StepSpec

from .conftest import make_assessment

C, T, R = RaterKind.CITIZEN, RaterKind.OFFER_SITE, RaterKind.ADVISOR


def _scores(assessment, values, comment=""):
    return {
        i.pk: (v, comment) for i, v in zip(assessment.version.items.all(), values, strict=False)
    }


def test_it_saves_every_rater_and_the_next_steps(people, citizens, shipped, day):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])

    services.assessment_scores_save(
        assessment=a,
        version=a.edit_version,
        scores={R: _scores(a, [3] * 12), T: _scores(a, [4] * 12)},
        next_steps="Tale om lønnede timer.",
        by=people["amir"],
    )

    a.refresh_from_db()
    assert a.next_steps == "Tale om lønnede timer."
    assert a.mean == 3.5
    assert set(a.ratings.values_list("rater__kind", "entered_by")) == {
        (R, people["amir"].pk),
        (T, people["amir"].pk),
    }


def test_it_keeps_who_entered_a_rater_nobody_changed(people, citizens, shipped, day):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"], {R: [3] * 12})

    services.assessment_scores_save(
        assessment=a,
        version=a.edit_version,
        scores={R: _scores(a, [3] * 12), T: _scores(a, [5] * 12)},
        next_steps="",
        by=people["amir"],
    )

    entered = dict(a.ratings.values_list("rater__kind", "entered_by"))
    assert entered == {R: people["alice"].pk, T: people["amir"].pk}


def test_it_saves_nothing_when_one_rater_is_refused(people, citizens, shipped, day):
    a = make_assessment(citizens["fatima"], shipped, day, people["alice"])

    with pytest.raises(ValidationError, match="selvvurderingssiden"):
        services.assessment_scores_save(
            assessment=a,
            version=a.edit_version,
            scores={R: _scores(a, [3] * 12), C: _scores(a, [2] * 12)},
            next_steps="Må ikke gemmes",
            by=people["alice"],
        )

    a.refresh_from_db()
    assert a.next_steps == ""
    assert not Rating.objects.exists() and not Score.objects.exists()


def _content(**extra):
    return {
        "name": "Nyt værktøj",
        "active": True,
        "description": "  Til introforløbet  ",
        "items": [ItemSpec("Kommer til tiden", {"en": "Is on time"})],
        "steps": [StepSpec(1, "Lav", {}), StepSpec(2, "Høj", {})],
        "raters": [(R, "Rådgiver")],
        **extra,
    }


def test_it_creates_an_instrument_with_its_first_version(people):
    instrument, version = services.instrument_save(instrument=None, by=people["ada"], **_content())

    assert Instrument.objects.get(name="Nyt værktøj") == instrument
    assert (version.number, version.description, version.created_by) == (
        1,
        "Til introforløbet",
        people["ada"],
    )


def test_it_renames_without_a_new_version_when_the_content_is_the_same(people):
    instrument, _v = services.instrument_save(instrument=None, by=people["ada"], **_content())

    same, version = services.instrument_save(
        instrument=instrument,
        version=instrument.version,
        by=people["ada"],
        **_content(name="Omdøbt", active=False),
    )

    assert version is None
    instrument.refresh_from_db()
    assert (instrument.name, instrument.active, instrument.versions.count()) == (
        "Omdøbt",
        False,
        1,
    )


def test_it_creates_no_instrument_when_its_content_is_refused(people):
    with pytest.raises(ValidationError, match="mindst to trin"):
        services.instrument_save(
            instrument=None, by=people["ada"], **_content(steps=[StepSpec(1, "Lav", {})])
        )

    assert not Instrument.objects.filter(name="Nyt værktøj").exists()
