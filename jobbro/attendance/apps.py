from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "jobbro.attendance"
    verbose_name = "Arbejdspligt, ugeskema, fremmøde og sanktionsdokumentation"
