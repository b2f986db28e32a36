"""Background work of matching, on django-tasks (Django's task framework, backported).

Enqueued by the proposal page; run by a worker: `uv run jobbro db_worker` (the database
backend, django-tasks-db), or in a thread of `jobbro demo` itself (worker.py). See
docs/architecture.md "Matching: background work" for a real queue.
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from jobbro.citizens.models import Citizen
from jobbro.citizens.status import CaseStatus

from . import proposal, selectors
from .models import ProposalRun, RunStatus


@task()
def run_proposal(run_id: int) -> int:
    """Compute a caseload proposal, writing its progress as it goes; returns the run's id."""
    run = ProposalRun.objects.get(pk=run_id)

    def progress(percent: int, step: str) -> None:
        ProposalRun.objects.filter(pk=run_id).update(
            status=RunStatus.RUNNING, progress=min(percent, 99), step=step
        )

    try:
        # A case closed or paused since the run was queued is left out when it runs.
        active = Citizen.objects.with_status(CaseStatus.ACTIVE).filter(pk__in=run.citizen_ids)
        citizens = selectors.profiled(active.order_by("pk"))
        result = proposal.compute(citizens, selectors.today(), progress)
    except Exception as e:  # the page says it failed; the worker logs the traceback
        ProposalRun.objects.filter(pk=run_id).update(
            status=RunStatus.FAILED, error=type(e).__name__, finished_at=timezone.now()
        )
        raise
    with transaction.atomic():
        ProposalRun.objects.filter(pk=run_id).update(
            status=RunStatus.DONE, progress=100, step="", result=result, finished_at=timezone.now()
        )
    return run_id
