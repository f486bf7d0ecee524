import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms.env import email_settings

PROJECT_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x8Kq2vLp9Zr4Tn7Wb3Yc6Hd1Jf5Gm0Qs-uAeRiOyTl_EkWnBvCxZpMoLiKuJyHt",
    "ALLOWED_HOSTS": "expertbibliotheek.example.org",
    "DATABASE_URL": "sqlite:////tmp/cms-deploy-check.sqlite3",
    "WAGTAILADMIN_BASE_URL": "https://expertbibliotheek.example.org",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", "--settings=config.settings.production", env={})
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_check_deploy_is_clean():
    result = manage(
        "check", "--deploy", "--settings=config.settings.production", env=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "WARNINGS" not in output
    assert "System check identified no issues" in output


def test_email_defaults_to_console(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.delenv("EMAIL_HOST", raising=False)
    assert email_settings()["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_email_url_configures_smtp(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp+tls://mailer:geheim%21@mail.example.org:2525")
    settings = email_settings()
    assert settings["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert settings["EMAIL_HOST"] == "mail.example.org"
    assert settings["EMAIL_PORT"] == 2525
    assert settings["EMAIL_HOST_USER"] == "mailer"
    assert settings["EMAIL_HOST_PASSWORD"] == "geheim!"
    assert settings["EMAIL_USE_TLS"] is True


def test_email_host_configures_smtp(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.org")
    monkeypatch.setenv("EMAIL_PORT", "587")
    monkeypatch.setenv("EMAIL_USE_TLS", "true")
    settings = email_settings()
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"]) == (
        "smtp.example.org",
        587,
        True,
    )


def test_unknown_email_scheme_is_refused(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "pop3://mail.example.org")
    with pytest.raises(ValueError, match="onbekend schema"):
        email_settings()


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"


@pytest.mark.django_db
def test_admin_is_dutch(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()


@pytest.mark.django_db
def test_admin_login_speaks_dutch_on_a_wrong_password(client):
    from django.contrib.auth.models import User

    User.objects.create_user("redacteur", password="juist-wachtwoord")
    response = client.post("/admin/login/", {"username": "redacteur", "password": "fout"})
    content = response.content.decode()
    assert "Wachtwoord" in content
    assert "passen niet bij elkaar" in content
