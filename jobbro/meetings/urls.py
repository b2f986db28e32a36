from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("nyt/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/dagsorden/", views.agenda_generate, name="generate"),
    path("<int:pk>/beslutning/", views.decision_add, name="decision"),
]
