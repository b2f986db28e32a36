# The case file's single "forsørgelse" (Citizen.benefit_type, the benefit types of 2016)
# becomes a history of benefit periods (issue 9.3). Each old value becomes the benefit it
# was on the citizen's start date (settled, else created), carried through the reforms it
# lived through: integrationsydelse until 31.12.2019, selvforsørgelses- og hjemrejseydelse
# until 30.06.2025, kontanthjælp from 01.07.2025 (its rate unknown: "sats ikke angivet").

import datetime as dt

from django.db import migrations
from django.utils import timezone


def to_history(apps, schema_editor):
    from jobbro.law.history import OLD_BENEFIT_TYPES, carried

    Citizen = apps.get_model("citizens", "Citizen")
    Benefit = apps.get_model("law", "Benefit")
    BenefitPeriod = apps.get_model("law", "BenefitPeriod")
    benefits = {b.code: b for b in Benefit.objects.select_related("successor")}
    for b in benefits.values():  # the chain, without a query per step
        b.successor = benefits.get(b.successor.code) if b.successor_id else None
    today = timezone.localdate()
    rows = []
    citizens = Citizen.objects.exclude(benefit_type="").only(
        "id", "benefit_type", "settled_at", "created_at"
    )
    for citizen in citizens.iterator(chunk_size=1000):
        first = benefits.get(OLD_BENEFIT_TYPES.get(citizen.benefit_type, ""))
        if first is None:
            continue
        start_at = citizen.settled_at or citizen.created_at
        start = timezone.localtime(start_at).date() if start_at else today
        for benefit, starts_on, ends_on in carried(first, min(start, today), today):
            rows.append(
                BenefitPeriod(
                    citizen_id=citizen.pk, benefit=benefit, starts_on=starts_on, ends_on=ends_on
                )
            )
    BenefitPeriod.objects.bulk_create(rows, batch_size=1000)


def to_benefit_type(apps, schema_editor):
    Citizen = apps.get_model("citizens", "Citizen")
    BenefitPeriod = apps.get_model("law", "BenefitPeriod")
    back = {
        "integrationsydelse": "integration_benefit",
        "selvforsoergelsesydelse": "integration_benefit",
        "kontanthjaelp": "cash_benefit",
        "aegtefaelleforsoerget": "spouse_supported",
        "selvforsoergende": "self_supporting",
    }
    latest = {}
    for p in BenefitPeriod.objects.select_related("benefit").order_by("starts_on", "id"):
        latest[p.citizen_id] = back.get(p.benefit.code, "")
    for pk, value in latest.items():
        Citizen.objects.filter(pk=pk).update(benefit_type=value)
    BenefitPeriod.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("law", "0001_initial"),
        ("citizens", "0006_iso_reference_lists"),
    ]

    operations = [migrations.RunPython(to_history, to_benefit_type)]
