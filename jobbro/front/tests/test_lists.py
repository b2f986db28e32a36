"""The list pattern (front/lists.py), its behaviour tested once on the follow-up list, and
then every list page: paging, sorting by each column, and an empty state that says why."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.front import lists
from jobbro.placements.models import FollowUp
from jobbro.placements.tests.factories import make_placement, place_with_everything
from jobbro.programmes.tests.factories import enrol_in_ambassador_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_ups(people, citizens):
    """Three open follow-ups of amir's this week, in the ambassador project: Fatima's,
    Yonas's and Omar's."""
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    out = []
    for i, name in enumerate(("fatima", "yonas", "omar")):
        if name != "fatima":
            enrol_in_ambassador_project(citizens[name])
        placement = place_with_everything(citizens[name], people)
        follow_up = FollowUp.objects.get(placement=placement)
        follow_up.due_on = monday + dt.timedelta(days=i)
        follow_up.assigned_to = people["amir"]
        follow_up.save()
        out.append(follow_up)
    return out


def get(client, user, name="placements:follow_ups", **params):
    client.force_login(user)
    return client.get(reverse(name), params)


def rows(response):
    return [f.pk for f in response.context["page"].object_list]


def test_it_searches_the_follow_ups_by_citizen_and_company(client, people, follow_ups):
    response = get(client, people["amir"], q="yonas")
    assert rows(response) == [follow_ups[1].pk]
    assert response.context["form"]["q"].value() == "yonas"  # the search is kept


def test_it_sorts_by_a_named_column_both_ways_and_marks_the_header(client, people, follow_ups):
    ascending = get(client, people["amir"], sort="citizen")
    names = [f.placement.citizen.last_name for f in ascending.context["page"].object_list]
    assert names == sorted(names)
    assert rows(get(client, people["amir"], sort="-citizen")) == rows(ascending)[::-1]
    html = ascending.content.decode()
    assert 'aria-sort="ascending"' in html
    # The header's link sorts the other way and keeps the rest of the query (querystring).
    assert "?sort=-citizen" in html


def test_it_ignores_a_sort_that_is_not_a_column(client, people, follow_ups):
    response = get(client, people["amir"], sort="placement__citizen__cpr_hash")
    assert response.status_code == 200
    assert response.context["form"].sort_key == "due"
    assert rows(response) == [f.pk for f in follow_ups]


def test_it_pages_with_numbers_and_says_which_page(client, people, follow_ups, monkeypatch):
    monkeypatch.setattr(lists, "PAGE_SIZE", 1)
    response = get(client, people["amir"], side=2, q="a")
    html = response.content.decode()
    assert "Side 2 af 3" in html
    assert 'aria-current="page">' in html and "?side=3&amp;q=a" in html
    assert rows(response) == [follow_ups[1].pk]


def test_it_folds_many_filters_behind_a_summary_of_the_active_ones(client, people, citizens):
    make_placement(citizens["fatima"], ambassador=people["amir"])
    html = get(client, people["amir"], "placements:list", status="active").content.decode()
    assert "<details" not in html  # two filters: shown open

    class Many(lists.ListForm):
        columns = {"name": ("Navn", ("name",))}
        a = lists.forms.CharField(label="Alfa", required=False)
        b = lists.forms.CharField(label="Beta", required=False)
        c = lists.forms.CharField(label="Gamma", required=False)

    form = Many({"a": "x", "c": "z"})
    assert form.folded
    assert form.active() == [("Alfa", "x"), ("Gamma", "z")]
    assert form.filtered


def test_the_empty_state_says_why(client, people):
    html = get(client, people["amir"]).content.decode()
    assert "Du har ingen opfølgninger her; de oprettes fra planen for et forløb." in html
    searched = get(client, people["amir"], q="ingen-har-dette-navn").content.decode()
    assert "Ingen matcher søgningen eller filtrene." in searched


def test_the_tabs_mark_the_current_one_and_keep_the_search(client, people, follow_ups):
    html = get(client, people["amir"], vis="forfaldne", q="yonas").content.decode()
    assert 'href="?vis=forfaldne&amp;q=yonas" aria-current="page"' in html
    assert 'href="?vis=uge&amp;q=yonas"' in html


# Every list page: (who, url name). Each uses the pattern: a ListForm, the paginated page,
# every column sortable, and its own empty state.
LIST_PAGES = [
    ("alice", "placements:list"),
    ("alice", "placements:move_up"),
    ("amir", "placements:follow_ups"),
    ("amir", "placements:acute_list"),
    ("lene", "placements:acute_breaches"),
    ("alice", "citizens:list"),
    ("alice", "citizens:awaiting"),
    ("alice", "law:first_offers"),
    ("alice", "companies:list"),
    ("alice", "companies:capacity"),
    ("amir", "companies:barometer"),
    ("alice", "journal:planned"),
    ("alice", "programmes:list"),
    ("alice", "programmes:cohorts"),
    ("tove", "attendance:sessions"),
    ("alice", "attendance:sanctions"),
    ("alice", "attendance:below_hours"),
    ("alice", "attendance:low_attendance"),
    ("ada", "accounts:users"),
    ("ada", "accounts:admin_log"),
    ("lene", "accounts:grants"),
    ("ada", "audit:search"),
    ("alice", "assessments:index"),
    ("alice", "assessments:stalled"),
    ("ada", "erasure:decisions"),
    ("alice", "cases:transfers"),
    ("alice", "citizens:unmatched"),
    ("alice", "matching:list"),
    ("alice", "matching:proposals"),
    ("amir", "programmes:siri"),
    ("ada", "matching:distances"),
]


@pytest.mark.parametrize(("who", "name"), LIST_PAGES)
def test_every_list_page_has_the_pattern(client, people, who, name):
    """With only the users there, each list says why it is empty (or, the user list, shows
    its rows under sortable headers); every column sorts both ways; a page past the last is
    the last."""
    first = get(client, people[who], name)
    assert first.status_code == 200
    form = first.context.get("list_form") or first.context["form"]
    assert isinstance(form, lists.ListForm)
    html = first.content.decode()
    if first.context["page"].paginator.count:
        assert "aria-sort=" in html or not form.default_sort  # "": the selector's own order
    else:
        assert str(form.empty) in html
    assert form.columns, "a list with nothing to sort by"
    for key in form.columns:
        for sort in (key, f"-{key}"):
            response = get(client, people[who], name, sort=sort, side="2")
            assert response.status_code == 200
            shown = response.context.get("list_form") or response.context["form"]
            assert shown.sort_key == sort
            page = response.context["page"]
            assert page.number == min(2, page.paginator.num_pages)


def test_the_journal_has_the_pattern(client, people, citizens):
    from jobbro.journal.tests.factories import make_note

    url = reverse("journal:citizen", args=[citizens["fatima"].pk])
    client.force_login(people["alice"])
    assert "Der er ingen notater i journalen endnu." in client.get(url).content.decode()
    make_note(citizens["fatima"], people["alice"], text="Første samtale.")
    make_note(citizens["fatima"], people["alice"], text="Anden samtale om praktik.")
    response = client.get(url, {"sort": "-date", "q": "praktik"})
    assert [n.text for n in response.context["page"].object_list] == ["Anden samtale om praktik."]
    assert 'aria-sort="descending"' in response.content.decode()
