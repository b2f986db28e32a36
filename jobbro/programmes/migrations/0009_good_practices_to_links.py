"""The old text list of good practices becomes links to the library's practices (issue 12,
item 6): each line that names one of the 19 practices (by number, title or a piece of one
title: practice_match.py) becomes a link; the lines that name none stay as text."""

from django.db import migrations

from jobbro.programmes.practice_match import as_lines, split


def forwards(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    Practice = apps.get_model("practices", "Practice")
    practices = list(Practice.objects.values_list("pk", "number", "title"))
    if not practices:
        return
    for programme in Programme.objects.exclude(good_practices=""):
        named, kept = split(programme.good_practices, practices)
        if named:
            programme.practices.add(*named)
        if kept != programme.good_practices:
            Programme.objects.filter(pk=programme.pk).update(good_practices=kept)


def backwards(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    for programme in Programme.objects.prefetch_related("practices"):
        linked = as_lines((p.number, p.title) for p in programme.practices.order_by("number"))
        if linked:
            text = "\n".join([*linked, programme.good_practices]).strip()
            Programme.objects.filter(pk=programme.pk).update(good_practices=text)


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0008_programme_practices"),
        ("practices", "0002_ship_integrationskit"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
