from django.urls import path

from . import languages, views

app_name = "citizens"

urlpatterns = [
    path("", views.citizen_list, name="list"),
    path("ny/", views.citizen_create, name="create"),
    path("96-timer/", views.awaiting_effort, name="awaiting"),
    path("mentees/", views.mentees, name="mentees"),
    path("ret-oplysninger/", languages.unmatched, name="unmatched"),
    path("<int:pk>/sprog/", languages.citizen_languages, name="languages"),
    path(
        "<int:pk>/sprog/<slug:code>/fjern/",
        languages.citizen_language_remove,
        name="language_remove",
    ),
    path("<int:pk>/ikke-genkendt/ryd/", languages.citizen_unmatched_clear, name="unmatched_clear"),
    path("<int:pk>/", views.citizen_detail, name="detail"),
    path("<int:pk>/ret/", views.citizen_edit, name="edit"),
    path("<int:pk>/formaal/", views.citizen_reason, name="reason"),
    path("<int:pk>/indsats-startet/", views.citizen_start_effort, name="start_effort"),
    path("<int:pk>/adgangslog/", views.citizen_access_log, name="access_log"),
    path("<int:pk>/eksport/", views.citizen_export, name="export"),
    path("<int:pk>/eksport/pdf/", views.citizen_export_pdf, name="export_pdf"),
    path("<int:pk>/eksport/zip/", views.citizen_export_zip, name="export_zip"),
]
