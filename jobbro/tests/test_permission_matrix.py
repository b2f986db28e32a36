"""The permission matrix: every URL, requested as every role and as an anonymous visitor.

Every URL pattern of the project needs a row in MATRIX saying, for each of the eight
subjects, whether the request is allowed, sent to state a reason, refused, or sent to log in.
A new URL without a row fails `test_every_url_has_a_row`, so no page can be added without
deciding who may open it.

Citizen URLs are requested with fatima (alice's own caseload, in the ambassador project,
mads' mentee, placed in an internship at konrad's company) in MATRIX, and with omar (carol's, team Syd, outside everyone's context but
carol's) in OUTSIDE, so that the stated-reason path and the refusals are exercised too.

The world the rows request (people, citizens, placements, the job bank) is built once for the
module by the `world` fixture; each test runs in a savepoint of it, so a row costs one request.
PDFs are not rendered here (`cheap_pdfs`): the assessments' and placements' tests read them.

Cells listed in QUESTIONED record what PRODUCT.md's roles table asks for, not what the code
does today; they run as strict expected failures until the code or the table changes.
"""

import copy
import inspect
from dataclasses import dataclass
from datetime import time as dt_time
from typing import TypeVar
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import models, transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from jobbro.accounts.models import Role
from jobbro.audit.models import AccessLogEntry, Purpose
from jobbro.citizens import access
from jobbro.companies.models import Company, Opening, OpeningKind
from jobbro.front import errors
from jobbro.placements.models import AcuteIssue, FollowUp, Placement
from jobbro.tests.worlds import world_built

# The expected outcome of one request.
ALLOW = "allow"  # 200; or a 302 elsewhere than the login or reason page (the work was done,
#                  or the user was sent on to where they belong, e.g. login -> front page)
REASON = "reason"  # 302 to the page where the user states a reason for opening this citizen
DENY = "deny"  # 403 or 404
LOGIN = "login"  # 302 to the login page
OUTCOMES = (ALLOW, REASON, DENY, LOGIN)

ANONYMOUS = "anonymous"
# The user from the `people` fixture who plays each role; alice owns fatima's case.
ROLE_USERS = {
    Role.ADMINISTRATOR: "ada",
    Role.AMBASSADOR: "amir",
    Role.CASE_WORKER: "alice",
    Role.COMPANY_CONSULTANT: "konrad",
    Role.TEACHER: "tove",
    Role.MANAGER: "lene",
    Role.MENTOR: "mads",
}
SUBJECTS = (ANONYMOUS, *(str(role) for role in Role.values))

# Django's own language switch: public by design, and not ours to decide.
IGNORED_URL_NAMES = {"set_language"}

# Pages about one citizen that show no personal data, so opening them logs nothing.
NOT_PERSONAL = {
    "citizens:reason": "only the form to state a reason; the case opens after it",
}

ADMIN_ONLY = {
    ANONYMOUS: LOGIN,
    "administrator": ALLOW,
    "ambassador": DENY,
    "case_worker": DENY,
    "company_consultant": DENY,
    "teacher": DENY,
    "manager": DENY,
    "mentor": DENY,
}


def _row(allowed: dict[str, str], default: str = DENY) -> dict[str, str]:
    """A row where the named subjects get their outcome and every other role `default`."""
    return {ANONYMOUS: LOGIN, **dict.fromkeys(SUBJECTS[1:], default), **allowed}


# Placements, plans, follow-ups and retention plans (jobbro/placements/access.py): the case
# worker and the ambassador work with them; the company consultant reads those at their
# own companies; nobody else sees them.
PLACEMENT_READ = _row({"ambassador": ALLOW, "case_worker": ALLOW, "company_consultant": ALLOW})
PLACEMENT_WORK = _row({"ambassador": ALLOW, "case_worker": ALLOW})
PLACEMENT_READ_OUTSIDE = _row({"ambassador": REASON, "case_worker": REASON})
# A stated reason opens for reading only: changes and exports need the user's own context, so
# nobody is sent to state a reason for them.
PLACEMENT_WORK_OUTSIDE = _row({})

MATRIX: dict[str, dict[str, str]] = {
    "front:home": {
        ANONYMOUS: LOGIN,
        "administrator": ALLOW,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": ALLOW,
        "teacher": ALLOW,
        "manager": ALLOW,
        "mentor": ALLOW,
    },
    # The dashboard (front/dashboard.py): numbers only. Managers and administrators count
    # the municipality; the ambassador and case workers their own context, each number
    # linking to the persons behind it. A company consultant, teacher or mentor has none.
    "front:overview": _row(
        {"administrator": ALLOW, "manager": ALLOW, "ambassador": ALLOW, "case_worker": ALLOW}
    ),
    # One number of it by gender, arrival, readiness, nationality (small groups folded),
    # for the same roles; without `tal` it sends back to the dashboard.
    "front:overview_number": _row(
        {"administrator": ALLOW, "manager": ALLOW, "ambassador": ALLOW, "case_worker": ALLOW}
    ),
    # The load balancer's probe: public, says only "ok".
    "front:healthz": {
        ANONYMOUS: ALLOW,
        "administrator": ALLOW,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": ALLOW,
        "teacher": ALLOW,
        "manager": ALLOW,
        "mentor": ALLOW,
    },
    # Public; a logged-in user is sent on to the front page.
    "accounts:login": {
        ANONYMOUS: ALLOW,
        "administrator": ALLOW,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": ALLOW,
        "teacher": ALLOW,
        "manager": ALLOW,
        "mentor": ALLOW,
    },
    # POST only. Logging out ends on the login page for everyone (the anonymous visitor is
    # sent there before the view runs); test_logout_ends_the_session checks it really logs out.
    "accounts:logout": {
        ANONYMOUS: LOGIN,
        "administrator": LOGIN,
        "ambassador": LOGIN,
        "case_worker": LOGIN,
        "company_consultant": LOGIN,
        "teacher": LOGIN,
        "manager": LOGIN,
        "mentor": LOGIN,
    },
    "accounts:users": ADMIN_ONLY,
    "accounts:user_create": ADMIN_ONLY,
    # With the requesting user's own pk: nobody but an administrator edits even themself.
    "accounts:user_edit": ADMIN_ONLY,
    # Every logged-in user's own: set up the second factor, give it after the password,
    # change their own password. A user without an authenticator is sent on to set one up.
    "accounts:mfa_setup": _row({}, default=ALLOW),
    "accounts:mfa_verify": _row({}, default=ALLOW),
    "accounts:password_change": _row({}, default=ALLOW),
    # The one-time set-password link is public (the token is the key); with a bad token it
    # says the link does not work (test_users checks used and expired links).
    "accounts:set_password": {**_row({}, default=ALLOW), ANONYMOUS: ALLOW},
    # POST only, with bob's pk: a new link (bob's password stops working), or his MFA reset.
    "accounts:user_password_link": ADMIN_ONLY,
    "accounts:user_mfa_reset": ADMIN_ONLY,
    "accounts:teams": ADMIN_ONLY,
    "accounts:team_create": ADMIN_ONLY,
    "accounts:team_edit": ADMIN_ONLY,
    # The administration log and the stated-reason grants name citizens by id only.
    "accounts:admin_log": _row({"administrator": ALLOW, "manager": ALLOW}),
    "accounts:grants": _row({"administrator": ALLOW, "manager": ALLOW}),
    # The access log search names citizens by id only.
    "audit:search": ADMIN_ONLY,
    "citizens:list": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:create": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:awaiting": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:mentees": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": DENY,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": ALLOW,
    },
    # Fatima: alice's caseload, the ambassador's project, mads' mentee (a few fields only),
    # in an internship at konrad's company.
    "citizens:detail": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": ALLOW,
        "teacher": DENY,
        "manager": DENY,
        "mentor": ALLOW,
    },
    "citizens:edit": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    # Those who may already open fatima are sent straight on to her case file.
    "citizens:reason": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    # POST only.
    "citizens:start_effort": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:access_log": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": ALLOW,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    # The citizen's languages (ISO 639) change with the case file: its case worker only.
    "citizens:languages": _row({"case_worker": ALLOW}),
    # POST only (with fatima and Arabic): removing a language, forgetting unmatched text.
    "citizens:language_remove": _row({"case_worker": ALLOW}),
    "citizens:unmatched_clear": _row({"case_worker": ALLOW}),
    # Citizens whose free-text nationality or languages matched no ISO code: within context.
    "citizens:unmatched": _row({"ambassador": ALLOW, "case_worker": ALLOW}),
    # The law's reference data (benefits, rates, programmes with dates): no personal data,
    # for everyone who works with citizens' cases; a mentor (a volunteer) has no use for it.
    "law:reference": _row({}, default=ALLOW) | {"mentor": DENY},
    # The benefits' monthly amounts (reference data for the programmes' economy): kept by
    # the administrators; everyone else, a manager too, is refused (they read the economy).
    "law:amounts": ADMIN_ONLY,
    "law:amount_create": ADMIN_ONLY,
    "law:amount_edit": ADMIN_ONLY,
    # Citizens past the first company-based offer's deadline: within context, like 96 hours.
    "law:first_offers": _row({"ambassador": ALLOW, "case_worker": ALLOW}),
    # A citizen's benefit history is sensitive: case worker and ambassador read it (the
    # case worker alone adds to it: test_law), nobody else.
    "law:citizen_benefits": _row({"ambassador": ALLOW, "case_worker": ALLOW}),
    # Importing citizens from another system: case workers and administrators.
    "imports:start": _row({"administrator": ALLOW, "case_worker": ALLOW}),
    "imports:template": _row({"administrator": ALLOW, "case_worker": ALLOW}),
    # An import's preview and its buttons (POST) are its uploader's alone: alice's here, so
    # an administrator is refused it too (its rows are another user's file).
    "imports:preview": _row({"case_worker": ALLOW}),
    "imports:confirm": _row({"case_worker": ALLOW}),
    "imports:discard": _row({"case_worker": ALLOW}),
    # The data-subject export carries the full CPR: case workers only (JSON, PDF, ZIP).
    "citizens:export": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
}
MATRIX["citizens:export_pdf"] = MATRIX["citizens:export"]
MATRIX["citizens:export_zip"] = MATRIX["citizens:export"]

# The job bank (companies/access.py). The company is konrad's key account; its opening an
# internship. Companies are not citizens' personal data, so these pages log nothing.
JOB_BANK_READ = {
    ANONYMOUS: LOGIN,
    "administrator": DENY,
    "ambassador": ALLOW,
    "case_worker": ALLOW,
    "company_consultant": ALLOW,
    "teacher": DENY,
    "manager": DENY,
    "mentor": DENY,
}
JOB_BANK_WRITE = {**JOB_BANK_READ, "case_worker": DENY}
JOB_BANK_AGGREGATE = {**JOB_BANK_READ, "manager": ALLOW}
MATRIX.update(
    {
        "companies:list": JOB_BANK_READ,
        "companies:capacity": JOB_BANK_READ,
        "companies:detail": JOB_BANK_READ,
        "companies:opening_detail": JOB_BANK_READ,
        "companies:create": JOB_BANK_WRITE,
        "companies:edit": JOB_BANK_WRITE,
        "companies:partnership": JOB_BANK_WRITE,
        "companies:contact_create": JOB_BANK_WRITE,
        "companies:log_create": JOB_BANK_WRITE,
        "companies:demand_create": JOB_BANK_WRITE,
        "companies:survey_create": JOB_BANK_WRITE,
        "companies:opening_create": JOB_BANK_WRITE,
        "companies:opening_edit": JOB_BANK_WRITE,
        "companies:demand": JOB_BANK_AGGREGATE,
        "companies:barometer": JOB_BANK_AGGREGATE,
        "placements:list": PLACEMENT_READ,
        "placements:create": _row({"case_worker": ALLOW}),
        "placements:move_up": PLACEMENT_WORK,
        "placements:follow_ups": PLACEMENT_WORK,
        "placements:follow_up_record": PLACEMENT_WORK,
        "placements:acute_list": PLACEMENT_WORK,
        # Flagged breaches: the company and the times, no personal data.
        "placements:acute_breaches": _row({"manager": ALLOW}),
        "placements:acute_answer": PLACEMENT_WORK,
        "placements:detail": PLACEMENT_READ,
        "placements:edit": PLACEMENT_WORK,
        "placements:end": PLACEMENT_WORK,
        "placements:conversation": PLACEMENT_WORK,
        "placements:plan": PLACEMENT_WORK,
        "placements:plan_history": PLACEMENT_READ,
        "placements:acute_create": PLACEMENT_WORK,
        "placements:retention": PLACEMENT_READ,
        "placements:retention_entry": PLACEMENT_WORK,
        "placements:retention_print": PLACEMENT_READ,
        "placements:retention_pdf": PLACEMENT_READ,
        "placements:calendar": PLACEMENT_WORK,
        # Public by design: calendar apps cannot log in; the private token is the key (a wrong
        # one is refused: test_placements.py). No personal data in it.
        "placements:calendar_feed": dict.fromkeys(SUBJECTS, ALLOW),
    }
)

# The same citizen URLs for omar, who is in nobody's context here: case workers and
# ambassadors may open him after stating a reason; everyone else is refused.
OUTSIDE: dict[str, dict[str, str]] = {
    "law:citizen_benefits": _row({"ambassador": REASON, "case_worker": REASON}),
    # Changes need the user's own context: a stated reason opens for reading only.
    "citizens:languages": _row({}),
    "citizens:language_remove": _row({}),
    "citizens:unmatched_clear": _row({}),
    "citizens:detail": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": REASON,
        "case_worker": REASON,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    # Changes and exports need the user's own context: a stated reason would not allow them.
    "citizens:edit": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": DENY,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:reason": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": ALLOW,
        "case_worker": ALLOW,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:start_effort": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": DENY,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:access_log": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": REASON,
        "case_worker": REASON,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:export": {
        ANONYMOUS: LOGIN,
        "administrator": DENY,
        "ambassador": DENY,
        "case_worker": DENY,
        "company_consultant": DENY,
        "teacher": DENY,
        "manager": DENY,
        "mentor": DENY,
    },
    "citizens:export_pdf": _row({}),
    "citizens:export_zip": _row({}),
    # Omar is in an internship at a company that is not konrad's.
    "placements:create": PLACEMENT_WORK_OUTSIDE,
    "placements:follow_up_record": PLACEMENT_WORK_OUTSIDE,
    "placements:acute_answer": PLACEMENT_WORK_OUTSIDE,
    "placements:detail": PLACEMENT_READ_OUTSIDE,
    "placements:edit": PLACEMENT_WORK_OUTSIDE,
    "placements:end": PLACEMENT_WORK_OUTSIDE,
    "placements:conversation": PLACEMENT_WORK_OUTSIDE,
    "placements:plan": PLACEMENT_WORK_OUTSIDE,
    "placements:plan_history": PLACEMENT_READ_OUTSIDE,
    "placements:acute_create": PLACEMENT_WORK_OUTSIDE,
    "placements:retention": PLACEMENT_READ_OUTSIDE,
    "placements:retention_entry": PLACEMENT_WORK_OUTSIDE,
    # Print and PDF take the plan out of Jobbro: exports.
    "placements:retention_print": PLACEMENT_WORK_OUTSIDE,
    "placements:retention_pdf": PLACEMENT_WORK_OUTSIDE,
}

# The progression tool (assessments). Lists show only the user's own citizens; the pages about
# one citizen take fatima (or omar), an assessment of theirs, or their placement. The company
# consultant sees fatima, placed at konrad's company. Mentors see a handful of fields only: no
# assessments. Managers see the aggregate measures, no names.
ASSESSMENT_STAFF = {
    ANONYMOUS: LOGIN,
    "administrator": DENY,
    "ambassador": ALLOW,
    "case_worker": ALLOW,
    "company_consultant": ALLOW,
    "teacher": DENY,
    "manager": DENY,
    "mentor": DENY,
}
ASSESSMENT_ONE = ASSESSMENT_STAFF
ASSESSMENT_OUTSIDE = {
    **ASSESSMENT_ONE,
    "ambassador": REASON,
    "case_worker": REASON,
    "company_consultant": DENY,
}
ASSESSMENT_ABOUT_ONE = (
    "assessments:citizen",
    "assessments:create",
    "assessments:detail",
    "assessments:enter",
    "assessments:pdf",
    "assessments:self_score",
    "assessments:placement",
)
MATRIX.update(
    {
        "assessments:index": ASSESSMENT_STAFF,
        "assessments:stalled": ASSESSMENT_STAFF,
        "assessments:measures": {
            **ADMIN_ONLY,
            "manager": ALLOW,
        },
        "assessments:instruments": ADMIN_ONLY,
        "assessments:instrument_create": ADMIN_ONLY,
        "assessments:instrument_edit": ADMIN_ONLY,
        **dict.fromkeys(ASSESSMENT_ABOUT_ONE, ASSESSMENT_ONE),
    }
)
# Creating, entering scores, self-scoring and the PDF change or export: own context only.
ASSESSMENT_CHANGE_OUTSIDE = {**ASSESSMENT_OUTSIDE, "ambassador": DENY, "case_worker": DENY}
OUTSIDE.update(
    {
        "assessments:citizen": ASSESSMENT_OUTSIDE,
        "assessments:detail": ASSESSMENT_OUTSIDE,
        "assessments:placement": ASSESSMENT_OUTSIDE,
        "assessments:create": ASSESSMENT_CHANGE_OUTSIDE,
        "assessments:enter": ASSESSMENT_CHANGE_OUTSIDE,
        "assessments:pdf": ASSESSMENT_CHANGE_OUTSIDE,
        "assessments:self_score": ASSESSMENT_CHANGE_OUTSIDE,
    }
)

# Each person's week and the work obligation (jobbro/attendance/access.py): the case worker
# owns them; the ambassador reads the project's citizens' weeks; nobody else sees them.
WEEK_READ = _row({"ambassador": ALLOW, "case_worker": ALLOW})
WEEK_CHANGE = _row({"case_worker": ALLOW})
ATTENDANCE_ABOUT_ONE = (
    "attendance:week",
    "attendance:obligation",
    "attendance:language_days",
    "attendance:language_day_end",
    "attendance:citizen_ics",
    "attendance:sanction_create",
    "attendance:sanction",
    "attendance:sanction_step",
    "attendance:hearing_letter",
    "attendance:sanction_attachment",
)
# Sanction cases: the case worker documents; a stated reason reads the case, nothing more.
SANCTION_WORK = _row({"case_worker": ALLOW})
# Sessions, the tap and the cohort's page: only the cohort's teacher (tove teaches the cohort
# fatima is enrolled in). Nobody else sees a session's participants.
SESSION_TEACHER = _row({"teacher": ALLOW})
MATRIX.update(
    {
        "attendance:below_hours": WEEK_READ,
        "attendance:week": WEEK_READ,
        "attendance:obligation": WEEK_READ,
        "attendance:language_days": WEEK_READ,
        "attendance:language_day_end": WEEK_CHANGE,
        "attendance:low_attendance": WEEK_READ,
        # The participant's calendar file is an export: own context only.
        "attendance:citizen_ics": WEEK_READ,
        "attendance:sessions": SESSION_TEACHER,
        "attendance:session": SESSION_TEACHER,
        "attendance:tap": SESSION_TEACHER,
        "attendance:cohort": SESSION_TEACHER,
        "attendance:cohort_ics": SESSION_TEACHER,
        "attendance:sanctions": SANCTION_WORK,
        "attendance:sanction_create": SANCTION_WORK,
        "attendance:sanction": SANCTION_WORK,
        "attendance:sanction_step": SANCTION_WORK,
        "attendance:hearing_letter": SANCTION_WORK,
        # A file of the documentation: a download, so an export (own context only).
        "attendance:sanction_attachment": SANCTION_WORK,
    }
)
OUTSIDE.update(
    {
        "attendance:week": _row({"ambassador": REASON, "case_worker": REASON}),
        "attendance:obligation": _row({"ambassador": REASON, "case_worker": REASON}),
        "attendance:language_days": _row({"ambassador": REASON, "case_worker": REASON}),
        "attendance:language_day_end": _row({}),
        "attendance:citizen_ics": _row({}),
        "attendance:sanction_create": _row({}),
        "attendance:sanction": _row({"case_worker": REASON}),
        "attendance:sanction_step": _row({}),
        "attendance:hearing_letter": _row({}),
        "attendance:sanction_attachment": _row({}),
    }
)
# Matching (matching/access.py): the ambassador (project), the case worker (own caseload)
# and the company consultant (only citizens who consented to sharing with companies: fatima
# has not, so konrad is refused her); the administrator sets weights and distances; the
# manager sees only the evaluation. Nobody states a reason to match someone outside their
# context, so omar is refused to everyone.
MATCH_USE = _row({"ambassador": ALLOW, "case_worker": ALLOW, "company_consultant": ALLOW})
MATCH_CITIZEN = _row({"ambassador": ALLOW, "case_worker": ALLOW})
MATCHING_ABOUT_ONE = ("matching:citizen", "matching:profile")
MATRIX.update(
    {
        "matching:list": MATCH_USE,
        "matching:occupations": {**MATCH_USE, "administrator": ALLOW},
        "matching:citizen": MATCH_CITIZEN,
        "matching:profile": MATCH_CITIZEN,
        "matching:opening": MATCH_USE,
        # POST only; konrad's suggestion is for fatima, whom he may not match.
        "matching:decide": MATCH_CITIZEN,
        # Each user's own caseload proposals (another's run is refused: test_proposal.py).
        "matching:proposals": MATCH_USE,
        "matching:proposal": MATCH_USE,
        # Aggregates only, counts under 5 not shown.
        "matching:evaluation": {**MATCH_USE, "case_worker": DENY, "manager": ALLOW},
        "matching:weights": ADMIN_ONLY,
        "matching:distances": ADMIN_ONLY,
        "matching:town_add": ADMIN_ONLY,
        "matching:distance_edit": ADMIN_ONLY,
    }
)
OUTSIDE.update(dict.fromkeys(MATCHING_ABOUT_ONE, _row({})))

# The good-practice library (jobbro/practices/access.py): not personal data, every staff role
# reads it; the mentor, a volunteer about one person, does not.
PRACTICE_READ = _row({}, default=ALLOW) | {"mentor": DENY}
MATRIX.update({"practices:list": PRACTICE_READ, "practices:detail": PRACTICE_READ})
# A case's status, mentor and handover (jobbro/cases): the case worker who owns the case file
# (or shares it in the team) changes them; a stated reason opens for reading only, so nobody
# outside the context may (OUTSIDE: all refused, none sent to state a reason).
CASE_CHANGE = _row({"case_worker": ALLOW})
CASE_URLS = (
    "cases:pause",
    "cases:resume",
    "cases:close",
    "cases:reopen",
    "cases:mentor",
    "cases:mentor_end",
    "cases:transfer",
)
MATRIX.update({"cases:transfers": CASE_CHANGE, **dict.fromkeys(CASE_URLS, CASE_CHANGE)})
# Retention and deletion (jobbro/erasure): the administrator decides, seeing citizens by id.
MATRIX.update(dict.fromkeys(("erasure:decisions", "erasure:rules", "erasure:decide"), ADMIN_ONLY))
OUTSIDE.update(dict.fromkeys(CASE_URLS, _row({})))

# Trauma screening (jobbro/screening/access.py): health data, narrower than the case file.
# Only the citizen's own case worker (and colleagues they name, tested in the app) opens it;
# not the team, not the project's ambassador, never on a stated reason: 404 to all others.
SCREENING_ABOUT_ONE = (
    "screening:citizen",
    "screening:create",
    "screening:access_name",
    "screening:referral",
    "screening:access_end",
)
MATRIX.update(dict.fromkeys(SCREENING_ABOUT_ONE, _row({"case_worker": ALLOW})))
OUTSIDE.update(dict.fromkeys(SCREENING_ABOUT_ONE, _row({})))
# The journal (journal/access.py). Fatima's note and planned conversation are alice's, about
# her placement at konrad's company: konrad reads them (and downloads the attachment); only
# alice changes her written note; a planned one any who may write records or cancels.
# Mentors see no journal (the roles table: a handful of fields). Omar's are carol's.
JOURNAL_READ = _row({"ambassador": ALLOW, "case_worker": ALLOW, "company_consultant": ALLOW})
JOURNAL_WRITE = _row({"ambassador": ALLOW, "case_worker": ALLOW})
MATRIX.update(
    {
        "journal:planned": JOURNAL_WRITE,
        "journal:citizen": JOURNAL_READ,
        "journal:create": JOURNAL_WRITE,
        "journal:plan": JOURNAL_WRITE,
        "journal:detail": JOURNAL_READ,
        "journal:edit": _row({"case_worker": ALLOW}),
        "journal:record": JOURNAL_WRITE,
        "journal:cancel": JOURNAL_WRITE,
        "journal:attachment": JOURNAL_READ,
    }
)
JOURNAL_OUTSIDE_READ = _row({"ambassador": REASON, "case_worker": REASON})
OUTSIDE.update(
    {
        "journal:citizen": JOURNAL_OUTSIDE_READ,
        "journal:detail": JOURNAL_OUTSIDE_READ,
        # Writing, and downloading an attachment (it leaves Jobbro), need the own context.
        "journal:create": _row({}),
        "journal:plan": _row({}),
        "journal:edit": _row({}),
        "journal:record": _row({}),
        "journal:cancel": _row({}),
        "journal:attachment": _row({}),
    }
)

# Language buddies on a placement (jobbro/mentoring, opened through open_placement): read as
# the placement is read, changed as it is worked on; the diploma goes out with the placement.
BUDDY_URLS = ("mentoring:buddies", "mentoring:buddy_end", "mentoring:diploma")
MATRIX.update(
    {
        "mentoring:buddies": PLACEMENT_READ,
        "mentoring:buddy_end": PLACEMENT_WORK,
        "mentoring:diploma": PLACEMENT_READ,
    }
)
OUTSIDE.update(
    {
        "mentoring:buddies": PLACEMENT_READ_OUTSIDE,
        "mentoring:buddy_end": PLACEMENT_WORK_OUTSIDE,
        "mentoring:diploma": PLACEMENT_WORK_OUTSIDE,
    }
)
# Programmes, cohorts and enrolment (programmes/access.py). Programme descriptions hold no
# personal data: the roles that work with programmes read them, the ambassador (project
# coordinator) writes them, the SIRI description is the ambassador's and the managers'
# report. Fatima is in cohort "Najah 3", taught by tove; omar in "De internationale 2",
# which tove does not teach. A teacher sees only their own cohorts' participants.
PROGRAMME_READ = _row(
    {"ambassador": ALLOW, "case_worker": ALLOW, "teacher": ALLOW, "manager": ALLOW}
)
PROGRAMME_WRITE = _row({"ambassador": ALLOW})
PROGRAMME_SIRI = _row({"ambassador": ALLOW, "manager": ALLOW})
COHORT_READ = _row({"ambassador": ALLOW, "case_worker": ALLOW, "teacher": ALLOW})
ENROL = _row({"ambassador": ALLOW, "case_worker": ALLOW})
# Pages about one citizen (or a cohort with its participants): they log what they show.
PROGRAMME_ABOUT_ONE = ("programmes:enrol", "programmes:enrolment_end", "programmes:cohort")
MATRIX.update(
    {
        "programmes:list": PROGRAMME_READ,
        "programmes:detail": PROGRAMME_READ,
        "programmes:create": PROGRAMME_WRITE,
        "programmes:edit": PROGRAMME_WRITE,
        "programmes:siri": PROGRAMME_SIRI,
        "programmes:siri_docx": PROGRAMME_SIRI,
        # Costs and benefit saved: aggregates, small groups folded (ambassador, managers).
        "programmes:economy": PROGRAMME_SIRI,
        "programmes:cohorts": COHORT_READ,
        "programmes:cohort_create": PROGRAMME_WRITE,
        "programmes:cohort_edit": PROGRAMME_WRITE,
        "programmes:cohort": COHORT_READ,
        "programmes:enrol": ENROL,
        "programmes:enrolment_end": ENROL,
        # A row of the description (change track, cost line, observation, module, event).
        "programmes:part_create": PROGRAMME_WRITE,
        "programmes:part_edit": PROGRAMME_WRITE,
        # POST only, without the programme's version: refused as stale, nothing deleted.
        "programmes:part_delete": PROGRAMME_WRITE,
    }
)
OUTSIDE.update(
    {
        # Omar's cohort: tove does not teach it (refused); others open it and see only the
        # participants in their own context (not omar).
        "programmes:cohort": _row({"ambassador": ALLOW, "case_worker": ALLOW}),
        # Enrolling and ending change the case: own context only, no stated reason.
        "programmes:enrol": _row({}),
        "programmes:enrolment_end": _row({}),
    }
)

# Goals, outcomes and the national measures (jobbro/goals/access.py): numbers only, never
# persons. Managers (folded), the ambassador and case workers (for the citizens they may
# see); administrators, company consultants, teachers and mentors are refused.
GOALS_READ = _row({"manager": ALLOW, "ambassador": ALLOW, "case_worker": ALLOW})
MATRIX.update(
    dict.fromkeys(
        (
            "goals:index",
            "goals:targets",
            "goals:targets_xlsx",
            "goals:outcomes",
            "goals:outcomes_xlsx",
            "goals:steering_pdf",
            "goals:measures",
            "goals:measures_xlsx",
        ),
        GOALS_READ,
    )
)
# The persons behind a goals number: those who see persons (of the citizens they may see);
# a manager follows the number to its aggregate (front:overview_number) instead.
MATRIX["goals:persons"] = _row({"ambassador": ALLOW, "case_worker": ALLOW})

# The monthly coordination meetings (meetings/access.py): the ambassador and case workers
# hold them (create, generate the agenda, write the minutes); company consultants and the
# manager read them, seeing only the persons they may see themselves (the manager none).
# Teachers, mentors and administrators have no meetings. The meeting is amir's, with
# fatima on its agenda; the POSTs regenerate its agenda and refuse an empty decision (200).
MEETING_READ = _row(
    {"ambassador": ALLOW, "case_worker": ALLOW, "company_consultant": ALLOW, "manager": ALLOW}
)
MEETING_HOLD = _row({"ambassador": ALLOW, "case_worker": ALLOW})
MATRIX.update(
    {
        "meetings:list": MEETING_READ,
        "meetings:detail": MEETING_READ,
        "meetings:create": MEETING_HOLD,
        "meetings:generate": MEETING_HOLD,
        "meetings:decision": MEETING_HOLD,
    }
)
# Mentors (mentoring/access.py, seed 002 Lederne): the ambassador and the case workers keep
# the corps and make the matches, in their own context (omar: reading on a stated reason,
# never a change). The mentor login (mads, fatima's mentor) opens their own agreed match and
# logs its meetings; it never answers for a side or ends a match, and never sees omar's.
MENTOR_CORPS = _row({"ambassador": ALLOW, "case_worker": ALLOW})
MENTOR_MATCH = _row({"ambassador": ALLOW, "case_worker": ALLOW, "mentor": ALLOW})
MENTOR_ABOUT_ONE = (
    "mentors:citizen",
    "mentors:match",
    "mentors:answer",
    "mentors:end",
    "mentors:meeting",
)
MATRIX.update(
    {
        "mentors:list": MENTOR_CORPS,
        "mentors:create": MENTOR_CORPS,
        "mentors:edit": MENTOR_CORPS,
        "mentors:citizen": MENTOR_CORPS,
        "mentors:match": MENTOR_MATCH,
        # POST only: an agreed match refuses another answer with a message (a redirect).
        "mentors:answer": MENTOR_CORPS,
        "mentors:end": MENTOR_CORPS,
        "mentors:meeting": MENTOR_MATCH,
    }
)
OUTSIDE.update(
    {
        "mentors:citizen": _row({"ambassador": REASON, "case_worker": REASON}),
        "mentors:match": _row({"ambassador": REASON, "case_worker": REASON}),
        "mentors:answer": _row({}),
        "mentors:end": _row({}),
        "mentors:meeting": _row({}),
    }
)

# Cells where the code does something else than PRODUCT.md's roles table asks: the rows above
# say what the table asks, and these run as strict expected failures, with the reason, until
# the code is changed (then remove the entry) or the product decides otherwise (then change
# the row and remove the entry). Key: (citizen, url name, subject).
QUESTIONED: dict[tuple[str, str, str], str] = {}


@dataclass(frozen=True)
class Url:
    name: str
    params: tuple[str, ...]  # the names of the path's parameters, outermost first
    method: str  # "GET", or "POST" for views that accept only POST


def _methods(view) -> set[str] | None:
    """The HTTP methods a view accepts, when it restricts them; None when it does not."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return {m.upper() for m in view_class.http_method_names if hasattr(view_class, m)}
    while view is not None:
        # django.views.decorators.http.require_http_methods (require_POST, require_GET).
        methods = inspect.getclosurevars(view).nonlocals.get("request_method_list")
        if methods:
            return set(methods)
        view = getattr(view, "__wrapped__", None)
    return None


def _walk(patterns, namespace=None, params=()):
    for pattern in patterns:
        here = params + tuple(getattr(pattern.pattern, "converters", {}))
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, ns, here)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or f"<unnamed: {pattern.pattern}>"
            if namespace:
                name = f"{namespace}:{name}"
            methods = _methods(pattern.callback)
            method = "GET" if methods is None or "GET" in methods else "POST"
            yield Url(name, here, method)


def project_urls() -> dict[str, Url]:
    return {
        url.name: url
        for url in _walk(get_resolver().url_patterns)
        if url.name not in IGNORED_URL_NAMES
    }


URLS = project_urls()
# URLs about one citizen: the case file's, and the placements' (every one of their parameters
# names a placement, follow-up or acute issue of one citizen, or the citizen).
CITIZEN_URLS = sorted(
    n
    for n, u in URLS.items()
    if u.params
    and (
        n.startswith(("citizens:", "placements:", "journal:", "cases:", "law:citizen"))
        or n in ASSESSMENT_ABOUT_ONE
        or n in ATTENDANCE_ABOUT_ONE
        or n in SCREENING_ABOUT_ONE
        or n in MATCHING_ABOUT_ONE
        or n in BUDDY_URLS
        or n in PROGRAMME_ABOUT_ONE
        or n in MENTOR_ABOUT_ONE
    )
    and "token" not in u.params  # a calendar feed: one user's, about no single citizen
)


def _user(people, subject):
    return None if subject == ANONYMOUS else people[ROLE_USERS[subject]]


def _kwargs(url: Url, citizen, user, people) -> dict:
    if not url.params:
        return {}
    if url.name.startswith(("citizens:", "cases:", "law:citizen")) and url.params == ("pk",):
        return {"pk": citizen.pk}
    if url.name == "citizens:language_remove":
        return {"pk": citizen.pk, "code": "ar"}
    if url.name == "imports:template":
        return {"fmt": "xlsx"}
    if url.name.startswith("imports:"):
        from jobbro.imports.services import batch_create

        return {"pk": batch_create(by=people["alice"], rows=[]).pk}
    if url.name == "accounts:user_edit":
        return {"pk": (user or people["ada"]).pk}
    if url.name in ("accounts:user_password_link", "accounts:user_mfa_reset"):
        return {"pk": people["bob"].pk}
    if url.name == "law:amount_edit":
        from datetime import date

        from jobbro.law.models import Benefit, BenefitAmount

        cash = Benefit.objects.get(code="kontanthjaelp")
        amount = BenefitAmount.objects.create(
            benefit=cash, monthly=12550, valid_from=date(2026, 1, 1), source="Testens"
        )
        return {"pk": amount.pk}
    if url.name == "accounts:team_edit":
        return {"pk": people["alice"].team_id}
    if url.params == ("uidb64", "token"):
        return {"uidb64": "MQ", "token": "ikke-et-gyldigt-token"}
    if url.name.startswith("placements:") and url.params == ("pk",):
        return {"pk": _placement_kwarg(url.name, citizen)}
    if url.params == ("token",):
        from jobbro.placements.calendar import feed_renew

        return {"token": feed_renew(user=people["amir"]).token}
    if url.name == "practices:detail":
        from jobbro.practices.models import Practice

        return {"pk": _first(Practice.objects.order_by("number")).pk}
    if url.name.startswith("assessments:"):
        return {"pk": _assessment_kwarg(url.name, citizen)}
    if url.name == "attendance:sanction_step":
        return {"pk": _attendance_kwarg(url.name, citizen, people), "step": "bemaerkninger"}
    if url.name.startswith("journal:"):
        return {"pk": _journal_kwarg(url.name, citizen)}
    if url.name.startswith("attendance:"):
        return {"pk": _attendance_kwarg(url.name, citizen, people)}
    if url.name.startswith("mentors:"):
        return {"pk": _mentor_kwarg(url.name, citizen, people)}
    if url.name.startswith("mentoring:"):
        return {"pk": _buddy_kwarg(url.name, citizen, people)}
    if url.name.startswith("screening:"):
        return {"pk": _screening_kwarg(url.name, citizen, people)}
    if url.name.startswith("matching:"):
        return {"pk": _matching_kwarg(url.name, citizen, user, people)}
    if url.name == "erasure:decide":
        return {"pk": _erasure_kwarg(citizen)}
    if url.name.startswith("companies:") and url.params == ("pk",):
        company, opening = _job_bank(people)
        by_opening = url.name in ("companies:opening_detail", "companies:opening_edit")
        return {"pk": (opening if by_opening else company).pk}
    if url.name.startswith("programmes:part_"):
        return _programme_part_kwargs(url)
    if url.name.startswith("programmes:"):
        return {"pk": _programme_kwarg(url.name, citizen, people)}
    if url.name.startswith("goals:"):
        from jobbro.programmes.models import AMBASSADOR_PROJECT
        from jobbro.programmes.tests.factories import shipped_programme

        return {"pk": shipped_programme(AMBASSADOR_PROJECT).pk}
    if url.name.startswith("meetings:"):
        return {"pk": _meeting_kwarg(people)}
    raise AssertionError(f"{url.name} takes {url.params}: say in _kwargs what to fill in")


M = TypeVar("M", bound=models.Model)


def _first(rows: "models.QuerySet[M]") -> M:
    """The first row, or a clear failure when the test data has none."""
    found = rows.first()
    assert found is not None, f"the test data has no {rows.model.__name__} for this URL"
    return found


def _erasure_kwarg(citizen) -> int:
    """A pending decision about the citizen's case (the rules may have been flushed)."""
    from django.utils import timezone

    from jobbro.erasure.models import ErasureDecision, RetentionRule
    from jobbro.erasure.shipped import RULES

    rule, _ = RetentionRule.objects.get_or_create(kind="case_file", defaults=RULES[0])
    decision, _ = ErasureDecision.objects.get_or_create(
        rule=rule, citizen_id=citizen.pk, defaults={"due_since": timezone.localdate()}
    )
    return decision.pk


def _placement_kwarg(name: str, citizen) -> int:
    """The pk a placements URL takes: the citizen's, or a placement, follow-up or acute
    issue of theirs."""
    if name == "placements:create":
        return citizen.pk
    if name == "placements:follow_up_record":
        return _first(FollowUp.objects.filter(placement__citizen=citizen)).pk
    if name == "placements:acute_answer":
        return _first(AcuteIssue.objects.filter(placement__citizen=citizen)).pk
    return _first(Placement.objects.filter(citizen=citizen)).pk


def _assessment_kwarg(name: str, citizen) -> int:
    """The pk an assessments URL takes: the citizen's, or an assessment, placement or
    instrument of theirs."""
    from django.apps import apps
    from django.utils import timezone

    from jobbro.assessments.models import Assessment, Instrument
    from jobbro.assessments.shipped import ship

    if name in ("assessments:citizen", "assessments:create"):
        return citizen.pk
    if not Instrument.objects.exists():
        ship(apps)  # a transactional test before this one flushed the data migration
    instrument = _first(Instrument.objects.order_by("pk"))
    if name == "assessments:instrument_edit":
        return instrument.pk
    if name == "assessments:placement":
        placement = Placement.objects.filter(citizen=citizen).first()
        if placement is None:
            placement = Placement.objects.create(
                citizen=citizen, kind="internship", starts_on=timezone.localdate()
            )
        return placement.pk
    assert instrument.current is not None, "the shipped instrument has a version"
    assessment, _created = Assessment.objects.get_or_create(
        citizen=citizen,
        defaults={"version": instrument.current, "assessed_on": timezone.localdate()},
    )
    return assessment.pk


def _buddy_kwarg(name: str, citizen, people, placement=None) -> int:
    """The pk a language-buddy URL takes: a placement of the citizen's, or a buddy on it."""
    from jobbro.mentoring.models import LanguageBuddy

    placement = placement or _first(Placement.objects.filter(citizen=citizen).order_by("pk"))
    if name == "mentoring:buddies":
        return placement.pk
    return LanguageBuddy.objects.get_or_create(
        placement=placement,
        defaults={
            "name": "Testkollega Nord",
            "started_on": placement.starts_on,
            "created_by": people["alice"],
        },
    )[0].pk


def _mentor_kwarg(name: str, citizen, people) -> int:
    """The pk a mentors URL takes: a mentor (mads's login), the citizen, or an agreed match
    of the citizen with that mentor."""
    from django.utils import timezone

    from jobbro.mentoring.models import Mentor, MentorMatch

    mentor, _ = Mentor.objects.get_or_create(
        user=people["mads"],
        defaults={"name": "Testmentor Syd", "kind": "volunteer", "created_by": people["alice"]},
    )
    if name == "mentors:edit":
        return mentor.pk
    if name == "mentors:citizen":
        return citizen.pk
    today = timezone.localdate()
    match, _ = MentorMatch.objects.get_or_create(
        citizen=citizen,
        status="agreed",
        defaults={
            "mentor": mentor,
            "proposed_on": today,
            "proposed_by": people["alice"],
            "mentor_answer": "yes",
            "citizen_answer": "yes",
            "started_on": today,
        },
    )
    return match.pk


def _screening_kwarg(name: str, citizen, people) -> int:
    """The pk a screening URL takes: the citizen's, a screening of theirs, or a colleague's
    named access to it (bob's: he plays no role in the rows)."""
    import datetime as dt

    from jobbro.screening.models import NamedAccess, Screening

    if name == "screening:referral":
        return Screening.objects.get_or_create(
            citizen=citizen,
            defaults={
                "screened_on": dt.date(2026, 3, 2),
                "screened_by": people["alice"],
                "tool": "identification",
                "indication": "moderate",
            },
        )[0].pk
    if name == "screening:access_end":
        return NamedAccess.objects.get_or_create(
            citizen=citizen,
            user=people["bob"],
            ended_at=None,
            defaults={"reason": "Screener borgeren", "named_by": people["alice"]},
        )[0].pk
    return citizen.pk


def _sanction_attachment(citizen, people):
    """A file (stored, so a download works) with documentation in a case about the citizen."""
    import datetime as dt

    from jobbro.attendance.models import SanctionAttachment, SanctionCase
    from jobbro.journal import attachments
    from jobbro.journal.tests.factories import PDF_BYTES

    case, _created = SanctionCase.objects.get_or_create(
        citizen=citizen, defaults={"summary": "Ulovligt fravær", "opened_by": people["alice"]}
    )
    document = case.documents.create(
        source="doctor", received_on=dt.date(2026, 3, 2), text="Erklæring", added_by=people["alice"]
    )
    return SanctionAttachment.objects.create(
        document=document,
        name="erklaering.pdf",
        content_type=attachments.PDF,
        size=len(PDF_BYTES),
        sha256="0" * 64,
        stored_as=attachments.store(PDF_BYTES),
        uploaded_by=people["alice"],
    )


def _attendance_kwarg(name: str, citizen, people) -> int:
    """The pk an attendance URL takes: the citizen's, or a language school day of theirs."""
    import datetime as dt

    from jobbro.attendance.models import LanguageSchoolDay

    if name in (
        "attendance:session",
        "attendance:tap",
        "attendance:cohort",
        "attendance:cohort_ics",
    ):
        session = _taught_session(citizen, people)
        return session.cohort_id if "cohort" in name else session.pk
    if name in ("attendance:sanction", "attendance:sanction_step", "attendance:hearing_letter"):
        from jobbro.attendance.models import SanctionCase

        case, _created = SanctionCase.objects.get_or_create(
            citizen=citizen, defaults={"summary": "Ulovligt fravær", "opened_by": people["alice"]}
        )
        return case.pk
    if name == "attendance:sanction_attachment":
        return _sanction_attachment(citizen, people).pk
    if name == "attendance:language_day_end":
        day, _created = LanguageSchoolDay.objects.get_or_create(
            citizen=citizen,
            defaults={
                "weekday": 1,
                "starts_at": dt.time(8, 30),
                "ends_at": dt.time(12),
                "school": "Sprogcenter Midt",
                "valid_from": dt.date(2026, 1, 1),
                "created_by": people["alice"],
            },
        )
        return day.pk
    return citizen.pk


def _taught_session(citizen, people):
    """A session today of a cohort tove teaches, with the citizen enrolled in it."""
    from django.utils import timezone

    from jobbro.attendance.models import Session
    from jobbro.attendance.tests.factories import enrol, make_cohort

    session = Session.objects.filter(cohort__teachers=people["tove"]).first()
    if session is None:
        cohort = make_cohort(people["tove"])
        enrol(cohort, citizen)
        today = timezone.localdate()
        session = Session.objects.create(
            cohort=cohort,
            on=today,
            starts_at=dt_time(9),
            ends_at=dt_time(12),
            title="Undervisning",
        )
    return session


def _journal_kwarg(name: str, citizen) -> int:
    """The pk a journal URL takes: the citizen's, their written note (by their case worker,
    about their placement), its attachment, or their planned conversation."""
    from jobbro.journal.models import Attachment, JournalNote, NoteStatus

    if name in ("journal:citizen", "journal:create", "journal:plan"):
        return citizen.pk
    if not JournalNote.objects.filter(citizen=citizen).exists():  # a test without the world
        _journal(citizen, Placement.objects.filter(citizen=citizen).first())
    if name == "journal:attachment":
        return _first(Attachment.objects.filter(note__citizen=citizen)).pk
    status = NoteStatus.PLANNED if name in ("journal:record", "journal:cancel") else "recorded"
    return _first(JournalNote.objects.filter(citizen=citizen, status=status)).pk


def _journal(citizen, placement):
    """A written note with an attachment and a planned conversation, both by the citizen's
    case worker and about their placement."""
    from jobbro.journal.tests.factories import make_note, make_planned, pdf_upload

    author = citizen.case_worker
    make_note(citizen, author, placement=placement, files=[pdf_upload()])
    make_planned(citizen, author, placement=placement)


def _matching_kwarg(name: str, citizen, user, people) -> int:
    """The pk a matching URL takes: the citizen's, the job bank's opening, a suggestion of
    that opening for the citizen shown to this user, or a row of the distance table."""
    from jobbro.matching.models import ProposalRun, Suggestion, TravelTime

    _company, opening = _job_bank(people)
    if name in MATCHING_ABOUT_ONE:
        return citizen.pk
    if name == "matching:opening":
        return opening.pk
    if name == "matching:proposal":
        return ProposalRun.objects.create(created_by=user or people["amir"]).pk
    if name == "matching:decide":
        shown_to = user or people["amir"]
        return Suggestion.objects.create(
            citizen=citizen,
            opening=opening,
            score=50,
            rank=1,
            shown_in="citizen",
            shown_to=shown_to,
        ).pk
    return _first(TravelTime.objects.order_by("pk")).pk


def _programme_kwarg(name: str, citizen, people) -> int:
    """The pk a programmes URL takes: the citizen's, their cohort enrolment or its cohort, or
    Najah."""
    from jobbro.programmes.models import Enrolment
    from jobbro.programmes.tests.factories import enrol, make_cohort, shipped_programme

    if name == "programmes:enrol":
        return citizen.pk
    enrolment = Enrolment.objects.filter(citizen=citizen, cohort__isnull=False).first()
    if enrolment is None:  # a test without this module's world (the forms' fuzz)
        enrolment = enrol(citizen, make_cohort("najah", "Najah 3", teachers=[people["tove"]]))
    if name == "programmes:enrolment_end":
        return enrolment.pk
    if name in ("programmes:cohort", "programmes:cohort_edit"):
        assert enrolment.cohort_id is not None
        return enrolment.cohort_id
    return shipped_programme("najah").pk


def _programme_part_kwargs(url: Url) -> dict:
    """Najah and its first cost line (a row of its description)."""
    from jobbro.programmes.tests.factories import shipped_programme

    najah = shipped_programme("najah")
    kwargs = {"pk": najah.pk, "part": "oekonomi"}
    if "row" in url.params:
        kwargs["row"] = _first(najah.cost_lines.order_by("pk")).pk
    return kwargs


def _meeting_kwarg(people) -> int:
    """A meeting held by amir with its agenda (made the first time a row asks)."""
    from django.utils import timezone

    from jobbro.meetings.models import Meeting
    from jobbro.meetings.services import meeting_create

    meeting = Meeting.objects.order_by("pk").first()
    if meeting is None:
        meeting = meeting_create(
            held_on=timezone.localdate(),
            title="Koordinationsmøde",
            participants="",
            by=people["amir"],
        )
    return meeting.pk


def _programmes(people, citizens):
    """Fatima in Najah 3, taught by tove; omar in "De internationale 2" (no teacher)."""
    from jobbro.programmes.tests.factories import enrol, make_cohort

    enrol(citizens["fatima"], make_cohort("najah", "Najah 3", teachers=[people["tove"]]))
    enrol(citizens["omar"], make_cohort("de-internationale", "De internationale 2"))


def _job_bank(people):
    """A company with konrad as key account and an internship opening (made with the world)."""
    company, _ = Company.objects.get_or_create(
        cvr="29189587",
        defaults={"name": "Testfirma ApS", "sector": "private", "key_account": people["konrad"]},
    )
    opening, _ = Opening.objects.get_or_create(
        company=company, kind=OpeningKind.INTERNSHIP, defaults={"title": "Køkkenmedhjælper"}
    )
    return company, opening


@dataclass(frozen=True)
class World:
    people: dict
    citizens: dict
    placed: dict


# Each user's session in the module's world, by user pk: a request sends its cookie instead
# of logging in again (a login writes a session and the user's last login).
_SESSIONS: dict[int, str] = {}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Everything the rows request, built once for the module: the people and citizens of
    jobbro/conftest.py, each user logged in once; fatima in an internship at konrad's company
    and omar at another, each with a plan, an open follow-up, an acute issue, a retention plan
    and an assessment; and the job bank's company and opening. Each test runs in a savepoint
    inside this module's transaction (pytest-django's `db`), so what a test writes is rolled
    back after it, and the whole world when the module ends."""
    from jobbro.conftest import make_citizens, make_people, make_teams
    from jobbro.placements.tests.factories import place_with_everything

    with django_db_blocker.unblock(), transaction.atomic():
        people = make_people(make_teams())
        citizens = make_citizens(people)
        placed = {
            "fatima": place_with_everything(
                citizens["fatima"], people, key_account=people["konrad"]
            ),
            "omar": place_with_everything(citizens["omar"], people, key_account=None),
        }
        _job_bank(people)
        _programmes(people, citizens)
        for name in placed:
            _assessment_kwarg("assessments:detail", citizens[name])
            _journal(citizens[name], placed[name])
        for user in people.values():
            client = Client()
            client.force_login(user)
            _SESSIONS[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value
        world_built()
        yield World(people, citizens, placed)
        _SESSIONS.clear()
        transaction.set_rollback(True)


def _fresh(objects: dict) -> dict:
    """Copies of the world's objects for one test (their fields, not their related objects),
    so that a test that changes one in memory leaves the next test's alone."""
    return {name: copy.copy(obj) for name, obj in objects.items()}


@pytest.fixture
def people(db, world):
    return _fresh(world.people)


@pytest.fixture
def citizens(db, world):
    return _fresh(world.citizens)


@pytest.fixture
def placed(db, world):
    return _fresh(world.placed)


@pytest.fixture(autouse=True, scope="module")
def cheap_pdfs():
    """WeasyPrint takes a quarter of a second per PDF; the matrix only asks who gets one, so
    the template is rendered but not made into a PDF. The documents', assessments' and
    placements' tests read real PDFs."""
    from django.template.loader import render_to_string

    from jobbro import documents

    def render_pdf(request, template, context, *, title, lang=None):
        render_to_string(template, {**context, "document": {"title": title}}, request)
        return b"%PDF-1.7 (not rendered in the permission matrix)"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(documents, "render_pdf", render_pdf)
        yield


_REAL_ERROR_PAGE = errors._page


@pytest.fixture(autouse=True, scope="module")
def cheap_error_pages():
    """A refused row is answered by jobbro/front/errors.py's 403 or 404 page: base.html with
    the navigation, the most expensive part of a refused request (about 7 ms). The rows ask
    only for the status, so here the page is a short text with the same status, made by the
    same handler from the same exception; `test_a_refused_request_gets_the_error_page`
    renders the real pages once for every subject, and front/tests/test_error_pages.py
    checks what they say."""

    def page(request, template, status, **context):
        return HttpResponse(f"{template} (not rendered in the permission matrix)", status=status)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(errors, "_page", page)
        yield


def outcome(response, citizen) -> str:
    """What the response amounts to, as one of OUTCOMES, or a description of the surprise."""
    status = response.status_code
    if status == 200:
        return ALLOW
    if status in (403, 404):
        return DENY
    if status == 302:
        location = urlsplit(response["Location"]).path
        if location == reverse("accounts:login"):
            return LOGIN
        match = resolve(location)
        if match.view_name == "citizens:reason":
            if match.kwargs.get("pk") == citizen.pk:
                return REASON
            return f"302 to the reason page of another citizen ({location})"
        return ALLOW
    if status == 405:
        return "405: the view refuses this method; _methods did not see what it accepts"
    return f"HTTP {status}"


def request_as(client, people, subject, url: Url, citizen):
    user = _user(people, subject)
    if user is not None and user.pk in _SESSIONS:
        client.cookies[settings.SESSION_COOKIE_NAME] = _SESSIONS[user.pk]
    elif user is not None:
        client.force_login(user)
    path = reverse(url.name, kwargs=_kwargs(url, citizen, user, people))
    return client.post(path) if url.method == "POST" else client.get(path)


def _cases(matrix, citizen_name):
    for name, row in matrix.items():
        for subject in SUBJECTS:
            expected = row.get(subject)
            question = QUESTIONED.get((citizen_name, name, subject))
            marks = (
                [pytest.mark.xfail(strict=True, raises=AssertionError, reason=question)]
                if question
                else []
            )
            yield pytest.param(name, subject, expected, id=f"{name}-{subject}", marks=marks)


def test_every_url_has_a_row():
    found, rows = set(URLS), set(MATRIX)
    assert found == rows, (
        f"URL names without a row: {sorted(found - rows)}: add a row to MATRIX. "
        f"Rows for URL names that do not exist: {sorted(rows - found)}."
    )


def test_every_citizen_url_has_an_outside_row():
    assert set(CITIZEN_URLS) == set(OUTSIDE), (
        f"Citizen URLs without a row for a citizen outside the context: "
        f"{sorted(set(CITIZEN_URLS) - set(OUTSIDE))}: add a row to OUTSIDE. "
        f"Rows for URL names that do not exist: {sorted(set(OUTSIDE) - set(CITIZEN_URLS))}."
    )


@pytest.mark.parametrize("matrix", [MATRIX, OUTSIDE], ids=["MATRIX", "OUTSIDE"])
def test_every_row_decides_for_every_subject(matrix):
    for name, row in matrix.items():
        assert set(row) == set(SUBJECTS), f"{name}: the row must name exactly {SUBJECTS}"
        assert set(row.values()) <= set(OUTCOMES), f"{name}: unknown outcome in {row}"
    for (_citizen, name, subject), _why in QUESTIONED.items():
        assert subject in SUBJECTS and (name in MATRIX or name in OUTSIDE)


def test_role_users_cover_every_role(people):
    for role in Role.values:
        assert people[ROLE_USERS[role]].role == role


def _check(client, people, citizens, citizen_name, name, subject, expected):
    citizen = citizens[citizen_name]
    url = URLS[name]
    response = request_as(client, people, subject, url, citizen)
    got = outcome(response, citizen)
    location = response.get("Location", "")
    assert got == expected, (
        f"{url.method} {name} as {subject} with {citizen_name}: expected {expected}, got {got} "
        f"(HTTP {response.status_code}{' -> ' + location if location else ''})"
    )
    if got != ALLOW:
        # Nothing seen, nothing to log: a refused or redirected request leaves no entry.
        assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize(("name", "subject", "expected"), list(_cases(MATRIX, "fatima")))
def test_matrix(client, people, citizens, placed, name, subject, expected):
    _check(client, people, citizens, "fatima", name, subject, expected)


@pytest.mark.parametrize(("name", "subject", "expected"), list(_cases(OUTSIDE, "omar")))
def test_outside_context(client, people, citizens, placed, name, subject, expected):
    _check(client, people, citizens, "omar", name, subject, expected)


def _refused_get(subject: str) -> str:
    """A URL without parameters that MATRIX refuses `subject`."""
    return next(
        name
        for name, row in MATRIX.items()
        if row[subject] == DENY and URLS[name].method == "GET" and not URLS[name].params
    )


@pytest.mark.parametrize("subject", SUBJECTS[1:])
def test_a_refused_request_gets_the_error_page(client, people, monkeypatch, subject):
    """The real 403 and 404 pages, which the rows replace by their status, for every
    subject (the navigation in them differs by role)."""
    monkeypatch.setattr(errors, "_page", _REAL_ERROR_PAGE)
    client.cookies[settings.SESSION_COOKIE_NAME] = _SESSIONS[_user(people, subject).pk]
    refused = client.get(reverse(_refused_get(subject)))
    assert refused.status_code == 403
    assert "<h1>Du har ikke adgang til siden</h1>" in refused.content.decode()
    missing = client.get("/findes-ikke/")
    assert missing.status_code == 404
    assert "<h1>Siden findes ikke</h1>" in missing.content.decode()


def test_logout_ends_the_session(client, people):
    client.force_login(people["alice"])
    client.post(reverse("accounts:logout"))
    response = client.get(reverse("front:home"))
    assert outcome(response, None) == LOGIN


def _logged_page_cases():
    """(url name, subject, how): every allowed GET of a page about one citizen."""
    for name in CITIZEN_URLS:
        if URLS[name].method != "GET" or name in NOT_PERSONAL:
            continue
        for subject in SUBJECTS:
            if MATRIX.get(name, {}).get(subject) == ALLOW:
                yield pytest.param(name, subject, "context", id=f"{name}-{subject}-context")
            if OUTSIDE.get(name, {}).get(subject) == REASON:
                yield pytest.param(name, subject, "reason", id=f"{name}-{subject}-reason")


STATED_REASON = "Borgeren har henvendt sig i åben rådgivning."


@pytest.mark.parametrize(("name", "subject", "how"), list(_logged_page_cases()))
def test_allowed_citizen_pages_write_the_access_log(
    client, people, citizens, placed, name, subject, how
):
    user = _user(people, subject)
    citizen = citizens["fatima"] if how == "context" else citizens["omar"]
    if how == "reason":
        access.grant_access(user, citizen, STATED_REASON)
    response = request_as(client, people, subject, URLS[name], citizen)
    assert response.status_code == 200, f"{name} as {subject}: HTTP {response.status_code}"
    entries = AccessLogEntry.objects.filter(citizen_id=citizen.pk, user=user)
    assert entries.exists(), f"GET {name} as {subject} showed {citizen} without logging it"
    if how == "reason":
        assert set(entries.values_list("purpose", "reason")) == {(Purpose.STATED, STATED_REASON)}


# Pages that list citizens, and where their context keeps the citizens shown.
CITIZEN_LISTS = {
    "citizens:list": "page",
    "citizens:awaiting": "page",
    "citizens:mentees": "citizens",
    "citizens:unmatched": "page",
    "law:first_offers": "page",
}


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        pytest.param(name, subject, id=f"{name}-{subject}")
        for name in CITIZEN_LISTS
        for subject in SUBJECTS
        if MATRIX[name][subject] == ALLOW
    ],
)
def test_allowed_citizen_lists_log_every_citizen_shown(client, people, citizens, name, subject):
    user = _user(people, subject)
    response = request_as(client, people, subject, URLS[name], None)
    assert response.status_code == 200
    shown = response.context[CITIZEN_LISTS[name]]
    shown = {c.pk for c in getattr(shown, "object_list", shown)}
    logged = set(AccessLogEntry.objects.filter(user=user).values_list("citizen_id", flat=True))
    assert logged == shown, f"{name} as {subject}: shown {shown}, logged {logged}"


def test_a_second_administrator_cannot_act_as_a_user_and_leaves_a_trace(client, people):
    """Issue 7: an administrator could create a case worker, or set another user's
    password, and log in as them, and nothing recorded it. Now ada (one administrator)
    never chooses a password, not even eve's (another administrator), cannot change her
    own role, and every change she makes is in the administration log."""
    from django.contrib.auth import authenticate
    from django.http import HttpRequest
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from jobbro.accounts.models import AdminAction, AdminLogEntry, User
    from jobbro.conftest import PASSWORD, make_user

    ada = people["ada"]
    eve = make_user("eve", Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=eve, name="app", confirmed=True)
    chosen = "ada-valgte-denne-kode"
    client.force_login(ada)
    new = {"username": "ny", "role": Role.CASE_WORKER, "is_active": "on", "password": chosen}
    assert client.post(reverse("accounts:user_create"), new).status_code == 200
    edit_eve = {"username": "eve", "role": Role.ADMINISTRATOR, "is_active": "on", "version": "1"}
    client.post(
        reverse("accounts:user_edit", kwargs={"pk": eve.pk}), edit_eve | {"password": chosen}
    )
    client.post(reverse("accounts:user_mfa_reset", kwargs={"pk": eve.pk}))
    client.post(reverse("accounts:user_password_link", kwargs={"pk": eve.pk}))
    own = {"username": "ada", "role": Role.CASE_WORKER, "is_active": "on", "version": "1"}
    client.post(reverse("accounts:user_edit", kwargs={"pk": ada.pk}), own)

    assert User.objects.get(pk=ada.pk).role == Role.ADMINISTRATOR
    for username in ("ny", "eve"):
        for password in (chosen, PASSWORD):
            assert authenticate(HttpRequest(), username=username, password=password) is None
    assert not TOTPDevice.objects.filter(user=eve).exists()
    logged = list(
        AdminLogEntry.objects.order_by("id").values_list(
            "actor__username", "action", "subject__username"
        )
    )
    assert logged == [
        ("ada", AdminAction.USER_CREATE, "ny"),
        ("ada", AdminAction.PASSWORD_LINK, "ny"),
        ("ada", AdminAction.USER_CHANGE, "eve"),  # her first name, and not her password
        ("ada", AdminAction.MFA_RESET, "eve"),
        ("ada", AdminAction.PASSWORD_LINK, "eve"),
    ]


# Holes that must not come back (issue 7, item 2 and 9). ------------------------------------

SICK_LEAVE = "Sygemeldt i to uger efter aftale med lægen."


@pytest.fixture
def elsewhere(people, citizens, placed):
    """Fatima's second placement, at a company whose key account is another consultant (kim),
    with a follow-up about sick leave on her timeline and an assessment made in it; and yonas
    (bob's) in a cancelled placement at konrad's company and nowhere else."""
    from django.utils import timezone

    from jobbro.assessments.models import Assessment, Instrument
    from jobbro.conftest import make_user
    from jobbro.placements import services
    from jobbro.placements.models import PlacementStatus
    from jobbro.placements.tests.factories import (
        make_company,
        make_placement,
        place_with_everything,
    )

    kim = make_user("kim", Role.COMPANY_CONSULTANT)
    other = place_with_everything(citizens["fatima"], people, key_account=kim)
    services.follow_up_record(
        follow_up=other.follow_ups.get(done_on__isnull=True),
        done_on=timezone.localdate(),
        summary=SICK_LEAVE,
        by=people["amir"],
    )
    _assessment_kwarg("assessments:detail", citizens["omar"])  # ships the instruments if flushed
    instrument = Instrument.objects.order_by("pk").first()
    assessment = Assessment.objects.create(
        citizen=citizens["fatima"],
        version=instrument.current,
        placement=other,
        assessed_on=timezone.localdate(),
    )
    cancelled = make_placement(
        citizens["yonas"],
        make_company("Aflyst Praktik ApS", key_account=people["konrad"]),
        status=PlacementStatus.CANCELLED,
    )
    return {"other": other, "assessment": assessment, "cancelled": cancelled, "kim": kim}


# Every page about one placement, requested for fatima's placement at kim's company: konrad
# (key account of her other placement's company) is refused every one of them.
OTHER_READ = _row({"ambassador": ALLOW, "case_worker": ALLOW})
OTHER_COMPANY: dict[str, dict[str, str]] = {
    "placements:detail": OTHER_READ,
    "placements:plan_history": OTHER_READ,
    "placements:retention": OTHER_READ,
    "placements:retention_print": OTHER_READ,
    "placements:retention_pdf": OTHER_READ,
    "placements:edit": PLACEMENT_WORK,
    "placements:end": PLACEMENT_WORK,
    "placements:conversation": PLACEMENT_WORK,
    "placements:plan": PLACEMENT_WORK,
    "placements:acute_create": PLACEMENT_WORK,
    "placements:retention_entry": PLACEMENT_WORK,
    "placements:follow_up_record": PLACEMENT_WORK,
    "placements:acute_answer": PLACEMENT_WORK,
    # The progression pages of that placement, and the assessment made in it.
    "assessments:placement": OTHER_READ,
    "assessments:detail": OTHER_READ,
    "assessments:enter": OTHER_READ,
    "assessments:pdf": OTHER_READ,
    "assessments:self_score": OTHER_READ,
    "mentoring:buddies": OTHER_READ,
    "mentoring:buddy_end": PLACEMENT_WORK,
    "mentoring:diploma": OTHER_READ,
}
PLACEMENT_SCOPED = sorted(
    n
    for n, u in URLS.items()
    if n.startswith("placements:") and u.params == ("pk",) and n != "placements:create"
) + [
    "assessments:placement",
    "assessments:detail",
    "assessments:enter",
    "assessments:pdf",
    "assessments:self_score",
    *BUDDY_URLS,
]


def _other_kwargs(name: str, found) -> dict:
    placement = found["other"]
    if name == "placements:follow_up_record":
        return {"pk": placement.follow_ups.filter(done_on__isnull=True).first().pk}
    if name == "placements:acute_answer":
        return {"pk": placement.acute_issues.first().pk}
    if name.startswith("placements:") or name == "assessments:placement":
        return {"pk": placement.pk}
    if name.startswith("mentoring:"):
        alice = placement.citizen.case_worker  # fatima's
        return {"pk": _buddy_kwarg(name, None, {"alice": alice}, placement)}
    return {"pk": found["assessment"].pk}


def test_every_placement_page_has_a_row_for_another_companys_placement():
    assert set(PLACEMENT_SCOPED) == set(OTHER_COMPANY)


@pytest.mark.parametrize(("name", "subject", "expected"), list(_cases(OTHER_COMPANY, "fatima")))
def test_another_companys_placement(
    client, people, citizens, placed, elsewhere, name, subject, expected
):
    user = _user(people, subject)
    if user is not None:
        client.force_login(user)
    path = reverse(name, kwargs=_other_kwargs(name, elsewhere))
    response = client.post(path) if URLS[name].method == "POST" else client.get(path)
    got = outcome(response, citizens["fatima"])
    assert got == expected, f"{name} as {subject}: expected {expected}, got {got}"
    if got != ALLOW:
        assert not AccessLogEntry.objects.exists()


def test_the_case_file_shows_a_consultant_only_their_own_placements_events(
    client, people, citizens, placed, elsewhere
):
    from django.utils import timezone

    from jobbro.placements import services

    fatima, own = citizens["fatima"], placed["fatima"]
    services.follow_up_record(
        follow_up=own.follow_ups.get(done_on__isnull=True),
        done_on=timezone.localdate(),
        summary="Trives godt og møder til tiden.",
        by=people["amir"],
    )
    client.force_login(people["konrad"])
    response = client.get(reverse("citizens:detail", kwargs={"pk": fatima.pk}))
    assert response.status_code == 200
    events = list(response.context["events"])
    assert events, "the events of konrad's own placement are shown"
    assert {e.placement_id for e in events} == {own.pk}
    assert SICK_LEAVE not in response.content.decode()
    other = reverse("placements:detail", kwargs={"pk": elsewhere["other"].pk})
    assert other not in response.content.decode(), "nor the other company's placement"
    # Those who work with the case file see the whole timeline.
    client.force_login(people["alice"])
    response = client.get(reverse("citizens:detail", kwargs={"pk": fatima.pk}))
    assert SICK_LEAVE in response.content.decode()


def test_the_progression_page_shows_a_consultant_no_other_companys_assessment(
    client, people, citizens, placed, elsewhere
):
    client.force_login(people["konrad"])
    response = client.get(reverse("assessments:citizen", kwargs={"pk": citizens["fatima"].pk}))
    assert response.status_code == 200
    shown = {a.pk for s in response.context["series"] for a in s["s"].assessments}
    assert elsewhere["assessment"].pk not in shown
    response = client.get(reverse("assessments:index"))
    assert elsewhere["assessment"] not in response.context["page"].object_list
    client.force_login(people["alice"])
    response = client.get(reverse("assessments:index"))
    assert elsewhere["assessment"] in response.context["page"].object_list


@pytest.mark.parametrize("name", ["placements:list", "assessments:index", "assessments:stalled"])
def test_a_cancelled_placement_shows_the_citizen_in_no_list_of_the_consultant(
    client, people, citizens, placed, elsewhere, name
):
    yonas = citizens["yonas"]
    client.force_login(people["konrad"])
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert yonas.first_name not in response.content.decode()
    assert not AccessLogEntry.objects.filter(citizen_id=yonas.pk).exists()


@pytest.mark.parametrize("name", ["citizens:detail", "citizens:access_log", "assessments:citizen"])
def test_a_cancelled_placement_opens_no_case_file_to_the_consultant(
    client, people, citizens, placed, elsewhere, name
):
    client.force_login(people["konrad"])
    response = client.get(reverse(name, kwargs={"pk": citizens["yonas"].pk}))
    assert outcome(response, citizens["yonas"]) == DENY
    path = reverse("placements:detail", kwargs={"pk": elsewhere["cancelled"].pk})
    assert outcome(client.get(path), citizens["yonas"]) == DENY
    assert not AccessLogEntry.objects.exists()


def test_a_cancelled_placement_is_not_on_the_consultants_case_file(
    client, people, citizens, placed
):
    from jobbro.placements.models import PlacementStatus
    from jobbro.placements.tests.factories import make_placement

    fatima = citizens["fatima"]
    cancelled = make_placement(
        fatima, placed["fatima"].company, status=PlacementStatus.CANCELLED, note="Aflyst"
    )
    client.force_login(people["konrad"])
    response = client.get(reverse("citizens:detail", kwargs={"pk": fatima.pk}))
    assert reverse("placements:detail", kwargs={"pk": cancelled.pk}) not in (
        response.content.decode()
    )
    path = reverse("placements:detail", kwargs={"pk": cancelled.pk})
    assert outcome(client.get(path), fatima) == DENY


# With a stated reason for omar (outside their context) a case worker and an ambassador read;
# every change and export is refused. Subjects who may not state a reason are in OUTSIDE.
STATED_READ = {"case_worker": ALLOW, "ambassador": ALLOW}
STATED_REFUSED = {"case_worker": DENY, "ambassador": DENY}
STATED: dict[str, dict[str, str]] = {
    "citizens:detail": STATED_READ,
    "citizens:access_log": STATED_READ,
    # Sent straight on to the case file.
    "citizens:reason": STATED_READ,
    "citizens:edit": STATED_REFUSED,
    "citizens:start_effort": STATED_REFUSED,
    "citizens:export": STATED_REFUSED,
    "citizens:languages": STATED_REFUSED,
    "citizens:language_remove": STATED_REFUSED,
    "citizens:unmatched_clear": STATED_REFUSED,
    "citizens:export_pdf": STATED_REFUSED,
    "citizens:export_zip": STATED_REFUSED,
    "law:citizen_benefits": STATED_READ,
    "placements:detail": STATED_READ,
    "placements:plan_history": STATED_READ,
    "placements:retention": STATED_READ,
    "placements:retention_print": STATED_REFUSED,
    "placements:retention_pdf": STATED_REFUSED,
    "placements:create": STATED_REFUSED,
    "placements:edit": STATED_REFUSED,
    "placements:end": STATED_REFUSED,
    "placements:conversation": STATED_REFUSED,
    "placements:plan": STATED_REFUSED,
    "placements:acute_create": STATED_REFUSED,
    "placements:retention_entry": STATED_REFUSED,
    "placements:follow_up_record": STATED_REFUSED,
    "placements:acute_answer": STATED_REFUSED,
    "assessments:citizen": STATED_READ,
    "assessments:detail": STATED_READ,
    "assessments:placement": STATED_READ,
    "assessments:create": STATED_REFUSED,
    "assessments:enter": STATED_REFUSED,
    "assessments:pdf": STATED_REFUSED,
    "assessments:self_score": STATED_REFUSED,
    "journal:citizen": STATED_READ,
    "journal:detail": STATED_READ,
    "journal:create": STATED_REFUSED,
    "journal:plan": STATED_REFUSED,
    "journal:edit": STATED_REFUSED,
    "journal:record": STATED_REFUSED,
    "journal:cancel": STATED_REFUSED,
    "journal:attachment": STATED_REFUSED,
    # Matching is for one's own context: a stated reason opens the case file, not matching.
    "matching:citizen": STATED_REFUSED,
    "matching:profile": STATED_REFUSED,
    **dict.fromkeys(CASE_URLS, STATED_REFUSED),
    # The cohort opens (it is not omar's page), but lists only the user's own context: a
    # stated reason for omar does not put him on it, so nothing about him is shown or logged.
    "programmes:cohort": STATED_READ,
    "programmes:enrol": STATED_REFUSED,
    "programmes:enrolment_end": STATED_REFUSED,
}
# Pages a stated reason opens that show nothing of that citizen.
STATED_SHOWS_NOTHING = ("citizens:reason", "programmes:cohort")


STATED.update(dict.fromkeys(SCREENING_ABOUT_ONE, STATED_REFUSED))
STATED.update(
    {
        "mentoring:buddies": STATED_READ,
        "mentoring:buddy_end": STATED_REFUSED,
        "mentoring:diploma": STATED_REFUSED,
    }
)
STATED.update(
    {
        "attendance:week": STATED_READ,
        "attendance:obligation": STATED_READ,
        "attendance:language_days": STATED_READ,
        "attendance:language_day_end": STATED_REFUSED,
        "attendance:citizen_ics": STATED_REFUSED,
        "attendance:sanction_create": STATED_REFUSED,
        "attendance:sanction": {"case_worker": ALLOW, "ambassador": DENY},
        "attendance:sanction_step": STATED_REFUSED,
        "attendance:hearing_letter": STATED_REFUSED,
        "attendance:sanction_attachment": STATED_REFUSED,
    }
)

# Mentor matches on a stated reason: read; proposing, answering, ending and meetings refused.
STATED.update(
    {
        "mentors:citizen": STATED_READ,
        "mentors:match": STATED_READ,
        "mentors:answer": STATED_REFUSED,
        "mentors:end": STATED_REFUSED,
        "mentors:meeting": STATED_REFUSED,
    }
)


def test_every_citizen_url_has_a_stated_reason_row():
    assert set(STATED) == set(OUTSIDE)


@pytest.mark.parametrize(
    ("name", "subject", "expected"),
    [
        pytest.param(name, subject, expected, id=f"{name}-{subject}")
        for name, row in STATED.items()
        for subject, expected in row.items()
    ],
)
def test_a_stated_reason_opens_for_reading_only(
    client, people, citizens, placed, name, subject, expected
):
    user, omar = _user(people, subject), citizens["omar"]
    access.grant_access(user, omar, STATED_REASON)
    response = request_as(client, people, subject, URLS[name], omar)
    got = outcome(response, omar)
    assert got == expected, f"{name} as {subject} with a stated reason: expected {expected}"
    entries = AccessLogEntry.objects.filter(citizen_id=omar.pk)
    if got == DENY:
        assert not entries.exists()
    elif name in STATED_SHOWS_NOTHING:
        assert not entries.exclude(purpose=Purpose.STATED).exists()
    else:
        assert set(entries.values_list("purpose", "reason")) == {(Purpose.STATED, STATED_REASON)}
