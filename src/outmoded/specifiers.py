"""Version specifiers read from files outmoded does not write (requires-python, an index's or a
release's Requires-Python, a requirement's or a lock's pins).  packaging accepts a version whose
numbers pass Python's limit on an int's digits (``>=3.`` then 5,000 digits) and fails later, with
a ValueError, in whatever compares with it: an internal error that checked nothing.
``specifier_set`` refuses such a specifier at once, with the InvalidSpecifier its callers already
treat as unreadable; ``unreadable`` says why for a requirement's specifiers."""

from __future__ import annotations

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version


def specifier_set(text: str) -> SpecifierSet:
    """``SpecifierSet(text)``, or InvalidSpecifier when one of its versions cannot be read."""
    spec = SpecifierSet(text)
    why = unreadable(spec)
    if why is not None:
        raise InvalidSpecifier(why)
    return spec


def unreadable(spec: SpecifierSet) -> str | None:
    """Why a version ``spec`` compares with cannot be read, or None."""
    for one in spec:
        if one.operator == "===":  # compared as a string
            continue
        text = one.version[:-2] if one.version.endswith(".*") else one.version
        try:
            Version(text)
        except ValueError as exc:  # InvalidVersion is one
            return f"version {shortened(text)} cannot be read: {str(exc).split(';')[0]}"
    return None


def shortened(text: str) -> str:
    """``text`` quoted, its middle left out past 40 characters: a hostile file's 5,000 digits
    are not printed."""
    return repr(text) if len(text) <= 40 else f"{text[:20]!r}...{text[-10:]!r} ({len(text)} characters)"
