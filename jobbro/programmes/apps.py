from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "jobbro.programmes"
    verbose_name = "Indsatser, projekter og hold"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
