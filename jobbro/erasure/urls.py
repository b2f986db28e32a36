from django.urls import path

from . import views

app_name = "erasure"

urlpatterns = [
    path("", views.decisions, name="decisions"),
    path("regler/", views.rules, name="rules"),
    path("<int:pk>/", views.decide, name="decide"),
]
