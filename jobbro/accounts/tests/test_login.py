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
