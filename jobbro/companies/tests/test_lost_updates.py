"""Two people with the same company or opening open: the second save is refused, not lost."""

import pytest
from django.urls import reverse

from jobbro.companies.models import Company, Opening
from jobbro.core.tests.helpers import open_form

from .conftest import make_opening

pytestmark = pytest.mark.django_db

REFUSED = "er blevet ændret af en anden, mens du arbejdede på det. Dine ændringer er ikke gemt."


def test_the_second_of_two_edits_of_a_company_is_refused(people, company):
    url = reverse("companies:edit", args=[company.pk])
    konrad, konrad_form = open_form(people["konrad"], url)
    amir, amir_form = open_form(people["amir"], url)  # ambassadors change every company

    assert konrad.post(url, {**konrad_form, "ordinary_employees": "12"}).status_code == 302
    response = amir.post(url, {**amir_form, "name": "Amirs navn ApS", "town": "Hedensted"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Virksomheden {REFUSED}" in page
    assert 'value="Amirs navn ApS"' in page and 'value="Hedensted"' in page
    company = Company.objects.get(pk=company.pk)
    assert (company.name, company.town, company.ordinary_employees) == (
        "Juelsminde Rengøring ApS",
        "Juelsminde",
        12,
    )


def test_the_second_of_two_edits_of_an_opening_is_refused(people, company):
    opening = make_opening(company, capacity=2)
    url = reverse("companies:opening_edit", args=[opening.pk])
    konrad, konrad_form = open_form(people["konrad"], url)
    amir, amir_form = open_form(people["amir"], url)

    assert konrad.post(url, {**konrad_form, "capacity": "3"}).status_code == 302
    response = amir.post(url, {**amir_form, "title": "Køkkenmedhjælper"})

    assert f"Åbningen {REFUSED}" in response.content.decode()
    opening = Opening.objects.get(pk=opening.pk)
    assert (opening.capacity, opening.title) == (3, "Rengøringsassistent")
