"""The work obligation's norm as reference data: 37 hours a week from 1 July 2025.

Lov om en aktiv beskæftigelsesindsats §§ 105 a-b (lov nr. 1654 af 30.12.2024), phased in
during 2025 (PRODUCT.md, "The law in force"). A reform is a new row and an end date on this
one (a data migration or the administration), not a change of code.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

NORMS = [
    {
        "hours_per_week": Decimal(37),
        "valid_from": dt.date(2025, 7, 1),
        "valid_to": None,
        "legal_basis": "LAB §§ 105 a–b (lov nr. 1654 af 30.12.2024)",
    }
]


def ship(apps, schema_editor=None):
    Norm = apps.get_model("attendance", "WorkObligationNorm")
    for norm in NORMS:
        Norm.objects.get_or_create(valid_from=norm["valid_from"], defaults=norm)


def unship(apps, schema_editor):
    Norm = apps.get_model("attendance", "WorkObligationNorm")
    Norm.objects.filter(valid_from__in=[n["valid_from"] for n in NORMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("attendance", "0001_initial")]
    operations = [migrations.RunPython(ship, unship)]
