from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "jobbro.cases"
    verbose_name = "Sagens status, mentor og overdragelse"
