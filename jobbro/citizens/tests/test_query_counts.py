"""List pages must not grow an N+1: the number of queries is the same for 3 and 25 rows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobbro.conftest import make_citizen


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add_citizens(n, case_worker, start=10):
    for i in range(n):
        make_citizen(
            f"{start + i:02d}0690123{i % 10}",
            case_worker,
            first_name=f"Person{i}",
            in_project=True,
            settled_at=timezone.now() - dt.timedelta(days=5),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/borgere/", "/borgere/?sort=-settled", "/borgere/96-timer/"])
@pytest.mark.parametrize("who", ["alice", "amir"])
def test_it_keeps_list_queries_constant(client, people, citizens, url, who):
    client.force_login(people[who])
    _add_citizens(2, people["alice"])
    few = _queries(client, url)
    _add_citizens(18, people["alice"], start=12)
    response = client.get(url)
    assert response.content.count(b'href="/borgere/') >= 20
    assert _queries(client, url) == few
