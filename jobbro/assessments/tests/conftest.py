import datetime as dt

import pytest
from django.apps import apps

from jobbro.assessments.models import Assessment, Instrument, RaterKind
from jobbro.assessments.services import rating_save
from jobbro.assessments.shipped import ship

REINVESTMENT = "Progressionsmåling, 12 punkter (Geninvesteringsprojekt Integration)"


@pytest.fixture
def shipped(db):
    """The shipped instruments; a transactional test before this one may have flushed them."""
    if not Instrument.objects.exists():
        ship(apps)
    return Instrument.objects.get(name=REINVESTMENT)


def make_assessment(citizen, instrument, on, user, scores=None, placement=None):
    """scores: {rater kind: [value per item]} entered directly through the service."""
    version = instrument.current
    a = Assessment.objects.create(
        citizen=citizen, version=version, assessed_on=on, created_by=user, placement=placement
    )
    items = list(version.items.all())
    for kind, values in (scores or {}).items():
        channel = "self" if kind == RaterKind.CITIZEN else "staff"
        rating_save(
            assessment=a,
            kind=kind,
            scores={i.pk: (v, "") for i, v in zip(items, values, strict=False)},
            by=user,
            channel=channel,
        )
    return a


@pytest.fixture
def day():
    return dt.date(2026, 3, 2)
