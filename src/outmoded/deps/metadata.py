"""A release file's core metadata from the index (PEP 658 / PEP 714 ``.metadata`` files), read
for what the project page may leave out: ``Requires-Python``.

pip reads ``Requires-Python`` from the metadata when the index page does not carry it (older
uploads, plain HTML mirrors), so a wheel the page lists without it can still refuse the target.
The file is small and fetched only for a release being judged, never executed: parsed as email
headers, at most ``MAX_BYTES``.
"""

from __future__ import annotations

from email.parser import BytesHeaderParser

from packaging.specifiers import InvalidSpecifier, SpecifierSet

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
        return SpecifierSet(str(text)) if text and str(text).strip() else None
    except InvalidSpecifier:
        return None  # pip ignores what it cannot read
