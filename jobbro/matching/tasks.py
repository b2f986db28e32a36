"""Background work of matching, on django-tasks (Django's task framework, backported).

Enqueued by the proposal page; run by a worker: `uv run jobbro db_worker` (the database
backend, django-tasks-db), or in a thread of `jobbro demo` itself (worker.py). See
docs/architecture.md "Matching: background work" for a real queue.
"""

from django_tasks import task

from jobbro.citizens.models import Citizen
from jobbro.citizens.status import CaseStatus

from . import proposal, selectors, services
from .models import ProposalRun


@task()
def run_proposal(run_id: int) -> int:
    """Compute a caseload proposal, writing its progress as it goes; returns the run's id."""
    run = ProposalRun.objects.get(pk=run_id)

    def progress(percent: int, step: str) -> None:
        services.proposal_progress(run_id=run_id, percent=percent, step=step)

    try:
        # A case closed or paused since the run was queued is left out when it runs.
        active = Citizen.objects.with_status(CaseStatus.ACTIVE).filter(pk__in=run.citizen_ids)
        citizens = selectors.profiled(active.order_by("pk"))
        result = proposal.compute(citizens, selectors.today(), progress)
    except Exception as e:  # the page says it failed; the worker logs the traceback
        services.proposal_fail(run_id=run_id, error=type(e).__name__)
        raise
    services.proposal_finish(run_id=run_id, result=result)
    return run_id
