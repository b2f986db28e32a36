from django.apps import AppConfig


class LawConfig(AppConfig):
    name = "jobbro.law"
    verbose_name = "Lovgrundlag"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
