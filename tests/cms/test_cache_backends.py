"""The site's cache backends (cms/cache.py) keep Django's behaviour: values round-trip,
expire, are touched and deleted, and the page cache (with its in-process near tier) works on
each of them, also when another app server invalidates."""

import shutil
import time
import uuid
from pathlib import Path

import pytest
from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache
from django.test import Client, override_settings

from cms.cache import FileBasedCache, RedisCache
from cms.models import SiteSettings
from cms.page_cache import GENERATION_KEY, page_cache
from cms.pdf import pdf_response
from tests.deploy.servers import free_port, start_redis, stop
from tests.factories import make_home, make_standard_page

PDF = b"%PDF-1.7 " + bytes(range(256)) * 200  # binary, like a cached trainer guide


@pytest.fixture
def file_cache(tmp_path):
    return FileBasedCache(str(tmp_path / "cache"), {})


@pytest.fixture(scope="module")
def redis_url():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (make test installs it)")
    folder = Path(__file__).parent  # nothing is written: saving is off
    process, url = start_redis(folder)
    yield url
    stop([process])


def test_file_cache_round_trips_a_pdf_response_uncompressed(file_cache, tmp_path):
    response = pdf_response(PDF, "gids.pdf")
    file_cache.set("gids", response, 60)
    [stored] = (tmp_path / "cache").glob("*.djcache")
    # Stored as it is: the PDF's bytes are in the file, not zlib-packed.
    assert PDF in stored.read_bytes()
    cached = file_cache.get("gids")
    assert cached.content == PDF and cached["Content-Type"] == "application/pdf"


def test_file_cache_expires_touches_and_deletes(file_cache):
    file_cache.set("kort", "waarde", 1)
    assert file_cache.touch("kort", 60) is True
    time.sleep(1.1)
    assert file_cache.get("kort") == "waarde"  # touch gave it a minute
    assert file_cache.touch("bestaat-niet", 60) is False
    file_cache.set("weg", "waarde", 1)
    time.sleep(1.1)
    assert file_cache.get("weg", "standaard") == "standaard"
    assert file_cache.add("nieuw", 1) is True and file_cache.add("nieuw", 2) is False
    assert file_cache.get_many(["kort", "nieuw"]) == {"kort": "waarde", "nieuw": 1}
    file_cache.delete("kort")
    assert file_cache.get("kort") is None


def test_entry_of_djangos_compressing_backend_is_a_miss_and_removed(file_cache, tmp_path):
    DjangoFileBasedCache(str(tmp_path / "cache"), {}).set("oud", "waarde", 60)
    assert file_cache.get("oud", "standaard") == "standaard"
    assert not list((tmp_path / "cache").glob("*.djcache"))


def test_redis_cache_keeps_djangos_behaviour_with_one_client(redis_url):
    cache = RedisCache(redis_url, {"KEY_PREFIX": "test-backends"})
    cache.clear()
    cache.set("gids", pdf_response(PDF, "gids.pdf"), 60)
    assert cache.get("gids").content == PDF
    assert cache.add("teller", 1) is True and cache.incr("teller") == 2
    assert cache.get_many(["gids", "teller", "niets"]).keys() == {"gids", "teller"}
    cache.delete("gids")
    assert cache.get("gids") is None
    # One redis client per connection pool, not a new one per call.
    assert cache._cache.get_client("a") is cache._cache.get_client("b", write=True)


def pages_cache(backend: str, location: str) -> dict:
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": f"cms.cache.{backend}", "LOCATION": location},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("backend", ["FileBasedCache", "RedisCache"])
def test_page_cache_on_each_backend(backend, tmp_path, request):
    location = (
        str(tmp_path / "cache")
        if backend == "FileBasedCache"
        else request.getfixturevalue("redis_url")
    )
    with override_settings(CACHES=pages_cache(backend, location)):
        page_cache().clear()
        try:
            home = make_home()
            SiteSettings.objects.get_or_create(site_id=home.get_site().pk)  # not on 1st visit
            page = make_standard_page(home, "Over ons")
            client = Client()
            states = [client.get(page.url).get("X-Page-Cache") for _ in range(2)]
            assert states == ["miss", "hit"]
            # Another app server publishes: it only replaces the shared generation. This
            # process keeps the page in memory too, but must not serve it any more.
            page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)  # as invalidate() does
            assert client.get(page.url).get("X-Page-Cache") == "miss"
            assert client.get(page.url).get("X-Page-Cache") == "hit"
            page.title = "Over de expertbibliotheek"
            page.save_revision().publish()
            response = client.get(page.url)
            assert response.get("X-Page-Cache") == "miss"
            assert "Over de expertbibliotheek" in response.content.decode()
        finally:
            page_cache().clear()


@pytest.mark.django_db
def test_site_works_when_redis_is_down():
    nobody_listens = f"redis://127.0.0.1:{free_port()}/0"
    with override_settings(CACHES=pages_cache("RedisCache", nobody_listens)):
        home = make_home()
        page = make_standard_page(home, "Over ons")
        client = Client()
        for _ in range(2):
            response = client.get(page.url)
            assert response.status_code == 200 and "Over ons" in response.content.decode()
            assert response.get("X-Page-Cache") is None
        page.title = "Over de expertbibliotheek"
        page.save_revision().publish()  # publishing does not fail on the cache
        assert "Over de expertbibliotheek" in client.get(page.url).content.decode()
