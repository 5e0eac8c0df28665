"""Plain renames without LibCST: for files CPython reads but LibCST cannot parse or reproduce
(tabs and spaces mixed in indentation, whitespace-only lines at a dedent, syntax newer than
LibCST), and, for speed, for files whose every edit is such a rename of an attribute
(``base64.encodestring(s)``, ``data.tostring()``): LibCST is then neither imported nor run.

Only an edit whose replacement differs from the removed name in the last part alone
(``TestCase.assertEquals`` -> ``TestCase.assertEqual``, ``base64.encodestring`` ->
``base64.encodebytes``) and whose source text ends, at the finding's end, with that old last
part is applied, as a text substitution at that exact position: nothing else in the file can
change.  Every other edit is left, and the caller says why.
"""

from __future__ import annotations

import re
from typing import Optional

from outmoded.fixability.shapes import plain_rename
from outmoded.fixes.plan import Edit

LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class Outcome:
    """The text after a pass, the edits applied, and rule code -> why its fix was dropped."""

    def __init__(self, text: str, applied: Optional[set] = None, failures: Optional[dict] = None):
        self.text, self.applied, self.failures = text, applied or set(), failures or {}


def rename(edit: Edit) -> Optional[tuple[str, str]]:
    """(old last part, new last part) when the edit is a plain rename of the last part
    (``fixability.shapes.plain_rename``, which ``check`` asks too)."""
    return plain_rename(edit.shape, edit.api, edit.replacement, edit.entry)


def attribute_pass(text: str, edits: list[Edit]) -> Optional[Outcome]:
    """All ``edits`` applied as plain renames of attributes (the old name right after a ``.``),
    or None when one of them is anything else (an import, keywords that follow the rename)."""
    if not all(map(rename, edits)):
        return None
    new, applied = apply(text, edits, attribute=True)
    return Outcome(new, applied) if len(applied) == len(edits) else None


def apply(text: str, edits: list[Edit], attribute: bool = False) -> tuple[str, set]:
    """The text with the plain renames among ``edits`` applied, and those edits.  ``attribute``:
    only where the old name directly follows a ``.``."""
    lines = LINES.findall(text)
    applied = set()
    for edit in sorted(edits, key=lambda e: e.end, reverse=True):
        names = rename(edit)
        line_no, column = edit.end
        if names is None or not 0 < line_no <= len(lines):
            continue
        old, new = names
        line = lines[line_no - 1]
        before = line[:column]
        mark = before[:-len(old)][-1:]
        if attribute and mark != ".":
            continue
        if before.endswith(old) and not (mark.isalnum() or mark == "_"):
            lines[line_no - 1] = before[:-len(old)] + new + line[column:]
            applied.add(edit)
    return "".join(lines), applied
