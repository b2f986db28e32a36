"""The shipped programmes match the seeds' numbers (003 "Bilag 1", 001, 000, 004)."""

import datetime as dt

import pytest

from jobbro.programmes.models import Intake, Programme, ProgrammeKind

pytestmark = pytest.mark.django_db


def test_najah_has_the_intro_week_seven_modules_and_their_events_in_bilag_1s_weeks():
    najah = Programme.objects.get(code="najah")
    modules = list(najah.modules.all())
    assert [(m.number, m.first_week, m.last_week) for m in modules] == [
        (None, 1, 1),
        (1, 2, 5),
        (2, 7, 10),
        (3, 12, 15),
        (4, 17, 20),
        (5, 22, 26),
        (6, 28, 32),
        (7, 34, 35),
    ]
    assert najah.modules.filter(number__isnull=False).count() == 7
    assert modules[0].title == "Intro (med tolk)"
    assert "Rådighed og udeblivelser" in modules[0].content_list
    assert "A-kasse" in najah.modules.get(number=4).content_list
    events = [(e.week, e.title, e.after_module.number) for e in najah.events.all()]
    assert events == [
        (6, "Bibliotek", 1),
        (11, "Virksomhedsbesøg – plejehjem", 2),
        (16, "Jellingemuseet", 3),
        (21, "Virksomhedsbesøg – supermarked", 4),
        (27, "Den gamle by i Århus", 5),
        (33, "København/Odense", 6),
    ]
    # Each event falls in the week right after its module.
    assert all(e.week == e.after_module.last_week + 1 for e in najah.events.all())
    assert (najah.hours_per_week, najah.weeks_per_participant) == (4, 35)
    assert (najah.participants_at_a_time, najah.intake) == (10, Intake.COMMON_START)
    assert najah.new_kind is False
    assert sorted(najah.change_tracks.values_list("track", flat=True)) == [1, 2, 6]


def test_de_internationale_has_5_activities_22_weeks_5_places_common_start():
    p = Programme.objects.get(code="de-internationale")
    assert [a.title for a in p.activities.all()] == [
        "Undervisning i matematik",
        "Undervisning i engelsk",
        "Undervisning i samfundsforståelse",
        "Sprogskole",
        "Støtte / løbende evaluering",
    ]
    assert p.actors.count() == 5
    assert p.actors.get(number=4).role == "Sprogcenter Midt"
    assert (p.weeks_per_participant, p.participants_at_a_time, p.hours_per_week) == (22, 5, 20)
    assert p.intake == Intake.COMMON_START
    assert p.starts_on == dt.date(2020, 2, 1)
    assert p.siri_due_on == dt.date(2020, 5, 1)
    assert sorted(p.change_tracks.values_list("track", flat=True)) == [3, 6]
    assert any("3 af 5 deltagere er optaget på VUC" in o.text for o in p.observations.all())
    assert p.cost_lines.count() == 4


def test_the_intro_course_reinvestment_and_ambassador_project():
    intro = Programme.objects.get(code="introforloeb")
    assert (intro.weeks_per_participant, intro.start_within_hours) == (4, 96)
    assert intro.intake == Intake.CONTINUOUS
    reinvest = Programme.objects.get(code="geninvestering")
    assert reinvest.kind == ProgrammeKind.PROJECT
    assert (reinvest.starts_on, reinvest.ends_on) == (dt.date(2016, 10, 1), dt.date(2017, 12, 31))
    assert [(m.title, m.first_week, m.last_week) for m in reinvest.modules.all()] == [
        ("Personlig samtale", 1, 2),
        ("Undervisning", 3, 9),
        ("Intern koordinering", 10, 11),
        ("Job og uddannelse", 10, 11),
    ]
    assert len(reinvest.goal_list) == 3
    assert reinvest.goal_list[0].endswith("flere der får fuldtidsjob.")
    ambassador = Programme.objects.get(code="det-integrerede-liv")
    assert ambassador.name == "Det integrerede Liv"
    assert ambassador.kind == ProgrammeKind.PROJECT
    assert len(ambassador.goal_list) == 6
