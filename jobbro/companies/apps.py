from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "jobbro.companies"
    verbose_name = "Virksomheder og jobbank"
