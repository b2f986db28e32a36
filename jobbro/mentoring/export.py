"""Language buddies in the data-subject export: who at the workplace helped the citizen."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import records, section

from .models import LanguageBuddy


@section("language_buddies", _("Sprogmakkere"), order=28)
def buddies(citizen):
    yield records(
        "language_buddies",
        _("Sprogmakkere på arbejdspladsen"),
        LanguageBuddy.objects.filter(placement__citizen=citizen).select_related("created_by"),
        ["name", "job_title", "language_teacher", "started_on", "ended_on", "created_by"],
        model=LanguageBuddy,
    )
