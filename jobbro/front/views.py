from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.citizens import access as citizen_access
from jobbro.citizens.models import Citizen, Gender, Readiness
from jobbro.front import inbox
from jobbro.lib.aggregates import SMALLEST_GROUP, fold_small_groups, is_small


def home(request):
    """Each role's front page is its inbox: what needs doing today, most urgent first
    (front/inbox.py), each item one click from its action."""
    user = request.user
    groups = inbox.groups_for(user)
    citizen_access.log_list(request, inbox.citizen_ids(groups))
    ctx = {"groups": groups, "today": timezone.localdate()}
    if user.role == Role.MANAGER:
        ctx["numbers"] = inbox.team_numbers(user)
    elif user.role == Role.ADMINISTRATOR:
        ctx["numbers"] = inbox.admin_numbers()
    elif user.role == Role.MENTOR:
        ctx["mentees"] = citizen_access.citizens_for(user).order_by("last_name", "first_name")[:50]
        citizen_access.log_list(request, [c.pk for c in ctx["mentees"]])
    if user.role == Role.COMPANY_CONSULTANT:
        from jobbro.companies.models import Company, Opening

        ctx["key_accounts"] = Company.objects.filter(key_account=user).count()
        ctx["free_places"] = Opening.objects.free_now().filter(company__key_account=user).count()
    return render(request, "front/home.html", ctx)


def _breakdown(qs, field, choices=None, most=None):
    """Counts per value, largest first; small groups are folded into one "others" row."""
    rows = qs.values(field).annotate(n=Count("id")).order_by("-n", field)
    labels = dict(choices or [])
    shown, rest = fold_small_groups(
        ((labels.get(r[field], r[field]) or _("Ikke angivet"), r["n"]) for r in rows),
        size=lambda n: n,
        most=most,
    )
    folded = sum(rest)
    if folded:
        count = _("under %(n)s") % {"n": SMALLEST_GROUP} if is_small(folded) else folded
        shown.append((_("Øvrige"), count))
    return shown


@role_required(Role.MANAGER, Role.ADMINISTRATOR)
def overview(request):
    """Aggregates only: managers see numbers, never persons (PRODUCT.md roles)."""
    citizens = Citizen.objects.all()
    ctx = {
        "total": citizens.count(),
        "awaiting": citizens.awaiting_effort().count(),
        "by_gender": _breakdown(citizens, "gender", Gender.choices),
        "by_readiness": _breakdown(citizens, "readiness", Readiness.choices),
        "by_nationality": _breakdown(citizens, "nationality", most=12),
        "by_arrival": _breakdown(citizens, "arrival", Citizen._meta.get_field("arrival").choices),
    }
    return render(request, "front/overview.html", ctx)


def healthz(request):
    Citizen.objects.exists()
    return HttpResponse("ok", content_type="text/plain")
