import threading

from django_tasks import task
from django_tasks.base import TaskResultStatus

from cms.tasks import BackgroundThreadBackend

release = threading.Event()


@task(backend="default")
def wait_for_release() -> str:
    release.wait(timeout=10)
    return "klaar"


def test_background_backend_returns_before_the_task_finishes():
    release.clear()
    backend = BackgroundThreadBackend("achtergrond", {})
    result = backend.enqueue(wait_for_release, [], {})
    # enqueue() came back while the task still waits: the publish request is not held up.
    assert result.status != TaskResultStatus.SUCCESSFUL
    release.set()
    for thread in threading.enumerate():
        if thread.name == f"task-{result.id}":
            thread.join(timeout=10)
    assert result.status == TaskResultStatus.SUCCESSFUL
