"""``classes.yaml``: the hints about stdlib classes the scanner needs, validated.

``bases`` (class hierarchy hints that tie instance methods to stdlib classes), ``returns`` (what
functions return), ``aliases`` (what names reached through compatibility layers such as
``six.moves`` are on Python 3), ``provided_by`` (a removed module a project provides again through
a module of its own), ``mirrors`` (a third-party module that copies a stdlib module's names, none of
those it lost), ``instances`` (the classes an object is an instance of, from a version on) and
``truthy`` (the classes whose objects are always true).
``outmoded.catalog.loader`` hands the file's data to ``class_hints`` and ``instance_hints``.
"""

from __future__ import annotations

from outmoded.catalog.models import CatalogError
from outmoded.catalog.schema import DOTTED_RE, VERSION_RE


def class_hints(data: object, name: str) -> tuple[dict, dict, dict, dict, dict]:
    """``bases``, ``returns``, ``aliases``, ``provided_by`` and ``mirrors`` of ``classes.yaml``
    (``data``), validated."""
    data = data or {}
    bases, returns, aliases = data.get("bases", {}), data.get("returns", {}), data.get("aliases", {})
    provided_by, mirrors = data.get("provided_by", {}), data.get("mirrors", {})
    for key, table in (("bases", bases), ("returns", returns), ("aliases", aliases), ("provided_by", provided_by),
                       ("mirrors", mirrors)):
        if not isinstance(table, dict) or not all(
                isinstance(k, str) and DOTTED_RE.match(k) for k in table):
            raise CatalogError(f"{name}: '{key}' must map dotted names to dotted names")
    if not all(isinstance(v, str) and DOTTED_RE.match(v) for v in [*returns.values(), *aliases.values(),
                                                                    *provided_by.values(), *mirrors.values()]):
        raise CatalogError(f"{name}: 'returns', 'aliases', 'provided_by' and 'mirrors' values must be dotted names")
    bases = {cls: tuple(b if isinstance(b, list) else [b]) for cls, b in bases.items()}
    return bases, dict(returns), dict(aliases), dict(provided_by), dict(mirrors)


def instance_hints(data: object, name: str) -> dict:
    """``instances`` of ``classes.yaml`` (``data``), validated: class -> ((major, minor), the
    classes its objects are instances of from that version on), sorted by version."""
    table = (data or {}).get("instances", {})
    if not isinstance(table, dict):
        raise CatalogError(f"{name}: 'instances' must map dotted names to versions")
    found = {}
    for cls, versions in table.items():
        if not (isinstance(cls, str) and DOTTED_RE.match(cls) and isinstance(versions, dict) and versions):
            raise CatalogError(f"{name}: instances: {cls!r} must map \"3.N\" versions to lists of dotted names")
        steps = []
        for version, classes in versions.items():
            if not (isinstance(version, str) and VERSION_RE.match(version) and isinstance(classes, list) and classes
                    and all(isinstance(c, str) and DOTTED_RE.match(c) for c in classes)):
                raise CatalogError(f"{name}: instances: {cls}: {version!r} must map to a list of dotted names")
            steps.append((tuple(int(part) for part in version.split(".")), tuple(classes)))
        found[cls] = tuple(sorted(steps))
    return found


def truthy_hints(data: object, name: str) -> frozenset:
    """``truthy`` of ``classes.yaml`` (``data``), validated: the classes whose objects are always true."""
    table = (data or {}).get("truthy", [])
    if not (isinstance(table, list) and all(isinstance(c, str) and DOTTED_RE.match(c) for c in table)):
        raise CatalogError(f"{name}: 'truthy' must list dotted names")
    return frozenset(table)
