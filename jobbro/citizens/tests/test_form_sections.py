"""The citizen form in sections (issue 13: 4,400 px long): the essentials first as fieldsets
with legends, the optional parts folded in <details>, and a folded part with an error open."""

import re

import pytest

from jobbro.citizens.forms import CitizenForm
from jobbro.citizens.tests.test_create_edit import new_citizen


def sections_of(html: str) -> list[tuple[str, bool]]:
    """(legend or summary, open) for each section of the page, in order."""
    found = []
    for match in re.finditer(
        r'<fieldset class="jobbro-section"><legend class="h2">([^<]+)</legend>'
        r'|<details class="details jobbro-section"( open)?>\s*<summary class="details-summary">'
        r"([^<]+)",
        html,
    ):
        if match[1]:
            found.append((match[1].strip(), True))
        else:
            found.append((match[3].strip(), bool(match[2])))
    return found


def test_every_field_of_the_form_is_in_exactly_one_section():
    named = [name for section in CitizenForm.sections for name in section.fields]
    assert len(named) == len(set(named))
    assert set(named) == set(CitizenForm.Meta.fields) | {"cpr_number"}


def test_the_essentials_come_first_and_the_error_summary_follows_the_page():
    form = CitizenForm()
    assert list(form.fields)[:5] == [
        "cpr_number",
        "first_name",
        "last_name",
        "gender",
        "nationality",
    ]
    assert not CitizenForm.sections[0].folded and not CitizenForm.sections[1].folded
    assert all(section.folded for section in CitizenForm.sections[2:])


@pytest.mark.django_db
def test_the_optional_parts_are_folded_until_one_holds_an_error(client, people):
    client.force_login(people["alice"])
    page = client.get("/borgere/ny/").content.decode()
    assert sections_of(page) == [
        ("Stamoplysninger", True),
        ("Modtagelse og sag", True),
        ("Kontakt og fødeland", False),
        ("Integrationsprogram og dansk", False),
        ("Baggrund og ønsker", False),
        ("Forhold der skal tages hensyn til", False),
        ("Samtykke", False),
    ]

    posted = new_citizen(people["alice"], email="ikke en adresse", residence_permit_date="")
    page = client.post("/borgere/ny/", posted).content.decode()
    sections = dict(sections_of(page))
    assert sections["Kontakt og fødeland"] is True  # the e-mail's error is in it: open
    assert sections["Baggrund og ønsker"] is False
    assert 'href="#id_email"' in page  # the summary's link reaches the field
    assert "ikke en adresse" in page  # and the input is kept


@pytest.mark.django_db
def test_a_folded_part_says_how_much_of_it_is_filled_in(client, people, citizens):
    client.force_login(people["alice"])
    page = client.get(f"/borgere/{citizens['fatima'].pk}/ret/").content.decode()
    assert re.search(r"Kontakt og fødeland\s*<span[^>]*>\(1 udfyldt\)", page)  # the phone
