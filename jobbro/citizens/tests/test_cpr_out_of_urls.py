"""A CPR number stays out of sessions and URLs (browser history, server logs, `next`)."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse

from jobbro.audit.models import AccessLogEntry, Action
from jobbro.lib import cpr as cprlib

pytestmark = pytest.mark.django_db

CPR, DIGITS = "010190-1236", "0101901236"  # fatima's


@pytest.fixture
def alice(client, people):
    client.force_login(people["alice"])
    return people["alice"]


def _raw_session(client) -> str:
    """Everything the session store holds for this browser, decoded."""
    key = client.cookies["sessionid"].value
    row = Session.objects.get(session_key=key)
    return f"{SessionStore(session_key=key).load()!r} {row.get_decoded()!r} {row.session_data}"


@pytest.mark.parametrize("q", [CPR, DIGITS, "Fatima Haddad"])
def test_a_search_is_kept_in_the_session_only_encrypted(client, alice, citizens, q):
    response = client.post("/borgere/", {"q": q, "readiness": "", "csrfmiddlewaretoken": "x"})
    assert response.status_code == 302
    results = client.get(response.url)
    assert [c.first_name for c in results.context["page"].object_list] == ["Fatima"]
    assert results.context["form"]["q"].value() == q  # the box still shows what was typed

    stored = _raw_session(client)
    for clear in (DIGITS, CPR, "Haddad", "Fatima", "csrfmiddlewaretoken"):
        assert clear not in stored


def test_a_get_with_a_cpr_number_does_not_search(client, alice, citizens):
    response = client.get("/borgere/", {"q": CPR, "readiness": "job_ready"})
    assert response.status_code == 302
    assert response.url == "/borgere/?readiness=job_ready"
    assert not AccessLogEntry.objects.filter(action=Action.SEARCH).exists()
    page = client.get(response.url).content.decode()
    assert "Et CPR-nummer må ikke stå i en webadresse" in page
    assert DIGITS[:6] not in page
    for q in (DIGITS, "0101901236 Haddad", "010190 1236"):
        assert client.get("/borgere/", {"q": q}).url == "/borgere/"


def test_any_get_query_with_a_cpr_number_is_sent_on_without_it(client, alice):
    response = client.get(reverse("assessments:index"), {"q": DIGITS, "side": "2"})
    assert response.url == f"{reverse('assessments:index')}?side=2"


def test_a_login_redirect_never_carries_a_cpr_number(client, citizens):
    response = client.get("/borgere/", {"q": CPR})  # not logged in
    assert response.status_code == 302 and DIGITS[:6] not in response.url
    response = client.get(response.url)
    assert response.url == "/login/?next=/borgere/"
    # A `next` that carries one, made elsewhere, is dropped before the login form shows it.
    response = client.get(f"/login/?next=/borgere/%3Fq%3D{CPR}")
    assert response.url == "/login/"
    assert DIGITS[:6] not in client.get(response.url).content.decode()


def test_it_recognises_a_cpr_number_anywhere_in_a_text():
    for text in (DIGITS, CPR, "010190 1236", f"x{DIGITS}y", f"/borgere/?q={CPR}"):
        assert cprlib.contains_cpr(text), text
    for text in ("", "Haddad", "20304050", "01.01.2026", "12345678901", "2026-01-01"):
        assert not cprlib.contains_cpr(text), text
