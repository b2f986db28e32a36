import html
import re
from urllib.parse import parse_qs

import pytest

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens.models import Readiness
from jobbro.conftest import make_citizen


def listed(response):
    assert response.status_code == 200
    return [c.first_name for c in response.context["page"].object_list]


def search(client, **data):
    """Search as the page does: POST the form, then follow to the results."""
    response = client.post("/borgere/", data)
    assert response.status_code == 302
    return client.get(response.url)


@pytest.fixture
def alice(client, people):
    client.force_login(people["alice"])
    return people["alice"]


@pytest.mark.django_db
class TestSearch:
    def test_it_lists_the_users_scope(self, client, alice, citizens):
        assert listed(client.get("/borgere/")) == ["Fatima", "Yonas"]

    def test_it_finds_by_every_name_term(self, client, alice, citizens):
        assert listed(search(client, q="fati")) == ["Fatima"]
        assert listed(search(client, q="tesfay")) == ["Yonas"]
        assert listed(search(client, q="Fatima Haddad")) == ["Fatima"]
        # Every term must match: first name of one and last name of another finds nobody.
        assert listed(search(client, q="Fatima Tesfay")) == []

    @pytest.mark.parametrize("q", ["0202851237", "020285-1237", " 020285-1237 "])
    def test_it_finds_exactly_one_citizen_by_cpr(self, client, alice, citizens, q):
        assert listed(search(client, q=q)) == ["Yonas"]

    def test_it_finds_nobody_by_a_part_of_a_cpr_number(self, client, alice, citizens):
        assert listed(search(client, q="020285")) == []

    def test_it_hints_at_a_citizen_outside_the_caseload(self, client, alice, citizens):
        omar = citizens["omar"]

        response = search(client, q="030392-1239")

        assert listed(response) == []
        assert response.context["outside"] == omar
        body = response.content.decode()
        assert f"/borgere/{omar.pk}/formaal/" in body
        assert "Rahimi" not in body
        # Confirming that the number exists is logged, as a lookup outside the caseload.
        entry = AccessLogEntry.objects.get(citizen_id=omar.pk)
        assert (entry.action, entry.purpose, entry.user) == ("search", "lookup", alice)

    def test_it_gives_no_hint_for_an_unknown_cpr(self, client, alice, citizens):
        response = search(client, q="040490-1234")
        assert listed(response) == []
        assert response.context["outside"] is None

    def test_it_keeps_the_search_text_out_of_the_url(self, client, alice, citizens):
        response = client.post("/borgere/", {"q": "010190-1236"})
        assert "010190" not in response.url
        assert "Fatima" not in response.url
        assert listed(client.get(response.url)) == ["Fatima"]

    def test_it_renders_only_the_results_for_htmx(self, client, alice, citizens):
        url = client.post("/borgere/", {"q": "Yonas"}, headers={"HX-Request": "true"}).url
        response = client.get(url, headers={"HX-Request": "true"})
        assert listed(response) == ["Yonas"]
        assert [t.name for t in response.templates][0] == "citizens/_results.html"


@pytest.mark.django_db
class TestFilters:
    def test_it_filters_by_readiness(self, client, alice, citizens):
        citizens["yonas"].readiness = Readiness.JOB_READY
        citizens["yonas"].save()
        response = search(client, readiness="job_ready")
        assert listed(response) == ["Yonas"]

    def test_it_filters_by_gender(self, client, alice, citizens):
        assert listed(search(client, gender="male")) == ["Yonas"]
        assert listed(search(client, gender="female")) == ["Fatima"]

    def test_it_filters_by_nationality(self, client, alice, citizens):
        assert listed(search(client, nationality="ER")) == ["Yonas"]

    def test_it_offers_only_nationalities_in_scope(self, client, alice, citizens):
        response = client.get("/borgere/")
        choices = [v for v, _ in response.context["form"].fields["nationality"].choices]
        assert choices == ["", "ER", "SY"]  # not Omar's Afghanistan

    def test_it_filters_to_the_users_own_caseload(self, client, alice, citizens):
        assert listed(search(client, mine="on")) == ["Fatima"]

    def test_it_sorts(self, client, alice, citizens):
        assert listed(search(client, sort="-name")) == ["Yonas", "Fatima"]
        # Yonas was born in 1985, Fatima in 1990.
        assert listed(search(client, sort="birth")) == ["Yonas", "Fatima"]
        assert listed(search(client, sort="-birth")) == ["Fatima", "Yonas"]


@pytest.mark.django_db
class TestPages:
    @pytest.fixture
    def many(self, people, citizens):
        return [
            make_citizen(f"0101{n:02d}1234", people["alice"], first_name=f"A{n:02d}")
            for n in range(60, 90)
        ]

    def test_it_pages_by_25(self, client, alice, many):
        first = client.get("/borgere/")
        second = client.get("/borgere/", {"side": "2"})

        assert first.context["page"].paginator.count == 32
        assert len(listed(first)) == 25
        assert second.context["page"].number == 2
        assert len(listed(second)) == 7
        assert not set(listed(first)) & set(listed(second))

    def test_it_logs_only_the_citizens_on_the_page(self, client, alice, many):
        response = client.get("/borgere/", {"side": "2"})
        shown = {c.pk for c in response.context["page"].object_list}
        logged = set(AccessLogEntry.objects.values_list("citizen_id", flat=True))
        assert logged == shown

    def test_it_pages_through_a_search(self, client, alice, many):
        url = client.post("/borgere/", {"q": "A"}).url
        first, second = client.get(url), client.get(f"{url}&side=2")
        assert first.context["page"].paginator.count == 32  # every name here has an a
        assert len(listed(second)) == 7
        # the page links keep the search
        query = parse_qs(url.split("?")[1])
        pages = re.findall(r'href="(\?[^"]*side=\d+[^"]*)"', second.content.decode())
        assert pages
        for link in pages:
            kept = parse_qs(html.unescape(link)[1:])
            assert all(kept.get(key) == value for key, value in query.items()), link


@pytest.mark.django_db
class TestCprDisplay:
    def test_it_masks_the_cpr_number_for_the_ambassador(self, client, people, citizens):
        client.force_login(people["amir"])
        body = client.get("/borgere/").content.decode()
        assert "010190-XXXX" in body
        assert "010190-1236" not in body

    def test_it_shows_the_full_cpr_number_to_a_case_worker(self, client, alice, citizens):
        body = client.get("/borgere/").content.decode()
        assert "010190-1236" in body
        assert "020285-1237" in body


@pytest.mark.django_db
class TestListLog:
    def test_it_logs_every_listed_citizen_with_its_purpose(self, client, people, alice, citizens):
        client.get("/borgere/")

        rows = {
            (e.citizen_id, e.action, e.purpose, e.user_id) for e in AccessLogEntry.objects.all()
        }
        assert rows == {
            (citizens["fatima"].pk, Action.LIST, Purpose.CASELOAD, alice.pk),
            (citizens["yonas"].pk, Action.LIST, Purpose.TEAM, alice.pk),
        }

    def test_it_logs_search_results_as_search(self, client, alice, citizens):
        search(client, q="Yonas")

        entry = AccessLogEntry.objects.get()
        assert entry.citizen_id == citizens["yonas"].pk
        assert entry.action == Action.SEARCH
        assert entry.path == "/borgere/"

    def test_it_logs_the_ambassadors_list_as_project(self, client, people, citizens):
        client.force_login(people["amir"])
        client.get("/borgere/")
        entry = AccessLogEntry.objects.get()
        assert (entry.citizen_id, entry.purpose) == (citizens["fatima"].pk, Purpose.PROJECT)

    @pytest.mark.parametrize("username", ["konrad", "tove", "lene", "mads", "ada"])
    def test_it_keeps_other_roles_out_of_the_list(self, client, people, citizens, username):
        client.force_login(people[username])
        assert client.get("/borgere/").status_code == 403
        assert not AccessLogEntry.objects.exists()
