import datetime as dt
import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens.models import EventKind

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def make_entry(user, citizen_id=1, action=Action.VIEW, at=None, **extra):
    fields = {"user": user, "role": user.role, "action": action, "citizen_id": citizen_id}
    fields.update(purpose=Purpose.CASELOAD, **extra)
    if at:
        fields["at"] = at
    return AccessLogEntry.objects.create(**fields)


def raw_reasons():
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM audit_accesslogentry ORDER BY id")
        return [reason for (reason,) in cursor.fetchall()]


@pytest.mark.django_db
class TestAppendOnly:
    def test_it_refuses_to_save_an_entry_again(self, people):
        entry = make_entry(people["alice"], reason="første")
        entry.reason = "ændret"
        with pytest.raises(PermissionError):
            entry.save()
        assert raw_reasons() == ["første"]

    def test_it_refuses_to_delete_an_entry(self, people):
        entry = make_entry(people["alice"])
        with pytest.raises(PermissionError):
            entry.delete()
        assert AccessLogEntry.objects.filter(pk=entry.pk).exists()

    def test_it_refuses_queryset_updates_and_deletes(self, people):
        entry = make_entry(people["alice"], reason="første")
        with pytest.raises(PermissionError):
            AccessLogEntry.objects.filter(pk=entry.pk).update(reason="ændret")
        with pytest.raises(PermissionError):
            AccessLogEntry.objects.all().delete()
        entry.reason = "ændret"
        # bulk_update marks the enclosing transaction as failed: give it its own.
        with pytest.raises(PermissionError), transaction.atomic():
            AccessLogEntry.objects.bulk_update([entry], ["reason"])
        assert raw_reasons() == ["første"]

    def test_it_refuses_update_and_delete_in_the_database(self, people):
        if connection.vendor != "postgresql":
            pytest.skip("the append-only trigger exists on PostgreSQL only")
        make_entry(people["alice"], reason="første")

        for sql in (
            "UPDATE audit_accesslogentry SET reason = 'x'",
            "DELETE FROM audit_accesslogentry",
        ):
            # The savepoint keeps the test's transaction usable after the refusal.
            with (
                pytest.raises(DatabaseError, match="append-only"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(sql)

        assert raw_reasons() == ["første"]


@pytest.mark.django_db(transaction=True)
class TestLogAccess:
    def request(self, user):
        request = RequestFactory().get("/borgere/7/", REMOTE_ADDR="10.0.0.5")
        request.user = user
        return request

    def test_it_refuses_to_log_outside_a_transaction(self, people):
        with pytest.raises(RuntimeError, match="inside the transaction"):
            log_access(
                self.request(people["alice"]),
                action=Action.VIEW,
                citizen_ids=[7],
                purpose=Purpose.CASELOAD,
            )
        assert not AccessLogEntry.objects.exists()

    def test_it_refuses_a_request_without_a_signed_in_user(self):
        # Before, an anonymous request got as far as AnonymousUser.role (AttributeError).
        with pytest.raises(RuntimeError, match="signed-in user"), transaction.atomic():
            log_access(
                self.request(AnonymousUser()),
                action=Action.VIEW,
                citizen_ids=[7],
                purpose=Purpose.CASELOAD,
            )
        assert not AccessLogEntry.objects.exists()

    def test_it_logs_who_what_why_and_from_where(self, people):
        with transaction.atomic():
            log_access(
                self.request(people["bob"]),
                action=Action.CHANGE,
                citizen_ids=[7, 8],
                purpose=Purpose.STATED,
                reason="Henvendelse i åben rådgivning",
                fields=["phone", "readiness"],
            )

        entries = AccessLogEntry.objects.order_by("citizen_id")
        assert [e.citizen_id for e in entries] == [7, 8]
        entry = entries[0]
        assert entry.user == people["bob"]
        assert entry.role == "case_worker"
        assert entry.action == Action.CHANGE
        assert entry.purpose == Purpose.STATED
        assert entry.reason == "Henvendelse i åben rådgivning"
        assert entry.fields == "phone,readiness"
        assert entry.ip_address == "10.0.0.5"
        assert entry.path == "/borgere/7/"

    def test_it_rolls_back_the_change_when_the_log_fails(
        self, client, people, citizens, monkeypatch
    ):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])
        data = {
            "cpr_number": "010190-1236",
            "first_name": "Fatima",
            "last_name": "Haddad",
            "gender": "female",
            "nationality": "SY",
            "arrival": "refugee",
            "case_worker": people["alice"].pk,
            "phone": "99999999",
            "version": fatima.version,
        }
        seen = []

        def failing_log(request, **kwargs):
            # The change is saved by now; the log is what fails.
            seen.append(type(fatima).objects.get(pk=fatima.pk).phone)
            raise RuntimeError("the log table is unavailable")

        monkeypatch.setattr("jobbro.citizens.access.log_access", failing_log)

        with pytest.raises(RuntimeError, match="unavailable"):
            client.post(f"/borgere/{fatima.pk}/ret/", data)

        assert seen == ["99999999"]
        fatima.refresh_from_db()
        assert fatima.phone == "20304050"
        assert not fatima.events.filter(kind=EventKind.CHANGED).exists()


@pytest.mark.django_db
class TestSearchPage:
    @pytest.fixture
    def entries(self, people):
        alice, bob = people["alice"], people["bob"]
        return {
            "feb": make_entry(alice, 1, at=dt.datetime(2025, 2, 28, 23, 59, tzinfo=CPH)),
            "mar_first": make_entry(alice, 2, at=dt.datetime(2025, 3, 1, 0, 1, tzinfo=CPH)),
            "mar_last": make_entry(
                bob, 2, Action.EXPORT, at=dt.datetime(2025, 3, 31, 23, 30, tzinfo=CPH)
            ),
            "apr": make_entry(bob, 3, at=dt.datetime(2025, 4, 1, 0, 30, tzinfo=CPH)),
        }

    @pytest.fixture
    def ada(self, client, people):
        client.force_login(people["ada"])
        return people["ada"]

    def found(self, client, entries, **params):
        response = client.get("/adgangslog/", params)
        assert response.status_code == 200
        pks = {e.pk for e in response.context["page"].object_list}
        return sorted(name for name, e in entries.items() if e.pk in pks)

    def test_it_shows_everything_unfiltered(self, client, ada, entries):
        assert self.found(client, entries) == ["apr", "feb", "mar_first", "mar_last"]

    def test_it_filters_by_username(self, client, ada, entries):
        assert self.found(client, entries, user="BOB ") == ["apr", "mar_last"]
        assert self.found(client, entries, user="bo") == []

    def test_it_filters_by_citizen_id(self, client, ada, entries):
        assert self.found(client, entries, citizen_id="2") == ["mar_first", "mar_last"]

    def test_it_filters_by_action(self, client, ada, entries):
        assert self.found(client, entries, action="export") == ["mar_last"]

    def test_it_filters_by_whole_days_in_danish_time(self, client, ada, entries):
        found = self.found(client, entries, date_from="01.03.2025", date_to="31.03.2025")
        assert found == ["mar_first", "mar_last"]
        assert self.found(client, entries, date_from="01.04.2025") == ["apr"]
        assert self.found(client, entries, date_to="28.02.2025") == ["feb"]

    def test_it_explains_a_date_it_cannot_read(self, client, ada, entries):
        response = client.get("/adgangslog/", {"date_from": "32.01.2025"})
        assert "Skriv datoen som dd.mm.åååå." in response.content.decode()

    def test_it_refuses_a_period_that_ends_before_it_starts(self, client, ada, entries):
        response = client.get("/adgangslog/", {"date_from": "02.03.2025", "date_to": "01.03.2025"})
        [message] = response.context["form"].errors["date_to"]
        assert message.startswith("Til-datoen")
        assert message in response.content.decode()
        # The same day is a period, of one day.
        assert self.found(client, entries, date_from="01.03.2025", date_to="01.03.2025") == [
            "mar_first"
        ]

    @pytest.mark.parametrize("username", ["alice", "amir", "lene"])
    def test_it_is_for_administrators_only(self, client, people, entries, username):
        client.force_login(people[username])
        assert client.get("/adgangslog/").status_code == 403


@pytest.mark.django_db
class TestCitizenAccessLog:
    def test_it_shows_who_looked_at_the_citizen(self, client, people, citizens):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])
        client.get(f"/borgere/{fatima.pk}/")

        client.force_login(people["bob"])
        response = client.get(f"/borgere/{fatima.pk}/adgangslog/")

        assert response.status_code == 200
        page = response.context["page"]
        shown = [(e.user.username, e.fields) for e in page.object_list]
        # Bob's own look at the log is logged first, so the page and its count include it.
        assert shown == [("bob", "access_log"), ("alice", "")]
        assert page.paginator.count == 2
        assert "Alice" in response.content.decode()

    def test_it_shows_the_latest_entries_on_the_case_file(self, client, people, citizens):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])
        client.get(f"/borgere/{fatima.pk}/")

        client.force_login(people["bob"])
        response = client.get(f"/borgere/{fatima.pk}/")

        users = [e.user.username for e in response.context["access_entries"]]
        assert "alice" in users

    def test_it_shows_only_this_citizens_entries(self, client, people, citizens):
        client.force_login(people["alice"])
        client.get(f"/borgere/{citizens['yonas'].pk}/")

        response = client.get(f"/borgere/{citizens['fatima'].pk}/adgangslog/")

        ids = {e.citizen_id for e in response.context["page"].object_list}
        assert ids <= {citizens["fatima"].pk}
