"""The diff ``outmoded fix --diff`` prints: only the lines a fix changes, as git shows them.

difflib's matcher takes a line found in more than 1% of a file over 200 lines (a blank one) for
junk; ``difflib.unified_diff`` then showed unchanged lines between two rewritten ones as removed
and added again.  The file is matched with that heuristic (fast on any size) and each changed
block again without it (blocks are small: a fix rewrites a few lines).
"""

from __future__ import annotations

import difflib


def unified_diff(path: str, before: bytes, after: bytes) -> bytes:
    """The unified diff of a file's bytes before and after its fix, headed ``a/PATH`` and
    ``b/PATH``: b"" when nothing changed.  Its lines are the file's own bytes, split where the
    file's lines end (\\n, \\r\\n, \\r), so ``patch -p1`` and ``git apply`` apply it, as git's own
    diffs do: decoded and written as UTF-8, a cp1252 or latin-1 file's changed lines and a BOM's
    first line did not apply, and ``str.splitlines`` also split at a form feed (an Emacs page
    break, ``^L``), which made a malformed patch."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    groups = _hunks(_refined_opcodes(old, new))
    if not groups:
        return b""
    lines = [b"--- " + _name_bytes("a/", path) + b"\n", b"+++ " + _name_bytes("b/", path) + b"\n"]
    for group in groups:
        (_, i1, _, j1, _), (_, _, i2, _, j2) = group[0], group[-1]
        lines.append(f"@@ -{_hunk_range(i1, i2)} +{_hunk_range(j1, j2)} @@\n".encode())
        for tag, a1, a2, b1, b2 in group:
            lines += [b" " + line for line in old[a1:a2]] if tag == "equal" else []
            lines += [b"-" + line for line in old[a1:a2]] if tag in ("replace", "delete") else []
            lines += [b"+" + line for line in new[b1:b2]] if tag in ("replace", "insert") else []
    # like diff(1): a last line without a newline is marked rather than run into the next one
    return b"".join(line if line.endswith((b"\n", b"\r")) else line + b"\n\\ No newline at end of file\n"
                    for line in lines)


def _name_bytes(prefix: str, path: str) -> bytes:
    """The header's file name as git's diffs write it, and every report of outmoded
    (``pathquote.quoted_name``): itself, or in quotes with C escapes when it holds control
    characters, a quote, a backslash or bytes that are not UTF-8 (``"a/bad\\377\\nname.py"``), so a
    name cannot forge a header or hunk line of its own; ``git apply`` and GNU ``patch -p1`` read
    it back."""
    from outmoded.pathquote import quoted_name

    return quoted_name(prefix + path).encode("utf-8")


def _refined_opcodes(old: list[bytes], new: list[bytes]) -> list[tuple]:
    """difflib's opcodes, each changed block matched again without the junk heuristic
    (testfixtures 6.4.1's test_replace.py: two rewritten lines showed eleven)."""
    opcodes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "replace":
            opcodes.append((tag, i1, i2, j1, j2))
            continue
        inner = difflib.SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False).get_opcodes()
        opcodes += [(t, i1 + a1, i1 + a2, j1 + b1, j1 + b2) for t, a1, a2, b1, b2 in inner]
    merged: list[tuple] = []
    for op in opcodes:  # neighbours of one kind become one (the grouping expects it)
        if merged and merged[-1][0] == op[0]:
            tag, i1, _, j1, _ = merged[-1]
            merged[-1] = (tag, i1, op[2], j1, op[4])
        else:
            merged.append(op)
    return merged


def _hunks(opcodes: list[tuple], context: int = 3) -> list[list[tuple]]:
    """The opcodes grouped into hunks with ``context`` equal lines around each change, as
    ``difflib.SequenceMatcher.get_grouped_opcodes`` groups its own."""
    if all(op[0] == "equal" for op in opcodes):
        return []
    codes = list(opcodes)
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = tag, max(i1, i2 - context), i2, max(j1, j2 - context), j2
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context)
    hunks, group = [], []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * context:  # a long unchanged run ends one hunk, starts the next
            group.append((tag, i1, i1 + context, j1, j1 + context))
            hunks.append(group)
            group = []
            i1, j1 = max(i1, i2 - context), max(j1, j2 - context)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        hunks.append(group)
    return hunks


def _hunk_range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it (difflib's own format): "3" for one line,
    "3,0" after line 3 for none."""
    length = stop - start
    first = start + 1 if length else start
    return str(first) if length == 1 else f"{first},{length}"

