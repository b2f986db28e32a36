"""A benefit carried through the reforms: the periods it became, one after the other."""

import datetime as dt
from typing import Any

# The old Citizen.benefit_type values and the benefit each started as.
OLD_BENEFIT_TYPES = {
    "integration_benefit": "integrationsydelse",
    "cash_benefit": "kontanthjaelp",
    "spouse_supported": "aegtefaelleforsoerget",
    "self_supporting": "selvforsoergende",
}


def carried(benefit: Any, start: dt.date, until: dt.date) -> list[tuple[Any, dt.date, Any]]:
    """(benefit, from, to) from `start` to `until`: where a benefit ended by law, its
    successor takes over the next day (integrationsydelse -> selvforsørgelses- og
    hjemrejseydelse on 1.1.2020 -> kontanthjælp on 1.7.2025). Works on model rows and on a
    migration's historical rows."""
    periods: list[tuple[Any, dt.date, Any]] = []
    while benefit is not None:
        if benefit.valid_to is not None and benefit.valid_to < start:
            benefit = benefit.successor
            continue
        ends = (
            benefit.valid_to if benefit.valid_to is not None and benefit.valid_to < until else None
        )
        periods.append((benefit, start, ends))
        if ends is None:
            break
        start, benefit = ends + dt.timedelta(days=1), benefit.successor
    return periods
