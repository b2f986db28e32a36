"""Nationality, country of birth and languages from ISO 3166 / ISO 639 (issue 9.4)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens.models import Citizen, CitizenLanguage, EventKind
from jobbro.citizens.tests.test_create_edit import new_citizen
from jobbro.conftest import make_citizen
from jobbro.lib import isocodes


class TestTheLists:
    def test_it_names_countries_and_languages_in_danish(self):
        countries = dict(isocodes.country_choices("da"))
        assert countries["SY"] == "Syrien"
        assert countries["BT"] == "Bhutan"
        assert countries["IR"] == "Iran"
        assert len(countries) >= 249  # ISO 3166-1, and Kosovo
        languages = dict(isocodes.language_choices("da"))
        assert languages["ar"] == "Arabisk"
        assert languages["ti"] == "Tigrinya"
        assert languages["prs"] == "Dari"

    def test_statelessness_is_a_nationality_not_a_country(self):
        assert isocodes.nationality_choices("da")[0] == (isocodes.STATELESS, "Statsløs")
        assert isocodes.STATELESS not in dict(isocodes.country_choices("da"))

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_the_display_lookups_name_what_the_choices_name(self, lang):
        # Citizen.get_nationality_display and friends replace Django's, which flattened the
        # whole list per call (issue 14): same names, and an unknown code shown as itself.
        from django.utils import translation

        with translation.override(lang):
            for code, name in isocodes.nationality_choices(lang):
                assert Citizen(nationality=code).get_nationality_display() == name
            for code, name in isocodes.country_choices(lang):
                assert Citizen(birth_country=code).get_birth_country_display() == name
            for code, name in isocodes.language_choices(lang):
                assert CitizenLanguage(code=code).get_code_display() == name
            assert Citizen(nationality="QQ").get_nationality_display() == "QQ"
            assert Citizen(nationality="").get_nationality_display() == ""

    def test_it_sorts_the_danish_letters_last(self):
        names = [name for _code, name in isocodes.country_choices("da")]
        assert names.index("Zimbabwe") < names.index("Østrig") < names.index("Åland")

    @pytest.mark.parametrize(
        ("typed", "code"),
        [
            ("Syrien", "SY"),
            ("Syria", "SY"),
            ("سوريا", "SY"),
            ("syrisk", "SY"),
            (" SY ", "SY"),
            ("Statsløs", "XXA"),
            ("stateless", "XXA"),
            ("Eritrea", "ER"),
            ("Elfenbenskysten", "CI"),
            ("Afghanistan", "AF"),
            ("أفغانستان", "AF"),
            ("Rusland", "RU"),
        ],
    )
    def test_it_reads_free_text_seen_in_case_files(self, typed, code):
        assert isocodes.match_country(typed) == code

    @pytest.mark.parametrize("typed", ["Atlantis", "", "Statsløs palæstinenser", "Kurdistan"])
    def test_it_never_guesses_a_country(self, typed):
        assert isocodes.match_country(typed) is None

    @pytest.mark.parametrize(
        ("typed", "code"),
        [("arabisk", "ar"), ("farsi", "fa"), ("dari", "prs"), ("tigrinya", "ti"), ("عربي", "ar")],
    )
    def test_it_reads_languages(self, typed, code):
        assert isocodes.match_language(typed) == code
        assert isocodes.match_language("klingonsk") is None


@pytest.mark.django_db(transaction=True)
def test_the_migration_maps_free_text_to_codes_and_keeps_what_it_cannot():
    executor = MigrationExecutor(connection)
    before = [("citizens", "0005_search_indexes")]
    after = [("citizens", "0006_iso_reference_lists")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    OldCitizen = old.get_model("citizens", "Citizen")
    rows = [
        ("1", "سوريا", "arabisk, engelsk"),
        ("2", "Statsløs", "nepalesisk"),
        ("3", "Kurdistan", "kurmanji og klingonsk"),
        ("4", "Syria", ""),
    ]
    for hash_, nationality, languages in rows:
        OldCitizen.objects.create(
            cpr="x", cpr_hash=hash_, first_name="A", last_name=hash_, gender="female",
            birth_date="1990-01-01", nationality=nationality, languages=languages,
            arrival="refugee",
        )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    NewCitizen = new.get_model("citizens", "Citizen")
    found = {
        c.cpr_hash: (
            c.nationality,
            c.nationality_unmatched,
            sorted(c.spoken.values_list("code", flat=True)),
            c.languages_unmatched,
        )
        for c in NewCitizen.objects.all()
    }
    assert found == {
        "1": ("SY", "", ["ar", "en"], ""),
        "2": ("XXA", "", ["ne"], ""),
        "3": ("", "Kurdistan", ["kmr"], "klingonsk"),  # kept for a person, not dropped
        "4": ("SY", "", [], ""),
    }
    # And back: the text is restored from the codes and what was kept.
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    restored = executor.loader.project_state(before).apps.get_model("citizens", "Citizen")
    assert restored.objects.get(cpr_hash="3").nationality == "Kurdistan"
    assert restored.objects.get(cpr_hash="1").nationality == "Syrien"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


class TestTheCaseFile:
    def test_stateless_born_in_bhutan_can_be_recorded(self, client, people):
        client.force_login(people["alice"])
        data = new_citizen(people["alice"], nationality="XXA", birth_country="BT")

        client.post(reverse("citizens:create"), data)

        citizen = Citizen.objects.get(last_name="Yusuf")
        assert (citizen.nationality, citizen.birth_country) == ("XXA", "BT")
        body = client.get(reverse("citizens:detail", args=[citizen.pk])).content.decode()
        assert "Statsløs" in body and "Bhutan" in body

    def test_a_typed_name_is_not_a_nationality(self, client, people):
        client.force_login(people["alice"])

        response = client.post(
            reverse("citizens:create"), new_citizen(people["alice"], nationality="سوريا")
        )

        assert response.status_code == 200
        assert "nationality" in response.context["form"].errors
        assert not Citizen.objects.filter(last_name="Yusuf").exists()

    def test_choosing_a_nationality_fixes_the_unmatched_text(self, client, people, citizens):
        from jobbro.citizens.tests.test_create_edit import as_posted

        fatima = citizens["fatima"]
        Citizen.objects.filter(pk=fatima.pk).update(
            nationality="", nationality_unmatched="Kurdistan"
        )
        client.force_login(people["alice"])
        listed = client.get(reverse("citizens:unmatched")).context["page"].object_list
        assert [c.pk for c in listed] == [fatima.pk]
        fatima.refresh_from_db()
        form = client.get(reverse("citizens:edit", args=[fatima.pk])).content.decode()
        assert "Kurdistan" in form  # the help text names what was typed

        client.post(
            reverse("citizens:edit", args=[fatima.pk]), {**as_posted(fatima), "nationality": "IQ"}
        )

        fatima.refresh_from_db()
        assert (fatima.nationality, fatima.nationality_unmatched) == ("IQ", "")
        assert not client.get(reverse("citizens:unmatched")).context["page"].object_list


class TestLanguages:
    def test_a_case_worker_adds_changes_and_removes_a_language(self, client, people, citizens):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])
        url = reverse("citizens:languages", args=[fatima.pk])

        client.post(url, {"code": "ar", "level": "native"})
        client.post(url, {"code": "en", "level": "basic"})
        client.post(url, {"code": "en", "level": "good"})

        assert list(fatima.spoken.values_list("code", "level")) == [
            ("ar", "native"),
            ("en", "good"),
        ]
        detail = client.get(reverse("citizens:detail", args=[fatima.pk])).content.decode()
        assert "Arabisk (modersmål)" in detail and "Engelsk (godt)" in detail
        assert fatima.events.filter(kind=EventKind.CHANGED, text__contains="Engelsk").exists()

        client.post(reverse("citizens:language_remove", args=[fatima.pk, "en"]))

        assert list(fatima.spoken.values_list("code", flat=True)) == ["ar"]
        changes = AccessLogEntry.objects.filter(citizen_id=fatima.pk, action=Action.CHANGE)
        assert changes.count() == 4

    def test_an_unknown_language_is_refused_in_danish(self, client, people, citizens):
        client.force_login(people["alice"])

        response = client.post(
            reverse("citizens:languages", args=[citizens["fatima"].pk]), {"code": "klingon"}
        )

        assert "Vælg et sprog fra listen." in response.content.decode()
        assert not CitizenLanguage.objects.exists()

    def test_the_mentor_sees_the_languages(self, client, people, citizens):
        CitizenLanguage.objects.create(citizen=citizens["fatima"], code="ar", level="native")
        client.force_login(people["mads"])

        body = client.get(reverse("citizens:mentees")).content.decode()

        assert "Arabisk (modersmål)" in body

    def test_unmatched_language_text_is_cleared_on_request(self, client, people):
        citizen = make_citizen("0101901236", people["alice"], languages_unmatched="klingonsk")
        client.force_login(people["alice"])

        client.post(
            reverse("citizens:unmatched_clear", args=[citizen.pk]), {"field": "languages_unmatched"}
        )

        citizen.refresh_from_db()
        assert citizen.languages_unmatched == ""
