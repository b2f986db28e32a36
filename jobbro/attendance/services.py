"""Every write of the work obligation, the language school days, sessions, attendance and
sanction cases: keyword-only, typed, `by` the user, `full_clean()` and one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobbro.accounts.models import User
from jobbro.citizens.models import Citizen
from jobbro.core.locking import save_versioned
from jobbro.journal import attachments
from jobbro.programmes.models import Cohort

from .models import (
    AbsenceReason,
    Attendance,
    AttendanceStatus,
    DecisionOutcome,
    DocumentSource,
    LanguageSchoolDay,
    SanctionAttachment,
    SanctionCase,
    SanctionDocument,
    SanctionStage,
    Session,
    SessionPattern,
    WorkObligation,
)
from .sessions import participants, pattern_dates

STALE = gettext_lazy(
    "Arbejdspligten er blevet ændret af en anden, mens du arbejdede på den. "
    "Se den nye registrering og prøv igen."
)


@transaction.atomic
def obligation_set(
    *,
    citizen: Citizen,
    applies: bool,
    reduction_hours: Decimal,
    reason: str,
    job_search_hours: Decimal,
    valid_from: dt.date,
    read_current: int | None,
    by: User,
) -> WorkObligation:
    """Record the work obligation from `valid_from`; the registration before it ends the day
    before. `read_current` is the id of the current registration the form was read at (None
    when there was none): if someone changed it meanwhile nothing is written (lost updates)."""
    current = (
        WorkObligation.objects.select_for_update()
        .filter(citizen=citizen, valid_to__isnull=True)
        .first()
    )
    if (current.pk if current else None) != read_current:
        raise ValidationError(STALE)
    if current is not None:
        if valid_from <= current.valid_from:
            raise ValidationError(
                {
                    "valid_from": _(
                        "Den gældende registrering gælder fra %(date)s. "
                        "En ændring skal gælde fra en senere dato."
                    )
                    % {"date": current.valid_from.strftime("%d.%m.%Y")}
                }
            )
        current.valid_to = valid_from - dt.timedelta(days=1)
        current.save(update_fields=["valid_to"])
    obligation = WorkObligation(
        citizen=citizen,
        applies=applies,
        reduction_hours=reduction_hours if applies else Decimal(0),
        reason=reason.strip(),
        job_search_hours=job_search_hours if applies else Decimal(0),
        valid_from=valid_from,
        created_by=by,
    )
    obligation.full_clean()
    obligation.save()
    return obligation


@transaction.atomic
def language_day_add(
    *,
    citizen: Citizen,
    weekday: int,
    starts_at: dt.time,
    ends_at: dt.time,
    school: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    by: User,
) -> LanguageSchoolDay:
    day = LanguageSchoolDay(
        citizen=citizen,
        weekday=weekday,
        starts_at=starts_at,
        ends_at=ends_at,
        school=school.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=by,
    )
    day.full_clean()
    day.save()
    return day


@transaction.atomic
def language_day_end(*, day: LanguageSchoolDay, last_day: dt.date, by: User) -> LanguageSchoolDay:
    """The citizen stops going to language school on this weekday after `last_day`."""
    if last_day < day.valid_from:
        raise ValidationError(
            {"last_day": _("Den sidste dag kan ikke ligge før sprogskoledagen begyndte.")}
        )
    day.valid_to = last_day
    day.full_clean()
    day.save(update_fields=["valid_to"])
    return day


@transaction.atomic
def pattern_create(
    *,
    cohort: Cohort,
    weekday: int,
    starts_at: dt.time,
    ends_at: dt.time,
    title: str,
    place: str,
    valid_from: dt.date,
    valid_to: dt.date,
    by: User,
) -> SessionPattern:
    """A weekly session of the cohort, and its sessions on every such weekday from
    `valid_from` to `valid_to` that is not a Danish public holiday (one already at that time
    is kept)."""
    pattern = SessionPattern(
        cohort=cohort,
        weekday=weekday,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title.strip(),
        place=place.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=by,
    )
    pattern.full_clean()
    pattern.save()
    taken = set(
        Session.objects.filter(cohort=cohort, starts_at=starts_at).values_list("on", flat=True)
    )
    Session.objects.bulk_create(
        Session(
            cohort=cohort,
            pattern=pattern,
            on=day,
            starts_at=starts_at,
            ends_at=ends_at,
            title=pattern.title,
            place=pattern.place,
        )
        for day in pattern_dates(weekday, valid_from, valid_to)
        if day not in taken
    )
    return pattern


@transaction.atomic
def attendance_record(
    *, session: Session, citizen_id: int, status: str, reason: str, by: User
) -> Attendance:
    """One tap: the participant's attendance at the session (the latest tap counts).

    Refused for someone not enrolled in the cohort on the day, a cancelled session, a session
    that has not begun, and a legal absence without its reason."""
    if citizen_id not in {e.citizen_id for e in participants(session)}:
        raise ValidationError(_("Borgeren deltager ikke på holdet denne dag."))
    if session.cancelled:
        raise ValidationError(_("Mødegangen er aflyst."))
    if session.on > timezone.localdate():
        raise ValidationError(_("Fremmøde kan først registreres på dagen."))
    if status not in AttendanceStatus.values:
        raise ValidationError(_("Vælg mødt, lovligt fravær eller ulovligt fravær."))
    if status == AttendanceStatus.LEGAL and reason not in AbsenceReason.values:
        raise ValidationError(_("Vælg grunden til det lovlige fravær."))
    attendance, _created = Attendance.objects.update_or_create(
        session=session,
        citizen_id=citizen_id,
        defaults={
            "status": status,
            "reason": reason if status == AttendanceStatus.LEGAL else "",
            "recorded_by": by,
        },
    )
    return attendance


# Sanction documentation: Jobbro documents, the benefits office decides. Nothing below
# changes a benefit, suggests a sanction or decides one; the decision is recorded as the
# benefits office made it.

CASE = gettext_lazy("Sanktionssagen")


def _at_stage(case: SanctionCase, *stages: str) -> None:
    if case.stage not in stages:
        raise ValidationError(
            _("Det kan ikke gøres nu: sagen er på trinnet “%(stage)s”.")
            % {"stage": case.get_stage_display()}
        )


@transaction.atomic
def sanction_open(
    *, citizen: Citizen, absences: list[Attendance], summary: str, by: User
) -> SanctionCase:
    """A sanction case about some of the citizen's illegal absences."""
    if not absences:
        raise ValidationError({"absences": _("Vælg det fravær, sagen drejer sig om.")})
    if any(a.citizen_id != citizen.pk or a.status != AttendanceStatus.ILLEGAL for a in absences):
        raise ValidationError(
            {"absences": _("Sagen kan kun dreje sig om borgerens ulovlige fravær.")}
        )
    case = SanctionCase(citizen=citizen, summary=summary.strip(), opened_by=by)
    case.full_clean()
    case.save()
    case.absences.set(absences)
    return case


@transaction.atomic
def sanction_document_add(
    *,
    case: SanctionCase,
    source: str,
    received_on: dt.date,
    text: str,
    by: User,
    new_attachments: Sequence[attachments.Checked] = (),
) -> SanctionDocument:
    """Add documentation, with its files (checked by journal/attachments.py, stored
    encrypted the same way)."""
    _at_stage(case, SanctionStage.COLLECTING, SanctionStage.HEARING, SanctionStage.REPLIED)
    if source not in DocumentSource.values:
        raise ValidationError({"source": _("Vælg, hvor dokumentationen kommer fra.")})
    if len(new_attachments) > settings.ATTACHMENTS_PER_NOTE:
        raise ValidationError(
            {
                "new_attachments": _("Højst %(n)s bilag ad gangen.")
                % {"n": settings.ATTACHMENTS_PER_NOTE}
            }
        )
    document = SanctionDocument(
        case=case, source=source, received_on=received_on, text=text.strip(), added_by=by
    )
    document.full_clean()
    document.save()
    SanctionAttachment.objects.bulk_create(
        SanctionAttachment(
            document=document,
            name=f.name,
            content_type=f.content_type,
            size=len(f.data),
            sha256=f.sha256,
            stored_as=attachments.store(f.data),
            uploaded_by=by,
        )
        for f in new_attachments
    )
    return document


@transaction.atomic
def sanction_hearing_send(
    *, case: SanctionCase, sent_on: dt.date, version: int | None, by: User
) -> SanctionCase:
    """The hearing letter is sent: the citizen has HEARING_REPLY_DAYS to reply."""
    _at_stage(case, SanctionStage.COLLECTING)
    if not case.documents.exists():
        raise ValidationError(_("Tilføj dokumentationen, før partshøringen sendes."))
    case.hearing_sent_on = sent_on
    case.reply_deadline = sent_on + dt.timedelta(days=settings.HEARING_REPLY_DAYS)
    save_versioned(case, version=version, what=CASE, fields=["hearing_sent_on", "reply_deadline"])
    return case


@transaction.atomic
def sanction_reply_record(
    *, case: SanctionCase, received_on: dt.date, text: str, version: int | None, by: User
) -> SanctionCase:
    _at_stage(case, SanctionStage.HEARING)
    assert case.hearing_sent_on is not None
    if received_on < case.hearing_sent_on:
        raise ValidationError(
            {
                "received_on": _(
                    "Bemærkningerne kan ikke være modtaget før partshøringen blev sendt."
                )
            }
        )
    case.reply_received_on, case.reply_text = received_on, text.strip()
    save_versioned(case, version=version, what=CASE, fields=["reply_received_on", "reply_text"])
    return case


@transaction.atomic
def sanction_forward(
    *, case: SanctionCase, forwarded_on: dt.date, version: int | None, by: User
) -> SanctionCase:
    """The documentation goes to the benefits office: after the citizen's reply, or when the
    deadline for it has passed (forvaltningsloven § 19)."""
    _at_stage(case, SanctionStage.HEARING, SanctionStage.REPLIED)
    assert case.reply_deadline is not None
    if case.stage == SanctionStage.HEARING and forwarded_on <= case.reply_deadline:
        raise ValidationError(
            _(
                "Fristen for borgerens bemærkninger udløber %(date)s. Sagen kan sendes videre, når borgeren har svaret eller fristen er udløbet."
            )
            % {"date": case.reply_deadline.strftime("%d.%m.%Y")}
        )
    case.forwarded_on = forwarded_on
    save_versioned(case, version=version, what=CASE, fields=["forwarded_on"])
    return case


@transaction.atomic
def sanction_decision_record(
    *,
    case: SanctionCase,
    decided_on: dt.date,
    decision: str,
    decided_by: str,
    decision_text: str,
    version: int | None,
    by: User,
) -> SanctionCase:
    """Record the decision the benefits office made (and told the job centre)."""
    _at_stage(case, SanctionStage.FORWARDED)
    if decision not in DecisionOutcome.values:
        raise ValidationError({"decision": _("Vælg Ydelsesafdelingens afgørelse.")})
    assert case.forwarded_on is not None
    if decided_on < case.forwarded_on:
        raise ValidationError(
            {"decided_on": _("Afgørelsen kan ikke være truffet, før sagen blev sendt.")}
        )
    case.decided_on, case.decision = decided_on, decision
    case.decided_by, case.decision_text = decided_by.strip(), decision_text.strip()
    save_versioned(
        case,
        version=version,
        what=CASE,
        fields=["decided_on", "decision", "decided_by", "decision_text"],
    )
    return case


@transaction.atomic
def sanction_close(
    *, case: SanctionCase, closed_on: dt.date, closed_reason: str, version: int | None, by: User
) -> SanctionCase:
    """Close a case before a decision, e.g. when documentation shows the absence was legal."""
    _at_stage(
        case,
        SanctionStage.COLLECTING,
        SanctionStage.HEARING,
        SanctionStage.REPLIED,
        SanctionStage.FORWARDED,
    )
    if not closed_reason.strip():
        raise ValidationError({"closed_reason": _("Skriv, hvorfor sagen lukkes.")})
    case.closed_on, case.closed_reason = closed_on, closed_reason.strip()
    save_versioned(case, version=version, what=CASE, fields=["closed_on", "closed_reason"])
    return case
