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
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from cms.pdf import cache_dir


class BackupError(RuntimeError):
    pass


def pg_connection(name: str) -> tuple[list[str], dict[str, str]]:
    """Connection options and environment for pg_dump/pg_restore, as Django gives them to psql
    (host, port, user, password, sslmode, service, passfile), for database `name`."""
    arguments, env = connection.client.settings_to_cmd_args_env(
        {**connection.settings_dict, "NAME": name}, []
    )
    return arguments[1:-1], env or {}  # without "psql" and the database name


def run(command: list[str], env: dict[str, str]) -> None:
    # Fixed programs (pg_dump, pg_restore) with arguments from the settings, no shell.
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, env={**os.environ, **env}
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} mislukte: {result.stderr.strip()[:500]}")


def backup(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=False, mode=0o700)  # it holds personal data
    if connection.vendor == "postgresql":
        options, env = pg_connection(connection.settings_dict["NAME"])
        name = connection.settings_dict["NAME"]
        run(["pg_dump", "-Fc", *options, "-f", str(target / "database.dump"), name], env)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(target / "database.sqlite3")) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Onbekende database: {connection.vendor}")
    archive_folder(Path(settings.MEDIA_ROOT), target / "media.tar.gz")
    # Residents' reflection reports live outside the public media (PRIVATE_MEDIA_ROOT).
    archive_folder(Path(settings.PRIVATE_MEDIA_ROOT), target / "private.tar.gz")
    (target / "backup.json").write_text(
        json.dumps({"database": connection.vendor, "made_at": timezone.now().isoformat()})
    )
    return target


def archive_folder(folder: Path, archive_path: Path) -> None:
    with tarfile.open(archive_path, "w:gz") as archive:
        if folder.exists():
            archive.add(folder, arcname="media")


def restore(
    source: Path,
    *,
    database_name: str | None = None,
    media_root: Path | None = None,
    private_root: Path | None = None,
):
    """Restore into the configured (or the named, empty) database and media folder."""
    meta = json.loads((source / "backup.json").read_text())
    if meta["database"] != connection.vendor:
        raise BackupError(
            f"Deze back-up is van een {meta['database']}-database; de site gebruikt "
            f"{connection.vendor}. Er is niets veranderd."
        )
    name = database_name or connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        options, env = pg_connection(name)
        # One transaction: a failed restore leaves the database as it was.
        restore_options = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
        run(
            ["pg_restore", *restore_options, *options, "-d", name, str(source / "database.dump")],
            env,
        )
    else:
        with (
            closing(sqlite3.connect(source / "database.sqlite3")) as copy,
            closing(sqlite3.connect(name)) as target,
        ):
            copy.backup(target)
    replace_media(source / "media.tar.gz", Path(media_root or settings.MEDIA_ROOT))
    if (source / "private.tar.gz").exists():  # backups made before the reflection reports
        replace_media(source / "private.tar.gz", Path(private_root or settings.PRIVATE_MEDIA_ROOT))
    # Cached pages, site root paths and PDFs belong to the content that was replaced; restored
    # revisions can even reuse the ids the PDF cache is keyed on.
    for alias in settings.CACHES:
        caches[alias].clear()
    shutil.rmtree(cache_dir(), ignore_errors=True)


def replace_media(archive_path: Path, media: Path) -> None:
    """Swap the folder's contents, not the folder: MEDIA_ROOT may be a mount point. The old
    files are only removed once the new ones are in place."""
    media.mkdir(parents=True, exist_ok=True)
    staging, old = media / ".restore-new", media / ".restore-old"
    for folder in (staging, old):
        shutil.rmtree(folder, ignore_errors=True)
    with tarfile.open(archive_path) as archive:
        archive.extractall(staging, filter="data")
    old.mkdir()
    for child in list(media.iterdir()):
        if child not in (staging, old):
            child.rename(old / child.name)
    restored = staging / "media"
    if restored.exists():
        for child in restored.iterdir():
            child.rename(media / child.name)
    shutil.rmtree(staging)
    shutil.rmtree(old)
