import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from jobbro.accounts.models import AdminAction, AdminLogEntry, Role
from jobbro.citizens.access import grant_access
from jobbro.conftest import make_user

REASON = "Borgeren har henvendt sig i åben rådgivning."


@pytest.mark.django_db
def test_the_administration_log_is_append_only(people):
    entry = AdminLogEntry.objects.create(action=AdminAction.LOCKOUT, username="x")
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AdminLogEntry.objects.update(username="y")
    with pytest.raises(PermissionError):
        AdminLogEntry.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_of_the_administration_log(people):
    AdminLogEntry.objects.create(action=AdminAction.LOCKOUT, username="x")
    for sql in (
        "UPDATE accounts_adminlogentry SET username = 'y'",
        "DELETE FROM accounts_adminlogentry",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AdminLogEntry.objects.get().username == "x"


@pytest.mark.django_db
def test_every_stated_reason_grant_is_in_the_log(people, citizens):
    grant = grant_access(people["alice"], citizens["omar"], REASON)
    entry = AdminLogEntry.objects.get(action=AdminAction.GRANT)
    assert (entry.subject, entry.citizen_id, entry.reason) == (
        people["alice"],
        citizens["omar"].pk,
        REASON,
    )
    assert entry.until == grant.expires_at


@pytest.mark.django_db
def test_administrators_and_managers_read_and_filter_the_log(client, people, citizens):
    grant_access(people["alice"], citizens["omar"], REASON)
    AdminLogEntry.objects.create(action=AdminAction.LOCKOUT, username="nobody")
    for user in (people["ada"], people["lene"]):
        client.force_login(user)
        page = client.get("/brugere/log/").content.decode()
        assert REASON in page and "nobody" in page
        # The citizen by id only, never by name.
        assert f"Borger-id {citizens['omar'].pk}" in page and "Rahimi" not in page
        page = client.get("/brugere/log/", {"action": "lockout"}).content.decode()
        assert "nobody" in page and REASON not in page
        page = client.get("/brugere/log/", {"user": "alice"}).content.decode()
        assert REASON in page and "nobody" not in page
    response = client.get("/brugere/log/", {"date_from": "31.12.2026", "date_to": "01.01.2026"})
    assert response.status_code == 200
    assert "Til-datoen må ikke ligge før fra-datoen." in response.content.decode()
    client.force_login(people["alice"])
    assert client.get("/brugere/log/").status_code == 403


@pytest.mark.django_db
def test_a_manager_sees_every_grant_of_their_teams_users_and_no_names(
    client, people, citizens, teams
):
    nord, syd = teams
    nord_manager = make_user("nina", Role.MANAGER, nord)
    grant_access(people["alice"], citizens["omar"], REASON)  # alice is in team Nord
    grant_access(people["carol"], citizens["fatima"], "Syd-teamets egen begrundelse her")
    client.force_login(nord_manager)
    response = client.get("/brugere/begrundelser/")
    page = response.content.decode()
    assert response.status_code == 200
    assert REASON in page and "alice" in page and str(citizens["omar"].pk) in page
    assert "Syd-teamets" not in page
    assert "Rahimi" not in page and "Omar" not in page
    # The manager without a team (the job centre's own) sees all of them.
    client.force_login(people["lene"])
    page = client.get("/brugere/begrundelser/").content.decode()
    assert REASON in page and "Syd-teamets" in page
    # A team manager's log holds their team's users only.
    client.force_login(nord_manager)
    page = client.get("/brugere/log/").content.decode()
    assert REASON in page and "Syd-teamets" not in page


@pytest.mark.django_db
def test_teams_are_created_and_renamed_in_the_log(client, people, teams):
    client.force_login(people["ada"])
    response = client.post("/brugere/teams/nyt/", {"name": "Team Øst"})
    assert response.status_code == 302
    from jobbro.accounts.models import Team

    east = Team.objects.get(name="Team Øst")
    response = client.post(f"/brugere/teams/{east.pk}/", {"name": "Team Nord", "version": "1"})
    assert "Der er allerede et team med det navn." in response.content.decode()
    client.post(f"/brugere/teams/{east.pk}/", {"name": "Team Vest", "version": "1"})
    logged = list(AdminLogEntry.objects.order_by("id").values_list("action", "team", "changes"))
    assert logged == [
        (AdminAction.TEAM_CREATE, east.pk, {"name": [None, "Team Øst"]}),
        (AdminAction.TEAM_CHANGE, east.pk, {"name": ["Team Øst", "Team Vest"]}),
    ]
    assert "Team Vest" in client.get("/brugere/teams/").content.decode()
