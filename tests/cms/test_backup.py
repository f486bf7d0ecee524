"""Backup and restore: restored into an empty database, the same pages and requests are there."""

import json
import sqlite3
import subprocess
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

from cms.backup import BackupError, restore
from cms.pdf import cache_dir
from tests.factories import make_catalogue, make_expert, make_home, make_loan, make_standard_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_backup_restores_into_an_empty_database(tmp_path, settings):
    home = make_home()
    make_standard_page(home, "Over ons")
    expert = make_expert(make_catalogue(home), "Hoop houden", expert_name="Bram Jansen")
    make_loan(expert, name="Sanne de Boer")
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "original_images" / "foto.txt").write_text("beeld")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (settings.PRIVATE_MEDIA_ROOT / "reflecties").mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "reflecties" / "verslag.txt").write_text("geleerd")
    pages = sorted(_fetch("select url_path from wagtailcore_page"))
    out = StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out)
    assert "Back-up gemaakt" in out.getvalue()
    assert {p.name for p in (tmp_path / "backup").iterdir()} >= {
        "backup.json",
        "media.tar.gz",
        "private.tar.gz",
    }

    media = tmp_path / "media-restored"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "van-na-de-back-up.txt").write_text("weg")
    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / "docentenhandreiking-oud.pdf").write_bytes(b"%PDF oud")
    caches["pages"].set("page-cache:generation", "van-voor-het-terugzetten", None)
    if connection.vendor == "sqlite":
        target = tmp_path / "leeg.sqlite3"
        restore(
            tmp_path / "backup",
            database_name=str(target),
            media_root=media,
            private_root=tmp_path / "private-restored",
        )
        with sqlite3.connect(target) as db:
            restored_pages = sorted(db.execute("select url_path from wagtailcore_page"))
            requests = db.execute("select name from library_loanrequest").fetchall()
    else:
        database = connection.settings_dict
        empty = f"{database['NAME']}_restore"
        base = ["-h", database["HOST"], "-p", str(database["PORT"]), "-U", database["USER"]]
        subprocess.run(["createdb", *base, empty], check=True)
        try:
            restore(
                tmp_path / "backup",
                database_name=empty,
                media_root=media,
                private_root=tmp_path / "private-restored",
            )
            restored_pages = sorted(_fetch("select url_path from wagtailcore_page", empty))
            requests = _fetch("select name from library_loanrequest", empty)
        finally:
            subprocess.run(["dropdb", *base, empty], check=True)
    assert restored_pages == pages and len(pages) >= 4
    assert [tuple(row) for row in requests] == [("Sanne de Boer",)]
    assert (media / "original_images" / "foto.txt").read_text() == "beeld"
    restored_report = tmp_path / "private-restored" / "reflecties" / "verslag.txt"
    assert restored_report.read_text() == "geleerd"
    assert not (media / "original_images" / "van-na-de-back-up.txt").exists()
    # Cached pages and PDFs of the replaced content are gone.
    assert not cache_dir().exists()
    assert caches["pages"].get("page-cache:generation") is None


def test_restore_refuses_a_backup_of_another_database_and_changes_nothing(tmp_path, settings):
    make_standard_page(make_home(), "Over ons")
    source = tmp_path / "backup"
    source.mkdir()
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    (source / "backup.json").write_text(json.dumps({"database": other}))
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "documents" / "blijft.txt").write_text("blijft")
    with pytest.raises(BackupError, match="Er is niets veranderd"):
        restore(source)
    assert (settings.MEDIA_ROOT / "documents" / "blijft.txt").read_text() == "blijft"
    assert ("/testhome/over-ons/",) in _fetch("select url_path from wagtailcore_page")


def _fetch(sql: str, name: str | None = None) -> list[tuple]:
    if name is None:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return [tuple(row) for row in cursor.fetchall()]
    import psycopg

    database = connection.settings_dict
    with psycopg.connect(
        host=database["HOST"], port=database["PORT"], user=database["USER"], dbname=name
    ) as db:
        return [tuple(row) for row in db.execute(sql).fetchall()]
