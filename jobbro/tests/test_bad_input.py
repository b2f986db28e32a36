"""Bad input never gives a 500: each case seen on main, with a Danish message on the form, the
input kept, and nothing saved. The property-based test (test_forms_fuzz.py) covers the rest."""

import datetime as dt

import pytest
from django.urls import reverse

from jobbro.assessments.models import RaterKind, Rating
from jobbro.assessments.tests.conftest import make_assessment
from jobbro.citizens.models import Citizen
from jobbro.citizens.tests.test_create_edit import as_posted, new_citizen
from jobbro.front import fields
from jobbro.lib.text import clean_search
from jobbro.placements.models import AcuteIssue
from jobbro.placements.tests.factories import place_with_everything

pytestmark = pytest.mark.django_db

RANGE = "Datoen skal ligge mellem år 1900 og 2100."
NON_ASCII_DIGITS = ["²", "٣", "３", "৪", "1²", "Ⅻ"]


def html(response) -> str:
    assert response.status_code < 500
    return response.content.decode()


# The shared helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("haddad\x00", "haddad"),
        ("\x00", ""),
        ("  Fatima\t\nHaddad \u200b", "Fatima Haddad"),
        ("a\x1b[31mb", "a [31mb"),
        ("x" * 500, "x" * 100),
        (None, ""),
    ],
)
def test_clean_search_strips_control_characters(raw, clean):
    assert clean_search(raw) == clean


@pytest.mark.parametrize("raw", [*NON_ASCII_DIGITS, "", " ", "1e3", "NaN", "1" * 40, "--1"])
def test_a_number_is_ascii_digits_only(raw):
    assert fields.parse_int(raw) is None
    assert fields.parse_decimal(raw) is None
    form_field = fields.IntegerField(required=False)
    if raw.strip():
        with pytest.raises(fields.ValidationError):
            form_field.clean(raw)


def test_ascii_numbers_pass():
    assert fields.parse_int(" 42 ") == 42 and fields.parse_int("-3") == -3
    assert fields.parse_decimal("7,5") == 7.5 and fields.parse_decimal("0.5") == 0.5
    assert fields.IntegerField().clean("12") == 12


@pytest.mark.parametrize("raw", ["01.01.0001", "31.12.9999", "31.12.1899", "01.01.2101"])
def test_a_date_is_plausible(raw):
    assert fields.parse_date(raw) == (None, RANGE)
    with pytest.raises(fields.ValidationError, match="mellem år 1900 og 2100"):
        fields.DateTimeField().clean(raw + " 12:00")


def test_plausible_dates_pass():
    assert fields.parse_date("01.01.1900") == (dt.date(1900, 1, 1), "")
    assert fields.parse_date("31.12.2100") == (dt.date(2100, 12, 31), "")


# Dates on main ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["31.12.9999 12:00", "01.01.0001 00:00"])
def test_a_settled_at_far_out_is_refused_on_the_case_file_form(client, people, citizens, value):
    fatima = citizens["fatima"]
    before = fatima.settled_at
    client.force_login(people["alice"])
    data = {**as_posted(fatima), "settled_at": value}
    page = html(client.post(reverse("citizens:edit", args=[fatima.pk]), data))
    assert RANGE in page
    assert f'value="{value}"' in page  # the input is kept
    fatima.refresh_from_db()
    assert fatima.settled_at == before
    # The case file and the lists that show her still open.
    assert client.get(reverse("citizens:detail", args=[fatima.pk])).status_code == 200
    assert client.get(reverse("citizens:list")).status_code == 200
    assert client.get(reverse("citizens:awaiting")).status_code == 200


def test_a_new_citizen_settled_in_9999_is_refused(client, people, citizens):
    client.force_login(people["alice"])
    data = new_citizen(people["alice"], settled_at="31.12.9999 23:59")
    page = html(client.post(reverse("citizens:create"), data))
    assert RANGE in page
    assert not Citizen.objects.filter(last_name="Yusuf").exists()


@pytest.mark.parametrize(
    ("start", "end"), [("01.01.0001", ""), ("", "31.12.9999"), ("01.01.0001", "31.12.9999")]
)
@pytest.mark.parametrize("url", ["audit:search", "accounts:admin_log"])
def test_the_log_filters_take_extreme_years(client, people, start, end, url):
    client.force_login(people["ada"])
    page = html(client.get(reverse(url), {"date_from": start, "date_to": end}))
    assert RANGE in page


@pytest.mark.parametrize("day", ["01.01.0001", "31.12.9999", "3\x00.01.2026", "٣١.١٢.٢٠٢٥"])
def test_the_plan_history_takes_extreme_years(client, people, citizens, day):
    placement = place_with_everything(citizens["fatima"], people)
    client.force_login(people["amir"])
    url = reverse("placements:plan_history", kwargs={"pk": placement.pk})
    page = html(client.get(url, {"dato": day}))
    assert "Skriv datoen som dd.mm.åååå." in page or RANGE in page


@pytest.mark.parametrize("value", ["31.12.9999 23:59", "01.01.0001 00:00"])
def test_an_acute_issue_reported_far_out_is_refused(client, people, citizens, value):
    placement = place_with_everything(citizens["fatima"], people)
    before = AcuteIssue.objects.count()
    client.force_login(people["amir"])
    url = reverse("placements:acute_create", kwargs={"pk": placement.pk})
    data = {"reported_at": value, "reported_by": "Lise Holm", "description": "Kom ikke."}
    page = html(client.post(url, data))
    assert RANGE in page and 'value="Lise Holm"' in page
    assert AcuteIssue.objects.count() == before
    assert client.get(reverse("placements:acute_list")).status_code == 200


# Numbers on main ----------------------------------------------------------------------------


@pytest.mark.parametrize("digit", NON_ASCII_DIGITS)
def test_a_non_ascii_digit_in_the_score_grid_is_refused(client, people, citizens, shipped, digit):
    a = make_assessment(citizens["fatima"], shipped, dt.date(2026, 3, 2), people["alice"])
    client.force_login(people["alice"])
    items = list(a.version.items.all())
    data = {f"s-{RaterKind.ADVISOR}-{i.pk}": "3" for i in items}
    data[f"s-{RaterKind.ADVISOR}-{items[0].pk}"] = digit
    response = client.post(reverse("assessments:enter", args=[a.pk]), data)
    assert response.status_code == 400
    assert "Skriv scoren som et helt tal" in html(response)
    assert not Rating.objects.exists()


@pytest.mark.parametrize("digit", NON_ASCII_DIGITS)
def test_a_non_ascii_digit_on_the_self_scoring_page_is_refused(
    client, people, citizens, shipped, digit
):
    a = make_assessment(citizens["fatima"], shipped, dt.date(2026, 3, 2), people["alice"])
    client.force_login(people["alice"])
    url = reverse("assessments:self_score", args=[a.pk])
    response = client.post(f"{url}?punkt=1", {"value": digit})
    assert response.status_code == 400
    assert not Rating.objects.exists()
    assert client.get(url, {"punkt": "²", "sprog": "\x00"}).status_code == 200


@pytest.mark.parametrize("digit", ["²", "٣"])
def test_a_non_ascii_digit_in_a_number_field_is_a_danish_error(client, people, citizens, digit):
    fatima = citizens["fatima"]
    client.force_login(people["alice"])
    data = {**as_posted(fatima), "danish_module": digit}
    page = html(client.post(reverse("citizens:edit", args=[fatima.pk]), data))
    assert "Modul skal være et tal." in page
    fatima.refresh_from_db()
    assert fatima.danish_module is None


# Searches on main ---------------------------------------------------------------------------


SEARCHES = [
    ("alice", "companies:list", "q"),
    ("alice", "companies:capacity", "q"),
    ("amir", "placements:list", "q"),
    ("alice", "assessments:index", "q"),
    ("ada", "accounts:users", "q"),
    ("ada", "audit:search", "user"),
    ("ada", "accounts:admin_log", "user"),
]


@pytest.mark.parametrize(("username", "url", "param"), SEARCHES)
def test_a_null_byte_in_a_search_is_stripped(client, people, citizens, username, url, param):
    client.force_login(people[username])
    response = client.get(reverse(url), {param: "had\x00dad\x1b"})
    assert response.status_code == 200


def test_a_null_byte_in_the_citizen_search_is_stripped(client, people, citizens):
    client.force_login(people["alice"])
    response = client.post(reverse("citizens:list"), {"q": "Had\x00dad"}, follow=True)
    assert response.status_code == 200
    assert "Haddad" in response.content.decode()
    assert client.get(reverse("citizens:list"), {"q": "\x00"}).status_code == 200


def test_a_null_byte_in_a_calendar_token_is_not_found(client):
    assert client.get("/forloeb/kalender/feed/abc%00def.ics").status_code == 404


# A long post on main ------------------------------------------------------------------------


def test_a_3_mb_text_is_a_danish_error_with_the_input_kept(client, people, citizens):
    client.force_login(people["alice"])
    data = new_citizen(people["alice"], education="x" * (3 * 1024 * 1024))
    response = client.post(reverse("citizens:create"), data)
    page = html(response)
    assert response.status_code == 200
    assert "højst" in page and "10000 tegn" in page.replace(".", "")
    assert 'value="Amina"' in page
    assert not Citizen.objects.filter(last_name="Yusuf").exists()


def test_long_texts_within_the_limit_are_saved(client, people, citizens):
    client.force_login(people["alice"])
    data = new_citizen(people["alice"], education="Uddannet tømrer. " * 500)
    response = client.post(reverse("citizens:create"), data)
    assert response.status_code == 302
    assert Citizen.objects.get(last_name="Yusuf").education.startswith("Uddannet tømrer.")


@pytest.mark.parametrize("digit", NON_ASCII_DIGITS)
@pytest.mark.parametrize(
    ("username", "url", "key"),
    [
        ("lene", "front:overview_number", "trin-{}"),
        ("amir", "goals:persons", "maal-{}"),
        ("amir", "goals:persons", "status-{}-uddannelse"),
    ],
)
def test_a_numbers_key_with_other_digits_is_no_number(client, people, username, url, key, digit):
    """ "²".isdigit() is true but int("²") fails: a key such as "trin-²" was a 500 (the same
    check that crashed the placement's weekdays); now it names no number."""
    client.force_login(people[username])
    response = client.get(reverse(url), {"tal": key.format(digit)})
    assert response.status_code in (200, 302, 404)


@pytest.mark.parametrize("digit", NON_ASCII_DIGITS)
def test_a_cohorts_teachers_refuse_other_digits(people, digit):
    """The fuzzer's programmes:cohort_edit flake: a teacher's id "²" passed isdigit() and
    int("²") raised, a 500; it is now the field's own Danish refusal."""
    from django.core.exceptions import ValidationError

    from jobbro.programmes.forms import CohortForm

    field = CohortForm().fields["teachers"]
    with pytest.raises(ValidationError) as refused:
        field.clean([digit])
    assert refused.value.messages == ["Vælg underviserne på listen."]
