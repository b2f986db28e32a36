"""Load the shipped practices (`data/integrationskit.json`, see its README) into the
database; used by the data migration, and idempotent (by number)."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "integrationskit.json"


def load() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def ship(apps) -> int:
    Practice = apps.get_model("practices", "Practice")
    data = load()
    for row in data["practices"]:
        practice = Practice(
            number=row["number"],
            theme=row["theme"],
            title=row["title"],
            municipalities=row["municipalities"],
            partner=row["partner"],
            persons_in_programme=row["persons_in_programme"],
            persons_note=row["persons_note"],
            lead=row["lead"],
            method=row["method"],
            results=row["results"],
            advice=row["advice"],
            source=f"{data['source']}, linje {row['seed_line']}",
        )
        practice.search_text = " ".join(
            [practice.title, *practice.municipalities, practice.partner, practice.lead]
            + [practice.method, practice.results, *practice.advice]
        ).lower()
        Practice.objects.update_or_create(
            number=row["number"],
            defaults={
                f.attname: getattr(practice, f.attname)
                for f in Practice._meta.concrete_fields
                if not f.primary_key
            },
        )
    return len(data["practices"])
