import datetime as dt
import json
import zoneinfo

import pytest
from django import forms
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens import access
from jobbro.citizens.forms import CitizenForm
from jobbro.citizens.models import Citizen, EventKind, TimelineEvent

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def new_citizen(case_worker, **overrides):
    """What a case worker types into the create form, in Danish formats."""
    data = {
        "cpr_number": "150690-1234",
        "first_name": "Amina",
        "last_name": "Yusuf",
        "gender": "female",
        "nationality": "SO",
        "arrival": "refugee",
        "residence_permit_date": "01.12.2024",
        "settled_at": "03.02.2025 14:30",
        "integration_period_end": "03.02.2030",
        "readiness": "activity_ready",
        "health_notes": "Ondt i knæet",
        "case_worker": case_worker.pk,
    }
    data.update(overrides)
    return data


def as_posted(citizen):
    """The edit form as the browser posts it back unchanged."""
    form = CitizenForm(instance=citizen)
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = field.widget.format_value(value) or ""
    return data


@pytest.fixture
def alice(client, people):
    client.force_login(people["alice"])
    return people["alice"]


@pytest.mark.django_db
class TestCreate:
    def test_it_creates_a_citizen_from_danish_formats(self, client, alice, citizens):
        response = client.post("/borgere/ny/", new_citizen(alice))

        citizen = Citizen.objects.get(first_name="Amina")
        assert response.status_code == 302
        assert response.url == f"/borgere/{citizen.pk}/"
        assert citizen.cpr == "1506901234"
        assert citizen.birth_date == dt.date(1990, 6, 15)
        assert citizen.residence_permit_date == dt.date(2024, 12, 1)
        assert citizen.settled_at == dt.datetime(2025, 2, 3, 14, 30, tzinfo=CPH)
        assert citizen.integration_period_end == dt.date(2030, 2, 3)
        assert citizen.health_notes == "Ondt i knæet"
        assert citizen.case_worker == alice
        assert Citizen.objects.with_cpr("150690-1234").get() == citizen

    def test_it_records_the_creation(self, client, alice, citizens):
        client.post("/borgere/ny/", new_citizen(alice))

        citizen = Citizen.objects.get(first_name="Amina")
        kinds = set(citizen.events.values_list("kind", flat=True))
        assert kinds == {EventKind.CREATED, EventKind.SETTLED}
        entry = AccessLogEntry.objects.get(citizen_id=citizen.pk)
        assert (entry.action, entry.purpose, entry.user) == (
            Action.CREATE,
            Purpose.CASELOAD,
            alice,
        )

    def test_it_creates_for_another_team_and_returns_to_the_list(
        self, client, people, alice, citizens
    ):
        response = client.post("/borgere/ny/", new_citizen(people["carol"]))

        citizen = Citizen.objects.get(first_name="Amina")
        assert response.url == "/borgere/"
        assert AccessLogEntry.objects.get(citizen_id=citizen.pk).purpose == Purpose.CREATION

    @pytest.mark.parametrize(
        ("cpr_number", "message"),
        [
            ("310290-1234", "CPR-nummeret indeholder ikke en gyldig fødselsdato."),
            ("15069-1234", "Skriv CPR-nummeret som DDMMÅÅ-XXXX (10 cifre)."),
        ],
    )
    def test_it_refuses_an_invalid_cpr_number(self, client, alice, citizens, cpr_number, message):
        response = client.post("/borgere/ny/", new_citizen(alice, cpr_number=cpr_number))

        assert response.status_code == 200
        assert message in response.content.decode()
        assert Citizen.objects.count() == 3
        assert not AccessLogEntry.objects.exists()

    def test_it_refuses_a_date_in_the_wrong_format(self, client, alice, citizens):
        response = client.post(
            "/borgere/ny/",
            new_citizen(alice, settled_at="3/2 2025", residence_permit_date="december"),
        )
        body = response.content.decode()
        assert "Skriv tidspunktet som dd.mm.åååå tt:mm." in body
        assert "Skriv datoen som dd.mm.åååå." in body
        assert Citizen.objects.count() == 3

    def test_it_refuses_a_cpr_number_that_exists(self, client, alice, citizens):
        # Omar is carol's: the number is refused even though alice cannot see him.
        response = client.post("/borgere/ny/", new_citizen(alice, cpr_number="0303921239"))

        assert response.status_code == 200
        assert "Der findes allerede en borger med dette CPR-nummer" in response.content.decode()
        assert Citizen.objects.count() == 3

    def test_it_warns_of_a_duplicate_by_name_and_birth_date(self, client, alice, citizens):
        # Same name and birth date as Fatima (010190-1236), another serial number.
        data = new_citizen(alice, cpr_number="010190-1244", first_name="fatima")
        data["last_name"] = "HADDAD"

        response = client.post("/borgere/ny/", data)

        assert response.status_code == 200
        assert response.context["form"].duplicates == [citizens["fatima"]]
        assert "samme navn og fødselsdato" in response.content.decode()
        assert Citizen.objects.count() == 3

        response = client.post("/borgere/ny/", {**data, "confirm_duplicate": "on"})

        assert response.status_code == 302
        assert Citizen.objects.filter(last_name__iexact="haddad").count() == 2

    @pytest.mark.parametrize("username", ["amir", "mads", "lene"])
    def test_it_lets_only_case_workers_create(self, client, people, citizens, username):
        client.force_login(people[username])
        response = client.post("/borgere/ny/", new_citizen(people["alice"]))
        assert response.status_code == 403
        assert Citizen.objects.count() == 3


@pytest.mark.django_db
class TestEdit:
    def test_it_saves_and_logs_the_changed_fields(self, client, alice, citizens):
        fatima = citizens["fatima"]
        data = {**as_posted(fatima), "phone": "11223344", "readiness": "job_ready"}

        response = client.post(f"/borgere/{fatima.pk}/ret/", data)

        assert response.status_code == 302
        fatima.refresh_from_db()
        assert (fatima.phone, fatima.readiness) == ("11223344", "job_ready")
        entry = AccessLogEntry.objects.get(citizen_id=fatima.pk, action=Action.CHANGE)
        assert entry.fields == "phone,readiness"
        assert entry.purpose == Purpose.CASELOAD
        event = fatima.events.get(kind=EventKind.CHANGED)
        assert event.text == "Telefon, Visitation"
        assert event.actor == alice

    def test_it_logs_no_change_when_nothing_changed(self, client, alice, citizens):
        # Times with seconds, as the "indsats startet" button stores them; the form shows
        # minutes only.
        fatima = citizens["fatima"]
        fatima.settled_at = dt.datetime(2024, 3, 1, 9, 15, 42, 123456, tzinfo=CPH)
        fatima.effort_started_at = dt.datetime(2024, 3, 3, 10, 0, 7, tzinfo=CPH)
        fatima.save()

        client.post(f"/borgere/{fatima.pk}/ret/", as_posted(fatima))

        assert AccessLogEntry.objects.get(citizen_id=fatima.pk, action=Action.CHANGE).fields == ""
        assert not fatima.events.filter(kind=EventKind.CHANGED).exists()
        fatima.refresh_from_db()
        assert fatima.settled_at == dt.datetime(2024, 3, 1, 9, 15, 42, 123456, tzinfo=CPH)
        assert fatima.effort_started_at == dt.datetime(2024, 3, 3, 10, 0, 7, tzinfo=CPH)

    def test_it_saves_a_changed_time_to_the_minute(self, client, alice, citizens):
        fatima = citizens["fatima"]
        data = {**as_posted(fatima), "settled_at": "01.03.2024 09:15"}

        client.post(f"/borgere/{fatima.pk}/ret/", data)

        fatima.refresh_from_db()
        assert fatima.settled_at == dt.datetime(2024, 3, 1, 9, 15, tzinfo=CPH)
        entry = AccessLogEntry.objects.get(citizen_id=fatima.pk, action=Action.CHANGE)
        assert entry.fields == "settled_at"

    def test_it_records_a_new_case_worker(self, client, people, alice, citizens):
        fatima = citizens["fatima"]
        data = {**as_posted(fatima), "case_worker": people["bob"].pk}

        client.post(f"/borgere/{fatima.pk}/ret/", data)

        fatima.refresh_from_db()
        assert fatima.case_worker == people["bob"]
        assert fatima.events.get(kind=EventKind.CASE_WORKER).text == "Bob"

    def test_it_keeps_the_cpr_number_searchable_after_an_edit(self, client, alice, citizens):
        fatima = citizens["fatima"]
        data = {**as_posted(fatima), "cpr_number": "010190-1244"}

        client.post(f"/borgere/{fatima.pk}/ret/", data)

        assert Citizen.objects.with_cpr("0101901244").get() == fatima
        assert not Citizen.objects.with_cpr("0101901236").exists()

    def test_it_does_not_let_a_mentor_edit(self, client, people, citizens):
        client.force_login(people["mads"])
        fatima = citizens["fatima"]
        response = client.post(f"/borgere/{fatima.pk}/ret/", as_posted(fatima))
        assert response.status_code == 403


@pytest.mark.django_db
class TestStartEffort:
    def test_it_starts_the_effort_and_leaves_the_96_hour_list(self, client, people, citizens):
        omar = citizens["omar"]
        client.force_login(people["carol"])
        assert omar in Citizen.objects.awaiting_effort()
        before = timezone.now()

        response = client.post(f"/borgere/{omar.pk}/indsats-startet/")

        assert response.status_code == 302
        omar.refresh_from_db()
        assert before <= omar.effort_started_at <= timezone.now()
        assert omar not in Citizen.objects.awaiting_effort()
        assert omar.events.filter(kind=EventKind.EFFORT_STARTED).count() == 1
        entry = AccessLogEntry.objects.get(citizen_id=omar.pk, action=Action.CHANGE)
        assert entry.fields == "effort_started_at"
        awaiting = client.get("/borgere/96-timer/")
        assert omar not in awaiting.context["page"].object_list

    def test_it_keeps_the_first_start_time(self, client, people, citizens):
        omar = citizens["omar"]
        client.force_login(people["carol"])
        client.post(f"/borgere/{omar.pk}/indsats-startet/")
        omar.refresh_from_db()
        started = omar.effort_started_at

        client.post(f"/borgere/{omar.pk}/indsats-startet/")

        omar.refresh_from_db()
        assert omar.effort_started_at == started
        assert omar.events.filter(kind=EventKind.EFFORT_STARTED).count() == 1

    def test_it_needs_a_post(self, client, people, citizens):
        client.force_login(people["carol"])
        assert client.get(f"/borgere/{citizens['omar'].pk}/indsats-startet/").status_code == 405

    def test_it_is_refused_outside_the_caseload_even_with_a_stated_reason(
        self, client, alice, citizens
    ):
        omar = citizens["omar"]
        assert client.post(f"/borgere/{omar.pk}/indsats-startet/").status_code == 403
        access.grant_access(alice, omar, "Borgeren ringede om sin sag i dag.")
        assert client.post(f"/borgere/{omar.pk}/indsats-startet/").status_code == 403
        omar.refresh_from_db()
        assert omar.effort_started_at is None


@pytest.mark.django_db
class TestMenteePage:
    def test_it_shows_a_mentor_only_a_few_fields(self, client, people, citizens):
        fatima = citizens["fatima"]
        fatima.health_notes = "Astma"
        fatima.address = "Vestergade 1"
        fatima.save()
        client.force_login(people["mads"])

        response = client.get(f"/borgere/{fatima.pk}/")

        assert response.status_code == 200
        assert "citizens/mentee.html" in [t.name for t in response.templates]
        body = response.content.decode()
        assert "Fatima Haddad" in body
        assert "20304050" in body
        for secret in ("010190", "Astma", "Vestergade", "Syrien"):
            assert secret not in body
        entry = AccessLogEntry.objects.get(citizen_id=fatima.pk)
        assert entry.purpose == Purpose.MENTEE
        assert entry.fields == "first_name,last_name,phone,danish_course,languages"

    def test_it_lists_the_mentors_mentees(self, client, people, citizens):
        client.force_login(people["mads"])
        response = client.get("/borgere/mentees/")
        assert [c.pk for c in response.context["citizens"]] == [citizens["fatima"].pk]
        assert "010190" not in response.content.decode()


@pytest.mark.django_db
class TestExport:
    def test_it_exports_the_case_file_timeline_and_access_log(self, client, alice, citizens):
        fatima = citizens["fatima"]
        TimelineEvent.objects.create(citizen=fatima, kind=EventKind.NOTE, text="Første samtale")
        client.get(f"/borgere/{fatima.pk}/")

        response = client.get(f"/borgere/{fatima.pk}/eksport/")

        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert f'filename="borger-{fatima.pk}.json"' in response["Content-Disposition"]
        data = json.loads(response.content)
        parts = {p["key"]: p for sec in data["sections"] for p in sec["parts"]}
        case_file = parts["case_file"]["rows"][0]
        assert case_file["cpr"] == "010190-1236"
        assert case_file["first_name"] == "Fatima"
        assert [e["text"] for e in parts["timeline"]["rows"]] == ["Første samtale"]
        actions = [e["action"] for e in parts["access_log"]["rows"]]
        assert "Åbnet sagen" in actions  # alice's view above
        assert "Eksporteret" in actions  # the export itself

    def test_it_logs_the_export(self, client, alice, citizens):
        fatima = citizens["fatima"]
        client.get(f"/borgere/{fatima.pk}/eksport/")
        entry = AccessLogEntry.objects.get(citizen_id=fatima.pk)
        assert (entry.action, entry.user) == (Action.EXPORT, alice)
        assert entry.fields == "data_subject_export,json"

    def test_it_lets_only_case_workers_export(self, client, people, citizens):
        client.force_login(people["amir"])
        assert client.get(f"/borgere/{citizens['fatima'].pk}/eksport/").status_code == 403
        assert not AccessLogEntry.objects.exists()
