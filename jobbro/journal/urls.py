from django.urls import path

from . import views

app_name = "journal"

urlpatterns = [
    path("planlagte/", views.planned, name="planned"),
    path("borger/<int:pk>/", views.journal, name="citizen"),
    path("borger/<int:pk>/nyt/", views.note_create, name="create"),
    path("borger/<int:pk>/planlaeg/", views.conversation_plan, name="plan"),
    path("<int:pk>/", views.note_detail, name="detail"),
    path("<int:pk>/ret/", views.note_edit, name="edit"),
    path("<int:pk>/skriv/", views.conversation_record, name="record"),
    path("<int:pk>/aflys/", views.conversation_cancel, name="cancel"),
    path("bilag/<int:pk>/", views.attachment_download, name="attachment"),
]
