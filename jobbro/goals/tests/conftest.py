"""The goals' fixtures: seed 004's 41 citizens, entered as Jobbro records them."""

import datetime as dt

import pytest

from jobbro.citizens.models import Gender
from jobbro.citizens.status import CaseStatus, ClosingReason, PauseReason, StatusPeriod
from jobbro.placements.models import PlacementKind as K
from jobbro.placements.models import PlacementStatus
from jobbro.programmes.models import EndReason
from jobbro.programmes.tests.factories import shipped_programme

from .factories import close, enrol, mentor, pause, person, place

D = dt.date
HANDOVER = D(2016, 10, 1)  # "Der er 01.10.2016 overdraget 31 sager til projektet"

# Seed 004: "De i alt 41 borgere i bruttogruppen har følgende nationaliteter".
NATIONALITIES = [
    ("AF", "", 2),  # Afghanistan
    ("BY", "", 1),  # Belarus
    ("EG", "", 1),  # Egypten
    ("CI", "", 1),  # Elfenbenskysten
    ("IR", "", 3),  # Iran
    ("KW", "", 1),  # Kuwait
    ("RU", "", 3),  # Rusland
    ("SO", "", 4),  # Somalia
    ("XXA", "BT", 2),  # Statsløs, født i Bhutan
    ("SY", "", 22),  # Syrien
    ("TN", "", 1),  # Tunesien
]


def _nationalities():
    for code, born, n in NATIONALITIES:
        for _ in range(n):
            yield code, born


@pytest.fixture
def project_004(people):
    """The 41 citizens of seed 004's gross group, each recorded as Jobbro records it."""
    programme = shipped_programme("geninvestering")
    nationalities = _nationalities()
    made = []

    def citizen(i):
        code, born = next(nationalities)
        who = person(
            D(1970 + i % 30, 1 + i % 12, 1 + i % 28),
            gender=Gender.FEMALE if i % 3 else Gender.MALE,
            nationality=code,
            birth_country=born,
        )
        # 31 handed over on 01.10.2016, 10 came later (ended their integration period).
        start = HANDOVER if len(made) < 31 else D(2017, 2, 1) + dt.timedelta(days=len(made))
        made.append(who)
        return who, start

    month = D(2017, 6, 1)
    # Ended: some as the enrolment's end reason, some as the case's closing.
    for reason, n in [
        (ClosingReason.OWN_BUSINESS, 2),
        (ClosingReason.SPOUSE_SUPPORTED, 2),
        (ClosingReason.DECLINED, 2),
        (ClosingReason.ORDINARY_EDUCATION, 6),
        (ClosingReason.FLEXJOB, 1),
        (ClosingReason.REPATRIATED, 1),
    ]:
        for _ in range(n):
            who, start = citizen(len(made))
            enrol(who, programme, start, month, end_reason=reason)
    for _ in range(3):  # moved: the case closed, naming the new municipality
        who, start = citizen(len(made))
        enrol(who, programme, start)
        close(who, month, ClosingReason.MOVED, municipality="101")
    for i in range(6):  # ordinary work: case closed; the first also ended the enrolment
        who, start = citizen(len(made))
        place(who, K.INTERNSHIP, start, month - dt.timedelta(days=1))
        place(who, K.ORDINARY, month)
        if i == 0:
            enrol(who, programme, start, month, end_reason=EndReason.ORDINARY_JOB)
        else:
            enrol(who, programme, start)
            close(who, month, ClosingReason.ORDINARY_JOB)
    # Active: 0 in wage subsidy (one ended before the day does not count).
    for i in range(5):  # internship without small jobs
        who, start = citizen(len(made))
        enrol(who, programme, start)
        place(who, K.INTERNSHIP, D(2017, 9, 1))
        if i == 0:
            place(who, K.WAGE_SUBSIDY, D(2017, 1, 1), D(2017, 6, 30))
        if i == 1:  # a small job only proposed: not running
            place(who, K.SMALL_JOB, D(2017, 11, 1), status=PlacementStatus.PROPOSED)
    for i in range(5):  # small jobs alongside an internship: paid hours, or a small job
        who, start = citizen(len(made))
        enrol(who, programme, start)
        if i < 3:
            place(who, K.INTERNSHIP, D(2017, 8, 1), paid=6)
        else:
            place(who, K.INTERNSHIP, D(2017, 8, 1))
            place(who, K.SMALL_JOB, D(2017, 10, 1), hours=8)
    who, start = citizen(len(made))  # maternity leave
    enrol(who, programme, start)
    pause(who, D(2017, 9, 15), PauseReason.MATERNITY)
    for _ in range(2):  # IGU
        who, start = citizen(len(made))
        enrol(who, programme, start)
        place(who, K.IGU, D(2017, 5, 1))
    # Mentor and health: five; two have begun an internship a few hours a week, one is in
    # psychiatric treatment (a pause for treatment), one was closed and reopened.
    for i in range(5):
        who, start = citizen(len(made))
        enrol(who, programme, start)
        if i == 4:
            pause(who, D(2017, 10, 1), PauseReason.TREATMENT)
            continue
        mentor(who, people["mads"], D(2017, 1, 15))
        if i in (1, 2):
            place(who, K.INTERNSHIP, D(2017, 11, 1), hours=4)
        if i == 3:
            close(who, D(2017, 3, 1), ClosingReason.DECLINED)
            StatusPeriod.objects.create(
                citizen=who, status=CaseStatus.ACTIVE, starts_on=D(2017, 4, 1)
            )
    assert len(made) == 41
    return programme, made
