from django.urls import path

from . import views, views_sanctions, views_sessions

app_name = "attendance"

urlpatterns = [
    path("under-timetallet/", views.below_hours, name="below_hours"),
    path("borger/<int:pk>/uge/", views.week, name="week"),
    path("borger/<int:pk>/arbejdspligt/", views.obligation, name="obligation"),
    path("borger/<int:pk>/sprogskole/", views.language_days, name="language_days"),
    path("sprogskole/<int:pk>/afslut/", views.language_day_end, name="language_day_end"),
]

urlpatterns += [
    path("lavt-fremmoede/", views_sessions.low_attendance, name="low_attendance"),
    path("borger/<int:pk>/ugeskema.ics", views_sessions.citizen_ics, name="citizen_ics"),
    path("moedegange/", views_sessions.session_list, name="sessions"),
    path("moedegange/<int:pk>/", views_sessions.session_detail, name="session"),
    path("moedegange/<int:pk>/tryk/", views_sessions.tap, name="tap"),
    path("hold/<int:pk>/", views_sessions.cohort_detail, name="cohort"),
    path("hold/<int:pk>/kalender.ics", views_sessions.cohort_ics, name="cohort_ics"),
]

urlpatterns += [
    path("sanktioner/", views_sanctions.sanction_list, name="sanctions"),
    path("borger/<int:pk>/sanktion/ny/", views_sanctions.sanction_create, name="sanction_create"),
    path("sanktioner/<int:pk>/", views_sanctions.sanction_detail, name="sanction"),
    path(
        "sanktioner/<int:pk>/partshoering.pdf",
        views_sanctions.hearing_letter,
        name="hearing_letter",
    ),
    path(
        "sanktioner/bilag/<int:pk>/",
        views_sanctions.sanction_attachment,
        name="sanction_attachment",
    ),
    path("sanktioner/<int:pk>/<slug:step>/", views_sanctions.sanction_step, name="sanction_step"),
]
