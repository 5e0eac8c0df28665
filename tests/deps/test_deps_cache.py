"""The dependency caches' files: written atomically, private to the user, safe under threads."""

from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor

from outmoded.deps.cache import Cache, Entry


def test_index_pages_are_written_whole_private_and_without_leftovers(tmp_path):
    cache = Cache(tmp_path / "http")  # created on the first write
    pages = [Entry(bytes([i]) * 200_000, "application/json", f'"{i}"', None, 60, 1.0) for i in range(16)]
    with ThreadPoolExecutor(8) as pool:  # the deps workers are threads: one URL written by many at once
        list(pool.map(lambda page: cache.put("https://index.example/simple/numpy/", page), pages))
    found = cache.get("https://index.example/simple/numpy/")
    assert found is not None and len(set(found.body)) == 1 and found.etag == f'"{found.body[0]}"'
    files = os.listdir(tmp_path / "http")
    assert len(files) == 1  # no temporary file left behind
    assert stat.S_IMODE(os.stat(tmp_path / "http" / files[0]).st_mode) == 0o600


def test_an_unwritable_cache_is_a_miss_not_an_error(tmp_path):
    (tmp_path / "http").write_text("a file where the directory should be")
    cache = Cache(tmp_path / "http")
    cache.put("https://index.example/simple/numpy/", Entry(b"{}", "application/json", None, None, 60, 1.0))
    assert cache.get("https://index.example/simple/numpy/") is None
