# Nationality, country of birth and languages from the ISO reference lists (issue 9.4).
#
# The free text typed before is mapped to codes (Danish, English and Arabic spellings, the
# adjectives seen in case files: lib/isocodes). A value no list knows is never dropped: it
# is kept in nationality_unmatched / languages_unmatched, and the case file and the list
# "Oplysninger der skal rettes" show it until a person chooses the right code.

import django.db.models.deletion
from django.db import migrations, models

import jobbro.citizens.models
from jobbro.lib import isocodes


def to_codes(apps, schema_editor):
    Citizen = apps.get_model("citizens", "Citizen")
    CitizenLanguage = apps.get_model("citizens", "CitizenLanguage")
    rows = []
    for citizen in Citizen.objects.only("id", "nationality", "languages").iterator():
        text = citizen.nationality.strip()
        code = isocodes.match_country(text)
        citizen.nationality, citizen.nationality_unmatched = (code, "") if code else ("", text)
        unmatched, seen = [], set()
        for part in isocodes.split_list(citizen.languages):
            lang = isocodes.match_language(part)
            if lang is None:
                unmatched.append(part)
            elif lang not in seen:
                seen.add(lang)
                rows.append(CitizenLanguage(citizen_id=citizen.pk, code=lang))
        citizen.languages_unmatched = ", ".join(unmatched)[:200]
        citizen.save(update_fields=["nationality", "nationality_unmatched", "languages_unmatched"])
    CitizenLanguage.objects.bulk_create(rows, batch_size=1000)


def to_text(apps, schema_editor):
    Citizen = apps.get_model("citizens", "Citizen")
    for citizen in Citizen.objects.prefetch_related("spoken").iterator(chunk_size=1000):
        names = [isocodes.language_name(s.code).lower() for s in citizen.spoken.all()]
        if citizen.languages_unmatched:
            names.append(citizen.languages_unmatched)
        citizen.languages = ", ".join(names)[:200]
        citizen.nationality = citizen.nationality_unmatched or (
            isocodes.country_name(citizen.nationality) if citizen.nationality else ""
        )
        citizen.save(update_fields=["nationality", "languages"])


class Migration(migrations.Migration):
    dependencies = [
        ("citizens", "0005_search_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="citizen",
            name="birth_country",
            field=models.CharField(blank=True, choices=jobbro.citizens.models.country_choices, max_length=2, verbose_name="fødeland"),
        ),
        migrations.AddField(
            model_name="citizen",
            name="languages_unmatched",
            field=models.CharField(blank=True, editable=False, max_length=200, verbose_name="sprog (ikke genkendt)"),
        ),
        migrations.AddField(
            model_name="citizen",
            name="nationality_unmatched",
            field=models.CharField(blank=True, editable=False, max_length=60, verbose_name="nationalitet (ikke genkendt)"),
        ),
        migrations.CreateModel(
            name="CitizenLanguage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(choices=jobbro.citizens.models.language_choices, max_length=3, verbose_name="sprog")),
                ("level", models.CharField(blank=True, choices=[("native", "Modersmål"), ("fluent", "Flydende"), ("good", "Godt"), ("basic", "Lidt"), ("", "Ikke angivet")], max_length=8, verbose_name="niveau")),
                ("citizen", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="spoken", to="citizens.citizen")),
            ],
            options={
                "ordering": ["citizen", "id"],
                "constraints": [models.UniqueConstraint(fields=("citizen", "code"), name="citizen_language_once")],
            },
        ),
        migrations.RunPython(to_codes, to_text),
        migrations.RemoveField(
            model_name="citizen",
            name="languages",
        ),
        migrations.AlterField(
            model_name="citizen",
            name="nationality",
            field=models.CharField(blank=True, choices=jobbro.citizens.models.nationality_choices, max_length=3, verbose_name="nationalitet"),
        ),
    ]
