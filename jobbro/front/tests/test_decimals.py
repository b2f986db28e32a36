"""Danish decimals: hours are typed as "7,5" or "7.5", both are 7.5, and are shown "7,5"."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from jobbro.front.fields import DecimalField, DecimalInput
from jobbro.placements.forms import PlacementForm
from jobbro.placements.models import PlacementKind, PlacementStatus
from jobbro.placements.tests.factories import make_company


@pytest.mark.parametrize("typed", ["7,5", "7.5", " 7,5 "])
def test_it_reads_a_danish_or_english_decimal(typed):
    assert DecimalField(max_digits=4, decimal_places=1).clean(typed) == Decimal("7.5")


@pytest.mark.parametrize("typed", ["7,5,1", "٣", "7½", "1e3"])
def test_it_refuses_what_is_not_a_decimal_in_danish(typed):
    with pytest.raises(Exception, match="Skriv et tal"):
        DecimalField().clean(typed)


def test_the_field_is_text_with_the_number_keyboard():
    html = DecimalField().widget.render("hours", Decimal("7.5"))
    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert 'type="number"' not in html


def test_it_shows_the_number_the_danish_way():
    widget = DecimalInput()
    with translation.override("da"):
        assert widget.format_value(Decimal("7.5")) == "7,5"
        assert widget.format_value(Decimal("25.0")) == "25"
        assert widget.format_value("3,5") == "3,5"  # what was typed is kept
    # The English pages keep Danish numbers, as they keep Danish dates (jobbro/formats/en).
    with translation.override("en"):
        assert widget.format_value(Decimal("7.5")) == "7,5"


def test_the_placement_form_takes_both(db):
    for typed in ("7,5", "7.5"):
        form = PlacementForm(
            {
                "kind": PlacementKind.EDUCATION,
                "status": PlacementStatus.ACTIVE,
                "starts_on": "01.12.2026",
                "hours_per_week": typed,
                "paid_hours_per_week": "0",
            }
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["hours_per_week"] == Decimal("7.5")


@pytest.mark.django_db
def test_an_opening_saves_20_5_hours_not_205(client, people):
    company = make_company(key_account=people["konrad"])
    client.force_login(people["konrad"])
    url = reverse("companies:opening_create", kwargs={"pk": company.pk})
    response = client.post(
        url,
        {
            "kind": "internship",
            "title": "Praktik på lageret",
            "capacity": "1",
            "hours_per_week": "20,5",
            "starts_on": timezone.localdate().strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert company.openings.get().hours_per_week == Decimal("20.5")
