"""The database queue's worker in a thread of the current process, for `jobbro demo` (one
process, no separate worker to start). Production runs `jobbro db_worker` instead."""

import threading


def start_in_process(interval: float = 0.5) -> threading.Thread:
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=interval,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="jobbro-demo",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="jobbro-tasks", daemon=True)
    thread.start()
    return thread
