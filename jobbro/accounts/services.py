"""The writes of a user's sign-in that are not the administrators' form (`UserForm.save`):
a password reset and the authenticator. Keyword-only, typed; the administration log is
written by the view (`adminlog.log_admin`), which has the request."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User


@transaction.atomic
def password_reset(*, user: User, by: User) -> None:
    """The old password stops working at once; the user chooses a new one by a link."""
    user.set_unusable_password()
    user.save(update_fields=["password"])


@transaction.atomic
def mfa_reset(*, user: User, by: User) -> int:
    """Remove a user's authenticators (a lost phone); returns how many there were."""
    removed, _detail = TOTPDevice.objects.filter(user=user).delete()
    return int(removed)


def mfa_device_pending(*, user: User) -> TOTPDevice:
    """The authenticator being set up: the unconfirmed one, or a new one."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Godkendelsesapp", confirmed=False)
    return device


def mfa_confirm(*, device: TOTPDevice) -> None:
    """The first right code confirms the authenticator."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
