"""Seed 004's table, entered citizen by citizen, comes back number for number."""

import datetime as dt

from jobbro.goals import categories as c
from jobbro.goals.selectors import outcome_report
from jobbro.programmes.models import EndReason
from jobbro.programmes.tests.factories import shipped_programme

from .factories import enrol, person

D = dt.date
STATUS_DAY = D(2017, 11, 30)  # "Status pr. 30.11.2017"
SEED_NATIONALITIES = {
    "Afghanistan": 2,
    "Belarus": 1,
    "Egypten": 1,
    "Elfenbenskysten": 1,
    "Iran": 3,
    "Kuwait": 1,
    "Rusland": 3,
    "Somalia": 4,
    "Statsløs, født i Bhutan": 2,
    "Syrien": 22,
    "Tunesien": 1,
}
# Seed 004: "Af den samlede målgruppe er ...", in its order.
SEED_TABLE = [
    (c.OWN_BUSINESS, 2),
    (c.MOVED, 3),
    (c.SPOUSE_SUPPORTED, 2),
    (c.DECLINED, 2),
    (c.EDUCATION, 6),
    (c.ORDINARY_JOB, 6),
    (c.FLEXJOB, 1),
    (c.REPATRIATED, 1),
    (c.WAGE_SUBSIDY, 0),
    (c.INTERNSHIP, 5),
    (c.INTERNSHIP_SMALL_JOBS, 5),
    (c.MATERNITY, 1),
    (c.IGU, 2),
    (c.MENTOR_HEALTH, 5),
]


def test_it_gives_back_seed_004s_table_number_for_number(project_004):
    programme, _ = project_004
    report = outcome_report(programme, STATUS_DAY, fold=False)
    assert report.total == 41
    assert [(row.outcome, row.count.n) for row in report.rows] == SEED_TABLE
    assert (report.ended, report.active) == (23, 18)
    nationality = next(b for b in report.breakdowns if b.key == "nationality")
    assert {row.label: row.total.n for row in nationality.rows} == SEED_NATIONALITIES


def test_it_counts_each_citizen_once_and_only_those_enrolled_by_the_day(project_004, people):
    programme, made = project_004
    # A second, later enrolment of the same citizen, and one who starts after the day.
    enrol(made[-6], programme, D(2016, 9, 1), D(2016, 9, 20), end_reason=EndReason.COMPLETED)
    late = person(D(1990, 5, 5))
    enrol(late, programme, D(2017, 12, 1))
    other = person(D(1991, 6, 6))
    enrol(other, shipped_programme("najah"), D(2017, 1, 1))
    report = outcome_report(programme, STATUS_DAY, fold=False)
    assert report.total == 41
    assert report.count(c.IGU.key) == 2


def test_it_reports_the_day_asked_for(project_004):
    programme, _ = project_004
    before = outcome_report(programme, D(2017, 3, 15), fold=False)
    # On 15.03.2017 all 41 were enrolled, nobody had ended yet, and the one closed on
    # 01.03.2017 (reopened on 01.04.2017) counted as declined.
    assert before.total == 41
    assert before.count(c.DECLINED.key) == 1
    assert before.count(c.IGU.key) == 0
    assert before.count(c.ORDINARY_JOB.key) == 0
    assert before.count(c.MENTOR_HEALTH.key) == 3


def test_it_folds_small_groups_when_the_viewer_may_not_see_persons(project_004):
    programme, _ = project_004
    report = outcome_report(programme, STATUS_DAY, fold=True)
    labels = {row.label: str(row.count) for row in report.rows}
    assert labels["Afsluttet til ordinær uddannelse"] == "6"
    assert labels["Øvrige afsluttede"] == "11"  # 2 + 3 + 2 + 2 + 1 + 1
    assert "Repatrieret" not in labels
    nationality = next(b for b in report.breakdowns if b.key == "nationality")
    assert [(row.label, str(row.total)) for row in nationality.rows] == [
        ("Syrien", "22"),
        ("Øvrige", "19"),
    ]
    for breakdown in report.breakdowns:
        for row in breakdown.rows:
            assert row.total.small or row.total.n >= 5
