"""The administration's lists (the pattern of `front/lists.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.lists import ListForm

from .models import Role


class UserListForm(ListForm):
    search_label = _("Søg på navn eller brugernavn")
    search_fields = ("username__icontains", "first_name__icontains", "last_name__icontains")
    columns = {
        "username": (_("Brugernavn"), ("username",)),
        "name": (_("Navn"), ("first_name", "last_name")),
        "role": (_("Rolle"), ("role", "username")),
        "team": (_("Team"), ("team__name", "username")),
    }
    default_sort = "username"
    empty = _("Der er ingen brugere endnu: “Opret bruger”.")
    rolle = forms.ChoiceField(
        label=_("Rolle"), required=False, choices=[("", _("Alle")), *Role.choices]
    )

    def filter(self, items, data):
        return items.filter(role=data["rolle"]) if data.get("rolle") else items


class GrantListForm(ListForm):
    search_label = _("Søg på medarbejder")
    search_fields = ("user__username__icontains", "user__first_name__icontains")
    columns = {
        "user": (_("Medarbejder"), ("user__username", "-granted_at")),
        "granted": (_("Givet"), ("granted_at",)),
        "until": (_("Gælder til"), ("expires_at",)),
    }
    default_sort = "-granted"
    empty = _(
        "Ingen af dine medarbejdere har åbnet en sag med en begrundelse: det sker, når en "
        "sag uden for deres sagsstamme skal åbnes."
    )
