"""No forbidden factor can be configured, and the score does not read one."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from jobbro.citizens.models import Gender
from jobbro.matching import services, suggest
from jobbro.matching.factors import FORBIDDEN, Factor
from jobbro.matching.forms import WeightsForm
from jobbro.matching.models import FactorWeight

TODAY = dt.date(2026, 12, 1)


def test_no_forbidden_word_is_a_factor():
    for word in FORBIDDEN:
        assert not any(word in value for value in Factor.values), word


def test_the_weights_form_has_a_field_for_each_named_factor_and_no_other():
    form = WeightsForm(weights=dict.fromkeys(Factor.values, 1))
    assert set(form.fields) == set(Factor.values)
    posted = {**dict.fromkeys(Factor.values, "3"), "gender": "10", "nationality": "10"}
    form = WeightsForm(posted, weights=dict.fromkeys(Factor.values, 1))
    assert form.is_valid() and "gender" not in form.cleaned_data


@pytest.mark.parametrize("word", FORBIDDEN)
def test_the_database_refuses_a_weight_for_a_forbidden_factor(db, word):
    with pytest.raises(IntegrityError), transaction.atomic():
        FactorWeight.objects.create(factor=word, weight=5)


@pytest.mark.parametrize("word", FORBIDDEN)
def test_the_service_refuses_a_weight_for_a_forbidden_factor(people, word):
    with pytest.raises(ValidationError):
        services.weights_save(weights={word: 5}, by=people["ada"])


def test_posting_a_forbidden_factor_to_the_weights_page_changes_nothing(client, people):
    client.force_login(people["ada"])
    posted = {**dict.fromkeys(Factor.values, "4"), "gender": "10", "religion": "10"}
    assert client.post(reverse("matching:weights"), posted).status_code == 302
    assert set(FactorWeight.objects.values_list("factor", flat=True)) == set(Factor.values)
    assert set(FactorWeight.objects.values_list("weight", flat=True)) == {4}


def test_gender_nationality_and_age_do_not_move_the_score(fatima_profile, kitchen):
    citizen = fatima_profile.citizen
    before = suggest.for_citizen(citizen, TODAY).suggestions[0]
    citizen.gender = Gender.MALE
    citizen.nationality = "DK"  # an ISO 3166 code since the reference lists
    citizen.birth_date = dt.date(1960, 5, 5)  # another age, inside the legal limits
    citizen.save()
    after = suggest.for_citizen(citizen, TODAY).suggestions[0]
    assert after.score == before.score
    assert [line.as_json() for line in after.lines] == [line.as_json() for line in before.lines]


def test_age_only_decides_the_legal_limits_of_a_kind(fatima_profile, kitchen):
    kitchen.kind = "igu"  # IGU: 18-40 years
    kitchen.save()
    citizen = fatima_profile.citizen
    citizen.birth_date = dt.date(1970, 1, 1)
    citizen.save()
    result = suggest.for_citizen(citizen, TODAY)
    assert not result.suggestions
    assert result.left_out[0].why == "IGU-forløb er for 18–40-årige (lovens grænse)"


def test_the_weights_change_the_score(people, fatima_profile, kitchen):
    before = suggest.for_citizen(fatima_profile.citizen, TODAY).suggestions[0].score
    services.weights_save(
        weights={**dict.fromkeys(Factor.values, 0), Factor.OCCUPATION_WISH: 10}, by=people["ada"]
    )
    after = suggest.for_citizen(fatima_profile.citizen, TODAY).suggestions[0].score
    assert after == pytest.approx(100) and after != before
