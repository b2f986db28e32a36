"""The progression tool's list pages make as many queries for 20 rows as for 2."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobbro.assessments.tests.conftest import make_assessment
from jobbro.conftest import make_citizen
from jobbro.placements.tests.factories import make_company, make_placement


@pytest.mark.parametrize("username", ["alice", "konrad"])
def test_the_index_makes_as_many_queries_for_20_rows_as_for_2(
    client, people, shipped, day, username
):
    """alice's own caseload; konrad sees them through placements at his company (this grew
    from 12 to 30 queries: one per citizen to find the purpose to log)."""
    company = make_company(key_account=people["konrad"])
    client.force_login(people[username])
    counts = []
    for i in range(20):
        citizen = make_citizen(f"010190{1000 + i}", people["alice"], first_name=f"Borger{i}")
        make_placement(citizen, company)
        make_assessment(citizen, shipped, day, people["alice"])
        if i + 1 in (2, 20):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse("assessments:index"))
            assert response.status_code == 200
            assert len(response.context["page"].object_list) == i + 1
            counts.append(len(queries))
    assert counts[0] == counts[1], f"2 rows: {counts[0]} queries, 20 rows: {counts[1]}"
