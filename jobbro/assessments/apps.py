from django.apps import AppConfig
from django.db.models.signals import post_delete


class AssessmentsConfig(AppConfig):
    name = "jobbro.assessments"
    verbose_name = "Progressionsmåling"

    def ready(self) -> None:
        from . import export  # noqa: F401 (registers its data-subject export section)
        from .models import Assessment

        post_delete.connect(_assessment_deleted, sender=Assessment, dispatch_uid="series")


def _assessment_deleted(sender, instance, **kwargs) -> None:
    """A deleted assessment (with its citizen, or on its own) leaves its series stale."""
    from .services import series_refresh

    series_refresh(citizen_id=instance.citizen_id, instrument_id=instance.version.instrument_id)
