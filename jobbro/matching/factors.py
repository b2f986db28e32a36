"""The named factors of the score: the only things a match is scored on.

Issue 11 names them: occupation and industry wishes, experience and competences against the
opening, the Danish level's margin, travel time, the company's demand and barometer, past
outcomes at that company and in that occupation, and the citizen's own reservations. The
administrator weighs them (0–10); nothing else can be weighed, because the weights' table
accepts only these names (a database constraint) and the score reads only the profile
fields below. Gender, nationality, religion and age are never factors: age enters only as
the legal limits of some kinds of opening (rules.py), as a yes/no, never as points.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Factor(models.TextChoices):
    OCCUPATION_WISH = "occupation_wish", _("Ønsket fag")
    INDUSTRY_WISH = "industry_wish", _("Ønsket branche")
    EXPERIENCE = "experience", _("Erfaring i faget")
    COMPETENCES = "competences", _("Kompetencer mod åbningens krav")
    DANISH_MARGIN = "danish_margin", _("Dansk over kravet")
    TRAVEL = "travel", _("Rejsetid")
    DEMAND = "demand", _("Virksomhedens efterspørgsel")
    BAROMETER = "barometer", _("Jobbarometer")
    COMPANY_OUTCOMES = "company_outcomes", _("Tidligere forløb hos virksomheden")
    OCCUPATION_OUTCOMES = "occupation_outcomes", _("Tidligere forløb i faget")
    RESERVATIONS = "reservations", _("Borgerens forbehold")


# The order of the engine's factor columns.
ORDER: tuple[str, ...] = tuple(Factor.values)

DEFAULT_WEIGHTS: dict[str, int] = {
    Factor.OCCUPATION_WISH: 8,
    Factor.INDUSTRY_WISH: 5,
    Factor.EXPERIENCE: 6,
    Factor.COMPETENCES: 3,
    Factor.DANISH_MARGIN: 3,
    Factor.TRAVEL: 4,
    Factor.DEMAND: 4,
    Factor.BAROMETER: 3,
    Factor.COMPANY_OUTCOMES: 3,
    Factor.OCCUPATION_OUTCOMES: 2,
    Factor.RESERVATIONS: 6,
}

# What the score may never weigh (issue 11; PRODUCT.md). A test keeps every one of these out
# of Factor, out of the weights' table and out of what the engine reads.
FORBIDDEN = ("gender", "nationality", "religion", "age", "birth_date", "cpr", "languages")

# The citizen fields the score reads (through the profile and the case file); nothing else.
CITIZEN_FIELDS_READ = ("danish_course", "danish_module", "driving_licence", "competences")
