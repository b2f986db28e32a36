from django.urls import path

from . import views

app_name = "attendance"

urlpatterns = [
    path("under-timetallet/", views.below_hours, name="below_hours"),
    path("borger/<int:pk>/uge/", views.week, name="week"),
    path("borger/<int:pk>/arbejdspligt/", views.obligation, name="obligation"),
    path("borger/<int:pk>/sprogskole/", views.language_days, name="language_days"),
    path("sprogskole/<int:pk>/afslut/", views.language_day_end, name="language_day_end"),
]
