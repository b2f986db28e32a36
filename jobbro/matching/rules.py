"""The hard rules of matching: what makes an opening impossible for a citizen, in Danish.

Age appears only here, as the legal limits of an opening's kind, and only as in or out: a
leisure job is work for young people under 18 (arbejdsmiljølovens regler om unges arbejde,
from 13 years), IGU is for refugees aged 18–40 (lov om integrationsgrunduddannelse § 2), and
no one under 15 is placed in other work. It is never a factor of the score.
"""

from django.utils.translation import gettext as _

from jobbro.citizens.models import Citizen, DanishCourse
from jobbro.companies.models import DanishLevel, OpeningKind

from . import engine

# (youngest, oldest) by the opening's kind.
AGE_LIMITS: dict[str, tuple[int, int]] = {
    OpeningKind.LEISURE_JOB: (13, 17),
    OpeningKind.IGU: (18, 40),
}
DEFAULT_AGE_LIMITS = (15, 150)

OPENING_LEVEL = {
    "": 0,
    DanishLevel.NONE: 0,
    DanishLevel.BASIC: 1,
    DanishLevel.EVERYDAY: 2,
    DanishLevel.GOOD: 3,
}


def citizen_danish_level(citizen: Citizen) -> int:
    """The citizen's Danish on the openings' scale (0 none … 3 good), from the Danish
    education and module: DU1 is basic, DU2 basic then everyday from module 4, DU3 basic,
    everyday from module 3 and good from module 5; a finished education is good."""
    course, module = citizen.danish_course, citizen.danish_module or 1
    if course == DanishCourse.COMPLETED:
        return 3
    if course == DanishCourse.DU3:
        return 3 if module >= 5 else 2 if module >= 3 else 1
    if course == DanishCourse.DU2:
        return 2 if module >= 4 else 1
    if course == DanishCourse.DU1:
        return 1
    return 0


def why_not(reasons: int, *, opening, profile, minutes: float) -> str:
    """Why an opening was left out, in the words a colleague would use ("kræver kørekort"),
    every broken rule, separated by semicolons."""
    texts = [
        _why(r, opening=opening, profile=profile, minutes=minutes)
        for r in engine.broken_rules(reasons)
    ]
    return "; ".join(t for t in texts if t)


def _why(reason: int, *, opening, profile, minutes: float) -> str:
    if reason == engine.FULL:
        return _("ingen ledige pladser")
    if reason == engine.PERIOD:
        return _("åbningen slutter, før borgeren kan starte")
    if reason == engine.AGE:
        low, high = AGE_LIMITS.get(opening.kind, DEFAULT_AGE_LIMITS)
        return _("%(kind)s er for %(low)s–%(high)s-årige (lovens grænse)") % {
            "kind": opening.get_kind_display(),
            "low": low,
            "high": high,
        }
    if reason == engine.HOURS:
        return _("kræver %(hours)s timer om ugen, borgeren kan højst %(max)s") % {
            "hours": _number(opening.hours_per_week),
            "max": _number(profile.max_hours_per_week if profile else None),
        }
    if reason == engine.SHIFTS:
        return _("kræver skiftende arbejdstider")
    if reason == engine.DANISH:
        return _("kræver %(level)s") % {"level": opening.get_danish_level_display().lower()}
    if reason == engine.LICENCE:
        return _("kræver kørekort")
    if reason == engine.NO_DISTANCE:
        return _("afstanden er ikke kendt (by mangler i matchprofilen eller afstandstabellen)")
    if reason == engine.TOO_FAR:
        return _("for langt væk: ca. %(minutes)s minutter, borgeren kan højst %(max)s") % {
            "minutes": round(minutes),
            "max": profile.max_travel_minutes if profile else "",
        }
    return ""


def _number(value) -> str:
    if value is None:
        return "–"
    return f"{float(value):g}".replace(".", ",")
