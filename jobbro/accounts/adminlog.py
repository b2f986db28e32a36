"""The administration log: every change of users, teams, access and benefit amounts, and
every lockout.

`log_admin` is the one way rows are written. Views call it in the request's transaction
(ATOMIC_REQUESTS), so a change is never committed without its row.
"""

from django.db.models import Q, QuerySet

from .models import AdminAction, AdminLogEntry, Role, User

# The fields of a user whose changes are recorded (their old and new value).
USER_FIELDS = ("username", "first_name", "last_name", "email", "role", "team", "is_active")


def _client_ip(request) -> str | None:
    from jobbro.audit.services import client_ip

    return client_ip(request) if request is not None else None


def log_admin(request, action: str, *, actor=None, **fields) -> AdminLogEntry:
    """Record `action`, done by request.user (or `actor` where there is no request)."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    return AdminLogEntry.objects.create(
        actor=actor,
        actor_role=getattr(actor, "role", ""),
        action=action,
        ip_address=_client_ip(request),
        **fields,
    )


def user_changes(before: dict, user: User) -> dict:
    """{field: [old, new]} for the recorded fields that differ from `before`."""
    after = user_snapshot(user)
    return {f: [before.get(f), after[f]] for f in USER_FIELDS if before.get(f) != after[f]}


def user_snapshot(user: User) -> dict:
    values = {f: getattr(user, f) for f in USER_FIELDS if f != "team"}
    values["team"] = str(user.team) if user.team_id else None
    return values


def log_grant(grant):
    """A stated-reason grant, for the user's manager to see (citizens/access.grant_access)."""
    AdminLogEntry.objects.create(
        actor=grant.user,
        actor_role=grant.user.role,
        action=AdminAction.GRANT,
        subject=grant.user,
        team_id=grant.user.team_id,
        citizen_id=grant.citizen_id,
        reason=grant.reason,
        until=grant.expires_at,
    )
    return grant


def users_overseen_by(user) -> QuerySet[User]:
    """The users whose log and grants this user sees: administrators everyone; a manager
    their team's users, or everyone when the manager has no team (the job centre's own)."""
    if user.role == Role.ADMINISTRATOR or (user.role == Role.MANAGER and not user.team_id):
        return User.objects.all()
    if user.role == Role.MANAGER:
        return User.objects.filter(team_id=user.team_id)
    return User.objects.none()


def entries_for(user) -> QuerySet[AdminLogEntry]:
    """The administration log this user may read."""
    entries = AdminLogEntry.objects.select_related("actor", "subject", "team")
    if user.role == Role.ADMINISTRATOR:
        return entries
    if user.role != Role.MANAGER:
        return entries.none()
    if not user.team_id:
        return entries
    overseen = users_overseen_by(user)
    return entries.filter(Q(subject__in=overseen) | Q(actor__in=overseen) | Q(team_id=user.team_id))
