"""Talking to the index: misbehaving endpoints, retries, the HTTP cache, --offline."""

from __future__ import annotations

import socket
import time

import pytest

from outmoded.deps.cache import Cache, Entry, freshness
from outmoded.deps.index import IndexClient, IndexProblem


def run(tmp_path, deps_json, lines, *args, **kwargs):
    (tmp_path / "requirements.txt").write_text("\n".join(lines) + "\n")
    return deps_json("--platform", "linux", "--target-version", "3.13", *args, **kwargs)


def test_unknown_package_is_not_on_index(tmp_path, deps_json):
    code, found, _ = run(tmp_path, deps_json, ["no-such-package-xyz==1.0"])
    assert code == 1
    dep = found["no-such-package-xyz"]
    assert (dep["status"], dep["reason"], dep["message"]) == ("unknown", "not-on-index", "not on the index")


def test_an_html_login_page_is_an_index_error(tmp_path, deps_json):
    _, found, _ = run(tmp_path, deps_json, ["loginpage", "plaintext", "badjson", "deepjson", "requests"])
    for name in ("loginpage", "plaintext", "badjson", "deepjson"):
        assert (found[name]["status"], found[name]["reason"]) == ("unknown", "index-error"), name
    assert "HTML page that lists no release files" in found["loginpage"]["message"]
    assert "text/plain" in found["plaintext"]["message"]
    assert "malformed JSON" in found["badjson"]["message"]
    assert "malformed JSON" in found["deepjson"]["message"]  # nested past the decoder's limit: no crash
    assert found["requests"]["status"] == "ok"  # one bad page spoils nothing else


def test_a_pep503_html_index_is_understood(tmp_path, deps_json):
    _, found, _ = run(tmp_path, deps_json, ["legacy"])
    assert (found["legacy"]["status"], found["legacy"]["version"]) == ("ok", "1.0")  # 2.0 is yanked


def test_http_500_is_retried_then_reported(tmp_path, deps_json, index):
    started = time.monotonic()
    _, found, _ = run(tmp_path, deps_json, ["broken"], "--retries", "2")
    assert (found["broken"]["status"], found["broken"]["reason"]) == ("unknown", "index-error")
    assert found["broken"]["message"] == "index answered HTTP 500 (after 3 attempts)"
    assert len(index.requests_for("broken")) == 3
    assert time.monotonic() - started >= 1.5  # backoff: 0.5 s, then 1 s


def test_a_hanging_index_times_out(tmp_path, deps_json):
    started = time.monotonic()
    _, found, _ = run(tmp_path, deps_json, ["hangs", "requests"])
    assert (found["hangs"]["status"], found["hangs"]["reason"]) == ("unknown", "index-unreachable")
    assert "no answer within 0.5 s" in found["hangs"]["message"]
    assert found["requests"]["status"] == "ok"
    assert time.monotonic() - started < 5


def test_nothing_listening_is_unreachable(tmp_path, deps_json):
    with socket.socket() as sock:  # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _, found, _ = run(tmp_path, deps_json, ["numpy"], url=f"http://127.0.0.1:{port}/simple/")
    assert (found["numpy"]["status"], found["numpy"]["reason"]) == ("unknown", "index-unreachable")


def test_etag_revalidation_uses_the_cached_page(tmp_path, deps_json, index):
    for _ in range(2):
        _, found, _ = run(tmp_path, deps_json, ["cached"])
        assert found["cached"]["status"] == "ok"
    first, second = index.requests_for("cached")
    assert "If-None-Match" not in first
    assert second["If-None-Match"] == '"v1"'  # answered 304: the body came from the cache


def test_max_age_skips_the_request(tmp_path, deps_json, index):
    for _ in range(2):
        _, found, _ = run(tmp_path, deps_json, ["fresh"])
        assert found["fresh"]["status"] == "ok"
    assert len(index.requests_for("fresh")) == 1


def test_offline_uses_only_the_cache(tmp_path, deps_json, index):
    run(tmp_path, deps_json, ["numpy==1.26.4"])
    index.log.clear()
    _code, found, _ = run(tmp_path, deps_json, ["numpy==1.26.4", "pandas"], "--offline")
    assert index.log == []
    assert (found["numpy"]["status"], found["numpy"]["minimum_ready"]) == ("source-only", "2.1.0")
    assert (found["pandas"]["status"], found["pandas"]["reason"]) == ("unknown", "not-cached")


def test_credentials_go_in_a_header_and_are_not_printed(tmp_path, deps_json, index):
    url = index.url.replace("http://", "http://alice:s3cret@")
    _, found, document = run(tmp_path, deps_json, ["requests"], url=url)
    assert found["requests"]["status"] == "ok"
    assert index.requests_for("requests")[0]["Authorization"] == "Basic YWxpY2U6czNjcmV0"
    assert "s3cret" not in document["index_url"]


def test_pip_index_url_is_respected(tmp_path, index, capsys, monkeypatch):
    from outmoded.cli import main

    monkeypatch.setenv("PIP_INDEX_URL", index.url)
    (tmp_path / "requirements.txt").write_text("requests\n")
    assert main(["deps", "--platform", "linux", "--target-version", "3.13"]) == 0
    assert index.requests_for("requests")


def test_client_accept_header_asks_for_json_first(index, tmp_path):
    client = IndexClient(index.url, None, timeout=1, retries=0)
    client.fetch("requests")
    accept = index.requests_for("requests")[0]["Accept"]
    assert accept.startswith("application/vnd.pypi.simple.v1+json")
    with pytest.raises(IndexProblem) as problem:
        client.fetch("Not_On_Index")
    assert problem.value.reason == "not-on-index"
    assert index.log[-1][0] == "/simple/not-on-index/"  # names are normalized (PEP 503)


def test_cache_survives_damage(tmp_path):
    cache = Cache(tmp_path / "c")
    cache.put("u", Entry(b"body\nwith newline", "t", '"e"', None, 60, time.time()))
    assert cache.get("u").body == b"body\nwith newline"
    assert cache.get("u").fresh()
    cache._path("u").write_bytes(b"garbage")
    assert cache.get("u") is None


def test_cache_control_parsing():
    assert freshness("max-age=600, public") == (True, 600)
    assert freshness("no-cache, max-age=600") == (True, None)
    assert freshness("private, no-store") == (False, None)
    assert freshness("") == (True, None)


def test_a_page_without_caching_headers_is_fresh_for_ten_minutes(tmp_path, deps_json, index):
    for _ in range(2):
        _, found, _ = run(tmp_path, deps_json, ["requests"])
        assert found["requests"]["status"] == "ok"
    assert len(index.requests_for("requests")) == 1
