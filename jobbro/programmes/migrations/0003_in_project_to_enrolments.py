"""Citizens marked "i ambassadørprojektet" become enrolments in Det integrerede Liv.

The enrolment starts on the day the case file was opened (the handover to the project is
not recorded anywhere else), or the project's start if that was later. Runs before
citizens 0004 removes the field; backwards, the field is set again from open enrolments.
"""

from django.db import migrations
from django.utils import timezone

PROJECT = "det-integrerede-liv"


def forwards(apps, schema_editor):
    Citizen = apps.get_model("citizens", "Citizen")
    Enrolment = apps.get_model("programmes", "Enrolment")
    Programme = apps.get_model("programmes", "Programme")
    project = Programme.objects.filter(code=PROJECT).first()
    if project is None:
        return
    enrolments = []
    for pk, created_at in Citizen.objects.filter(in_project=True).values_list("pk", "created_at"):
        day = timezone.localtime(created_at).date() if created_at else project.starts_on
        enrolments.append(
            Enrolment(citizen_id=pk, programme=project, starts_on=max(day, project.starts_on))
        )
    Enrolment.objects.bulk_create(enrolments, batch_size=1000)


def backwards(apps, schema_editor):
    Citizen = apps.get_model("citizens", "Citizen")
    Enrolment = apps.get_model("programmes", "Enrolment")
    ids = Enrolment.objects.filter(programme__code=PROJECT, ends_on__isnull=True).values(
        "citizen_id"
    )
    Citizen.objects.filter(pk__in=ids).update(in_project=True)


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_shipped_programmes"),
        ("citizens", "0003_timeline_event_placement"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
