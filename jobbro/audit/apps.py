from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "jobbro.audit"
    verbose_name = "Adgangslog"
