"""Each role's front page is its inbox: what needs doing today, most urgent first.

The reads are the apps' selectors (`placements.selectors`, `assessments.selectors`,
`CitizenQuerySet.awaiting_effort`); this module only chooses, per role, whose work they are
and orders them into groups. Every group is narrowed to what the user may see through the
access modules (`placements_for`, `citizens_for`, `assessments_for`), so the front page never
shows what a list would refuse. Managers get numbers, never persons.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import cast

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role
from jobbro.assessments import access as assessment_access
from jobbro.assessments import selectors as assessment_selectors
from jobbro.citizens import access as citizen_access
from jobbro.citizens.models import CitizenQuerySet
from jobbro.placements import access as placement_access
from jobbro.placements import selectors
from jobbro.placements.models import Placement
from jobbro.placements.staircase import kind_label

# How many items of one group the front page shows; the group links to its whole list.
SHOWN = 10
# An assessment still missing a rater's scores is today's work for four weeks; an older one
# is history (the progression pages list it), not a front page's task.
ASSESSMENT_DAYS = 28


@dataclass(frozen=True)
class Item:
    action: str  # the link's text: what to do
    url: str
    who: str  # the citizen's name, or ""
    detail: str  # the company, the date, why
    citizen_id: int | None = None


@dataclass
class Group:
    key: str
    label: str
    hint: str
    count: int
    items: list[Item] = field(default_factory=list)
    more_url: str = ""
    alert: bool = False


def _company(placement: Placement) -> str:
    """Where the course is: the company, or for a course without one (VUC, utility work)
    what it is, never "uden virksomhed"."""
    return placement.company.name if placement.company else kind_label(placement.kind)


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _url(name: str, pk: int) -> str:
    return reverse(name, kwargs={"pk": pk})


def _own_placements(user) -> QuerySet[Placement]:
    """The placements that are this user's work: a case worker's own caseload, the
    ambassador's own courses (the project's whole list is one click away), a company
    consultant's key-account companies."""
    placements = placement_access.placements_for(user)
    if user.role == Role.CASE_WORKER:
        return placements.filter(citizen__case_worker=user)
    if user.role == Role.AMBASSADOR:
        return placements.filter(ambassador=user)
    return placements


def _acute(user, placements, now) -> list[Group]:
    # A case worker answers for their own caseload; the ambassador and the company
    # consultant for every course they see.
    if user.role != Role.CASE_WORKER:
        placements = placement_access.placements_for(user)
    issues = selectors.acute_unanswered(placements)
    answer = "placements:acute_answer" if user.role in placement_access.WORK_ROLES else ""
    since = selectors.acute_overdue_since(now)
    groups = []
    for key, label, hint, qs, alert in (
        (
            "acute_late",
            _("Akutte henvendelser over 24 timer"),
            _("Skulle have været besvaret inden 24 timer. Lederne har fået besked."),
            issues.filter(reported_at__lt=since),
            True,
        ),
        (
            "acute",
            _("Akutte henvendelser uden svar"),
            _("Besvares inden 24 timer efter henvendelsen."),
            issues.filter(reported_at__gte=since),
            False,
        ),
    ):
        items = [
            Item(
                action=str(_("Besvar")) if answer else str(_("Se forløbet")),
                url=_url(answer, i.pk) if answer else _url("placements:detail", i.placement_id),
                who=i.placement.citizen.full_name,
                detail=str(_("%(company)s · svar senest %(deadline)s"))
                % {
                    "company": _company(i.placement),
                    "deadline": timezone.localtime(i.deadline).strftime("%d.%m.%Y %H:%M"),
                },
                citizen_id=i.placement.citizen_id,
            )
            for i in qs[:SHOWN]
        ]
        more = reverse("placements:acute_list") if answer else ""
        groups.append(Group(key, str(label), str(hint), qs.count(), items, more, alert))
    return groups


def _follow_ups(user, today) -> list[Group]:
    due = selectors.follow_ups_due(placement_access.placements_for(user), today).filter(
        assigned_to=user
    )
    groups = []
    for key, label, hint, qs, tab, alert in (
        (
            "follow_ups_late",
            _("Forfaldne opfølgninger"),
            _("Opfølgninger, du er ansvarlig for, som skulle have været gennemført."),
            due.filter(due_on__lt=today),
            "forfaldne",
            True,
        ),
        (
            "follow_ups_today",
            _("Opfølgninger i dag"),
            _("Planlagt ud fra planens rytme."),
            due.filter(due_on=today),
            "uge",
            False,
        ),
    ):
        items = [
            Item(
                action=str(_("Registrér %(mode)s")) % {"mode": f.get_mode_display().lower()},
                url=_url("placements:follow_up_record", f.pk),
                who=f.placement.citizen.full_name,
                detail=str(_("%(company)s · planlagt %(day)s"))
                % {"company": _company(f.placement), "day": _date(f.due_on)},
                citizen_id=f.placement.citizen_id,
            )
            for f in qs[:SHOWN]
        ]
        more = reverse("placements:follow_ups") + f"?vis={tab}"
        groups.append(Group(key, str(label), str(hint), qs.count(), items, more, alert))
    return groups


def _awaiting(user) -> Group:
    scope = cast(CitizenQuerySet, citizen_access.citizens_for(user))
    if user.role == Role.CASE_WORKER:
        scope = scope.filter(case_worker=user)
    qs = scope.awaiting_effort().order_by("settled_at", "id")
    items = [
        Item(
            action=str(_("Start indsatsen")),
            url=_url("citizens:detail", c.pk),
            who=c.full_name,
            detail=str(_("boligplaceret %(day)s"))
            % {"day": _date(timezone.localdate(c.settled_at))},
            citizen_id=c.pk,
        )
        for c in qs[:SHOWN]
    ]
    return Group(
        "awaiting",
        str(_("Uden startet indsats efter 96 timer")),
        str(_("Indsatsen skal starte 48–96 timer efter modtagelsen i kommunen.")),
        qs.count(),
        items,
        reverse("citizens:awaiting"),
        True,
    )


def _first_offer(user, today) -> Group:
    """Citizens whose first company-based offer is due (after the programme's target of 2
    weeks) or overdue (after its deadline of a month), without one: the introduction
    programme's rule (jobbro/law), flagged as the 96-hour rule is."""
    from jobbro.law import selectors as law_selectors
    from jobbro.law.models import ProgrammeLaw

    scope = cast(CitizenQuerySet, citizen_access.citizens_for(user))
    if user.role == Role.CASE_WORKER:
        scope = scope.filter(case_worker=user)
    qs = law_selectors.awaiting_first_offer(scope, today, due=True).order_by("settled_at", "id")
    programmes = list(ProgrammeLaw.objects.all())
    create = user.role in placement_access.CREATE_ROLES
    items, overdue = [], False
    for c in qs.only("first_name", "last_name", "settled_at")[:SHOWN]:
        start = timezone.localtime(c.settled_at).date()
        law = next((p for p in programmes if p.is_valid_on(start)), None)
        deadline = law.first_offer_deadline(start) if law else None
        late = deadline is not None and deadline < today
        overdue = overdue or late
        detail = _("frist overskredet %(day)s") if late else _("frist %(day)s")
        items.append(
            Item(
                action=str(_("Opret første tilbud")) if create else str(_("Se sagen")),
                url=_url("placements:create" if create else "citizens:detail", c.pk),
                who=c.full_name,
                detail=str(detail) % {"day": _date(deadline)} if deadline else "",
                citizen_id=c.pk,
            )
        )
    return Group(
        "first_offer",
        str(_("Første virksomhedsrettede tilbud")),
        str(
            _(
                "Introduktionsprogrammet: tilbuddet skal gives inden for 2 uger og senest efter "
                "1 måned. Borgere uden praktik, løntilskud, IGU eller job."
            )
        ),
        qs.count(),
        items,
        reverse("law:first_offers"),
        overdue,
    )


def _placements(user, placements, today) -> list[Group]:
    work = user.role in placement_access.WORK_ROLES
    past = selectors.past_planned_end(placements, today)
    ending = selectors.internships_ending(placements, today)

    def item(p, action, url_name, detail):
        return Item(
            action=str(action),
            url=_url(url_name if work else "placements:detail", p.pk),
            who=p.citizen.full_name,
            detail=str(detail) % {"company": _company(p), "day": _date(p.ends_on)},
            citizen_id=p.citizen_id,
        )

    return [
        Group(
            "past_end",
            str(_("Forløb efter planlagt slut")),
            str(
                _(
                    "Forløbet kører stadig efter den planlagte slutdato: afslut det, eller ret datoen."
                )
            ),
            past.count(),
            [
                item(p, _("Afslut eller ret"), "placements:detail", _("%(company)s · slut %(day)s"))
                for p in past[:SHOWN]
            ],
            alert=True,
        ),
        Group(
            "ending",
            str(_("Praktikker, der slutter denne uge")),
            str(_("En praktik afsluttes først efter en samtale med ambassadøren og virksomheden.")),
            ending.count(),
            [
                item(
                    p,
                    _("Registrér samtalen"),
                    "placements:conversation",
                    _("%(company)s · slutter %(day)s"),
                )
                for p in ending[:SHOWN]
            ],
        ),
    ]


def _assessments(user, today) -> Group:
    since = today - dt.timedelta(days=ASSESSMENT_DAYS)
    assessments = assessment_access.assessments_for(user).filter(assessed_on__gte=since)
    if user.role == Role.CASE_WORKER:
        assessments = assessments.filter(citizen__case_worker=user)
    elif user.role == Role.COMPANY_CONSULTANT:
        assessments = assessments.filter(placement__isnull=False)
    qs = assessment_selectors.incomplete(assessments)
    items = [
        Item(
            action=str(_("Udfyld scores")),
            url=_url("assessments:enter", a.pk),
            who=a.citizen.full_name,
            detail=str(_("%(instrument)s · %(day)s"))
            % {"instrument": a.version.instrument.name, "day": _date(a.assessed_on)},
            citizen_id=a.citizen_id,
        )
        for a in qs[:SHOWN]
    ]
    return Group(
        "assessments",
        str(_("Progressionsmålinger, der mangler scores")),
        str(_("Målinger fra de seneste fire uger, hvor en bedømmer endnu ikke har scoret.")),
        qs.count(),
        items,
        reverse("assessments:index"),
    )


def _sessions(user, today) -> list[Group]:
    """The teacher's day: sessions left without attendance, then today's. No participant
    is shown here, only the cohort, the time and the content."""
    from jobbro.attendance import selectors as attendance_selectors

    groups = []
    for key, label, hint, qs, alert in (
        (
            "sessions_unrecorded",
            _("Mødegange uden registreret fremmøde"),
            _("Holdt inden for de seneste 14 dage, men ingen deltageres fremmøde er registreret."),
            attendance_selectors.sessions_unrecorded(user, today),
            True,
        ),
        (
            "sessions_today",
            _("Dagens mødegange"),
            _("Registrér fremmødet med ét tryk pr. deltager."),
            attendance_selectors.sessions_today(user, today),
            False,
        ),
    ):
        items = [
            Item(
                action=str(_("Registrér fremmøde")),
                url=_url("attendance:session", s.pk),
                who=str(s.cohort),
                detail=f"{_date(s.on)} {s.starts_at:%H:%M}–{s.ends_at:%H:%M} · {s.title}"
                + (f" · {s.place}" if s.place else ""),
            )
            for s in qs[:SHOWN]
        ]
        more = reverse("attendance:sessions")
        groups.append(Group(key, str(label), str(hint), qs.count(), items, more, alert))
    return groups


# Most urgent first: late answers and follow-ups, then today's, then this week's.
ORDER = (
    "sessions_unrecorded",
    "acute_late",
    "follow_ups_late",
    "acute",
    "awaiting",
    "first_offer",
    "follow_ups_today",
    "past_end",
    "ending",
    "assessments",
    "sessions_today",
)


def groups_for(
    user, *, today: dt.date | None = None, now: dt.datetime | None = None
) -> list[Group]:
    """The front page's groups for this user, most urgent first; empty groups dropped."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    if user.role == Role.TEACHER:
        return [g for g in _sessions(user, today) if g.count]
    if user.role not in placement_access.READ_ROLES:
        return []
    placements = _own_placements(user)
    groups = _acute(user, placements, now) + _placements(user, placements, today)
    if user.role in placement_access.WORK_ROLES:
        groups += _follow_ups(user, today) + [_awaiting(user), _first_offer(user, today)]
    groups.append(_assessments(user, today))
    groups.sort(key=lambda g: ORDER.index(g.key))
    return [g for g in groups if g.count]


def citizen_ids(groups: list[Group]) -> list[int]:
    return [i.citizen_id for g in groups for i in g.items if i.citizen_id]


@dataclass(frozen=True)
class Number:
    label: str
    value: int
    url: str
    hint: str = ""
    alert: bool = False


def team_numbers(
    user, *, today: dt.date | None = None, now: dt.datetime | None = None
) -> list[Number]:
    """The manager's team in numbers, never persons (PRODUCT.md roles): the manager's own
    team's users, or the whole job centre for a manager without a team."""
    from jobbro.accounts.adminlog import users_overseen_by
    from jobbro.citizens.models import AccessGrant, Citizen
    from jobbro.law.selectors import awaiting_first_offer
    from jobbro.placements.models import FollowUp, PlacementStatus

    today = today or timezone.localdate()
    now = now or timezone.now()
    staff = users_overseen_by(user)
    caseload = Citizen.objects.filter(case_worker__in=staff)
    placements = Placement.objects.filter(citizen__in=caseload)
    overview = reverse("front:overview")
    late_acute = user.flagged_acute_issues.filter(answered_at__isnull=True).count()
    late_follow_ups = FollowUp.objects.filter(
        assigned_to__in=staff, done_on__isnull=True, cancelled=False, due_on__lt=today
    ).count()
    return [
        Number(
            str(_("Akutte henvendelser over 24 timer uden svar")),
            late_acute,
            reverse("placements:acute_breaches"),
            str(_("Meldt til dig, fordi 24-timersfristen er overskredet.")),
            alert=bool(late_acute),
        ),
        Number(
            str(_("Forfaldne opfølgninger i teamet")),
            late_follow_ups,
            overview,
            alert=bool(late_follow_ups),
        ),
        Number(
            str(_("Uden startet indsats efter 96 timer")),
            caseload.awaiting_effort(now).count(),
            overview,
            str(_("I teamets sagsstammer.")),
        ),
        Number(
            str(_("Uden første virksomhedsrettede tilbud efter en måned")),
            awaiting_first_offer(caseload, today).count(),
            overview,
            str(_("Introduktionsprogrammets frist, i teamets sagsstammer.")),
        ),
        Number(
            str(_("Forløb i gang")),
            placements.filter(status=PlacementStatus.ACTIVE).count(),
            overview,
        ),
        Number(
            str(_("Praktikker, der slutter denne uge")),
            selectors.internships_ending(placements, today).count(),
            overview,
        ),
        Number(
            str(_("Begrundede adgange de sidste 7 dage")),
            AccessGrant.objects.filter(
                user__in=staff, granted_at__gte=now - dt.timedelta(days=7)
            ).count(),
            reverse("accounts:grants"),
            str(_("Medarbejdere, der har åbnet en borger uden for deres egen sammenhæng.")),
        ),
    ]


def admin_numbers(*, now: dt.datetime | None = None) -> list[Number]:
    """The administrator's day: lockouts, users who have not set a password, and who are
    still without a second factor."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from jobbro.accounts.models import AdminAction, AdminLogEntry, User

    now = now or timezone.now()
    active = User.objects.filter(is_active=True)
    lockouts = AdminLogEntry.objects.filter(
        action=AdminAction.LOCKOUT, at__gte=now - dt.timedelta(days=1)
    ).count()
    with_totp = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return [
        Number(
            str(_("Spærringer efter fejlede login det seneste døgn")),
            lockouts,
            reverse("accounts:admin_log") + f"?action={AdminAction.LOCKOUT}",
            alert=bool(lockouts),
        ),
        Number(
            str(_("Brugere, der endnu ikke har logget ind")),
            active.filter(last_login__isnull=True).count(),
            reverse("accounts:users"),
            str(
                _("De har fået et link til at vælge adgangskode; giv et nyt, hvis det er udløbet.")
            ),
        ),
        Number(
            str(_("Brugere uden totrinsbekræftelse")),
            active.exclude(pk__in=with_totp).count(),
            reverse("accounts:users"),
        ),
    ]
