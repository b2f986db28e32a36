from django.urls import path

from . import views

app_name = "placements"

urlpatterns = [
    path("", views.placement_list, name="list"),
    path("ny/<int:citizen>/", views.placement_create, name="create"),
    path("kan-rykke-op/", views.move_up, name="move_up"),
    path("opfoelgninger/", views.follow_up_list, name="follow_ups"),
    path("opfoelgninger/<int:follow_up>/", views.follow_up_record, name="follow_up_record"),
    path("akutte/", views.acute_list, name="acute_list"),
    path("akutte/overskredne/", views.acute_breaches, name="acute_breaches"),
    path("akutte/<int:issue>/", views.acute_answer, name="acute_answer"),
    path("<int:placement>/", views.placement_detail, name="detail"),
    path("<int:placement>/ret/", views.placement_edit, name="edit"),
    path("<int:placement>/afslut/", views.placement_end, name="end"),
    path("<int:placement>/samtale/", views.conversation_create, name="conversation"),
    path("<int:placement>/plan/", views.plan_edit, name="plan"),
    path("<int:placement>/plan/historik/", views.plan_history, name="plan_history"),
    path("<int:placement>/akut/", views.acute_create, name="acute_create"),
]

urlpatterns += [
    path("<int:placement>/fastholdelsesplan/", views.retention, name="retention"),
    path(
        "<int:placement>/fastholdelsesplan/beskrivelse/",
        views.retention_entry,
        name="retention_entry",
    ),
    path(
        "<int:placement>/fastholdelsesplan/udskriv/", views.retention_print, name="retention_print"
    ),
    path("<int:placement>/fastholdelsesplan/pdf/", views.retention_pdf, name="retention_pdf"),
]

urlpatterns += [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("kalender/feed/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
