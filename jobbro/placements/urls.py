from django.urls import path

from . import views

app_name = "placements"

urlpatterns = [
    path("", views.placement_list, name="list"),
    path("ny/<int:pk>/", views.placement_create, name="create"),
    path("kan-rykke-op/", views.move_up, name="move_up"),
    path("opfoelgninger/", views.follow_up_list, name="follow_ups"),
    path("opfoelgninger/<int:pk>/", views.follow_up_record, name="follow_up_record"),
    path("akutte/", views.acute_list, name="acute_list"),
    path("akutte/overskredne/", views.acute_breaches, name="acute_breaches"),
    path("akutte/<int:pk>/", views.acute_answer, name="acute_answer"),
    path("<int:pk>/", views.placement_detail, name="detail"),
    path("<int:pk>/ret/", views.placement_edit, name="edit"),
    path("<int:pk>/afslut/", views.placement_end, name="end"),
    path("<int:pk>/samtale/", views.conversation_create, name="conversation"),
    path("<int:pk>/plan/", views.plan_edit, name="plan"),
    path("<int:pk>/plan/historik/", views.plan_history, name="plan_history"),
    path("<int:pk>/akut/", views.acute_create, name="acute_create"),
]

urlpatterns += [
    path("<int:pk>/fastholdelsesplan/", views.retention, name="retention"),
    path(
        "<int:pk>/fastholdelsesplan/beskrivelse/",
        views.retention_entry,
        name="retention_entry",
    ),
    path("<int:pk>/fastholdelsesplan/udskriv/", views.retention_print, name="retention_print"),
    path("<int:pk>/fastholdelsesplan/pdf/", views.retention_pdf, name="retention_pdf"),
]

urlpatterns += [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("kalender/feed/<slug:token>.ics", views.calendar_feed, name="calendar_feed"),
]
