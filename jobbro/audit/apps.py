from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "jobbro.audit"
    verbose_name = "Adgangslog"

    def ready(self):
        from . import export  # noqa: F401 (registers its data-subject export section)
