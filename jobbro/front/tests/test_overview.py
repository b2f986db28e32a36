import pytest

from jobbro.conftest import make_citizen


@pytest.mark.django_db
def test_it_shows_managers_counts_and_no_names(client, people, citizens):
    client.force_login(people["lene"])
    html = client.get("/overblik/").content.decode()
    assert "Borgere i alt" in html
    for citizen in citizens.values():
        assert citizen.last_name not in html
        assert citizen.cpr_masked[:6] not in html


@pytest.mark.django_db
def test_it_folds_groups_under_five_into_others(client, people, citizens):
    for day in range(10, 16):
        make_citizen(f"{day}0590123{day % 10}", people["alice"], nationality="SO")
    client.force_login(people["lene"])
    response = client.get("/overblik/")
    rows = dict(response.context["by_nationality"])
    # Six Somalis are shown; Syria, Eritrea and Afghanistan (one each) are not.
    assert rows["Somalia"] == 6
    assert "Syrien" not in rows and "Eritrea" not in rows
    assert rows["Øvrige"] == "under 5"
