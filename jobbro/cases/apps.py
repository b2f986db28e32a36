from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "jobbro.cases"
    verbose_name = "Sagens status, mentor og overdragelse"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
