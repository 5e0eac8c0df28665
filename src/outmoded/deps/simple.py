"""Release files of a project from a simple-index page: PEP 691 JSON, or PEP 503 HTML.

The JSON form is asked for first; HTML is accepted too because plenty of private indexes and
mirrors still serve only that.  Anything else (a login page, an error page) is a ``PageError``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from outmoded.specifiers import specifier_set

JSON_TYPE = "application/vnd.pypi.simple.v1+json"
HTML_TYPES = ("application/vnd.pypi.simple.v1+html", "text/html")
# Old sdist formats pip still installs, beyond the .tar.gz and .zip that packaging parses.
LEGACY_SDISTS = (".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tgz", ".tar")


class PageError(Exception):
    """The index answered, but not with a simple-index project page."""


@dataclass(frozen=True)
class DistFile:
    filename: str
    version: Version
    kind: str  # "wheel" or "sdist"
    requires_python: SpecifierSet | None
    yanked: bool
    url: str = ""  # absolute
    sha256: str | None = None  # from the index: the key of the code-verdict cache
    size: int | None = None  # PEP 700, when the index says
    metadata: bool = False  # PEP 658/714: the index serves ``url + ".metadata"``

    @cached_property
    def tags(self) -> frozenset:
        """The wheel's tags, parsed when first asked: a big project's page lists thousands of
        wheels, and most runs look at the tags of one release."""
        if self.kind != "wheel":
            return frozenset()
        try:
            return parse_wheel_filename(self.filename)[3]
        except (InvalidWheelFilename, InvalidVersion):
            return frozenset()


def parse_page(body: bytes, content_type: str, project: str, page_url: str = "",
               floor: Version | None = None) -> list:
    """Release files; their URLs are resolved against ``page_url``.  Files of versions below
    ``floor`` are left out (for a pin, older releases matter to nothing): a big project's page
    lists tens of thousands of files."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == JSON_TYPE or (kind.endswith("json") and body.lstrip().startswith(b"{")):
        return _from_json(body, project, page_url, floor)
    if kind in HTML_TYPES:
        return _from_html(body, project, page_url, floor)
    raise PageError(f"index answered with {kind or 'no content type'}, not a simple-index page")


def _from_json(body: bytes, project: str, page_url: str, floor=None) -> list:
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # nested past the decoder's limit: as malformed
        raise PageError("index answered with malformed JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise PageError("index answered with JSON that is not a PEP 691 project page")
    entries = [f for f in data["files"] if isinstance(f, dict)]
    return _files(((f.get("filename"), lambda f=f: (f.get("requires-python"), f.get("yanked"),
                    _text(f.get("url")), _sha256(f.get("hashes")), f.get("size"),
                    bool(f.get("core-metadata") or f.get("data-dist-info-metadata")))) for f in entries),
                  project, page_url, floor)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _sha256(hashes) -> str | None:
    value = hashes.get("sha256") if isinstance(hashes, dict) else None
    return value.lower() if isinstance(value, str) and len(value) == 64 else None


def _from_html(body: bytes, project: str, page_url: str, floor=None) -> list:
    parser = _Anchors()
    parser.feed(body.decode("utf-8", errors="replace"))
    files = _files(((a[0], lambda a=a: a[1:]) for a in parser.anchors), project, page_url, floor)
    if not files:
        # A project page with no files and a page that is no project page look alike; either
        # way there is nothing to judge, and the message says why.
        raise PageError("index answered with an HTML page that lists no release files "
                        "(a login or error page?)")
    return files


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.anchors, self._current, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._current, self._text = dict(attrs), []

    def handle_data(self, data):
        if self._current is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._current is not None:
            attrs, self._current = self._current, None
            href = attrs.get("href") or ""
            name = "".join(self._text).strip() or _basename(href)
            yanked = attrs.get("data-yanked", False)
            fragment = urlsplit(href).fragment
            digest = fragment[7:] if fragment.startswith("sha256=") else None
            metadata = "data-core-metadata" in attrs or "data-dist-info-metadata" in attrs
            self.anchors.append((name, attrs.get("data-requires-python"), yanked is not False,
                                 href.split("#", 1)[0], _sha256({"sha256": digest}), None, metadata))


def _basename(href: str) -> str:
    return unquote(urlsplit(href).path.rsplit("/", 1)[-1])


def _files(entries, project: str, page_url: str = "", floor=None) -> list:
    """DistFiles from (filename, rest()) pairs; ``rest`` is called only for files kept."""
    files = []
    project = canonicalize_name(project)
    for filename, rest in entries:
        if isinstance(filename, str):
            parsed = parse_filename(filename, project)
            if parsed and (floor is None or parsed[0] >= floor):
                requires_python, yanked, url, sha256, size, metadata = rest()
                files.append(DistFile(filename, parsed[0], parsed[1],
                                      _specifier(requires_python), bool(yanked),
                                      _absolute(page_url, url), sha256,
                                      size if isinstance(size, int) and size >= 0 else None, metadata))
    return files


def _absolute(page_url: str, url: str) -> str:
    if url.startswith(("https://", "http://")):
        return url  # the usual case, and urljoin is most of the cost of a big page
    return urljoin(page_url, url) if url else ""


@lru_cache(maxsize=4096)
def _canonical(name: str) -> str:
    return canonicalize_name(name)


WHEEL_RE = re.compile(r"^([^-]+)-([^-]+)(?:-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$")


def parse_filename(filename: str, project: str):
    """(version, kind) for a wheel or sdist of ``project``; None for anything else.

    A wheel's name and version are read here; its tags only when asked (``DistFile.tags``).
    """
    try:
        if filename.endswith(".whl"):
            match = WHEEL_RE.match(filename)
            if not match:
                return None
            name, version, kind = _canonical(match.group(1)), _version(match.group(2)), "wheel"
        elif filename.endswith((".tar.gz", ".zip")):
            (name, version), kind = parse_sdist_filename(filename), "sdist"
        else:
            return _legacy_sdist(filename, project)
    except (InvalidSdistFilename, InvalidVersion):
        return None  # eggs, installers, or names no installer accepts either
    return (version, kind) if name == _canonical(project) else None


@lru_cache(maxsize=4096)
def _version(text: str) -> Version:
    return Version(text)


def _legacy_sdist(filename: str, project: str):
    suffix = next((s for s in LEGACY_SDISTS if filename.endswith(s)), None)
    stem = filename[: -len(suffix)] if suffix else ""
    name, _, version = stem.rpartition("-")
    if not suffix or canonicalize_name(name) != canonicalize_name(project):
        return None
    return Version(version), "sdist"


def _specifier(text) -> SpecifierSet | None:
    if not isinstance(text, str) or not text.strip():
        return None
    return _parsed_specifier(text)


@lru_cache(maxsize=1024)
def _parsed_specifier(text: str) -> SpecifierSet | None:  # shared: nothing mutates a SpecifierSet
    try:
        return specifier_set(text)
    except InvalidSpecifier:
        return None  # pip ignores a requires-python it cannot read; so do we
