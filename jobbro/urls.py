from django.urls import include, path

urlpatterns = [
    path("", include("jobbro.front.urls")),
    path("", include("jobbro.accounts.urls")),
    path("borgere/", include("jobbro.citizens.urls")),
    path("adgangslog/", include("jobbro.audit.urls")),
    path("virksomheder/", include("jobbro.companies.urls")),
    path("sager/", include("jobbro.cases.urls")),
    path("sletning/", include("jobbro.erasure.urls")),
    path("forloeb/", include("jobbro.placements.urls")),
    path("progression/", include("jobbro.assessments.urls")),
    path("fremmoede/", include("jobbro.attendance.urls")),
    path("god-praksis/", include("jobbro.practices.urls")),
    path("traumescreening/", include("jobbro.screening.urls")),
    path("journal/", include("jobbro.journal.urls")),
    path("matchning/", include("jobbro.matching.urls")),
    path("lov/", include("jobbro.law.urls")),
    path("import/", include("jobbro.imports.urls")),
    path("sprogmakkere/", include("jobbro.mentoring.urls")),
    path("mentorer/", include("jobbro.mentoring.urls_mentors")),
    path("indsatser/", include("jobbro.programmes.urls")),
    path("maal/", include("jobbro.goals.urls")),
    path("moeder/", include("jobbro.meetings.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

handler400 = "jobbro.front.errors.bad_request"
handler403 = "jobbro.front.errors.permission_denied"
handler404 = "jobbro.front.errors.page_not_found"
handler500 = "jobbro.front.errors.server_error"
