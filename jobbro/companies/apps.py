from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "jobbro.companies"
    verbose_name = "Virksomheder og jobbank"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
