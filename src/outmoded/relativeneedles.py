"""The prefilter's way through for a removed name reached through a relative import.

In a file of a package named like a stdlib one (CPython's own ``Lib``: ``asyncio/windows_events.py``),
the scanner resolves ``from . import events`` to ``asyncio.events`` (``layout.absolute``), so
``events.BaseDefaultEventLoopPolicy`` is a finding although the file never writes ``asyncio``,
the word every other needle of that name needs.  A ``RelativeNeedle`` holds where a relative
import binds a part of the name and the rest is written after the binding.  They are asked only
of a file with a directory named like the name's top-level package on its path: no other file can
be inside such a package.  Discovery tells which files are, once per directory it walks
(``discover.STDLIB_PACKAGES``, ``Discovery.inside``), and the engine is told per file
(``engine.check_source``'s ``inside``): the files of every other project pay nothing.  The
package is not known from the text: any one the import could be in is assumed.  Built with the
others in ``catalog.needles``; ``catalog.index`` anchors them on b"/" + the package's name.
"""

from __future__ import annotations

import os

from outmoded.importlines import _statement, _written, import_lines, spelled_through
from outmoded.prefilter import RelativeNeedle


def holds(needle: RelativeNeedle, data: bytes, imports: list) -> bool:
    """``RelativeNeedle.holds``: ``imports``, what is known of the file's relative imports, filled on
    first need (its import lines, joined, then ``relative_imports``)."""
    if not imports:
        lines = import_lines(data)
        imports.append(lines)
        imports.append(b"\n".join(lines))
    if len(imports) == 2:
        if not _relative_written(imports[1]):
            return False
        imports.append(relative_imports(imports[0]))
    return reaches_relative(imports[2], needle.dotted, data) and (
        needle.literal is None or bool(needle.literal.search(data)))


def packages_on(path: str) -> frozenset:
    """The names of ``discover.STDLIB_PACKAGES`` a directory on the way to ``path`` has: what a
    run's discovery records for each file it finds (``Discovery.inside``), for a caller checking
    files it did not discover (``fix``, stdin, a dependency's members)."""
    from outmoded.discover import STDLIB_PACKAGES

    return STDLIB_PACKAGES.intersection(os.path.dirname(os.path.abspath(path)).split(os.sep))


def relative_words(data: bytes, index, inside: frozenset) -> frozenset | None:
    """The words (bytes) of the relative needles of the packages ``inside`` (names of directories on
    the file's path: ``packages_on``) that hold in the file, or None."""
    held, imports = set(), []
    for root in inside.intersection(index.relative_roots):
        for needle in index.by_anchor.get(b"/" + root.encode(), ()):
            if all(_written(word, data) for word in needle.words) and needle.holds(data, imports):
                held |= needle.words
    return frozenset(held) or None


def _relative_written(lines: bytes) -> bool:
    """Is ``from .`` (any blanks between) written on these import lines?"""
    position = lines.find(b"from")
    while position >= 0:
        after = position + 4
        while lines[after:after + 1] in (b" ", b"\t"):
            after += 1
        if lines[after:after + 1] == b"." and after > position + 4:
            return True
        position = lines.find(b"from", after)
    return False


def relative_imports(lines: list[bytes]) -> list[tuple[list[bytes], bytes | None, bytes]]:
    """The relative from-imports of a file's import lines (``importlines.import_lines``): (the
    names of its module after the dots, a name it imports, what it binds that to), the name
    None when the names are continued on other lines (``from . import (``).  Read here, for
    the files inside a package named like the stdlib's only: ``importlines.Imports`` does not."""
    found = []
    for line in lines:
        if b"\\\n" in line or b"\\\r\n" in line:
            line = line.replace(b"\\\r\n", b" ").replace(b"\\\n", b" ")
        for statement in line.split(b";"):
            match = _statement(statement)
            if not match or not match[0] or not match[0].startswith(b"."):
                continue
            rest = match[0].lstrip(b".")
            module = rest.split(b".") if rest else []
            names = match[1].strip()
            if names.endswith((b"(", b"\\")) or (b"(" in names and b")" not in names):
                found.append((module, None, b""))
            for part in names.strip(b"()\\").split(b","):
                words = part.split()
                if words:
                    found.append((module, words[0], words[2] if len(words) >= 3 and words[1] == b"as" else words[0]))
    return found


def reaches_relative(relative: list, dotted: bytes, data: bytes) -> bool:
    """Can ``dotted`` be written through one of the file's relative imports (``relative_imports``)?
    Any package whose name ends where the import's names start, below the top-level one, is
    assumed; the binding must be written with the rest of the name after it, as the scanner
    reports it on the attribute (a name imported relatively is the project's own: not reported
    where it is imported, nor used alone)."""
    parts = dotted.split(b".")
    for module, name, alias in relative:
        if name is None:  # ``from . import (`` continued: the names are unknown
            if any(parts[start:start + len(module)] == module for start in range(1, len(parts) - len(module) - 1)):
                return True
            continue
        if name == b"*":
            continue
        chain = module + [name]
        for start in range(1, len(parts) - len(chain)):
            if parts[start:start + len(chain)] == chain \
                    and spelled_through(alias, b"." + b".".join(parts[start + len(chain):]), data):
                return True
    return False
