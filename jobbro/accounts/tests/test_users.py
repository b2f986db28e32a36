import pytest

from jobbro.accounts.models import Role, User


def _post(client, user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "team": user.team_id or "",
        "is_active": "on" if user.is_active else "",
    }
    data.update(changes)
    return client.post(f"/brugere/{user.pk}/", data)


@pytest.mark.django_db
def test_it_lets_an_administrator_change_another_users_role(client, people):
    client.force_login(people["ada"])
    response = _post(client, people["bob"], role=Role.AMBASSADOR)
    assert response.status_code == 302
    assert User.objects.get(pk=people["bob"].pk).role == Role.AMBASSADOR


@pytest.mark.django_db
def test_it_refuses_an_administrator_changing_their_own_role(client, people):
    ada = people["ada"]
    client.force_login(ada)
    response = _post(client, ada, role=Role.CASE_WORKER)
    assert response.status_code == 200
    assert "Du kan ikke ændre din egen rolle." in response.content.decode()
    assert User.objects.get(pk=ada.pk).role == Role.ADMINISTRATOR


@pytest.mark.django_db
def test_it_refuses_an_administrator_deactivating_themself(client, people):
    ada = people["ada"]
    client.force_login(ada)
    response = _post(client, ada, is_active="")
    assert "Du kan ikke deaktivere dig selv." in response.content.decode()
    assert User.objects.get(pk=ada.pk).is_active


@pytest.mark.django_db
def test_it_validates_a_new_users_password(client, people):
    client.force_login(people["ada"])
    data = {"username": "nyt", "role": Role.TEACHER, "password": "kort", "is_active": "on"}
    response = client.post("/brugere/ny/", data)
    assert response.status_code == 200
    assert not User.objects.filter(username="nyt").exists()
    data["password"] = "en-lang-og-god-adgangskode"
    assert client.post("/brugere/ny/", data).status_code == 302
    assert User.objects.get(username="nyt").check_password("en-lang-og-god-adgangskode")
