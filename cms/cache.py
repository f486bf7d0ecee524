"""Django's cache backends, minus two costs the page cache pays on every hit.

Measured with `make loadtest`: a cached page is read three times per request (generation,
learned headers, response), so what a backend does per call decides the req/s.
"""

from __future__ import annotations

import os
import pickle
import time
from contextlib import contextmanager

from django.core.cache.backends import filebased, redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.files import locks

MISSING = object()
# Beside the entries; not a "*.djcache" file, so clear() and culling leave it alone.
ADD_LOCK_NAME = "add.lock"


class FileBasedCache(filebased.FileBasedCache):
    """Stores pickles uncompressed, and add() has one winner across processes.

    Django zlib-compresses every value; unpacking a cached 65 kB trainer guide took 0.36 ms a
    hit, half the time of serving it. Pages and PDFs are read far more often than written, and
    the disk is cheap.
    """

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Store the value only if the key has none; True for exactly one of several callers.

        Django's add() is has_key() followed by set(): two processes that both find no entry
        both store theirs and both get True. The PDF render lock (cms/pdf.py) relies on
        add() having one winner, as it has in Redis and LocMem, so here the check and the
        write happen under an exclusive lock (fcntl) on one file that every process using
        this folder opens. O_CREAT|O_EXCL on the entry itself would not do: an expired entry
        must be replaceable, and a reader could open the new file before its content is in.
        """
        with self._exclusive():
            if self.has_key(key, version):
                return False
            self.set(key, value, timeout, version)
            return True

    def incr(self, key, delta=1, version=None):
        """Raise a counter with one winner per step across processes, keeping its expiry.

        Django's incr() is get() followed by set(), so parallel callers lose counts (the loan
        form's rate limit, cms/rate_limit.py, let ten parallel requests through), and its set()
        gives the entry the default timeout, which would shorten an hour's window to minutes.
        """
        with self._exclusive():
            path = self._key_to_file(key, version)
            try:
                with open(path, "rb") as file:
                    expires = pickle.load(file)  # noqa: S301 - written by this process
                    value = pickle.load(file)  # noqa: S301
            except (FileNotFoundError, EOFError, pickle.UnpicklingError):
                value = MISSING
            now = time.time()
            if value is MISSING or (expires is not None and expires < now):
                raise ValueError(f"Key '{key}' not found")
            self.set(key, value + delta, None if expires is None else expires - now, version)
            return value + delta

    @contextmanager
    def _exclusive(self):
        self._createdir()  # the folder can be removed at any time (clear, restore)
        with open(os.path.join(self._dir, ADD_LOCK_NAME), "ab") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock_file)

    def get(self, key, default=None, version=None):
        path = self._key_to_file(key, version)
        try:
            with open(path, "rb") as file:
                if not self._is_expired(file):
                    return pickle.loads(file.read())  # noqa: S301 - written by this process
        except FileNotFoundError:
            pass
        except (pickle.UnpicklingError, EOFError, ValueError):
            # An entry written by Django's compressing backend before an upgrade: a miss.
            self.delete(key, version)
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, MISSING, version)
        if value is MISSING:
            return False
        self.set(key, value, timeout, version)
        return True


class RedisCacheClient(redis.RedisCacheClient):
    """One `redis.Redis` per connection pool instead of a new one per call.

    Building a client object costs redis-py 8 about 0.2 ms (it fills a table of some 170
    response callbacks), more than the round trip to Redis. A client is safe to share between
    threads: it takes a connection from the pool for each command.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
