import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens import access
from jobbro.citizens.models import AccessGrant
from jobbro.companies.models import Company, Sector
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus

REASON = "Borgeren har henvendt sig i åben rådgivning om et jobtilbud."


def names(queryset):
    return sorted(c.first_name for c in queryset)


@pytest.mark.django_db
class TestCitizensFor:
    def test_it_gives_a_case_worker_her_own_and_her_teams_caseload(self, people, citizens):
        assert names(access.citizens_for(people["alice"])) == ["Fatima", "Yonas"]
        assert names(access.citizens_for(people["bob"])) == ["Fatima", "Yonas"]
        assert names(access.citizens_for(people["carol"])) == ["Omar"]

    def test_it_gives_a_case_worker_without_a_team_her_own_caseload(self, people, citizens):
        alice = people["alice"]
        alice.team = None
        alice.save()
        assert names(access.citizens_for(alice)) == ["Fatima"]

    def test_it_gives_the_ambassador_the_project_citizens(self, people, citizens):
        assert names(access.citizens_for(people["amir"])) == ["Fatima"]

    def test_it_gives_a_mentor_only_his_mentees(self, people, citizens):
        assert names(access.citizens_for(people["mads"])) == ["Fatima"]
        citizens["fatima"].mentor = None
        citizens["fatima"].save()
        assert names(access.citizens_for(people["mads"])) == []

    @pytest.mark.parametrize("username", ["konrad", "tove", "lene", "ada"])
    def test_it_gives_other_roles_no_citizens(self, people, citizens, username):
        assert names(access.citizens_for(people[username])) == []

    def test_it_gives_an_inactive_user_no_citizens(self, people, citizens):
        alice = people["alice"]
        alice.is_active = False
        alice.save()
        assert names(access.citizens_for(alice)) == []


@pytest.mark.django_db
class TestOpenCitizen:
    @pytest.mark.parametrize(
        ("username", "name", "purpose"),
        [
            ("alice", "fatima", Purpose.CASELOAD),
            ("alice", "yonas", Purpose.TEAM),
            ("carol", "omar", Purpose.CASELOAD),
            ("amir", "fatima", Purpose.PROJECT),
            ("mads", "fatima", Purpose.MENTEE),
        ],
    )
    def test_it_opens_a_citizen_in_the_users_context(
        self, people, citizens, username, name, purpose
    ):
        opened = access.open_citizen(people[username], citizens[name].pk)
        assert opened.obj == citizens[name]
        assert opened.purpose == purpose
        assert opened.reason == ""

    @pytest.mark.parametrize(
        ("username", "name"),
        [("alice", "omar"), ("carol", "fatima"), ("amir", "yonas")],
    )
    def test_it_requires_a_reason_outside_the_context(self, people, citizens, username, name):
        with pytest.raises(access.ReasonRequired) as e:
            access.open_citizen(people[username], citizens[name].pk)
        assert e.value.citizen == citizens[name]

    @pytest.mark.parametrize(
        ("username", "name"),
        [
            ("lene", "fatima"),
            ("tove", "fatima"),
            ("ada", "fatima"),
            ("mads", "yonas"),
            # Consultants see citizens at their companies: none until the job bank.
            ("konrad", "fatima"),
        ],
    )
    def test_it_hides_the_citizen_from_users_who_may_not_see_it(
        self, people, citizens, username, name
    ):
        with pytest.raises(Http404):
            access.open_citizen(people[username], citizens[name].pk)

    def test_it_hides_a_citizen_that_does_not_exist(self, people, citizens):
        with pytest.raises(Http404):
            access.open_citizen(people["alice"], citizens["omar"].pk + 1000)

    def test_it_hides_everything_from_an_inactive_user(self, people, citizens):
        alice = people["alice"]
        alice.is_active = False
        with pytest.raises(Http404):
            access.open_citizen(alice, citizens["fatima"].pk)

    def test_it_opens_with_a_stated_reason_until_the_grant_expires(self, people, citizens):
        alice, omar = people["alice"], citizens["omar"]
        grant = access.grant_access(alice, omar, REASON)
        opened = access.open_citizen(alice, omar.pk)
        assert (opened.obj, opened.purpose, opened.reason) == (omar, Purpose.STATED, REASON)
        assert not opened.may_change and not opened.may_export, "a stated reason only reads"

        grant.expires_at = timezone.now() - dt.timedelta(minutes=1)
        grant.save()
        with pytest.raises(access.ReasonRequired):
            access.open_citizen(alice, omar.pk)

    def test_it_does_not_let_one_users_grant_open_for_another(self, people, citizens):
        access.grant_access(people["alice"], citizens["omar"], REASON)
        with pytest.raises(access.ReasonRequired):
            access.open_citizen(people["bob"], citizens["omar"].pk)


@pytest.mark.django_db
class TestReasonFlow:
    def test_it_asks_for_a_reason_before_opening(self, client, people, citizens):
        omar = citizens["omar"]
        client.force_login(people["alice"])

        response = client.get(f"/borgere/{omar.pk}/")

        assert response.status_code == 302
        assert response.url == f"/borgere/{omar.pk}/formaal/"
        assert not AccessLogEntry.objects.filter(citizen_id=omar.pk).exists()

    def test_it_refuses_a_too_short_reason(self, client, people, citizens):
        omar = citizens["omar"]
        client.force_login(people["alice"])

        response = client.post(f"/borgere/{omar.pk}/formaal/", {"reason": "fordi"})

        assert response.status_code == 200
        assert "Begrundelsen skal være på mindst 10 tegn." in response.content.decode()
        assert not AccessGrant.objects.exists()
        assert client.get(f"/borgere/{omar.pk}/").status_code == 302

    def test_it_refuses_an_empty_reason(self, client, people, citizens):
        client.force_login(people["alice"])
        response = client.post(f"/borgere/{citizens['omar'].pk}/formaal/", {"reason": ""})
        assert "Skriv hvorfor du skal åbne sagen." in response.content.decode()
        assert not AccessGrant.objects.exists()

    def test_it_opens_the_case_file_and_logs_the_reason(self, client, people, citizens):
        omar = citizens["omar"]
        client.force_login(people["alice"])

        response = client.post(f"/borgere/{omar.pk}/formaal/", {"reason": REASON})
        assert response.status_code == 302
        assert response.url == f"/borgere/{omar.pk}/"

        response = client.get(f"/borgere/{omar.pk}/")
        assert response.status_code == 200
        assert response.context["citizen"] == omar
        entry = AccessLogEntry.objects.get(citizen_id=omar.pk, action=Action.VIEW)
        assert entry.user == people["alice"]
        assert entry.purpose == Purpose.STATED
        assert entry.reason == REASON

    def test_it_skips_the_reason_page_for_a_citizen_in_context(self, client, people, citizens):
        client.force_login(people["alice"])
        fatima = citizens["fatima"]
        response = client.get(f"/borgere/{fatima.pk}/formaal/")
        assert response.status_code == 302
        assert response.url == f"/borgere/{fatima.pk}/"

    def test_it_does_not_offer_a_reason_to_a_mentor(self, client, people, citizens):
        client.force_login(people["mads"])
        assert client.get(f"/borgere/{citizens['yonas'].pk}/").status_code == 404
        assert client.get(f"/borgere/{citizens['yonas'].pk}/formaal/").status_code == 403

    @pytest.mark.parametrize("username", ["lene", "tove", "ada"])
    def test_it_keeps_roles_without_personal_data_out(self, client, people, citizens, username):
        client.force_login(people[username])
        response = client.get(f"/borgere/{citizens['fatima'].pk}/")
        assert response.status_code in (403, 404)
        assert not AccessLogEntry.objects.exists()


@pytest.mark.django_db
def test_it_keeps_health_notes_from_a_consultant_following_a_placement(client, people, citizens):
    fatima = citizens["fatima"]
    fatima.health_notes = "Rygproblemer, kan ikke løfte tungt"
    fatima.save()
    company = Company.objects.create(
        cvr="29189587", name="Vognmand Test", sector=Sector.PRIVATE, key_account=people["konrad"]
    )
    Placement.objects.create(
        citizen=fatima,
        company=company,
        kind=PlacementKind.INTERNSHIP,
        starts_on=fatima.created_at.date(),
        status=PlacementStatus.ACTIVE,
    )
    client.force_login(people["konrad"])
    page = client.get(f"/borgere/{fatima.pk}/").content.decode()
    assert "Fatima" in page
    assert "Rygproblemer" not in page
    client.force_login(people["alice"])
    assert "Rygproblemer" in client.get(f"/borgere/{fatima.pk}/").content.decode()
