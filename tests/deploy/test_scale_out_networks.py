"""Scale-out with two networks and workers (issue 20, point 7): two gunicorn app servers, two
mail workers and a PDF worker on one PostgreSQL, one Redis and one media folder, on loopback.

A publish through server A is rendered once, by the PDF worker. 200 loan forms go to both
servers and both networks while the mail server is down for a third of the run and one mail
worker is killed (SIGKILL) while it sends, and not restarted. In the end every request is in
its own network and every notification went out once, with its network's reply-to address,
without anyone pressing "send again": the retries (MAIL_RETRY_AFTER, shortened) and the sweep
for a killed worker's e-mails (MAIL_RECLAIM_AFTER / MAIL_RECLAIM_EVERY, shortened) did it.
Runs in the PostgreSQL pass (scripts/with-postgres.sh) when redis-server is installed."""

from __future__ import annotations

import asyncio
import email
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import connection

from cms.models import SiteSettings
from library.models import LoanEvent, LoanFormPage, LoanRequest
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.deploy.servers import (
    ROOT,
    app_server_env,
    csrf_token,
    loan_form_data,
    start_gunicorn,
    start_redis,
    start_worker,
    stop,
)
from tests.factories import (
    make_catalogue,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan_form,
    make_network,
)
from tests.library.test_mail_delivery import Inbox, LoopbackSMTP

SUBMISSIONS = 200
CLIENTS = 10
# Each e-mail takes this long at the mail server: the workers are busy most of the run, so the
# killed one dies while sending, as in the incident this test stands for.
SMTP_DELAY = 0.1
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not shutil.which("redis-server"),
        reason="needs PostgreSQL (scripts/with-postgres.sh) and redis-server",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class SlowInbox(Inbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        # Before the message is accepted: a worker killed here has sent nothing.
        await asyncio.sleep(SMTP_DELAY)
        envelope.rcpt_tos.append(address)
        return "250 OK"


def network(home, name: str, host: str, expert_name: str):
    catalogue = make_lending_catalogue(home) if host == "west" else make_catalogue(home)
    if host != "west":
        make_loan_form(catalogue)
    form = LoanFormPage.objects.child_of(catalogue).get()
    form.to_address = f"secretariaat@{host}.example.test"
    form.subject = f"Nieuwe leenaanvraag {name}"
    form.save_revision().publish()
    site = home.get_site()
    values = SiteSettings.for_site(site)
    values.secretariat_email = f"bureau@{host}.example.test"
    values.save()
    expert = make_expert(catalogue, f"Hoop houden ({name})", expert_name=expert_name)
    return site, catalogue, expert


def deliveries_running_on(worker_id: str) -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path="library.process.mail.deliver_event",
        status="RUNNING",
        worker_ids__contains=[worker_id],
    ).count()


def publish_through_admin(base: str, page_id: int, title: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(locale="nl-NL")
        tab.goto(base + "/admin/login/")
        tab.get_by_label("Gebruikersnaam").fill("beheer")
        tab.get_by_label("Wachtwoord").fill("wachtwoord-beheer")
        tab.get_by_role("button", name="Inloggen").click()
        expect(tab).to_have_url(re.compile(r"/admin/$"))
        tab.goto(f"{base}/admin/pages/{page_id}/edit/")
        tab.locator("#id_title").fill(title)
        tab.locator('button[name="action-publish"]').evaluate("button => button.click()")
        expect(tab.locator(".messages")).to_contain_text("gepubliceerd")
        browser.close()


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


class Load:
    """The residents: forms spread over both servers and both networks; at a quarter of the
    run the sending mail worker is killed, from a third to two thirds the mail server is down."""

    def __init__(self, servers: list[str], experts: dict, smtp: LoopbackSMTP, victim):
        self.servers, self.experts, self.smtp, self.victim = servers, experts, smtp, victim
        self.lock = threading.Lock()
        self.done = 0
        self.killed_mid_send: bool | None = None
        self.statuses: Counter = Counter()

    def submit(self, number: int) -> None:
        server = self.servers[number % 2]
        network = "oost" if number % 4 >= 2 else "west"
        headers = {"Host": f"{network}.example.test"}
        url = server + "/expertbibliotheek/lenen/"
        with requests.Session() as visitor:
            form = visitor.get(url, headers=headers, timeout=30)
            response = visitor.post(
                url,
                data=loan_form_data(csrf_token(form.text), self.experts[network].pk, number),
                headers={**headers, "Referer": f"http://{network}.example.test/"},
                timeout=30,
            )
        with self.lock:
            self.statuses[response.status_code] += 1
            self.done += 1
            count = self.done
        if count == SUBMISSIONS // 4:
            self.kill_a_worker()
        elif count == SUBMISSIONS // 3:
            self.smtp.stop()
        elif count == 2 * SUBMISSIONS // 3:
            self.smtp.start()

    def kill_a_worker(self) -> None:
        # Wait (briefly) until the worker is sending, then kill it: its task stays RUNNING.
        wait_until(lambda: deliveries_running_on("mail-1") > 0, 15)
        self.victim.send_signal(signal.SIGKILL)
        self.victim.wait(timeout=10)
        self.killed_mid_send = deliveries_running_on("mail-1") > 0
        connection.close()  # this thread's own connection


def test_two_networks_two_servers_workers_outage_and_a_killed_worker(monkeypatch):
    from django.contrib.auth.models import User
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    started = time.monotonic()
    west_site, west_catalogue, west_expert = network(make_home(), "West", "west", "Bram Jansen")
    east_site, _east_home = make_network("Netwerk Oost", "oost.example.test")
    east_site, _, east_expert = network(_east_home, "Oost", "oost", "Carla de Boer")
    User.objects.create_superuser("beheer", "beheer@example.org", "wachtwoord-beheer")

    work = Path(tempfile.mkdtemp(prefix="cms-scale-out-networks-"))
    smtp = LoopbackSMTP()
    smtp.inbox = SlowInbox()
    smtp.start()
    redis, redis_url = start_redis(work)
    env = app_server_env(
        DJANGO_SETTINGS_MODULE="tests.deploy.cluster_settings",
        REDIS_URL=redis_url,
        MEDIA_ROOT=str(work / "media"),
        PDF_CACHE_DIR=str(work / "pdf"),
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        EMAIL_TIMEOUT="5",
        MAIL_RETRY_AFTER="2,4,8,16",
        MAIL_RECLAIM_AFTER="10",
        MAIL_RECLAIM_EVERY="3",
    )
    processes = [redis]
    try:
        # The sweep's chain, as `manage.py plan_daily_upkeep` starts it after a deploy.
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "plan_daily_upkeep"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        servers = []
        for _ in range(2):
            process, url = start_gunicorn(env, workers=2)
            processes.append(process)
            servers.append(url)
        mail_workers = [start_worker(env, "mail", f"mail-{n}") for n in (1, 2)]
        pdf_worker = start_worker(env, "pdf", "pdf-1")
        processes += [*mail_workers, pdf_worker]

        publish_through_admin(servers[0], west_catalogue.pk, "Expertbibliotheek West")

        load = Load(servers, {"west": west_expert, "oost": east_expert}, smtp, mail_workers[0])
        load_started = time.monotonic()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(load.submit, range(SUBMISSIONS)))
        load_seconds = time.monotonic() - load_started
        if smtp.controller is None:
            smtp.start()

        notifications = LoanEvent.objects.filter(email_kind="form_notification")
        all_sent = wait_until(
            lambda: notifications.filter(kind=LoanEvent.Kind.EMAIL_SENT).count() == SUBMISSIONS,
            120,
        )
        renders = DBTaskResult.objects.filter(
            task_path="library.catalogue.print_material.regenerate_print_material"
        )
        rendered = wait_until(lambda: renders.filter(status="SUCCESSFUL").exists(), 120)
    finally:
        stop([process for process in processes if process.poll() is None])
        smtp.stop()

    try:
        deliveries = DBTaskResult.objects.filter(task_path="library.process.mail.deliver_event")
        messages = [email.message_from_bytes(envelope.content) for envelope in smtp.inbox.messages]
        by_id = Counter(message["Message-ID"] for message in messages)
        per_network = {
            name: LoanRequest.objects.filter(site=site).count()
            for name, site in (("West", west_site), ("Oost", east_site))
        }
        retried = deliveries.filter(args_kwargs__args__2__gt=1).count()
        print(
            f"\n{SUBMISSIONS} formulieren in {load_seconds:.0f} s over 2 servers en 2 netwerken "
            f"({dict(load.statuses)}): aanvragen per netwerk {per_network}; "
            f"{notifications.filter(kind=LoanEvent.Kind.EMAIL_SENT).count()} meldingen "
            f"verstuurd, {len(messages)} e-mails ontvangen ({len(by_id)} verschillend), "
            f"{deliveries.count()} pogingen waarvan {retried} herhalingen, "
            f"{deliveries.filter(exception_class_path__endswith='WorkerLost').count()} "
            f"van de gedode worker teruggehaald (gedood tijdens versturen: "
            f"{load.killed_mid_send}); PDF-renders: {renders.count()} "
            f"({list(renders.values_list('worker_ids', flat=True))}); "
            f"totaal {time.monotonic() - started:.0f} s"
        )

        assert load.statuses == {200: SUBMISSIONS}
        for number in range(SUBMISSIONS):
            loan = LoanRequest.objects.get(email=f"aios{number}@example.org")
            site = east_site if number % 4 >= 2 else west_site
            assert (loan.site_id, loan.requested_on_id) == (site.pk, site.pk), number
        assert sum(per_network.values()) == SUBMISSIONS

        assert all_sent, "every notification went out without anyone pressing retry"
        assert notifications.count() == SUBMISSIONS
        # Once each: the only way to receive a line's e-mail twice is a worker killed after the
        # mail server's "250 OK" and before the history was updated, a window of milliseconds.
        assert len(by_id) == SUBMISSIONS
        assert len(messages) - len(by_id) <= 1
        for message in messages:
            host = message["To"].split("@")[1]
            assert message["Reply-To"] == f"bureau@{host}", message["To"]
        assert deliveries.filter(args_kwargs__args__2__gt=1).exists(), "the outage had retries"
        assert load.killed_mid_send, "mail-1 was killed while it was sending"
        assert deliveries.filter(exception_class_path__endswith="WorkerLost").exists()
        assert not deliveries.filter(status="RUNNING").exists()

        assert rendered and renders.count() == 1
        assert renders.get().worker_ids == ["pdf-1"]
        assert any((work / "pdf").glob("*.pdf")), "the render is in the shared PDF cache"
    finally:
        shutil.rmtree(work, ignore_errors=True)
