"""Asking a package index for one project's page: PEP 691 content negotiation, timeouts,
bounded retries with exponential backoff, and the on-disk cache (``cache.py``).

Only the standard library's urllib, so the command adds no dependency.  Every failure becomes
an ``IndexProblem`` carrying a reason the report can show per dependency; none escapes as a
traceback.
"""

from __future__ import annotations

import base64
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from packaging.utils import canonicalize_name

from outmoded import __version__
from outmoded.deps.cache import Cache, Entry, freshness
from outmoded.deps.model import INDEX_ERROR, NOT_CACHED, NOT_ON_INDEX, UNREACHABLE

PYPI = "https://pypi.org/simple/"
# PEP 691's recommended Accept header: JSON preferred, the HTML forms as fallbacks.
ACCEPT = ("application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
          "text/html;q=0.01")
MAX_BACKOFF = 8.0
HEURISTIC_FRESHNESS = 600  # seconds, for pages that say nothing about caching (PyPI's own max-age)
MAX_DOWNLOAD = 256 * 1024 * 1024  # a release file larger than this is not checked


class IndexProblem(Exception):
    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


class _Retry(IndexProblem):
    """A failure worth trying again: no connection, a timeout, a 5xx or 429."""


@dataclass
class Page:
    body: bytes
    content_type: str


def split_credentials(url: str) -> tuple:
    """(url without user:password, Authorization header value or None, url safe to print)."""
    parts = urlsplit(url)
    if not parts.username:
        return url, None, url
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    bare = urlunsplit(parts._replace(netloc=host))
    token = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    shown = urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))
    return bare, "Basic " + base64.b64encode(token.encode()).decode(), shown


class IndexClient:
    def __init__(self, index_url: str = PYPI, cache: Cache | None = None, timeout: float = 15.0,
                 retries: int = 2, offline: bool = False, backoff: float = 0.5):
        self.base, self.authorization, self.shown_url = split_credentials(index_url)
        self.base = self.base.rstrip("/") + "/"
        self.cache, self.timeout, self.retries = cache, timeout, retries
        self.offline, self.backoff = offline, backoff
        self.downloaded = 0  # bytes of release files received (benchmarks report it)
        self._count = threading.Lock()

    def sibling(self, index_url: str) -> IndexClient:
        """A client of another index (one a lock file names) with this one's cache, timeout,
        retries and offline mode; this one's credentials stay with this one's host."""
        return IndexClient(index_url, self.cache, self.timeout, self.retries, self.offline, self.backoff)

    def project_url(self, name: str) -> str:
        return self.base + quote(canonicalize_name(name)) + "/"

    def fetch(self, name: str) -> Page:
        url = self.project_url(name)
        cached = self.cache.get(url) if self.cache else None
        if self.offline or (cached and cached.fresh()):
            if cached is None:
                raise IndexProblem(NOT_CACHED, "not in the cache (--offline); run once online first")
            return Page(cached.body, cached.content_type)
        status, headers, body = self._request(url, {"Accept": ACCEPT, **(cached.validators() if cached else {})})
        if status == 304 and cached:
            return self._store(url, headers, cached.body, cached.content_type, cached)
        return self._store(url, headers, body, headers.get("Content-Type", ""), None)

    def _store(self, url: str, headers, body: bytes, content_type: str, old: Entry | None) -> Page:
        storable, max_age = freshness(headers.get("Cache-Control", ""))
        if not any(headers.get(h) for h in ("Cache-Control", "Expires", "ETag", "Last-Modified")):
            # Nothing to revalidate with and no freshness given (some mirrors and proxies strip
            # PyPI's max-age=600): refetching every run would cost the whole page again.
            max_age = HEURISTIC_FRESHNESS
        if self.cache and storable:
            self.cache.put(url, Entry(body, content_type,
                                      headers.get("ETag") or (old.etag if old else None),
                                      headers.get("Last-Modified") or (old.last_modified if old else None),
                                      max_age, time.time()))
        return Page(body, content_type)

    def download(self, url: str, byte_range: str | None = None) -> tuple:
        """(status, headers, body) of a release file, or of ``Range: bytes=...`` of it.

        A server that ignores ``Range`` answers 200 with the whole file: callers look at the
        status.  Failures are ``IndexProblem``s, as for pages.
        """
        if self.offline:
            raise IndexProblem(NOT_CACHED, "not in the cache (--offline); run once online first")
        headers = {"Range": f"bytes={byte_range}"} if byte_range else {}
        try:
            status, answer, body = self._request(url, headers)
        except IndexProblem as problem:
            if problem.reason == NOT_ON_INDEX:
                raise IndexProblem(INDEX_ERROR, "release file missing on the index (HTTP 404)") from None
            raise
        if status >= 300:
            raise IndexProblem(INDEX_ERROR, f"release file download answered HTTP {status}")
        with self._count:
            self.downloaded += len(body)
        return status, answer, body

    def _request(self, url: str, headers: dict) -> tuple:
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, headers)
            except _Retry as problem:
                if attempt == self.retries:
                    suffix = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise IndexProblem(problem.reason, problem.message + suffix) from None
                time.sleep(min(MAX_BACKOFF, self.backoff * 2 ** attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _once(self, url: str, headers: dict) -> tuple:
        request = urllib.request.Request(url, headers={"User-Agent": f"outmoded/{__version__}", **headers})
        if self.authorization and urlsplit(url).netloc == urlsplit(self.base).netloc:
            # Unredirected: the credentials go to the index host only, never to a redirect target.
            request.add_unredirected_header("Authorization", self.authorization)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(MAX_DOWNLOAD + 1)
                if len(body) > MAX_DOWNLOAD:
                    raise IndexProblem(INDEX_ERROR, f"answer larger than {MAX_DOWNLOAD} bytes: not read")
                return response.status, response.headers, body
        except urllib.error.HTTPError as error:
            error.close()
            return _http_error(error)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise _Retry(UNREACHABLE, f"index unreachable: {self._describe(error)}") from None

    def _describe(self, error: Exception) -> str:
        reason = getattr(error, "reason", error)
        if isinstance(reason, socket.timeout):
            return f"no answer within {self.timeout:g} s"
        return str(reason) or type(reason).__name__


def _http_error(error: urllib.error.HTTPError) -> tuple:
    code = error.code
    if code == 304:
        return code, error.headers, b""
    if code in (404, 410):
        raise IndexProblem(NOT_ON_INDEX, "not on the index")
    if code == 429 or code >= 500:
        raise _Retry(INDEX_ERROR, f"index answered HTTP {code}")
    if code in (401, 403):
        raise IndexProblem(INDEX_ERROR, f"index refused access (HTTP {code}): credentials needed?")
    raise IndexProblem(INDEX_ERROR, f"index answered HTTP {code}")
