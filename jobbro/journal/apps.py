from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "jobbro.journal"
    verbose_name = "Journal"

    def ready(self):
        # The export section; files follow their rows; attachments go when a case is erased.
        from . import erasure, export, signals  # noqa: F401
