"""Reading configuration from the environment.

Every deployment knob is an environment variable; the defaults are safe for one machine.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

TRUE_WORDS = {"1", "true", "yes", "on", "ja"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in TRUE_WORDS


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default or [])


def email_settings() -> dict[str, object]:
    """E-mail settings from EMAIL_URL (smtp://user:pass@host:port, smtp+tls://, smtp+ssl://)
    or from the separate EMAIL_HOST variables. Without either, mail goes to the console."""
    url = env_str("EMAIL_URL")
    if url:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in {"console", "consolemail"}:
            return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
        if scheme not in {"smtp", "smtp+tls", "smtp+ssl", "submission"}:
            raise ValueError(
                f"EMAIL_URL: onbekend schema {scheme!r} (gebruik smtp://, smtp+tls:// of smtp+ssl://)"
            )
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port
            or (465 if scheme == "smtp+ssl" else 587 if scheme != "smtp" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": scheme in {"smtp+tls", "submission"},
            "EMAIL_USE_SSL": scheme == "smtp+ssl",
        }
    host = env_str("EMAIL_HOST")
    if host:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": host,
            "EMAIL_PORT": env_int("EMAIL_PORT", 25),
            "EMAIL_HOST_USER": env_str("EMAIL_HOST_USER"),
            "EMAIL_HOST_PASSWORD": env_str("EMAIL_HOST_PASSWORD"),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS"),
            "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL"),
        }
    return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
