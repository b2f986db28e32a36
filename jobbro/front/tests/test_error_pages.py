"""The 400, 403 (and the CSRF failure), 404 and 500 pages: Danish, in the design system,
with a way back to the front page, and nothing about what went wrong inside."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

import jobbro.urls

pytestmark = pytest.mark.django_db

SECRET_DETAIL = "secret-detail-from-the-inside"


def boom(request):
    raise RuntimeError(SECRET_DETAIL)


def fine(request):
    return HttpResponse("ok")


urlpatterns = [*jobbro.urls.urlpatterns, path("boom/", boom), path("fine/", fine)]
handler400, handler403 = jobbro.urls.handler400, jobbro.urls.handler403
handler404, handler500 = jobbro.urls.handler404, jobbro.urls.handler500


def assert_error_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "dkfds/css/dkfds.min.css" in html, "in the design system"
    assert f'href="{reverse("front:home")}"' in html and "Gå til forsiden" in html
    for leak in (
        SECRET_DETAIL,
        "Traceback",
        "CSRF token",
        "Referer",
        "csrfmiddlewaretoken ",
        "Django",
    ):
        assert leak not in html, leak
    return html


def test_the_404_page(client, people):
    client.force_login(people["alice"])
    assert_error_page(client.get("/findes-ikke/"), 404, "Siden findes ikke")


def test_the_403_page(client, people):
    client.force_login(people["mads"])  # a mentor may not see the access log search
    assert_error_page(client.get(reverse("audit:search")), 403, "Du har ikke adgang til siden")


def test_the_csrf_failure_page(people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["alice"])
    response = client.post(reverse("citizens:create"), {"first_name": "Amina"})
    assert_error_page(response, 403, "Formularen er udløbet")


def test_the_400_page_for_a_bad_host(client):
    response = client.get(reverse("accounts:login"), headers={"host": "evil.example"})
    assert_error_page(response, 400, "Forespørgslen kunne ikke læses")


@pytest.mark.urls(__name__)
def test_the_400_page_for_a_body_beyond_the_limit(client, people, settings):
    client.force_login(people["alice"])
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = client.post(
        reverse("citizens:create"), {"first_name": "Amina", "education": "x" * (2 * 1024 * 1024)}
    )
    html = assert_error_page(response, 400, "Forespørgslen kunne ikke læses")
    assert "fylder mere end de 1 MB" in html


@pytest.mark.urls(__name__)
def test_the_500_page(people):
    client = Client(raise_request_exception=False)
    client.force_login(people["alice"])
    assert client.get("/fine/").status_code == 200
    assert_error_page(client.get("/boom/"), 500, "Der opstod en fejl")
