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


def test_cache_files_nested_past_the_decoders_limit_are_misses(tmp_path):
    """A cached page or code verdict damaged (or planted) so that its JSON nests past the
    decoder's recursion limit is a miss, checked again, not an internal error of the run."""
    from types import SimpleNamespace

    from outmoded.deps.verdict import CodeVerdict
    from outmoded.deps.verdictcache import VerdictCache

    deep = b"[" * 100_000 + b"]" * 100_000
    pages = Cache(tmp_path / "http")
    url = "https://index.example/simple/numpy/"
    pages.put(url, Entry(b"{}", "application/json", None, None, 60, 1.0))
    assert pages.get(url) is not None
    (tmp_path / "http" / os.listdir(tmp_path / "http")[0]).write_bytes(deep + b"\n{}")
    assert pages.get(url) is None
    verdicts = VerdictCache(tmp_path / "verdicts")
    dist = SimpleNamespace(sha256="ab" * 32, url="https://files.example/numpy.whl")
    verdicts.put(dist, (3, 13), CodeVerdict(checked=3))
    assert verdicts.get(dist, (3, 13)).checked == 3
    (tmp_path / "verdicts" / os.listdir(tmp_path / "verdicts")[0]).write_bytes(deep)
    assert verdicts.get(dist, (3, 13)) is None


def test_a_verdict_cached_before_the_engine_changed_is_judged_again(tmp_path, monkeypatch):
    """ansible-core 2.21.5 was judged ok at 3.15; once the engine reads a line it did not (its
    private name reached through a string getattr), the cached verdict must not outlive it."""
    from types import SimpleNamespace

    import outmoded
    from outmoded.deps import verdictcache
    from outmoded.deps.verdict import CodeVerdict
    from outmoded.deps.verdictcache import VerdictCache

    tool = tmp_path / "tool"
    (tool / "deps").mkdir(parents=True)
    (tool / "__init__.py").write_text("")
    (tool / "scan.py").write_text("RULES = 1\n")
    monkeypatch.setattr(outmoded, "__file__", str(tool / "__init__.py"))
    verdictcache._fingerprint.cache_clear()
    dist = SimpleNamespace(sha256="ab" * 32, url="https://files.example/ansible_core-2.21.5-py3-none-any.whl")
    VerdictCache(tmp_path / "verdicts").put(dist, (3, 15), CodeVerdict(checked=1, filename="x.whl"))
    assert VerdictCache(tmp_path / "verdicts").get(dist, (3, 15)) is not None
    (tool / "scan.py").write_text("RULES = 2  # the engine sees more\n")
    verdictcache._fingerprint.cache_clear()
    assert VerdictCache(tmp_path / "verdicts").get(dist, (3, 15)) is None
    verdictcache._fingerprint.cache_clear()
