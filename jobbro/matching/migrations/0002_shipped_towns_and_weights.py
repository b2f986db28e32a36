"""The demo municipality's towns and distances (data/distances_hedensted.csv) and the
default weights of the score, so a new installation matches at once; both are edited by the
administrator afterwards."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "distances_hedensted.csv"

DEFAULT_WEIGHTS = {
    "occupation_wish": 8,
    "industry_wish": 5,
    "experience": 6,
    "competences": 3,
    "danish_margin": 3,
    "travel": 4,
    "demand": 4,
    "barometer": 3,
    "company_outcomes": 3,
    "occupation_outcomes": 2,
    "reservations": 6,
}


def load(apps, schema_editor):
    Town = apps.get_model("matching", "Town")
    TravelTime = apps.get_model("matching", "TravelTime")
    FactorWeight = apps.get_model("matching", "FactorWeight")
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    names = sorted({r["origin"] for r in rows} | {r["destination"] for r in rows})
    towns = {name: Town.objects.get_or_create(name=name)[0] for name in names}
    for r in rows:
        TravelTime.objects.get_or_create(
            origin=towns[r["origin"]],
            destination=towns[r["destination"]],
            defaults={
                "km": int(r["km"]),
                "minutes_car": int(r["minutes_car"]),
                "minutes_public": int(r["minutes_public"]),
            },
        )
    for factor, weight in DEFAULT_WEIGHTS.items():
        FactorWeight.objects.get_or_create(factor=factor, defaults={"weight": weight})


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
