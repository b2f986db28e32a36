from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import DateField
from jobbro.front.forms import DesignSystemMixin


class BuddyForm(DesignSystemMixin, forms.Form):
    name = forms.CharField(
        label=_("Sprogmakkerens navn"),
        max_length=120,
        error_messages={"required": _("Skriv sprogmakkerens navn.")},
    )
    job_title = forms.CharField(label=_("Stilling"), max_length=120, required=False)
    language_teacher = forms.CharField(
        label=_("Sproglærer, der følger op"),
        max_length=120,
        required=False,
        help_text=_("Sørg for, at der er hyppige opfølgninger med en sproglærer."),
    )
    started_on = DateField(label=_("Start"), initial=timezone.localdate)
