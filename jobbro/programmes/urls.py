from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("ny/", views.programme_create, name="create"),
    path("siri/", views.siri_deadlines, name="siri"),
    path("hold/", views.cohort_list, name="cohorts"),
    path("hold/<int:pk>/", views.cohort_detail, name="cohort"),
    path("hold/<int:pk>/ret/", views.cohort_edit, name="cohort_edit"),
    path("borger/<int:pk>/indskriv/", views.enrol, name="enrol"),
    path("indskrivning/<int:pk>/afslut/", views.enrolment_end, name="enrolment_end"),
    path("<int:pk>/", views.programme_detail, name="detail"),
    path("<int:pk>/ret/", views.programme_edit, name="edit"),
    path("<int:pk>/siri.docx", views.programme_siri_docx, name="siri_docx"),
    path("<int:pk>/oekonomi/", views.programme_economy, name="economy"),
    path("<int:pk>/hold/nyt/", views.cohort_create, name="cohort_create"),
    path("<int:pk>/<slug:part>/ny/", views.part_edit, name="part_create"),
    path("<int:pk>/<slug:part>/<int:row>/", views.part_edit, name="part_edit"),
    path("<int:pk>/<slug:part>/<int:row>/slet/", views.part_delete, name="part_delete"),
]
