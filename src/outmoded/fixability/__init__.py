"""The fix planner's verdict on each finding: will ``outmoded fix`` rewrite it, and how safely.

This is the one place that decides what ``[*]`` promises.  The scanner asks it for every finding
(``verdict``) and then, with the file's tree at hand, for each finding at its spot
(``per_instance``); ``check``, ``--statistics``, JSON, SARIF, the Action and ``fix`` itself all
read the resulting ``Finding.fix``.  ``fix`` applies exactly the findings whose ``fix`` is
``safe`` (plus ``unsafe`` with ``--unsafe-fixes``); a test over the catalog and real projects
asserts that what ``check`` promises is what ``fix`` changes.

A finding gets no fix when:

- its catalog entry describes no mechanical fix (``fix: none``, or data that is no rewrite);
- it sits in code that tests for the API or runs only where the API exists: the body or the
  handlers of a ``try`` that catches ``ImportError``/``AttributeError`` (the import *is* the
  probe), a ``hasattr`` branch; version-guarded branches are not even reported;
- it sits in a test's data file (``reach``, reported with ``--dead-compat``): the input a
  parser's or formatter's test reads, whose text the test checks;
- it sits in code that runs only on the project's other Pythons (reported with ``--dead-compat``:
  a package refusing the target, a directory its build installs only for others, a module
  imported or a private function called only on them, a test skipped on the target), or in a
  block a test expects to fail with the removal's error (``guardnotes.NO_FIX``); a function
  deleted before anything calls it runs nowhere, and keeps its fix;
- the replacement does not exist on the oldest Python the project supports (``min_version``),
  and every Python 2 name (removed in 3.0) while the project still supports Python 2, or a name
  reached through ``six.moves`` there (``guardnotes._through_six``: another module on Python 2);
- the fixer cannot rewrite this particular form (``per_instance``).

The package, one concern a module: ``shapes`` (how an entry is fixed, from the catalog),
``arguments`` (does a call fit its rewrite), ``spots`` (the tree indexed by position),
``instances`` (the per-instance rules), ``imports`` (imports that go with their uses), ``notes``
(what the message says).  No ``libcst`` here: ``check`` must not pay for importing it.
"""

from __future__ import annotations

import ast

from outmoded.catalog import Entry, format_version
from outmoded.fixability.notes import GUARD_NOTES, with_note, without_unsafe_note
from outmoded.fixability.shapes import edit_shape, shape_of

__all__ = ["GUARD_NOTES", "edit_shape", "per_instance", "shape_of", "verdict", "with_note", "without_unsafe_note"]


def verdict(entry: Entry, guard: str | None, min_version: tuple[int, int],
            unsafe: str | None = None) -> tuple[str | None, str | None]:
    """(``"safe"``/``"unsafe"``/None, a note for the message or None) for a finding of ``entry``.

    ``guard``: the scanner's reason this code tests for the API ("probe", "hasattr"), or None;
    ``unsafe``: why the rename is only right for some of the objects the code runs on (the
    receiver's type is unknown; a class mixing the receiver's in defines the method itself), or None."""
    if entry.fix == "none" or shape_of(entry) is None:
        return None, None
    if guard:
        return None, GUARD_NOTES.get(guard, GUARD_NOTES["probe"])
    if min_version < (3, 0) and entry.removed_in <= (3, 0):
        return None, (f"no fix offered: the project still supports Python {format_version(min_version)}, "
                      "where this is the name to use")
    if entry.replacement_since and entry.replacement_since > min_version:
        since, lowest = format_version(entry.replacement_since), format_version(min_version)
        return None, f"no fix offered: the replacement needs Python {since}, the project supports Python {lowest}"
    if unsafe and entry.fix == "safe":
        # the rename is only right if the receiver really is that class: the user decides
        return "unsafe", f"unsafe fix: {unsafe}"
    return entry.fix, None


def per_instance(findings: list, tree: ast.Module, entries, text: str | None = None, asked: set | None = None) -> list:
    """Findings adjusted for the code at their spot (``entries``: rule code -> Entry; ``text``:
    the module's source, which lets the name table be built per name; ``asked``, if given,
    receives every name whose uses and bindings were looked up, None for a walk of the whole tree).

    Only findings that still have a fix are looked at, so a file without any costs nothing."""
    if not any(f.fix for f in findings):
        return findings
    from outmoded.fixability.instances import judge

    return judge(findings, tree, entries, text, asked)
