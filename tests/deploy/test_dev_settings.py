"""`make run` (config/settings/dev.py) shows a visitor the site's own Dutch error pages, not
Django's debug pages, and still serves uploaded media itself."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

call_command("migrate", verbosity=0)
call_command("ensure_demo_admin")  # `make run` prints the demo login
assert settings.DEBUG is False, "debug pages on by default"
client = Client(HTTP_HOST="127.0.0.1")
missing = client.get("/bestaat-niet/")
assert missing.status_code == 404, missing.status_code
text = missing.content.decode()
assert "Pagina niet gevonden" in text or "bestaat niet" in text, text[:300]
assert "Django" not in text and "URLconf" not in text
name = default_storage.save("test/hallo.txt", ContentFile(b"hallo"))
served = client.get(settings.MEDIA_URL + name)
assert served.status_code == 200 and b"".join(served.streaming_content) == b"hallo"
css = client.get("/static/css/site.css")
assert css.status_code == 200
print("ok")
"""


def test_make_run_shows_the_dutch_error_pages_and_serves_media(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'dev.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PDF_CACHE_DIR=str(tmp_path / "pdf"),
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", CHECK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
