from django import forms
from django.utils.translation import gettext_lazy as _

from jobbro.front.forms import DesignSystemMixin


class UploadForm(DesignSystemMixin, forms.Form):
    file = forms.FileField(
        label=_("Fil med borgere (XLSX eller CSV)"),
        help_text=_("Første række er kolonneoverskrifterne fra skabelonen."),
        error_messages={"required": _("Vælg filen, der skal importeres.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
