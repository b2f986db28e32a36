import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from jobbro.conftest import PASSWORD


@pytest.mark.django_db
def test_it_sends_anonymous_users_to_the_login_page(client):
    response = client.get("/borgere/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.django_db
def test_it_logs_in_with_the_right_password_only(client, people):
    response = client.post("/login/", {"username": "alice", "password": "forkert-kode-123"})
    assert "Forkert brugernavn eller adgangskode." in response.content.decode()
    response = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_it_ends_a_session_after_30_minutes_without_activity(client, people, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert client.get("/borgere/").status_code == 200
    # Each request moves the expiry 30 minutes ahead; 31 idle minutes later it has passed.
    session = Session.objects.get()
    assert session.expire_date > timezone.now() + dt.timedelta(minutes=29)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(minutes=1))
    response = client.get("/borgere/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_it_refuses_an_inactive_user(client, people):
    people["alice"].is_active = False
    people["alice"].save()
    response = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_it_rotates_the_session_id_at_login(client, people):
    session = client.session  # an anonymous session exists before login
    session["probe"] = 1
    session.save()
    before = session.session_key
    client.post("/login/", {"username": "alice", "password": PASSWORD})
    after = client.session.session_key
    assert after and after != before
    assert not Session.objects.filter(session_key=before).exists()


@pytest.mark.django_db
def test_it_does_not_write_the_session_on_every_request(client, people):
    client.post("/login/", {"username": "alice", "password": PASSWORD})
    client.get("/borgere/")
    first = Session.objects.get().expire_date
    client.get("/borgere/")
    client.get("/")
    assert Session.objects.get().expire_date == first


@pytest.mark.django_db
def test_it_moves_the_idle_expiry_on_after_a_minute(client, people):
    from jobbro.accounts.sessions import REFRESHED_AT

    client.post("/login/", {"username": "alice", "password": PASSWORD})
    session = client.session
    session[REFRESHED_AT] -= 61
    session.save()
    Session.objects.update(expire_date=timezone.now() + dt.timedelta(minutes=5))
    assert client.get("/borgere/").status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + dt.timedelta(minutes=29)


@pytest.mark.django_db
def test_it_ends_a_session_after_the_absolute_lifetime_however_active(client, people, settings):
    from jobbro.accounts.sessions import LOGIN_AT

    assert settings.SESSION_ABSOLUTE_SECONDS == 10 * 3600
    client.post("/login/", {"username": "alice", "password": PASSWORD})
    session = client.session
    session[LOGIN_AT] -= 10 * 3600 - 5
    session.save()
    assert client.get("/borgere/").status_code == 200
    session = client.session
    session[LOGIN_AT] -= 10
    session.save()
    response = client.get("/borgere/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert client.get("/").status_code == 302


def _fail(client, username, ip="10.0.0.1"):
    return client.post(
        "/login/", {"username": username, "password": "forkert-kode-123"}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
def test_it_locks_a_user_out_after_the_failure_limit(client, people, settings):
    from jobbro.accounts.models import AdminAction, AdminLogEntry

    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert _fail(client, "alice").status_code == 200
    response = _fail(client, "alice")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Login er midlertidigt spærret" in page and "15 minutter" in page
    # Now even the right password is refused, from another address too.
    response = client.post(
        "/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 429
    assert client.get("/").status_code == 302
    # Others still log in.
    response = client.post(
        "/login/", {"username": "bob", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 302
    # One row per lockout in the administration log, however many attempts follow.
    _fail(client, "alice")
    [entry] = AdminLogEntry.objects.filter(action=AdminAction.LOCKOUT)
    assert entry.subject == people["alice"] and entry.ip_address == "10.0.0.1"


@pytest.mark.django_db
def test_it_locks_out_an_address_trying_many_usernames(client, people, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    names = ("alice", "bob", "carol", "amir", "nobody", "ghost", "lene", "mads")
    for name in names[:-1]:
        assert _fail(client, name, ip="10.9.9.9").status_code == 200
    response = _fail(client, names[-1], ip="10.9.9.9")
    assert response.status_code == 429
    response = client.post(
        "/login/", {"username": "tove", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429
    response = client.post(
        "/login/", {"username": "tove", "password": PASSWORD}, REMOTE_ADDR="10.0.0.3"
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_lockout_ends_after_the_cool_off(client, people, settings):
    from axes.models import AccessAttempt

    for _ in range(5):
        _fail(client, "alice")
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    response = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_one_person_locked_out_does_not_lock_out_their_office(client, people):
    """Staff share the municipality's address: five wrong passwords lock that username only."""
    for _ in range(5):
        _fail(client, "alice", ip="10.7.7.7")
    assert _fail(client, "alice", ip="10.7.7.7").status_code == 429
    response = client.post(
        "/login/", {"username": "bob", "password": PASSWORD}, REMOTE_ADDR="10.7.7.7"
    )
    assert response.status_code == 302
