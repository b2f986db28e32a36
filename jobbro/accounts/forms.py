from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from jobbro.core.locking import VersionFormMixin
from jobbro.front.fields import ModelForm, SearchField
from jobbro.front.forms import DesignSystemMixin, PeriodSearchForm
from jobbro.front.lists import ListForm

from .models import AdminAction


class LoginForm(DesignSystemMixin, auth_forms.AuthenticationForm):
    username = forms.CharField(
        label=_("Brugernavn"), widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Adgangskode"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Forkert brugernavn eller adgangskode."),
        "inactive": _("Brugeren er deaktiveret."),
    }


class UserForm(VersionFormMixin, DesignSystemMixin, ModelForm):
    """Administrators create and edit users. There is no password field: administrators
    never learn a user's password; a new user gets a one-time link to set their own.
    An edit writes only the form's fields, and only if nobody saved the user since."""

    stale_what = _("Brugeren")
    save_fields = ("username", "first_name", "last_name", "email", "role", "team", "is_active")

    class Meta:
        from .models import User

        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "team", "is_active"]
        error_messages = {"role": {"required": _("Vælg en rolle.")}}
        help_texts = {
            "email": _(
                "Har brugeren en e-mailadresse, sendes linket til at vælge adgangskode dertil."
            )
        }

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        self.fields["role"].required = True

    def clean(self):
        cleaned = super().clean()
        if self.editor and self.instance.pk == self.editor.pk:
            # An administrator who could make themself a case worker could read case files.
            if cleaned.get("role") != self.editor.role:
                self.add_error("role", _("Du kan ikke ændre din egen rolle."))
            if not cleaned.get("is_active"):
                self.add_error("is_active", _("Du kan ikke deaktivere dig selv."))
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk:
            # Nobody knows a password for the new user until they set one with their link.
            self.instance.set_unusable_password()
        return super().save(commit=commit)  # an edit goes through save_versioned


class PasswordFieldsMixin(DesignSystemMixin):
    """Danish labels and the browser's hints on Django's password forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            "old_password": _("Nuværende adgangskode"),
            "new_password1": _("Ny adgangskode"),
            "new_password2": _("Gentag den nye adgangskode"),
        }
        for name, label in labels.items():
            if name in self.fields:
                self.fields[name].label = label
                autocomplete = "current-password" if name == "old_password" else "new-password"
                self.fields[name].widget.attrs["autocomplete"] = autocomplete
        if "new_password1" in self.fields:
            self.fields["new_password1"].help_text = _(
                "Mindst 12 tegn. Undgå almindelige adgangskoder, dit navn og ord som "
                "Jobbro, kommune og jobcenter."
            )


class PasswordChangeForm(PasswordFieldsMixin, auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": _("Den nuværende adgangskode er forkert."),
        "password_mismatch": _("De to nye adgangskoder er ikke ens."),
    }


class SetPasswordForm(PasswordFieldsMixin, auth_forms.SetPasswordForm):
    error_messages = {
        **auth_forms.SetPasswordForm.error_messages,
        "password_mismatch": _("De to adgangskoder er ikke ens."),
    }


class TokenForm(DesignSystemMixin, forms.Form):
    """The six digits of the authenticator app."""

    token = forms.CharField(
        label=_("Kode fra godkendelsesappen"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
        error_messages={
            "required": _("Skriv koden fra appen."),
            "min_length": _("Koden har 6 cifre."),
            "max_length": _("Koden har 6 cifre."),
        },
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not (token.isascii() and token.isdigit()):
            raise forms.ValidationError(_("Koden har 6 cifre."))
        return token


class AdminLogSearchForm(ListForm, PeriodSearchForm):
    field_order = ["user", "action", "date_from", "date_to"]
    columns = {"at": (_("Tidspunkt"), ("id",))}
    default_sort = "-at"
    empty = _("Administrationsloggen er tom: den skriver sig selv, når brugere og roller ændres.")

    user = SearchField(label=_("Bruger (brugernavn)"))
    action = forms.ChoiceField(
        label=_("Handling"), required=False, choices=[("", _("Alle"))] + AdminAction.choices
    )


class TeamForm(VersionFormMixin, DesignSystemMixin, forms.ModelForm):
    stale_what = _("Teamet")

    class Meta:
        from .models import Team

        model = Team
        fields = ["name"]
        error_messages = {
            "name": {
                "required": _("Skriv teamets navn."),
                "unique": _("Der er allerede et team med det navn."),
            }
        }
