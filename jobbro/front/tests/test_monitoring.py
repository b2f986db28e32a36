"""What the operator monitors: /healthz checks the database, the request timing line, and
the cheap select (issue 14)."""

import logging
import re
from unittest import mock

from django import forms
from django.db import OperationalError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobbro.front.fields import Select
from jobbro.front.forms import DesignSystemMixin


def test_healthz_says_ok_when_the_database_answers(db, client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


def test_healthz_says_503_when_the_database_does_not(db, client, caplog):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"down" not in response.content  # the error goes to the log, not the probe
    assert "healthz" in caplog.text


@override_settings(REQUEST_TIMING_LOG=True)
def test_the_timing_line_names_the_route_not_the_url(client, people, citizens, caplog):
    client.force_login(people["alice"])
    fatima = citizens["fatima"]
    with caplog.at_level(logging.INFO, logger="jobbro.timing"):
        client.get(reverse("citizens:detail", args=[fatima.pk]), {"q": "Haddad"})
    (line,) = [r.getMessage() for r in caplog.records if r.name == "jobbro.timing"]
    assert re.fullmatch(
        r'route="borgere/<int:pk>/" method=GET status=200 ms=\d+\.\d queries=\d+', line
    ), line
    assert f"/{fatima.pk}/" not in line and "Haddad" not in line and "alice" not in line


def test_there_is_no_timing_line_unless_it_is_turned_on(client, people, citizens, caplog):
    client.force_login(people["alice"])
    with caplog.at_level(logging.INFO, logger="jobbro.timing"):
        client.get(reverse("citizens:list"))
    assert not [r for r in caplog.records if r.name == "jobbro.timing"]


class _Form(DesignSystemMixin, forms.Form):
    choice = forms.ChoiceField(
        choices=[("", "Alle"), ("a<b", "A & B"), ("x", "X"), ("G", [("g1", "G1"), ("g2", "G2")])]
    )


def test_the_cheap_select_renders_what_djangos_does():
    for value in ("", "x", "a<b", "g2", '"><script>'):
        form = _Form({"choice": value})
        widget = form.fields["choice"].widget
        assert type(widget) is Select
        ours = str(form["choice"])
        widget.__class__ = forms.Select  # Django's own, one template per option
        theirs = str(form["choice"])
        assert re.sub(r"\s+", " ", ours) == re.sub(r"\s+", " ", theirs)
        assert "<script>" not in ours


def test_a_page_read_does_not_write_the_session(client, people, citizens):
    """Issue 7 stopped the session being saved on every request; still so."""
    client.force_login(people["alice"])
    client.get(reverse("citizens:list"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("citizens:list"))
    writes = [
        q["sql"] for q in queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]
    ]
    assert writes == []
