"""A whole tree a verdict read, counted as one read: the stamps of its walk, digested.

A whole-tree question (``projectfiles.sources``: the Python files under the project's top, for
``unreached``'s "does any file import this module?"; ``orphans.other_files``: does any other file
name a C file) makes the verdict asking depend on every file and directory of the tree: an edit
changes a file's stamp, a file added or removed its directory's.  Recorded file by file
(``outmoded.reads``), each of the n verdicts asking listed the N paths of the tree: n x N pairs
held by the run until the results cache is written, a whole-tree copy per verdict sent back from
the workers.  A 50,000-file tree's first cached run grew to 10 GiB before writing them.

Here a walk counts as one read, under a key no path can be (``key``: it holds a NUL), whose
stamp is the digest of the sorted (path, stamp) pairs of every directory and file the walk
takes (``Walk``), so a cached verdict is dropped when the same walk, taken again before it is
used (``stamp``), digests otherwise: the same files as read one by one, one pair per verdict.
What a walk takes (``KINDS``) is the asker's: hidden directories are never walked.
"""

from __future__ import annotations

import os

from outmoded import reads

PREFIX = "\0tree:"  # os.stat refuses a path holding a NUL: no file is named so

# a kind of walk -> (is a subdirectory of this name walked?, is a file of this name stamped?)
KINDS = {
    "py": (lambda d: not d.startswith("."), lambda f: f.endswith(".py")),  # projectfiles.sources
    "all": (lambda d: not d.startswith(".") and not d.endswith(".egg-info"), lambda f: True),  # orphans
}


def key(kind: str, root: str) -> str:
    return f"{PREFIX}{kind}:{root}"


def walk(kind: str, root: str):
    """(directory, paths of its files) for each directory under ``root`` as ``os.walk`` takes
    them (top down, its order), its subdirectories pruned and its files kept as ``kind`` says."""
    walked, kept = KINDS[kind]
    join = os.path.join
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if walked(d)]
        yield directory, [join(directory, name) for name in files if kept(name)]


class Walk:
    """The stamps a walk takes as it goes (``add`` each directory and file), then counted as the
    one read of its key (``record``)."""

    __slots__ = ("kind", "pairs", "root")

    def __init__(self, kind: str, root: str):
        self.kind, self.root, self.pairs = kind, root, []

    def add(self, path: str) -> None:
        self.pairs.append((path, reads.stamp(path)))

    def finish(self, rest=()) -> None:
        """Stamp what the walk ``rest`` (the generator it walked, if left early) still holds."""
        for directory, paths in rest:
            self.add(directory)
            for path in paths:
                self.add(path)

    def record(self) -> str:
        """Count the walk as read by the verdict being made; its stamp."""
        value = _digest(self.pairs)
        reads.extend({key(self.kind, self.root): value})
        return value


def stamp(tree_key: str) -> str:
    """The stamp the walk of ``tree_key`` has now (a results cache checking a verdict's reads)."""
    kind, _, root = tree_key[len(PREFIX):].partition(":")
    if not tree_key.startswith(PREFIX) or kind not in KINDS:
        return ""
    taken = Walk(kind, root)
    taken.finish(walk(kind, root))
    return _digest(taken.pairs)


def _digest(pairs: list) -> str:
    from outmoded.cache import hasher

    pairs.sort()
    found = hasher(16)
    found.update("\n".join([f"{path}\0{version}" for path, version in pairs]).encode("utf-8", "surrogateescape"))
    return found.hexdigest()
