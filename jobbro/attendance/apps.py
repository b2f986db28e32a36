from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "jobbro.attendance"
    verbose_name = "Arbejdspligt, ugeskema, fremmøde og sanktionsdokumentation"

    def ready(self) -> None:
        from . import export  # noqa: F401 (registers its data-subject export section)
