"""Form messages that say what is wrong: a date the calendar has not, the CPR number first."""

import pytest
from django.urls import reverse

from jobbro.front.fields import DateField


@pytest.mark.parametrize("typed", ["31.02.2024", "29.02.2025", "31.04.2026"])
def test_a_day_the_calendar_has_not_findes_ikke(typed):
    with pytest.raises(Exception, match=f"Datoen {typed} findes ikke."):
        DateField().clean(typed)


@pytest.mark.parametrize("typed", ["32.13.2026", "2024-31-02", "i går", "٣١.١٢.٢٠٢٥"])
def test_a_date_in_another_shape_is_a_format_error(typed):
    with pytest.raises(Exception, match="Skriv datoen som dd.mm.åååå."):
        DateField().clean(typed)


def test_a_real_date_is_read(db):
    assert DateField().clean("29.02.2024").isoformat() == "2024-02-29"


@pytest.mark.django_db
def test_the_cpr_numbers_own_error_comes_first_and_says_how(client, people):
    client.force_login(people["alice"])
    body = client.post(
        reverse("citizens:create"),
        {"cpr_number": "15069-1234", "first_name": "", "settled_at": "31.02.2024 10:00"},
    ).content.decode()
    summary = body[body.index('id="form-errors"') :]
    first = summary.index("<li>")
    assert summary.index("Skriv CPR-nummeret som DDMMÅÅ-XXXX", first) < summary.index(
        "Fornavn", first
    )
