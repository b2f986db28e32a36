"""The matching profile, the occupation codes and the distance table."""

import datetime as dt

from django.urls import reverse

from jobbro.matching import occupations, services
from jobbro.matching.fields import OccupationField
from jobbro.matching.models import MatchProfile, TravelTime


def test_it_ships_every_isco08_unit_group():
    units = occupations.units()
    assert len(units) == 436
    assert occupations.get("9412").title_da == "Køkkenhjælp mv."  # DISCO-08's own title
    assert occupations.get("9622").da_source == "dst"


def test_every_danish_title_is_disco08s_own_and_only_disco08s_gaps_are_english():
    danish = [o for o in occupations._all().values() if o.title_da]
    assert {o.da_source for o in danish} == {"dst"}
    # DISCO-08 leaves out ISCO-08's subsistence farmers (63), traditional chiefs (1113),
    # scribes (4414), door-to-door sellers (5243), house builders (7111) and water and
    # firewood collectors (9624): those alone keep the ILO's English title.
    english = sorted(c for c, o in occupations._all().items() if not o.title_da)
    assert english == sorted(
        ["63", "631", "632", "633", "634", "1113", "4414", "5243"]
        + ["6310", "6320", "6330", "6340", "7111", "9624"]
    )


def test_it_finds_occupations_by_code_or_by_words_in_either_language():
    assert [o.code for o in occupations.search("941")] == ["9411", "9412"]
    assert "9412" in [o.code for o in occupations.search("køkken")]
    assert "9412" in [o.code for o in occupations.search("køkkenmedhjælper")]  # also searched
    assert "9412" in [o.code for o in occupations.search("kitchen helpers")]


def test_the_field_takes_a_code_a_label_or_a_whole_title():
    field = OccupationField()
    assert field.clean("9412") == "9412"
    assert field.clean("9412 Køkkenmedhjælpere") == "9412"
    assert field.clean("køkkenmedhjælpere") == "9412"
    assert field.clean("") == ""


def test_the_options_endpoint_returns_datalist_options(client, people):
    client.force_login(people["konrad"])
    response = client.get(reverse("matching:occupations"), {"field": "wish_1", "wish_1": "køkken"})
    assert '<option value="9412 Køkkenhjælp mv.">' in response.content.decode()


def test_it_saves_a_profile_with_at_least_two_industries(client, people, citizens, towns):
    fatima = citizens["fatima"]
    client.force_login(people["alice"])
    url = reverse("matching:profile", args=[fatima.pk])
    data = {
        "wish_1": "9412 Køkkenmedhjælpere",
        "experience_1": "5120",
        "town": towns["Juelsminde"].pk,
        "max_travel_minutes": "40",
        "wished_industries": ["56"],
    }
    response = client.post(url, data)
    assert "Vælg mindst to brancher" in response.content.decode()
    assert not MatchProfile.objects.exists()
    response = client.post(url, {**data, "wished_industries": ["56", "86"]})
    assert response.status_code == 302
    profile = MatchProfile.objects.get()
    assert profile.wished_occupations == ["9412"] and profile.experience == ["5120"]
    assert profile.wished_industries == ["56", "86"] and profile.updated_by == people["alice"]


def test_a_bad_code_is_refused_in_danish_and_the_input_kept(client, people, citizens):
    client.force_login(people["alice"])
    response = client.post(
        reverse("matching:profile", args=[citizens["fatima"].pk]),
        {"wish_1": "tryllekunstner", "max_travel_minutes": "40"},
    )
    page = response.content.decode()
    assert "Skriv en fagkode på fire cifre" in page and 'value="tryllekunstner"' in page


def test_a_consultant_cannot_edit_a_profile(client, people, fatima_profile):
    client.force_login(people["konrad"])
    url = reverse("matching:profile", args=[fatima_profile.citizen_id])
    assert client.get(url).status_code == 403


def test_the_administrator_edits_the_shipped_distance_table(client, people, towns):
    row = TravelTime.objects.get(origin=towns["Hedensted"], destination=towns["Juelsminde"])
    client.force_login(people["ada"])
    response = client.post(
        reverse("matching:distance_edit", args=[row.pk]),
        {
            "origin": row.origin_id,
            "destination": row.destination_id,
            "km": "25",
            "minutes_car": "24",
            "minutes_public": "50",
            "version": row.version,
        },
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.km, row.minutes_public) == (25, 50)


def test_a_distance_changed_since_it_was_read_is_not_overwritten(client, people, towns):
    """The edit goes through `services.travel_time_save`, which refuses a stale version."""
    row = TravelTime.objects.get(origin=towns["Hedensted"], destination=towns["Juelsminde"])
    read, before = row.version, row.km
    services.travel_time_save(row=row, version=read, by=people["ada"])  # someone else saves
    client.force_login(people["ada"])
    data = {
        "origin": row.origin_id,
        "destination": row.destination_id,
        "km": str(before + 5),
        "minutes_car": "24",
        "minutes_public": "50",
        "version": read,
    }
    response = client.post(reverse("matching:distance_edit", args=[row.pk]), data)
    assert response.status_code == 200
    assert "Afstanden er blevet ændret af en anden" in response.content.decode()
    row.refresh_from_db()
    assert row.km == before


def test_a_new_pair_is_stored_once_whichever_town_comes_first(client, people, towns):
    client.force_login(people["ada"])
    client.post(reverse("matching:town_add"), {"town-name": "Ørum"})
    orum = type(towns["Hedensted"]).objects.get(name="Ørum")
    data = {
        "origin": orum.pk,
        "destination": towns["Barrit"].pk,
        "km": "30",
        "minutes_car": "30",
        "minutes_public": "70",
    }
    assert client.post(reverse("matching:distances"), data).status_code == 302
    row = TravelTime.objects.get(origin__name="Barrit", destination__name="Ørum")
    assert (row.km, row.minutes_public) == (30, 70)


def test_the_data_subject_export_holds_the_profile_suggestions_and_decisions(
    people, fatima_profile, kitchen
):
    from jobbro.citizens.subject_export import as_json, build
    from jobbro.matching import services, suggest
    from jobbro.matching.models import DecisionKind, Suggestion

    shown = suggest.for_citizen(fatima_profile.citizen, dt.date(2026, 12, 1)).suggestions
    services.suggestions_record(shown=shown, shown_in="citizen", by=people["amir"])
    services.decision_record(
        suggestion=Suggestion.objects.get(),
        kind=DecisionKind.DECLINED,
        reason="Passer ikke",
        by=people["amir"],
    )
    export = as_json(build(fatima_profile.citizen, by=people["alice"]))
    text = str(export)
    assert "9412 Køkkenhjælp mv." in text and "Passer ikke" in text
    assert "Sådan" not in text and "Ønsket fag" in text  # the factors, by name
