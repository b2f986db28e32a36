from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import User
from jobbro.front.fields import DateField
from jobbro.front.forms import DesignSystemMixin
from jobbro.journal.access import WRITE_ROLES
from jobbro.journal.models import PLANNABLE, NoteKind

DEFAULT_TITLE = _("Månedligt koordinationsmøde")


class MeetingForm(DesignSystemMixin, forms.Form):
    held_on = DateField(label=_("Mødedato"))
    title = forms.CharField(label=_("Titel"), max_length=200, initial=DEFAULT_TITLE)
    participants = forms.CharField(
        label=_("Deltagere"),
        max_length=500,
        required=False,
        help_text=_("Fx ambassadøren, virksomhedskonsulenterne og sagsbehandlerne."),
    )


class DecisionForm(DesignSystemMixin, forms.Form):
    """A decision; about a citizen on the agenda it is an action, who does it and by when,
    and it becomes a planned conversation in the citizen's journal."""

    text = forms.CharField(label=_("Beslutning"), max_length=2000, widget=forms.Textarea)
    citizen = forms.TypedChoiceField(
        label=_("Borger"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("En af borgerne på dagsordenen. Beslutningen bliver en planlagt samtale."),
    )
    responsible = forms.ModelChoiceField(
        label=_("Hvem gør det"), queryset=User.objects.none(), required=False
    )
    due_on = DateField(label=_("Senest"), required=False)
    kind = forms.ChoiceField(
        label=_("Form"),
        choices=[c for c in NoteKind.choices if c[0] in PLANNABLE],
        initial=NoteKind.CONVERSATION,
    )

    def __init__(self, *args, citizens=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["citizen"].choices = [("", _("Ingen borger"))] + [
            (c.pk, c.full_name) for c in citizens
        ]
        self.fields["responsible"].queryset = User.objects.filter(
            is_active=True, role__in=WRITE_ROLES
        ).order_by("first_name", "last_name")
