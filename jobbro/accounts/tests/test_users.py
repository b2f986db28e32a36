"""User administration: administrators never learn a password, cannot give themselves
another role, and every change they make is in the administration log."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail

from jobbro.accounts.models import AdminAction, AdminLogEntry, Role, User
from jobbro.conftest import make_user

NEW_PASSWORD = "grøn-kaffekop-ved-åen"


def _post(client, user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "team": user.team_id or "",
        "is_active": "on" if user.is_active else "",
        "version": str(user.version),
    }
    data.update(changes)
    return client.post(f"/brugere/{user.pk}/", data)


def _link(response) -> str:
    match = re.search(
        r'value="(http://testserver/adgangskode/ny/[^"]+)"', response.content.decode()
    )
    assert match, "the page shows no set-password link"
    return match.group(1).removeprefix("http://testserver")


def _set_password(client, link, password=NEW_PASSWORD):
    """Open the one-time link and set a password with it, as the user would."""
    response = client.get(link)
    assert response.status_code == 302  # Django moves the token out of the address
    form_url = response["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


@pytest.mark.django_db
def test_it_lets_an_administrator_change_another_users_role(client, people):
    client.force_login(people["ada"])
    response = _post(client, people["bob"], role=Role.AMBASSADOR)
    assert response.status_code == 302
    assert User.objects.get(pk=people["bob"].pk).role == Role.AMBASSADOR
    entry = AdminLogEntry.objects.get(action=AdminAction.USER_CHANGE)
    assert entry.actor == people["ada"] and entry.subject == people["bob"]
    assert entry.changes == {"role": [Role.CASE_WORKER, Role.AMBASSADOR]}


@pytest.mark.django_db
def test_it_refuses_an_administrator_changing_their_own_role(client, people):
    ada = people["ada"]
    client.force_login(ada)
    response = _post(client, ada, role=Role.CASE_WORKER)
    assert response.status_code == 200
    assert "Du kan ikke ændre din egen rolle." in response.content.decode()
    assert User.objects.get(pk=ada.pk).role == Role.ADMINISTRATOR
    assert not AdminLogEntry.objects.exists()


@pytest.mark.django_db
def test_it_refuses_an_administrator_deactivating_themself(client, people):
    ada = people["ada"]
    client.force_login(ada)
    response = _post(client, ada, is_active="")
    assert "Du kan ikke deaktivere dig selv." in response.content.decode()
    assert User.objects.get(pk=ada.pk).is_active


@pytest.mark.django_db
def test_a_new_user_gets_a_one_time_link_and_no_password_from_the_administrator(client, people):
    client.force_login(people["ada"])
    data = {"username": "nyt", "role": Role.TEACHER, "is_active": "on", "password": NEW_PASSWORD}
    response = client.post("/brugere/ny/", data)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    new = User.objects.get(username="nyt")
    # Even a posted password field sets nothing: the administrator cannot choose one.
    assert not new.has_usable_password()
    actions = list(AdminLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [AdminAction.USER_CREATE, AdminAction.PASSWORD_LINK]
    link = _link(response)

    client.logout()
    response = _set_password(client, link)
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert User.objects.get(username="nyt").check_password(NEW_PASSWORD)
    assert AdminLogEntry.objects.filter(action=AdminAction.PASSWORD_SET, subject=new).exists()
    # One time only.
    response = client.get(link, follow=True)
    assert "Linket virker ikke længere" in response.content.decode()


@pytest.mark.django_db
def test_the_link_refuses_a_weak_password_in_danish_and_keeps_working(client, people):
    client.force_login(people["ada"])
    response = client.post("/brugere/ny/", {"username": "nyt", "role": Role.TEACHER})
    link = _link(response)
    client.logout()
    response = _set_password(client, link, "Jobbro2026!!")
    assert response.status_code == 200
    assert "må ikke indeholde ordet" in response.content.decode()
    assert not User.objects.get(username="nyt").has_usable_password()


@pytest.mark.django_db
def test_the_link_expires(client, people, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    client.force_login(people["ada"])
    link = _link(client.post("/brugere/ny/", {"username": "nyt", "role": Role.TEACHER}))
    client.logout()
    later = default_token_generator._now() + dt.timedelta(hours=2)
    with mock.patch.object(default_token_generator, "_now", return_value=later):
        response = client.get(link, follow=True)
    assert "Linket virker ikke længere" in response.content.decode()


@pytest.mark.django_db
def test_a_user_with_an_email_gets_the_link_by_email_and_the_administrator_never_sees_it(
    client, people, settings
):
    settings.PASSWORD_LINKS_BY_EMAIL = True  # an SMTP server is configured (EMAIL_HOST)
    client.force_login(people["ada"])
    data = {"username": "nyt", "email": "nyt@example.org", "role": Role.TEACHER}
    response = client.post("/brugere/ny/", data)
    assert "adgangskode/ny/" not in response.content.decode()
    assert "nyt@example.org" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["nyt@example.org"]
    link = re.search(r"http://testserver(/adgangskode/ny/\S+)", message.body).group(1)
    client.logout()
    _set_password(client, link)
    assert User.objects.get(username="nyt").check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_a_second_administrator_cannot_set_or_learn_another_administrators_password(client, people):
    """The 'second administrator': ada may reset eve's password, but only gets a link (and
    eve's old password stops working); she never sets one, and it is all in the log."""
    eve = make_user("eve", Role.ADMINISTRATOR, email="")
    client.force_login(people["ada"])
    response = _post(client, eve, password=NEW_PASSWORD, new_password1=NEW_PASSWORD)
    assert response.status_code == 302
    eve.refresh_from_db()
    assert not eve.check_password(NEW_PASSWORD)

    response = client.post(f"/brugere/{eve.pk}/adgangskodelink/")
    assert response.status_code == 200
    eve.refresh_from_db()
    assert not eve.has_usable_password()  # the old password stops working
    entry = AdminLogEntry.objects.get(action=AdminAction.PASSWORD_LINK)
    assert (entry.actor, entry.subject, entry.actor_role) == (people["ada"], eve, "administrator")
    # Not for herself: she changes her own password under "Skift adgangskode".
    response = client.post(f"/brugere/{people['ada'].pk}/adgangskodelink/")
    assert response.status_code == 302
    assert people["ada"].__class__.objects.get(pk=people["ada"].pk).has_usable_password()
