"""No data lost under load and faults: gunicorn (2 workers) on PostgreSQL, 500 loan forms from
20 concurrent clients (each with its CSRF token, as a browser), the SMTP server stopped for the
middle third of the run and one worker killed with SIGKILL halfway. Bounded, on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from library.models import LoanEvent, LoanFormPage, LoanFormSubmission, LoanRequest
from library.process import loans
from library.process.mail import INTERRUPTED
from tests.deploy.servers import (
    app_server_env,
    csrf_token,
    loan_form_data,
    start_gunicorn,
    stop,
)
from tests.factories import make_expert, make_home, make_lending_catalogue
from tests.library.test_mail_delivery import LoopbackSMTP

SUBMISSIONS = 500
CLIENTS = 20
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def workers_of(master: int) -> list[int]:
    output = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in output.stdout.split()]


def test_five_hundred_forms_through_smtp_outage_and_a_killed_worker(settings):
    catalogue = make_lending_catalogue(make_home())
    form_page = LoanFormPage.objects.get()
    form_page.to_address = "secretariaat@example.org"
    form_page.subject = "Nieuwe leenaanvraag"
    form_page.save_revision().publish()
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")

    smtp = LoopbackSMTP()
    smtp.start()
    server, base = start_gunicorn(
        app_server_env(EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}"), workers=2
    )
    lock = threading.Lock()
    done = {"count": 0, "killed": None}
    statuses: list[int] = []
    latencies: list[float] = []
    retries = {"count": 0, "stored": 0}

    def progress() -> None:
        with lock:
            done["count"] += 1
            count = done["count"]
        if count == SUBMISSIONS // 3:
            smtp.stop()
        elif count == 2 * SUBMISSIONS // 3:
            smtp.start()
        if count == SUBMISSIONS // 2 and done["killed"] is None:
            victim = workers_of(server.pid)[0]
            done["killed"] = victim
            os.kill(victim, signal.SIGKILL)

    def submit(number: int) -> None:
        for _attempt in range(5):
            try:
                with requests.Session() as visitor:
                    started = time.perf_counter()
                    form = visitor.get(base + "/expertbibliotheek/lenen/", timeout=30)
                    response = visitor.post(
                        base + "/expertbibliotheek/lenen/",
                        data=loan_form_data(csrf_token(form.text), expert.pk, number),
                        headers={"Referer": base + "/expertbibliotheek/lenen/"},
                        timeout=30,
                    )
                    elapsed = time.perf_counter() - started
            except requests.ConnectionError:
                # The killed worker's connection. If it had stored the request, the resident
                # has a confirmation e-mail and does not send again; otherwise they do.
                stored = LoanRequest.objects.filter(email=f"aios{number}@example.org").exists()
                connection.close()  # this thread's own database connection
                with lock:
                    retries["stored" if stored else "count"] += 1
                if stored:
                    progress()
                    return
                time.sleep(0.2)
                continue
            with lock:
                statuses.append(response.status_code)
                latencies.append(elapsed)
            progress()
            return
        raise AssertionError(f"formulier {number} kwam na 5 pogingen niet aan")

    try:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(submit, range(SUBMISSIONS)))
        workers_after = workers_of(server.pid)
    finally:
        stop([server])
        smtp.stop()

    ordered = sorted(latencies)

    def percentile(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    notifications = LoanEvent.objects.filter(email_kind="form_notification")
    delivered = notifications.filter(kind=LoanEvent.Kind.EMAIL_SENT).count()
    failed = notifications.filter(kind=LoanEvent.Kind.EMAIL_FAILED)
    print(
        f"\n{SUBMISSIONS} formulieren, {CLIENTS} gelijktijdig: "
        f"{LoanRequest.objects.count()} aanvragen, {LoanFormSubmission.objects.count()} "
        f"inzendingen, {delivered} meldingen afgeleverd, {failed.count()} mislukt (opnieuw te "
        f"versturen, {failed.filter(error=INTERRUPTED).count()} onderbroken), "
        f"{retries['count']} keer opnieuw verstuurd en {retries['stored']} keer "
        f"opgeslagen zonder antwoord na de gedode worker; "
        f"latentie p50 {percentile(0.5):.0f} ms, p95 {percentile(0.95):.0f} ms, "
        f"p99 {percentile(0.99):.0f} ms; status {sorted(set(statuses))}"
    )
    assert set(statuses) == {200}, "no 500 (or any other error) responses"
    assert LoanRequest.objects.count() == SUBMISSIONS
    assert LoanFormSubmission.objects.count() == SUBMISSIONS
    assert LoanRequest.objects.values("email").distinct().count() == SUBMISSIONS
    # Every request's notification was either delivered or recorded as failed, once.
    assert notifications.count() == SUBMISSIONS
    # A worker killed between the mail server's answer and the history's update leaves a
    # notification that went out but reads "interrupted": sent at least once, never lost.
    interrupted = failed.filter(error=INTERRUPTED).count()
    assert delivered <= len(smtp.inbox.messages) <= delivered + interrupted
    assert failed.exists(), "the SMTP server was down for a third of the run"
    assert delivered > SUBMISSIONS // 2, "delivery resumed when the SMTP server came back"
    assert done["killed"] not in workers_after and len(workers_after) == 2

    # The failed notifications are retryable: with the server back, every one goes out.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert all(loans.retry_email(event).kind == LoanEvent.Kind.EMAIL_SENT for event in failed)
    print(f"latencies: median {statistics.median(ordered) * 1000:.0f} ms")
