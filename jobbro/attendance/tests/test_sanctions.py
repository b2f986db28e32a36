"""Sanction documentation (issue 10 item 7; seed 002, Helsingør): from illegal absences, a
case collects documentation, produces the hearing letter, records the reply and the benefits
office's decision, and tracks the deadline. It never decides and changes no benefit."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jobbro.attendance import services
from jobbro.attendance.models import (
    AttendanceStatus,
    DecisionOutcome,
    SanctionCase,
    SanctionStage,
    Session,
)
from jobbro.attendance.tests.factories import enrol, make_cohort, weekly
from jobbro.audit.models import AccessLogEntry, Action
from jobbro.citizens.models import Citizen

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)


@pytest.fixture
def absences(people, citizens):
    """Fatima's two illegal absences from her cohort (and one legal one)."""
    cohort = make_cohort(people["tove"])
    enrol(cohort, citizens["fatima"])
    weekly(cohort, people["tove"], first=MONDAY, last=MONDAY + dt.timedelta(days=14))
    marks = []
    for session, status, reason in zip(
        Session.objects.filter(cohort=cohort).order_by("on"),
        ("illegal", "illegal", "legal"),
        ("", "", "illness"),
        strict=True,
    ):
        marks.append(
            services.attendance_record(
                session=session,
                citizen_id=citizens["fatima"].pk,
                status=status,
                reason=reason,
                by=people["tove"],
            )
        )
    return marks


def _open(citizens, people, absences):
    return services.sanction_open(
        citizen=citizens["fatima"],
        absences=[a for a in absences if a.status == AttendanceStatus.ILLEGAL],
        summary="Udeblevet fra undervisningen to mandage i træk uden afbud.",
        by=people["alice"],
    )


def _fresh(case):
    return SanctionCase.objects.get(pk=case.pk)


def _through_the_hearing(case, people, sent_on=MONDAY + dt.timedelta(days=20)):
    services.sanction_document_add(
        case=case,
        source="language_centre",
        received_on=sent_on - dt.timedelta(days=3),
        text="Sprogcenter Midt: ikke mødt 02.03 og 09.03, ingen sygemelding modtaget.",
        by=people["alice"],
    )
    return services.sanction_hearing_send(
        case=_fresh(case), sent_on=sent_on, version=case.version, by=people["alice"]
    )


def test_a_case_is_only_about_the_citizens_illegal_absences(people, citizens, absences):
    legal = [a for a in absences if a.status == AttendanceStatus.LEGAL]
    with pytest.raises(ValidationError, match="ulovlige fravær"):
        services.sanction_open(
            citizen=citizens["fatima"], absences=legal, summary="x", by=people["alice"]
        )
    with pytest.raises(ValidationError):
        services.sanction_open(
            citizen=citizens["yonas"], absences=absences[:1], summary="x", by=people["alice"]
        )


def test_the_hearing_needs_documentation_and_sets_the_deadline(
    people, citizens, absences, settings
):
    settings.HEARING_REPLY_DAYS = 14
    case = _open(citizens, people, absences)
    with pytest.raises(ValidationError, match="dokumentationen"):
        services.sanction_hearing_send(
            case=case, sent_on=MONDAY, version=case.version, by=people["alice"]
        )
    case = _through_the_hearing(case, people, sent_on=dt.date(2026, 3, 23))
    assert case.stage == SanctionStage.HEARING
    assert case.reply_deadline == dt.date(2026, 4, 6)
    assert case.deadline_passed(dt.date(2026, 4, 7)) and not case.deadline_passed(
        dt.date(2026, 4, 6)
    )


def test_it_is_not_sent_on_before_the_reply_or_the_deadline(people, citizens, absences):
    case = _through_the_hearing(_open(citizens, people, absences), people)
    assert case.reply_deadline is not None
    with pytest.raises(ValidationError, match="Fristen for borgerens bemærkninger"):
        services.sanction_forward(
            case=case, forwarded_on=case.reply_deadline, version=case.version, by=people["alice"]
        )
    case = services.sanction_reply_record(
        case=_fresh(case),
        received_on=case.hearing_sent_on + dt.timedelta(days=2),
        text="Jeg sendte en sms om sygdom til underviseren den 2. marts.",
        version=case.version,
        by=people["alice"],
    )
    case = services.sanction_forward(
        case=_fresh(case),
        forwarded_on=case.reply_received_on,
        version=case.version,
        by=people["alice"],
    )
    assert case.stage == SanctionStage.FORWARDED


def test_a_decision_is_recorded_only_after_the_case_is_with_the_benefits_office(
    people, citizens, absences
):
    case = _through_the_hearing(_open(citizens, people, absences), people)
    with pytest.raises(ValidationError, match="trinnet"):
        services.sanction_decision_record(
            case=case,
            decided_on=timezone.localdate(),
            decision=DecisionOutcome.SANCTION,
            decided_by="Ydelsesafdelingen",
            decision_text="",
            version=case.version,
            by=people["alice"],
        )


def test_two_people_recording_the_same_step_do_not_overwrite_each_other(people, citizens, absences):
    case = _through_the_hearing(_open(citizens, people, absences), people)
    read = case.version
    services.sanction_reply_record(
        case=_fresh(case),
        received_on=case.hearing_sent_on,
        text="Første",
        version=read,
        by=people["alice"],
    )
    with pytest.raises(ValidationError, match="ændret af en anden"):
        services.sanction_close(
            case=_fresh(case),
            closed_on=MONDAY,
            closed_reason="Anden",
            version=read,
            by=people["bob"],
        )
    assert _fresh(case).closed_on is None


def _benefits(citizen_pk):
    """Everything Jobbro holds that could be a benefit: the citizen's row, and the row of any
    model whose name speaks of a benefit or a payment (the law's reference data)."""
    from django.apps import apps

    row = Citizen.objects.filter(pk=citizen_pk).values().get()
    row.pop("updated_at", None)
    rows = {"citizen": row}
    for model in apps.get_models():
        name = model.__name__.lower()
        if any(word in name for word in ("benefit", "ydelse", "payment", "rate")):
            fields = {f.name for f in model._meta.concrete_fields}
            query = model.objects.all()
            if "citizen" in fields:
                query = query.filter(citizen_id=citizen_pk)
            rows[model.__name__] = list(query.values())
    return rows


def test_nothing_changes_a_benefit_before_or_after_a_recorded_decision(people, citizens, absences):
    """PRODUCT.md: a system must never cut a benefit before a recorded decision. Jobbro goes
    further: it records the benefits office's decision and changes no benefit at all."""
    fatima = citizens["fatima"]
    before = _benefits(fatima.pk)
    case = _open(citizens, people, absences)
    case = _through_the_hearing(case, people, sent_on=dt.date(2026, 3, 23))
    assert _benefits(fatima.pk) == before
    case = services.sanction_forward(
        case=_fresh(case),
        forwarded_on=dt.date(2026, 4, 7),
        version=case.version,
        by=people["alice"],
    )
    assert _benefits(fatima.pk) == before
    case = services.sanction_decision_record(
        case=_fresh(case),
        decided_on=dt.date(2026, 4, 14),
        decision=DecisionOutcome.SANCTION,
        decided_by="Ydelsesafdelingen",
        decision_text="Afgørelse meddelt borgeren 14.04.2026.",
        version=case.version,
        by=people["alice"],
    )
    assert case.stage == SanctionStage.DECIDED
    assert _benefits(fatima.pk) == before


def test_the_services_name_no_benefit():
    """No write in attendance touches a benefit: the services' source names no benefit model
    (the benefit history is jobbro/law's BenefitPeriod) and no benefit field."""
    import inspect

    source = inspect.getsource(services)
    for name in ("Benefit", "benefit_type", "law.models"):
        assert name not in source, name


def test_the_hearing_letter_is_a_danish_pdf_that_suggests_no_sanction(
    client, people, citizens, absences
):
    from jobbro.documents.tests.checks import pdf_text, read_accessible_pdf

    case = _through_the_hearing(_open(citizens, people, absences), people, dt.date(2026, 3, 23))
    client.force_login(people["alice"])
    response = client.get(reverse("attendance:hearing_letter", kwargs={"pk": case.pk}))
    assert response["Content-Type"] == "application/pdf"
    reader = read_accessible_pdf(response.content, title="Partshøring om fravær")
    text = pdf_text(reader)
    for wanted in (
        "Partshøring om fravær",
        "Kære Fatima Haddad",
        "02.03.2026",
        "09.03.2026",
        "forvaltningsloven § 19",
        "senest 6. april 2026",
        "Sprogcenter",
        "Dette brev er ikke en afgørelse",
        "Ydelsesafdeling",
    ):
        assert wanted in text, wanted
    assert "16.03.2026" not in text  # the legal absence is not in it
    assert "0101901236" not in text and "010190-1236" not in text  # no CPR in the letter
    for suggestion in ("sanktion på", "nedsat med", "kr.", "træk i"):
        assert suggestion not in text
    assert AccessLogEntry.objects.filter(action=Action.EXPORT).count() == 1


def test_the_case_worker_runs_a_case_through_the_pages(client, people, citizens, absences):
    client.force_login(people["alice"])
    fatima = citizens["fatima"]
    create = reverse("attendance:sanction_create", kwargs={"pk": fatima.pk})
    page = client.get(create)
    assert len(page.context["form"].fields["absences"].queryset) == 2
    response = client.post(create, {"summary": "Udeblevet to gange.", "absences": []})
    assert response.status_code == 200 and "Vælg det fravær" in response.content.decode()
    ids = [a.pk for a in absences if a.status == "illegal"]
    response = client.post(create, {"summary": "Udeblevet to gange.", "absences": ids})
    case = SanctionCase.objects.get()
    assert response["Location"] == reverse("attendance:sanction", kwargs={"pk": case.pk})
    step = lambda name: reverse("attendance:sanction_step", kwargs={"pk": case.pk, "step": name})  # noqa: E731
    bad = client.post(
        step("partshoering"), {"partshoering-sent_on": "01.03.2026", "partshoering-version": 1}
    )
    assert bad.status_code == 200 and "Tilføj dokumentationen" in bad.content.decode()
    client.post(
        step("dokumentation"),
        {
            "dokumentation-source": "company",
            "dokumentation-received_on": "10.03.2026",
            "dokumentation-text": "Virksomheden: ikke mødt.",
        },
    )
    ok = client.post(
        step("partshoering"), {"partshoering-sent_on": "11.03.2026", "partshoering-version": 1}
    )
    assert ok.status_code == 302
    assert _fresh(case).stage == SanctionStage.HEARING
    listed = client.get(reverse("attendance:sanctions"), {"vis": "frist"}).context["page"]
    assert [c.pk for c in listed] == (
        [case.pk] if timezone.localdate() > dt.date(2026, 3, 25) else []
    )
    assert not client.get(create).context["form"].fields["absences"].queryset.exists()


def test_sanction_cases_are_the_case_workers(client, people, citizens, absences):
    case = _open(citizens, people, absences)
    for name in ("tove", "amir", "mads", "konrad"):
        client.force_login(people[name])
        url = reverse("attendance:sanction", kwargs={"pk": case.pk})
        assert client.get(url).status_code in (403, 404), name
    client.force_login(people["carol"])  # another team: a stated reason, reading only
    assert client.get(reverse("attendance:sanction", kwargs={"pk": case.pk})).status_code == 302


def test_the_data_subject_export_holds_the_obligation_attendance_and_sanction_case(
    people, citizens, absences
):
    import json

    from jobbro.attendance.tests.test_week import _language, _obligation
    from jobbro.citizens.subject_export import as_json, build

    fatima = citizens["fatima"]
    _obligation(fatima, people["alice"])
    _language(fatima, people["alice"], weekday=1)
    case = _through_the_hearing(_open(citizens, people, absences), people)
    data = as_json(build(fatima, by=people["alice"]))
    text = json.dumps(data, ensure_ascii=False, default=str)
    for wanted in (
        "Kroniske smerter, jf. lægeerklæring",  # the reduction's reason, decrypted
        "Sprogcenter Midt",
        "08:30-12:00",
        "Ulovligt fravær",
        "Lovligt fravær",
        "Sygdom",
        "Udeblevet fra undervisningen to mandage i træk uden afbud.",
        "ingen sygemelding modtaget",
        case.reply_deadline.isoformat(),
    ):
        assert wanted in text, wanted
