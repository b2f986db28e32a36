"""Seed 000's targets for the ambassador project "Det integrerede Liv", shipped as data
(migration 0002), in the application's own words.

The application (seed 000, "Hedensted Kommune har følgende mål for deltagerne i projekt
"Det integrerede Liv"") names six targets; "herunder mindst halvdelen kvinder" follows the
first four only, so only those carry a women's share (the issue's summary "each at least
half women" says more than the document does). "Målet om 60 % i arbejde eller uddannelse"
is in the project's purpose. The 70 % of youth in leisure jobs is a share of the young
participants (15–18 in the target group: 15–17 years old on the day).

Used by the migration (historical models) and by tests whose database was flushed (real
models, after `programmes.shipped.ship`): keep `ship` working on both.
"""

from typing import Any

from jobbro.programmes.models import AMBASSADOR_PROJECT

SOURCE_TARGETS = "Ansøgningen om ambassadørprojektet: mål for deltagerne"
SOURCE_PURPOSE = "Ansøgningen om ambassadørprojektet: projektets formål"

# measure, population, share, women's share, the document's words, source
TARGETS: dict[str, list[tuple[str, str, int, int | None, str, str]]] = {
    AMBASSADOR_PROJECT: [
        ("internship", "participants", 80, 50,
         "80 % i virksomhedspraktik – herunder mindst halvdelen kvinder", SOURCE_TARGETS),
        ("wage_subsidy", "participants", 5, 50,
         "5 % i job med løntilskud – herunder mindst halvdelen kvinder", SOURCE_TARGETS),
        ("ordinary_job", "participants", 50, 50,
         "50 % i ordinær beskæftigelse – herunder mindst halvdelen kvinder", SOURCE_TARGETS),
        ("small_job", "participants", 10, 50,
         "10 % i småjobs – herunder mindst halvdelen kvinder", SOURCE_TARGETS),
        ("leisure_job", "youth", 70, None, "70 % unge i fritidsjob", SOURCE_TARGETS),
        ("igu", "participants", 5, None, "5 % i IGU-forløb", SOURCE_TARGETS),
        ("work_or_education", "participants", 60, None,
         "Målet om 60 % i arbejde eller uddannelse", SOURCE_PURPOSE),
    ],
}  # fmt: skip


def ship(apps: Any) -> None:
    """Create the shipped targets that are not there (by programme code and measure); a
    programme that is not there (a flushed test database) is skipped."""
    Programme = apps.get_model("programmes", "Programme")
    Target = apps.get_model("goals", "Target")
    for code, rows in TARGETS.items():
        programme = Programme.objects.filter(code=code).first()
        if programme is None:
            continue
        for position, (measure, population, share, women, wording, source) in enumerate(rows, 1):
            Target.objects.get_or_create(
                programme=programme,
                measure=measure,
                population=population,
                defaults={
                    "share": share,
                    "women_share": women,
                    "wording": wording,
                    "source": source,
                    "position": position,
                },
            )
