from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "jobbro.journal"
    verbose_name = "Journal"

    def ready(self):
        from . import export, signals  # noqa: F401 (the export section; files follow their rows)
