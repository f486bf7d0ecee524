"""Backup and restore of the database and the media folder.

PostgreSQL: pg_dump's custom format and pg_restore. SQLite: SQLite's own online backup (a
consistent copy while the site runs). Media: a tar.gz of MEDIA_ROOT. One folder per backup:
database.dump or database.sqlite3, media.tar.gz, and backup.json describing them.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone


class BackupError(RuntimeError):
    pass


def pg_arguments(database: dict) -> tuple[list[str], dict[str, str]]:
    arguments = ["-h", database["HOST"] or "localhost", "-U", database["USER"]]
    if database.get("PORT"):
        arguments += ["-p", str(database["PORT"])]
    env = {"PGPASSWORD": database["PASSWORD"]} if database.get("PASSWORD") else {}
    return arguments, env


def run(command: list[str], env: dict[str, str]) -> None:
    # Fixed programs (pg_dump, pg_restore) with arguments from the settings, no shell.
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, env={**os.environ, **env}
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} mislukte: {result.stderr.strip()[:500]}")


def backup(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=False)
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        arguments, env = pg_arguments(database)
        run(
            ["pg_dump", "-Fc", *arguments, "-f", str(target / "database.dump"), database["NAME"]],
            env,
        )
        kind = "postgresql"
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / "database.sqlite3") as copy:
            connection.connection.backup(copy)
        kind = "sqlite"
    else:
        raise BackupError(f"Onbekende database: {connection.vendor}")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    (target / "backup.json").write_text(
        json.dumps({"database": kind, "made_at": timezone.now().isoformat()}, indent=2)
    )
    return target


def restore(source: Path, *, database_name: str | None = None, media_root: Path | None = None):
    """Restore into the configured (or the named, empty) database and media folder."""
    meta = json.loads((source / "backup.json").read_text())
    database = connection.settings_dict
    if meta["database"] == "postgresql":
        arguments, env = pg_arguments(database)
        name = database_name or database["NAME"]
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                *arguments,
                "-d",
                name,
                str(source / "database.dump"),
            ],
            env,
        )
    else:
        target = Path(database_name or database["NAME"])
        with sqlite3.connect(source / "database.sqlite3") as copy, sqlite3.connect(target) as dst:
            copy.backup(dst)
    media = Path(media_root or settings.MEDIA_ROOT)
    with tarfile.open(source / "media.tar.gz") as archive:
        staging = media.parent / f".{media.name}-restore"
        shutil.rmtree(staging, ignore_errors=True)
        archive.extractall(staging, filter="data")
        if (staging / "media").exists():
            shutil.rmtree(media, ignore_errors=True)
            (staging / "media").rename(media)
        shutil.rmtree(staging, ignore_errors=True)
