from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("uden-fremgang/", views.stalled, name="stalled"),
    path("maaltal/", views.measures, name="measures"),
    path("borger/<int:pk>/", views.citizen_progression, name="citizen"),
    path("borger/<int:pk>/ny/", views.assessment_create, name="create"),
    path("maaling/<int:pk>/", views.assessment_detail, name="detail"),
    path("maaling/<int:pk>/scores/", views.assessment_enter, name="enter"),
    path("maaling/<int:pk>/pdf/", views.assessment_pdf, name="pdf"),
    path("maaling/<int:pk>/selvvurdering/", views.self_score, name="self_score"),
    path("forloeb/<int:pk>/", views.placement_progression, name="placement"),
    path("vaerktoejer/", views.instruments, name="instruments"),
    path("vaerktoejer/nyt/", views.instrument_edit, name="instrument_create"),
    path("vaerktoejer/<int:pk>/", views.instrument_edit, name="instrument_edit"),
]
