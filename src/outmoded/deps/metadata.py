"""A release file's core metadata from the index (PEP 658 / PEP 714 ``.metadata`` files), read
for what the project page may leave out: ``Requires-Python``; and the oldest Python the release
itself declares (``floor``).

pip reads ``Requires-Python`` from the metadata when the index page does not carry it (older
uploads, plain HTML mirrors), so a wheel the page lists without it can still refuse the target.
The file is small and fetched only for a release being judged, never executed: parsed as email
headers, at most ``MAX_BYTES``.
"""

from __future__ import annotations

from email.parser import BytesHeaderParser

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from outmoded.specifiers import specifier_set

MAX_BYTES = 1024 * 1024


def requires_python(client, dist) -> SpecifierSet | None:
    """``Requires-Python`` of ``dist`` from its ``.metadata`` file; None when the index has no
    metadata file, it says nothing, or it cannot be fetched (the page's answer stands)."""
    from outmoded.deps.index import IndexProblem

    if not dist.metadata or not dist.url or client is None or client.offline:
        return None
    try:
        _status, _headers, body = client.download(dist.url + ".metadata")
    except IndexProblem:
        return None
    text = BytesHeaderParser().parsebytes(body[:MAX_BYTES]).get("Requires-Python")
    try:
        return specifier_set(str(text)) if text and str(text).strip() else None
    except InvalidSpecifier:
        return None  # pip ignores what it cannot read


def floor(filename: str, members: list) -> tuple[int, int] | None:
    """The oldest Python 3 the release declares in its own metadata (a wheel's ``*.dist-info/METADATA``,
    an sdist's ``PKG-INFO``): the lower bound of its ``Requires-Python``, else of the Python 3
    versions its classifiers name (read as ``outmoded check`` reads an sdist's ``PKG-INFO``).  A
    removal at or before it fails on every Python 3 the release supports: dask 2021.8.1 (``>=3.7``)
    keeps Python 2's ``__div__`` calling ``operator.div``, which no Python 3 ever calls; upgrading the
    interpreter changes nothing there (``broken-at-floor``).  A release declaring Python 2 as well
    is judged from the oldest Python 3 it declares: the upgrade goes from one Python 3 to another, and
    mpmath 1.3.0's (2.7, 3.x) ``urllib.urlopen`` in a function fails on every one of them alike.
    None when it declares nothing, or no Python 3."""
    from outmoded.config.discovery import metadata_requires
    from outmoded.config.settings import lowest_python
    from outmoded.deps.requires import is_metadata

    for member, data in members:
        if is_metadata(filename, member) and member.rsplit("/", 1)[-1] in ("METADATA", "PKG-INFO"):
            declared = metadata_requires(data[:1 << 16])
            lowest = lowest_python(declared) if declared else None
            return lowest if lowest is None or lowest[0] == 3 else _python3_floor(data[:1 << 16])
    return None


def _python3_floor(data: bytes) -> tuple[int, int] | None:
    """The oldest Python 3 a release that also declares Python 2 names: the lowest 3.N its
    ``Requires-Python`` admits, else the lowest ``Programming Language :: Python :: 3.N`` classifier
    (3.0 for a bare ``:: 3``); None when it names no Python 3."""
    from outmoded.config.discovery import metadata_pythons
    from outmoded.config.settings import lowest_python

    requires, minors, majors = metadata_pythons(data)
    if requires is not None:
        return lowest_python(requires, python3=True)
    python3 = [minor for minor in minors if minor[0] == 3]
    return min(python3) if python3 else (3, 0) if 3 in majors else None
