from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role
from jobbro.goals.access import READERS as GOALS_READERS
from jobbro.meetings.access import SEE_ROLES as MEETING_ROLES
from jobbro.practices.access import READERS as PRACTICE_READERS

# Navigation by capability: (label, url name, roles that see it). Who may open a page is the
# view's role_required; a menu may show fewer (case workers reach the barometer from a
# company, not from the menu). The permission matrix test checks every role on every page.
NAVIGATION = [
    (_("Forside"), "front:home", None),
    (_("Borgere"), "citizens:list", (Role.CASE_WORKER, Role.AMBASSADOR)),
    (_("96-timers-listen"), "citizens:awaiting", (Role.CASE_WORKER, Role.AMBASSADOR)),
    (_("Mine mentees"), "citizens:mentees", (Role.MENTOR,)),
    (_("Overdragelser"), "cases:transfers", (Role.CASE_WORKER,)),
    (
        _("Forløb"),
        "placements:list",
        (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT),
    ),
    (_("Opfølgninger"), "placements:follow_ups", (Role.AMBASSADOR, Role.CASE_WORKER)),
    (_("Kan rykke op"), "placements:move_up", (Role.CASE_WORKER, Role.AMBASSADOR)),
    (_("Under timetallet"), "attendance:below_hours", (Role.CASE_WORKER, Role.AMBASSADOR)),
    (_("Lavt fremmøde"), "attendance:low_attendance", (Role.CASE_WORKER, Role.AMBASSADOR)),
    (_("Sanktionssager"), "attendance:sanctions", (Role.CASE_WORKER,)),
    (_("Mødegange"), "attendance:sessions", (Role.TEACHER,)),
    (_("Overskredne svarfrister"), "placements:acute_breaches", (Role.MANAGER,)),
    (
        _("Virksomheder"),
        "companies:list",
        (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT),
    ),
    (
        _("Ledig kapacitet"),
        "companies:capacity",
        (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT),
    ),
    (
        _("Efterspørgsel"),
        "companies:demand",
        (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.MANAGER),
    ),
    (
        _("Jobbarometer"),
        "companies:barometer",
        (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.MANAGER),
    ),
    (
        _("Progression"),
        "assessments:index",
        (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT),
    ),
    (
        _("Matchning"),
        "matching:list",
        (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.CASE_WORKER),
    ),
    (_("Mentorer"), "mentors:list", (Role.AMBASSADOR, Role.CASE_WORKER)),
    (
        _("Indsatser"),
        "programmes:list",
        (Role.CASE_WORKER, Role.AMBASSADOR, Role.MANAGER),
    ),
    (_("Mine hold"), "programmes:cohorts", (Role.TEACHER,)),
    (_("Progression i tal"), "assessments:measures", (Role.MANAGER, Role.ADMINISTRATOR)),
    (_("Værktøjer"), "assessments:instruments", (Role.ADMINISTRATOR,)),
    (_("Matchningens vægte"), "matching:weights", (Role.ADMINISTRATOR,)),
    (_("Matchning: evaluering"), "matching:evaluation", (Role.MANAGER,)),
    (
        _("Overblik"),
        "front:overview",
        (Role.MANAGER, Role.ADMINISTRATOR, Role.AMBASSADOR, Role.CASE_WORKER),
    ),
    (_("Mål og resultater"), "goals:index", GOALS_READERS),
    (_("Møder"), "meetings:list", MEETING_ROLES),
    (_("God praksis"), "practices:list", PRACTICE_READERS),
    (_("Adgangslog"), "audit:search", (Role.ADMINISTRATOR,)),
    (_("Sletning"), "erasure:decisions", (Role.ADMINISTRATOR,)),
    (_("Brugere"), "accounts:users", (Role.ADMINISTRATOR,)),
    (_("Administrationslog"), "accounts:admin_log", (Role.ADMINISTRATOR, Role.MANAGER)),
    (_("Begrundede adgange"), "accounts:grants", (Role.MANAGER,)),
]


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    nav_names = {name for _label, name, _roles in NAVIGATION}
    items = []
    for label, name, roles in NAVIGATION:
        if roles is None or user.role in roles:
            # A page outside the menu (a citizen's case file) lights up its app's list.
            app = name.split(":")[0]
            active = current == name or (
                name.endswith(":list")
                and current.startswith(app + ":")
                and current not in nav_names
            )
            items.append({"label": label, "url": reverse(name), "active": active})
    return {"nav_items": items}
