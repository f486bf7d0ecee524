"""E-mail through a real SMTP server on loopback, and what happens when it is down."""

import socket

import pytest
from aiosmtpd.controller import Controller

from library.models import LoanEvent
from library.process import loans
from tests.factories import BRAM, make_expert, make_home, make_lending_catalogue, make_loan


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's API
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LoopbackSMTP:
    """An SMTP server on 127.0.0.1 that a test can stop and start again."""

    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings):
    server = LoopbackSMTP()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def matched_loan(db):
    expert = make_expert(make_lending_catalogue(make_home()), **BRAM)
    loan = make_loan(expert, learning_goals="Hoop bespreken.")
    loans.perform(loan, "confirm")
    loans.perform(loan, "ask_expert")
    return loan


def test_introduction_through_smtp_then_server_down(smtp, matched_loan):
    inbox = smtp.inbox
    loan = matched_loan
    inbox.messages.clear()

    event = loans.perform(loan, "introduce")
    assert event.kind == LoanEvent.Kind.EMAIL_SENT
    assert len(inbox.messages) == 1
    received = inbox.messages[0]
    assert sorted(received.rcpt_tos) == ["bram@example.org", "sanne@example.org"]
    assert "Kennismaking: Sanne de Boer en Bram Jansen" in received.content.decode()

    smtp.stop()
    loans.perform(loan, "held")
    failed = loans.perform(loan, "ask_interview")

    loan.refresh_from_db()
    assert loan.status == "held"  # the step is kept although the e-mail failed
    assert failed.kind == LoanEvent.Kind.EMAIL_FAILED
    assert failed.error
    assert loan.events.filter(kind="email_sent").count() == 3
    # the two evaluation invitations failed as well, and are just as retryable
    assert loan.events.filter(kind="email_failed").count() == 3

    # Once the server is back the secretariat sends it again from the desk.
    smtp.start()
    retried = loans.retry_email(failed)
    assert retried.kind == LoanEvent.Kind.EMAIL_SENT
    assert len(inbox.messages) == 2
    assert "Subject: Wil je vertellen over je gesprek" in inbox.messages[-1].content.decode()
