from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "jobbro.attendance"
    verbose_name = "Arbejdspligt, ugeskema, fremmøde og sanktionsdokumentation"

    def ready(self) -> None:
        from . import export, signals  # noqa: F401 (export section, attachment removal)
