"""Sanction documentation with attachments (issue 10 item 7): the journal's storage, checks
and logging, reused."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from jobbro.attendance.models import SanctionAttachment, SanctionCase
from jobbro.attendance.tests.test_sanctions import _open, absences  # noqa: F401 (fixture)
from jobbro.audit.models import AccessLogEntry, Action
from jobbro.journal.tests.factories import PDF_BYTES, pdf_upload, upload

pytestmark = pytest.mark.django_db


def _post(client, case, files, text="Lægeerklæring om sygdom"):
    url = reverse("attendance:sanction_step", kwargs={"pk": case.pk, "step": "dokumentation"})
    data = {
        "dokumentation-source": "doctor",
        "dokumentation-received_on": "10.03.2026",
        "dokumentation-text": text,
        "dokumentation-new_attachments": files,
    }
    return client.post(url, data)


def test_a_document_carries_its_files_encrypted_and_downloads_are_logged(
    client,
    people,
    citizens,
    absences,  # noqa: F811
):
    case = _open(citizens, people, absences)
    client.force_login(people["alice"])
    assert _post(client, case, [pdf_upload()]).status_code == 302
    attachment = SanctionAttachment.objects.get(document__case=case)
    assert (attachment.name, attachment.content_type) == ("lægeerklæring.pdf", "application/pdf")
    stored = (Path(settings.ATTACHMENTS_DIR) / attachment.stored_as).read_bytes()
    assert PDF_BYTES not in stored  # encrypted at rest
    page = client.get(reverse("attendance:sanction", kwargs={"pk": case.pk})).content.decode()
    url = reverse("attendance:sanction_attachment", kwargs={"pk": attachment.pk})
    assert url in page and 'enctype="multipart/form-data"' in page
    response = client.get(url)
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == (
        PDF_BYTES
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert AccessLogEntry.objects.filter(
        citizen_id=case.citizen_id,
        action=Action.EXPORT,
        fields__contains=f"sanction_attachment:{attachment.pk}",
    ).exists()


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_saved(
    client,
    people,
    citizens,
    absences,  # noqa: F811
):
    case = _open(citizens, people, absences)
    client.force_login(people["alice"])
    fake = upload("erklæring.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = _post(client, case, [fake], text="Beholdes")
    assert response.status_code == 200
    body = response.content.decode()
    assert "indholdet er ikke en PDF" in body and "Beholdes" in body
    assert not SanctionCase.objects.get(pk=case.pk).documents.exists()


def test_deleting_the_case_removes_the_files(client, people, citizens, absences):  # noqa: F811
    case = _open(citizens, people, absences)
    client.force_login(people["alice"])
    _post(client, case, [pdf_upload()])
    attachment = SanctionAttachment.objects.get(document__case=case)
    path = Path(settings.ATTACHMENTS_DIR) / attachment.stored_as
    assert path.exists()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        SanctionCase.objects.filter(pk=case.pk).delete()
    assert not path.exists()


def test_only_the_case_worker_in_context_downloads(client, people, citizens, absences):  # noqa: F811
    case = _open(citizens, people, absences)
    client.force_login(people["alice"])
    _post(client, case, [pdf_upload()])
    url = reverse(
        "attendance:sanction_attachment",
        kwargs={"pk": SanctionAttachment.objects.get(document__case=case).pk},
    )
    for name in ("carol", "tove", "lene"):
        client.force_login(people[name])
        assert client.get(url).status_code in (403, 404), name
