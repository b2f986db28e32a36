import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobbro.companies.models import Company

from .conftest import make_opening

pytestmark = pytest.mark.django_db


def _cvr(n: int) -> str:
    from jobbro.lib.cvr import WEIGHTS

    while True:
        digits = [int(d) for d in f"{10000000 + n * 7:08d}"[:7]]
        check = -sum(d * w for d, w in zip(digits, WEIGHTS, strict=False)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)
        n += 1


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["companies:list", "companies:capacity", "companies:barometer"])
def test_it_does_not_query_once_per_company(client, people, name):
    client.force_login(people["amir"])
    url = reverse(name)
    few = None
    for n in range(21):
        company = Company.objects.create(
            cvr=_cvr(n * 13), name=f"Firma {n}", sector="private", key_account=people["konrad"]
        )
        make_opening(company, capacity=2)
        if few is None:
            few = _count(client, url)  # one company
    assert _count(client, url) == few
