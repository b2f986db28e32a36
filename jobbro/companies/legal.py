"""Legal checks for internships and wage subsidy at a company.

Lov om en aktiv beskæftigelsesindsats (LAB, lov nr. 548 af 7. maj 2019):

* Rimelighedskravet, § 77: there must be a reasonable ratio between the number of ordinary
  employees and the number of people in internship (virksomhedspraktik) or employed with
  wage subsidy (løntilskud) at the workplace. (§ 80 a, stk. 3, nr. 2, as inserted by
  L 238 of 2020-21, refers to it as "et rimeligt forhold mellem antallet af ansatte med og
  uden offentlig støtte, jf. § 77".) The ratio is set in the executive order on an active
  employment effort (BEK nr. 1180 af 25/11/2019): one person per five ordinary employees
  up to 50 employees, and one more per ten ordinary employees beyond; a company with fewer
  than five may always have one. Jobcentres publish the same figures to employers
  (Københavns and Aarhus Kommune, "Betingelser for at ansætte en medarbejder i løntilskud").
* Merbeskæftigelseskravet (LAB kapitel 12, ansættelse med løntilskud): employment with wage
  subsidy must be a net expansion of the number of employees compared with the average of
  the last 12 months, and the position must not have become vacant by dismissal or
  resignation of an unsubsidised employee within the last 3 months. § 78: the subsidy must
  be discussed with a representative of the employees before the employment.

Jobbro documents and warns; it does not refuse. The jobcentre approves each case and the
rules have exceptions (dispensation), so these checks never block a save. The numbers come
from settings (REASONABLENESS_*, NET_NEW_JOB_*), read from the environment.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from jobbro.placements.models import Placement, PlacementKind, PlacementStatus

from .models import Company, Opening, OpeningKind

# The opening kinds the two rules are about.
REASONABLENESS_KINDS = (OpeningKind.INTERNSHIP, OpeningKind.WAGE_SUBSIDY)
_PLACEMENT_KINDS = (PlacementKind.INTERNSHIP, PlacementKind.WAGE_SUBSIDY)
# People counted as "at the company": in their placement now or agreed to start.
_COUNTED = (PlacementStatus.ACTIVE, PlacementStatus.PLANNED)


def allowed_subsidised(ordinary_employees: int) -> int:
    """How many people in internship or wage subsidy the rimelighedskrav allows (§ 77)."""
    threshold = settings.REASONABLENESS_LARGE_FROM
    small, large = settings.REASONABLENESS_PER_SMALL, settings.REASONABLENESS_PER_LARGE
    if ordinary_employees <= threshold:
        allowed = ordinary_employees // small
    else:
        allowed = threshold // small + (ordinary_employees - threshold) // large
    return max(settings.REASONABLENESS_MINIMUM, allowed)


def subsidised_at(company: Company, *, kinds=_PLACEMENT_KINDS) -> int:
    """People in internship or wage subsidy at the company now or agreed to start."""
    return (
        Placement.objects.filter(
            Q(company=company) | Q(opening__company=company),
            kind__in=kinds,
            status__in=_COUNTED,
        )
        .distinct()
        .count()
    )


@dataclass(frozen=True)
class ReasonablenessResult:
    ordinary_employees: int | None
    current: int  # people in internship or wage subsidy now (or agreed)
    adding: int
    allowed: int | None

    @property
    def known(self) -> bool:
        return self.allowed is not None

    @property
    def total(self) -> int:
        return self.current + self.adding

    @property
    def exceeded(self) -> bool:
        return self.allowed is not None and self.total > self.allowed

    @property
    def message(self) -> str:
        if not self.known:
            return _(
                "Antallet af ordinært ansatte er ikke oplyst, så rimelighedskravet "
                "(§ 77 i lov om en aktiv beskæftigelsesindsats) kan ikke kontrolleres."
            )
        if self.exceeded:
            return (
                _(
                    "Rimelighedskravet er overskredet: %(total)s i praktik eller løntilskud "
                    "med %(employees)s ordinært ansatte; højst %(allowed)s er "
                    "tilladt (§ 77 i lov om en aktiv beskæftigelsesindsats). Jobcentret skal "
                    "vurdere, om der kan dispenseres."
                )
                % self._numbers()
            )
        return (
            _(
                "Rimelighedskravet er overholdt: %(total)s af højst %(allowed)s i praktik "
                "eller løntilskud med %(employees)s ordinært ansatte."
            )
            % self._numbers()
        )

    def _numbers(self) -> dict[str, int | None]:
        return {
            "total": self.total,
            "employees": self.ordinary_employees,
            "allowed": self.allowed,
        }


def reasonableness_check(company: Company, *, adding: int = 0) -> ReasonablenessResult:
    """The rimelighedskrav for the company, with `adding` more people in internship or wage
    subsidy (e.g. the places of a new opening)."""
    employees = company.ordinary_employees
    return ReasonablenessResult(
        ordinary_employees=employees,
        current=subsidised_at(company) if company.pk else 0,
        adding=adding,
        allowed=None if employees is None else allowed_subsidised(employees),
    )


@dataclass(frozen=True)
class NetNewJobResult:
    problems: tuple[str, ...]
    unknown: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unknown

    @property
    def messages(self) -> tuple[str, ...]:
        return self.problems + self.unknown


def net_new_job_check(company: Company, *, opening: Opening, adding: int = 1) -> NetNewJobResult:
    """The merbeskæftigelseskrav for a wage-subsidy opening at the company."""
    problems: list[str] = []
    unknown: list[str] = []
    months = settings.NET_NEW_JOB_VACANCY_MONTHS
    if opening.replaces_recent_vacancy:
        problems.append(
            _(
                "Løntilskudsstillingen er blevet ledig ved afsked eller fratræden inden for de "
                "seneste %(months)s måneder. Det opfylder ikke merbeskæftigelseskravet."
            )
            % {"months": months}
        )
    average, employees = company.employees_avg_12_months, company.ordinary_employees
    if average is None or employees is None:
        unknown.append(
            _(
                "Antal ordinært ansatte nu og i gennemsnit de seneste 12 måneder skal være "
                "oplyst for at kontrollere merbeskæftigelseskravet (nettoudvidelse af antallet "
                "af ansatte)."
            )
        )
    else:
        current = subsidised_at(company, kinds=(PlacementKind.WAGE_SUBSIDY,)) if company.pk else 0
        after = employees + current + adding
        if after <= average:
            problems.append(
                _(
                    "Ansættelsen giver ikke en nettoudvidelse: %(after)s ansatte efter "
                    "ansættelsen mod %(average)s i gennemsnit de seneste 12 måneder "
                    "(merbeskæftigelseskravet)."
                )
                % {"after": after, "average": average}
            )
    if opening.staff_consulted_on is None:
        unknown.append(
            _(
                "Det er ikke registreret, at løntilskuddet er drøftet med en repræsentant for "
                "de ansatte før ansættelsen (§ 78 i lov om en aktiv beskæftigelsesindsats)."
            )
        )
    return NetNewJobResult(problems=tuple(problems), unknown=tuple(unknown))
