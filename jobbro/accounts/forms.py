from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from jobbro.front.forms import DesignSystemMixin


class LoginForm(DesignSystemMixin, AuthenticationForm):
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


class UserForm(DesignSystemMixin, forms.ModelForm):
    """Administrators create and edit users; a new user gets a password that is validated."""

    password = forms.CharField(
        label=_("Adgangskode"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindst 12 tegn. Lad feltet stå tomt for at beholde den nuværende."),
    )

    class Meta:
        from .models import User

        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "team", "is_active"]
        error_messages = {"role": {"required": _("Vælg en rolle.")}}

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        self.fields["role"].required = True
        if not self.instance.pk:
            self.fields["password"].required = True
            self.fields["password"].error_messages["required"] = _("Angiv en adgangskode.")

    def clean(self):
        cleaned = super().clean()
        if self.editor and self.instance.pk == self.editor.pk:
            # An administrator who could make themself a case worker could read case files.
            if cleaned.get("role") != self.editor.role:
                self.add_error("role", _("Du kan ikke ændre din egen rolle."))
            if not cleaned.get("is_active"):
                self.add_error("is_active", _("Du kan ikke deaktivere dig selv."))
        return cleaned

    def clean_password(self):
        from django.contrib.auth import password_validation

        password = self.cleaned_data.get("password")
        if password:
            password_validation.validate_password(password, self.instance)
        return password

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user
