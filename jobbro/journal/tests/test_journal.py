"""The journal (issue 9 item 1): writing notes with attachments, planning and recording
conversations, who sees which note, and every opening logged."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens import access as citizen_access
from jobbro.journal.models import Attachment, JournalNote, NoteKind, NoteStatus
from jobbro.placements.calendar import feed_ical
from jobbro.placements.tests.factories import make_company, make_placement

from .factories import PDF_BYTES, make_note, make_planned, pdf_upload, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(people, citizens):
    """Fatima in an internship at konrad's company and another at kim's."""
    from jobbro.accounts.models import Role
    from jobbro.conftest import make_user

    kim = make_user("kim", Role.COMPANY_CONSULTANT)
    fatima = citizens["fatima"]
    own = make_placement(fatima, make_company("Konrads Kantine ApS", key_account=people["konrad"]))
    other = make_placement(fatima, make_company("Kims Køkken ApS", key_account=kim))
    return {"own": own, "other": other}


def _note_form(**extra):
    today = timezone.localdate().strftime("%d.%m.%Y")
    return {"kind": NoteKind.PHONE, "occurred_on": today, "text": "Ringede om fremmøde.", **extra}


class TestWriting:
    def test_a_case_worker_writes_a_note_with_an_attachment(self, client, people, citizens):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])
        response = client.post(
            reverse("journal:create", args=[fatima.pk]),
            _note_form(new_attachments=[pdf_upload()]),
        )
        note = JournalNote.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse("journal:detail", args=[note.pk])
        assert (note.kind, note.status, note.author) == ("phone", "recorded", people["alice"])
        assert note.text == "Ringede om fremmøde."
        attachment = note.attachments.get()
        assert (attachment.name, attachment.content_type) == (
            "lægeerklæring.pdf",
            "application/pdf",
        )
        entry = AccessLogEntry.objects.get(citizen_id=fatima.pk)
        assert (entry.action, entry.purpose) == (Action.CREATE, Purpose.CASELOAD)

    def test_the_text_is_encrypted_in_the_database(self, people, citizens):
        from django.db import connection

        note = make_note(citizens["fatima"], people["alice"], text="Fortalte om sin søn.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT text FROM journal_journalnote WHERE id = %s", [note.pk])
            stored = cursor.fetchone()[0]
        assert "søn" not in stored and stored.startswith("gAAAA")

    @pytest.mark.parametrize(
        ("name", "data", "says"),
        [
            ("faktura.pdf", b"MZ\x90\x00 a program", "»faktura.pdf« hedder en PDF-fil"),
            ("side.html", b"<html></html>", "»side.html« kan ikke vedhæftes"),
        ],
    )
    def test_a_refused_file_keeps_the_rest_of_the_form(
        self, client, people, citizens, name, data, says
    ):
        client.force_login(people["alice"])
        form = _note_form(text="Et langt notat, der ikke må gå tabt.")
        response = client.post(
            reverse("journal:create", args=[citizens["fatima"].pk]),
            {**form, "new_attachments": [upload(name, data)]},
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert says in page
        assert "Et langt notat, der ikke må gå tabt." in page
        assert not JournalNote.objects.exists() and not Attachment.objects.exists()

    def test_a_file_over_the_limit_is_refused(self, client, people, citizens, settings):
        settings.ATTACHMENT_MAX_MB = 1
        big = PDF_BYTES[:-6] + b"0" * (1024 * 1024 + 1) + b"%%EOF\n"
        client.force_login(people["alice"])
        response = client.post(
            reverse("journal:create", args=[citizens["fatima"].pk]),
            _note_form(new_attachments=[upload("scan.pdf", big)]),
        )
        assert "Et bilag må højst fylde 1,0 MB" in response.content.decode()
        assert not JournalNote.objects.exists()

    def test_a_note_without_text_is_refused_in_danish(self, client, people, citizens):
        client.force_login(people["alice"])
        response = client.post(
            reverse("journal:create", args=[citizens["fatima"].pk]), _note_form(text="  ")
        )
        assert "Skriv notatet." in response.content.decode()

    def test_another_citizens_placement_is_refused(self, client, people, citizens):
        omars = make_placement(citizens["omar"], make_company("Anden ApS"))
        client.force_login(people["alice"])
        response = client.post(
            reverse("journal:create", args=[citizens["fatima"].pk]),
            _note_form(placement=omars.pk),
        )
        assert response.status_code == 200
        assert not JournalNote.objects.exists()

    def test_two_people_editing_one_note_lose_nothing(self, client, people, citizens):
        note = make_note(citizens["fatima"], people["alice"])
        client.force_login(people["alice"])
        path = reverse("journal:edit", args=[note.pk])
        first = client.post(path, _note_form(text="Første udgave.", version=note.version))
        assert first.status_code == 302
        second = client.post(path, _note_form(text="Anden udgave.", version=note.version))
        assert second.status_code == 200
        assert "er blevet ændret af en anden" in second.content.decode()
        assert "Anden udgave." in second.content.decode(), "the input is kept"
        assert JournalNote.objects.get().text == "Første udgave."

    def test_only_the_author_changes_a_written_note(self, client, people, citizens):
        note = make_note(citizens["fatima"], people["alice"])
        client.force_login(people["amir"])  # the ambassador may write in fatima's journal
        assert client.get(reverse("journal:edit", args=[note.pk])).status_code == 403
        assert (
            client.get(reverse("journal:create", args=[citizens["fatima"].pk])).status_code == 200
        )


class TestPlannedConversations:
    def test_a_conversation_is_planned_put_in_the_calendar_and_recorded(
        self, client, people, citizens
    ):
        fatima = citizens["fatima"]
        client.force_login(people["alice"])
        starts = (timezone.localdate() + dt.timedelta(days=2)).strftime("%d.%m.%Y") + " 09:30"
        response = client.post(
            reverse("journal:plan", args=[fatima.pk]),
            {
                "kind": NoteKind.MEETING,
                "starts_at": starts,
                "minutes": "45",
                "place": "Jobcentret, mødelokale 2",
                "text": "Plan for praktik",
            },
        )
        assert response.status_code == 302, response.content.decode()
        note = JournalNote.objects.get()
        assert note.status == NoteStatus.PLANNED

        feed = feed_ical(user=people["alice"], base_url="https://jobbro.test").decode()
        assert "SUMMARY:Møde (Jobbro)" in feed
        assert "LOCATION:Jobcentret\\, mødelokale 2" in feed
        assert f"/journal/{note.pk}/" in feed
        assert "Fatima" not in feed and "Haddad" not in feed, "no personal data leaves"
        assert "Plan for praktik" not in feed

        response = client.post(
            reverse("journal:record", args=[note.pk]),
            {
                "occurred_on": note.occurred_on.strftime("%d.%m.%Y"),
                "text": "Vi aftalte praktik hos bageren.",
                "version": note.version,
                "new_attachments": [pdf_upload("aftale.pdf")],
            },
        )
        assert response.status_code == 302
        note.refresh_from_db()
        assert (note.status, note.text) == (NoteStatus.RECORDED, "Vi aftalte praktik hos bageren.")
        assert note.attachments.count() == 1
        feed = feed_ical(user=people["alice"], base_url="https://jobbro.test").decode()
        assert f"journal-{note.pk}@jobbro" not in feed, "a recorded conversation leaves the feed"

    def test_a_letter_cannot_be_planned(self, client, people, citizens):
        client.force_login(people["alice"])
        response = client.post(
            reverse("journal:plan", args=[citizens["fatima"].pk]),
            {"kind": NoteKind.LETTER, "starts_at": "01.12.2026 10:00", "place": "x"},
        )
        assert response.status_code == 200 and not JournalNote.objects.exists()

    def test_a_planned_conversation_is_cancelled_with_its_version(self, client, people, citizens):
        note = make_planned(citizens["fatima"], people["alice"])
        client.force_login(people["alice"])
        path = reverse("journal:cancel", args=[note.pk])
        client.post(path, {"version": note.version + 5})
        assert JournalNote.objects.get().status == NoteStatus.PLANNED, "a stale version"
        client.post(path, {"version": note.version})
        assert JournalNote.objects.get().status == NoteStatus.CANCELLED

    def test_my_planned_conversations_are_listed_soonest_first(self, client, people, citizens):
        later = make_planned(citizens["fatima"], people["alice"], days=5)
        sooner = make_planned(citizens["yonas"], people["alice"], days=1)
        make_planned(citizens["fatima"], people["amir"], days=2)  # not alice's
        client.force_login(people["alice"])
        response = client.get(reverse("journal:planned"))
        assert list(response.context["page"].object_list) == [sooner, later]
        logged = set(AccessLogEntry.objects.values_list("citizen_id", flat=True))
        assert logged == {citizens["fatima"].pk, citizens["yonas"].pk}


class TestWhoSeesWhat:
    def test_a_consultant_sees_only_the_notes_of_their_own_placements(
        self, client, people, citizens, placed
    ):
        fatima = citizens["fatima"]
        own = make_note(fatima, people["alice"], text="Om kantinen.", placement=placed["own"])
        other = make_note(fatima, people["alice"], text="Om køkkenet.", placement=placed["other"])
        loose = make_note(fatima, people["alice"], text="Om familien.")
        client.force_login(people["konrad"])
        response = client.get(reverse("journal:citizen", args=[fatima.pk]))
        assert list(response.context["page"].object_list) == [own]
        assert client.get(reverse("journal:detail", args=[own.pk])).status_code == 200
        for hidden in (other, loose):
            assert client.get(reverse("journal:detail", args=[hidden.pk])).status_code == 404
        page = client.get(reverse("citizens:detail", args=[fatima.pk])).content.decode()
        assert "Om kantinen." in page
        assert "Om køkkenet." not in page and "Om familien." not in page
        assert client.get(reverse("journal:create", args=[fatima.pk])).status_code == 403

    def test_a_mentor_sees_no_journal(self, client, people, citizens):
        note = make_note(citizens["fatima"], people["alice"])
        client.force_login(people["mads"])
        assert (
            client.get(reverse("journal:citizen", args=[citizens["fatima"].pk])).status_code == 403
        )
        assert client.get(reverse("journal:detail", args=[note.pk])).status_code == 403
        page = client.get(reverse("citizens:detail", args=[citizens["fatima"].pk])).content.decode()
        assert note.text not in page

    def test_a_stated_reason_reads_the_journal_but_downloads_no_attachment(
        self, client, people, citizens
    ):
        omar = citizens["omar"]
        note = make_note(omar, people["carol"], files=[pdf_upload()])
        alice = people["alice"]
        client.force_login(alice)
        response = client.get(reverse("journal:detail", args=[note.pk]))
        assert response.status_code == 302 and "/formaal/" in response["Location"]
        citizen_access.grant_access(alice, omar, "Borgeren har henvendt sig i åben rådgivning.")
        response = client.get(reverse("journal:detail", args=[note.pk]))
        assert response.status_code == 200
        assert "Med en begrundet adgang kan du ikke hente bilag." in response.content.decode()
        attachment = note.attachments.get()
        assert client.get(reverse("journal:attachment", args=[attachment.pk])).status_code == 403
        purposes = set(AccessLogEntry.objects.values_list("purpose", "action"))
        assert purposes == {(Purpose.STATED, Action.VIEW)}


class TestAttachmentDownload:
    def test_it_is_served_as_a_download_of_its_type_and_logged(self, client, people, citizens):
        fatima = citizens["fatima"]
        note = make_note(fatima, people["alice"], files=[pdf_upload()])
        attachment = note.attachments.get()
        client.force_login(people["amir"])
        response = client.get(reverse("journal:attachment", args=[attachment.pk]))
        assert response.status_code == 200
        assert response.content == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "l%C3%A6geerkl%C3%A6ring.pdf" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "no-store"
        entry = AccessLogEntry.objects.get(citizen_id=fatima.pk)
        assert (entry.action, entry.purpose, entry.fields) == (
            Action.EXPORT,
            Purpose.PROJECT,
            f"attachment:{attachment.pk}",
        )

    def test_deleting_a_note_removes_its_file(self, people, citizens, settings):
        from django.db import transaction

        note = make_note(citizens["fatima"], people["alice"], files=[pdf_upload()])
        path = settings.ATTACHMENTS_DIR / note.attachments.get().stored_as
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(transaction, "on_commit", lambda f, **kw: f())
            note.delete()
        assert not path.exists()


class TestCaseFileAndExport:
    def test_the_timeline_shows_the_journal_with_the_rest(self, client, people, citizens):
        fatima = citizens["fatima"]
        make_note(fatima, people["alice"], text="Samtale om danskundervisning.")
        make_planned(fatima, people["alice"])
        client.force_login(people["alice"])
        response = client.get(reverse("citizens:detail", args=[fatima.pk]))
        labels = [e.get_kind_display() for e in response.context["events"]]
        assert "Journal: Samtale" in labels
        page = response.content.decode()
        assert "Samtale om danskundervisning." in page
        assert "Jobcentret, mødelokale 2" in page

    def test_the_export_holds_the_notes_and_lists_the_attachments_with_hashes(
        self, client, people, citizens, monkeypatch
    ):
        import hashlib
        import io
        import zipfile

        from jobbro import documents

        monkeypatch.setattr(documents, "render_pdf", lambda *a, **k: b"%PDF-1.7 test")
        fatima = citizens["fatima"]
        note = make_note(
            fatima, people["alice"], text="Fortalte om sit arbejde.", files=[pdf_upload()]
        )
        client.force_login(people["alice"])
        data = json.loads(client.get(reverse("citizens:export", args=[fatima.pk])).content)
        parts = {p["key"]: p for s in data["sections"] for p in s["parts"]}
        assert parts["journal_notes"]["rows"][0]["text"] == "Fortalte om sit arbejde."
        assert parts["journal_notes"]["rows"][0]["kind"] == "Samtale"
        listed = parts["attachments"]["rows"][0]
        assert listed["sha256"] == hashlib.sha256(PDF_BYTES).hexdigest()
        attachment = note.attachments.get()
        archive = zipfile.ZipFile(
            io.BytesIO(client.get(reverse("citizens:export_zip", args=[fatima.pk])).content)
        )
        assert archive.read(listed["zip_path"]) == PDF_BYTES
        assert listed["zip_path"] == f"bilag/{attachment.pk}-lægeerklæring.pdf"


def test_the_journal_list_makes_as_many_queries_for_20_notes_as_for_2(client, people, citizens):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fatima = citizens["fatima"]
    client.force_login(people["alice"])
    path = reverse("journal:citizen", args=[fatima.pk])
    counts = []
    for n in (2, 20):
        JournalNote.objects.all().delete()
        for i in range(n):
            make_note(
                fatima, people["alice"], text=f"Notat {i}", files=[pdf_upload()] if i % 2 else []
            )
        client.get(path)  # warm the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert len(response.context["page"].object_list) == n
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # The pin: a change of this number is a decision (docs/architecture.md, query counts).
    assert counts[1] == JOURNAL_LIST_QUERIES[connection.vendor]


# Session, user, authenticator, savepoint, citizen, count, the access log's head and insert
# (and on PostgreSQL its advisory lock), the page of notes, their attachments, release.
JOURNAL_LIST_QUERIES = {"sqlite": 11, "postgresql": 12}
