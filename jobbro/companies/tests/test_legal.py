import pytest

from jobbro.companies import legal
from jobbro.companies.models import Company, Opening, OpeningKind
from jobbro.conftest import make_citizen
from jobbro.placements.models import PlacementKind, PlacementStatus

from .conftest import make_opening, place

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("employees", "allowed"),
    [
        (0, 1),
        (4, 1),
        (5, 1),
        (9, 1),
        (10, 2),
        (14, 2),
        (15, 3),
        (49, 9),
        (50, 10),
        (59, 10),
        (60, 11),
        (100, 15),
    ],
)
def test_it_allows_one_per_five_up_to_50_and_one_per_ten_beyond(employees, allowed):
    assert legal.allowed_subsidised(employees) == allowed


def test_it_reads_the_ratio_from_settings(settings):
    settings.REASONABLENESS_PER_SMALL = 4
    settings.REASONABLENESS_MINIMUM = 0
    assert legal.allowed_subsidised(3) == 0
    assert legal.allowed_subsidised(8) == 2


def _citizens(n):
    return [make_citizen(f"01019012{i:02d}", first_name=f"P{i}") for i in range(n)]


def test_it_counts_internships_and_wage_subsidy_active_or_agreed(company):
    internship = make_opening(company, capacity=5)
    a, b, c, d = _citizens(4)
    place(a, internship)
    place(b, internship, status=PlacementStatus.PLANNED)
    place(c, internship, status=PlacementStatus.ENDED)  # gone: not counted
    place(d, None, kind=PlacementKind.ORDINARY, company=company)  # ordinary work: not counted
    check = legal.reasonableness_check(company)
    assert (check.current, check.allowed) == (2, 2)  # 10 employees allow 2
    assert not check.exceeded
    assert "overholdt" in check.message


def test_it_warns_at_the_first_person_over_the_limit(company):
    internship = make_opening(company, capacity=5)
    for citizen in _citizens(2):
        place(citizen, internship)
    assert not legal.reasonableness_check(company, adding=0).exceeded
    check = legal.reasonableness_check(company, adding=1)
    assert check.exceeded
    assert check.message.startswith(
        "Rimelighedskravet er overskredet: 3 i praktik eller løntilskud"
    )
    assert "højst 2" in check.message and "§ 77" in check.message


def test_it_says_when_the_ratio_cannot_be_checked(company):
    company.ordinary_employees = None
    check = legal.reasonableness_check(company, adding=1)
    assert not check.known and not check.exceeded
    assert "ikke oplyst" in check.message


def test_it_checks_net_new_jobs_for_wage_subsidy(company):
    opening = make_opening(company, kind=OpeningKind.WAGE_SUBSIDY)
    opening.staff_consulted_on = opening.created_at.date()
    # 10 employees now, 9 on average: one more is a net expansion.
    assert legal.net_new_job_check(company, opening=opening).ok
    company.employees_avg_12_months = 11  # 10 + 1 = 11 is not more than 11
    result = legal.net_new_job_check(company, opening=opening)
    assert result.problems == (
        "Ansættelsen giver ikke en nettoudvidelse: 11 ansatte efter ansættelsen mod 11 i "
        "gennemsnit de seneste 12 måneder (merbeskæftigelseskravet).",
    )


def test_it_refuses_a_position_vacated_within_three_months(company):
    opening = make_opening(company, kind=OpeningKind.WAGE_SUBSIDY, replaces_recent_vacancy=True)
    result = legal.net_new_job_check(company, opening=opening)
    assert any("inden for de seneste 3 måneder" in m for m in result.problems)
    assert any("§ 78" in m for m in result.unknown)  # staff not consulted yet


def test_it_needs_the_numbers_for_the_net_new_job_rule():
    company = Company(cvr="29189587", name="X", sector="private")
    result = legal.net_new_job_check(company, opening=Opening(kind=OpeningKind.WAGE_SUBSIDY))
    assert not result.ok and not result.problems
    assert "skal være oplyst" in result.unknown[0]


def test_it_warns_in_english_in_the_english_interface(company):
    from django.utils import translation

    opening = make_opening(company, kind=OpeningKind.WAGE_SUBSIDY, replaces_recent_vacancy=True)
    with translation.override("en"):
        message = legal.reasonableness_check(company, adding=5).message
        result = legal.net_new_job_check(company, opening=opening)
    assert message.startswith("The reasonableness requirement is exceeded: 5 in")
    assert result.problems[0].startswith("The wage-subsidy position became vacant")
    assert result.unknown[0].startswith("It is not recorded that the wage subsidy")
