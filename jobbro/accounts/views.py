from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from jobbro.front.lists import paginate

from . import services
from .adminlog import entries_for, log_admin, user_changes, user_snapshot
from .decorators import role_required
from .forms import (
    AdminLogSearchForm,
    PasswordChangeForm,
    SetPasswordForm,
    TeamForm,
    TokenForm,
    UserForm,
)
from .lists import GrantListForm, UserListForm
from .models import AdminAction, Role, Team, User


@role_required(Role.ADMINISTRATOR)
def user_list(request):
    form = UserListForm(request.GET)
    users = form.apply(User.objects.select_related("team"))
    page = paginate(request, users, form, per_page=50).page
    return render(request, "accounts/users.html", {"form": form, "page": page})


@role_required(Role.ADMINISTRATOR)
def user_edit(request, pk=None):
    user = get_object_or_404(User, pk=pk) if pk else None
    before = user_snapshot(user) if user else {}
    form = UserForm(request.POST or None, instance=user, editor=request.user)
    if request.method == "POST" and form.is_valid() and (saved := form.save_if_current()):
        if user is None:
            log_admin(
                request, AdminAction.USER_CREATE, subject=saved, changes=user_changes({}, saved)
            )
            return _password_link_response(request, saved, created=True)
        changes = user_changes(before, saved)
        if changes:
            log_admin(request, AdminAction.USER_CHANGE, subject=saved, changes=changes)
        messages.success(request, _("Brugeren er gemt."))
        return redirect("accounts:users")
    has_mfa = bool(user) and TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return render(
        request, "accounts/user_form.html", {"form": form, "edited": user, "has_mfa": has_mfa}
    )


def _password_link_response(request, user, created=False):
    """Issue a one-time set-password link: by e-mail when the user has an address, or shown
    once to the administrator. The administrator never learns the password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = request.build_absolute_uri(
        reverse("accounts:set_password", kwargs={"uidb64": uid, "token": token})
    )
    by_email = bool(user.email and settings.PASSWORD_LINKS_BY_EMAIL)
    log_admin(request, AdminAction.PASSWORD_LINK, subject=user, changes={"e-mail": by_email})
    if by_email:
        hours = settings.PASSWORD_RESET_TIMEOUT // 3600
        send_mail(
            _("Vælg din adgangskode til Jobbro"),
            _(
                "Goddag %(name)s\n\nVælg din adgangskode til Jobbro med dette link. Det "
                "virker én gang og i %(hours)s timer:\n\n%(link)s\n"
            )
            % {"name": user, "hours": hours, "link": link},
            None,
            [user.email],
        )
        link = None
    response = render(
        request,
        "accounts/password_link.html",
        {"edited": user, "link": link, "created": created},
    )
    # The link is a key: no cache keeps it.
    add_never_cache_headers(response)
    return response


@require_POST
@role_required(Role.ADMINISTRATOR)
def user_password_link(request, pk):
    """A new one-time link for a user who has forgotten their password. The old password
    stops working at once, so a reset also locks out whoever may have learned it."""
    user = get_object_or_404(User, pk=pk)
    if user.pk == request.user.pk:
        messages.error(request, _("Skift din egen adgangskode under “Skift adgangskode”."))
        return redirect("accounts:user_edit", pk=pk)
    services.password_reset(user=user, by=request.user)
    return _password_link_response(request, user)


@require_POST
@role_required(Role.ADMINISTRATOR)
def user_mfa_reset(request, pk):
    """Recovery of a lost authenticator: another administrator removes it; the user sets
    up a new one at their next login."""
    user = get_object_or_404(User, pk=pk)
    if user.pk == request.user.pk:
        messages.error(request, _("En anden administrator skal nulstille din totrinsbekræftelse."))
        return redirect("accounts:user_edit", pk=pk)
    removed = services.mfa_reset(user=user, by=request.user)
    log_admin(request, AdminAction.MFA_RESET, subject=user, changes={"devices": removed})
    messages.success(request, _("Totrinsbekræftelsen er nulstillet."))
    return redirect("accounts:user_edit", pk=pk)


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The one-time link: it sets the password and then no longer works."""

    template_name = "accounts/set_password.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        log_admin(self.request, AdminAction.PASSWORD_SET, actor=form.user, subject=form.user)
        messages.success(self.request, _("Din adgangskode er gemt. Log ind med den."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("front:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        log_admin(self.request, AdminAction.PASSWORD_CHANGE, subject=self.request.user)
        messages.success(self.request, _("Din adgangskode er skiftet."))
        return response


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def mfa_setup(request):
    """Set up the authenticator app: the secret as text and as a QR code, confirmed by a
    first code. Shown only until it is confirmed; a lost phone needs an administrator."""
    import segno

    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return render(request, "accounts/mfa_setup.html", {"enrolled": True})
    device = services.mfa_device_pending(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("token", _("For mange forkerte koder. Vent lidt, og prøv igen."))
        elif device.verify_token(form.cleaned_data["token"]):
            services.mfa_confirm(device=device)
            otp_login(request, device)
            log_admin(request, AdminAction.MFA_ENROL, subject=user)
            messages.success(request, _("Totrinsbekræftelse er slået til."))
            return redirect(_next_url(request))
        else:
            form.add_error("token", _("Koden passer ikke. Prøv med den nyeste kode fra appen."))
    qr = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    response = render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "secret": b32encode(device.bin_key).decode(),
            "qr": qr,
            "required": settings.REQUIRE_MFA,
            "next": _next_url(request),
        },
    )
    add_never_cache_headers(response)
    return response


def mfa_verify(request):
    """The second step of the login: a code from the authenticator app."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect("accounts:mfa_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            allowed, _info = device.verify_is_allowed()
            if not allowed:
                form.add_error("token", _("For mange forkerte koder. Vent lidt, og prøv igen."))
                break
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next_url(request))
        else:
            form.add_error("token", _("Koden passer ikke. Prøv med den nyeste kode fra appen."))
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": _next_url(request)})


@role_required(Role.ADMINISTRATOR, Role.MANAGER)
def admin_log(request):
    """The administration log, for administrators (all of it) and managers (their team's
    users; all of it for a manager without a team). Citizens by id only."""
    form = AdminLogSearchForm(request.GET)
    entries = entries_for(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["user"]:
            name = data["user"].strip()
            entries = entries.filter(
                Q(actor__username__iexact=name)
                | Q(subject__username__iexact=name)
                | Q(username__iexact=name)
            )
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["date_from"]:
            entries = entries.filter(at__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(at__date__lte=data["date_to"])
    else:
        entries = entries.none()
    page = paginate(request, form.order(entries), form, per_page=50).page
    return render(request, "accounts/admin_log.html", {"form": form, "page": page})


@role_required(Role.MANAGER, Role.ADMINISTRATOR)
def grants(request):
    """Every stated-reason grant of the manager's team's users: who, when, until when, why,
    and the citizen's id (never the name: managers see no personal details)."""
    from jobbro.citizens.access import grants_overseen_by

    grants = grants_overseen_by(request.user)
    form = GrantListForm(request.GET)
    page = paginate(request, form.apply(grants.select_related("user")), form, per_page=50).page
    return render(request, "accounts/grants.html", {"form": form, "page": page})


@role_required(Role.ADMINISTRATOR)
def team_list(request):
    from django.db.models import Count

    teams = Team.objects.annotate(size=Count("members"))
    return render(request, "accounts/teams.html", {"teams": teams})


@role_required(Role.ADMINISTRATOR)
def team_edit(request, pk=None):
    team = get_object_or_404(Team, pk=pk) if pk else None
    before = team.name if team else None
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid() and (saved := form.save_if_current()):
        action = AdminAction.TEAM_CHANGE if team else AdminAction.TEAM_CREATE
        if saved.name != before:
            log_admin(request, action, team=saved, changes={"name": [before, saved.name]})
        messages.success(request, _("Teamet er gemt."))
        return redirect("accounts:teams")
    return render(request, "accounts/team_form.html", {"form": form, "edited": team})
