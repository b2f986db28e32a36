from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "jobbro.mentoring"
    verbose_name = "Mentorer og sprogmakkere"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
