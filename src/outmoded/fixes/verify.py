""""Never worse than before": checks every rewritten module passes before it may be written."""

from __future__ import annotations

import io
import tokenize
import warnings
from collections import Counter
from typing import Optional

from outmoded.newlines import NEWLINE_RE


def _compile_error(text: str, path: str) -> Optional[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings of the user's code are not ours
            compile(text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        return str(exc)
    except (RecursionError, MemoryError):
        return "too deeply nested"
    return None


def comments(text: str) -> Optional[Counter]:
    """The comments of a module, counted; None if it cannot be tokenized."""
    try:
        # Python ends a line at "\r" too; StringIO.readline does not
        tokens = tokenize.generate_tokens(io.StringIO(NEWLINE_RE.sub("\n", text)).readline)
        return Counter(t.string.rstrip() for t in tokens if t.type == tokenize.COMMENT)
    except (tokenize.TokenError, SyntaxError):
        return None


def problem(old: str, new: str, path: str, changed: Optional[tuple[str, str]] = None) -> Optional[str]:
    """Why ``new`` must not replace ``old``, or None.

    ``changed``: (old, new) of the statements that changed (``chunks``: every other statement
    is put back verbatim); those are compiled, and their comments compared, instead of the whole
    file's.  The caller's rescan of the whole new file is its parse check."""
    old, new = changed or (old, new)
    error = _compile_error(new, path)  # CPython's own compiler: no second LibCST parse
    if error and _compile_error(old, path) is None:
        return f"the result does not compile: {error}"
    if error:  # the file did not compile before either (code for another Python): LibCST must read it
        import libcst as cst  # only here: a fix that needs no LibCST does not import it

        try:
            cst.parse_module(new)
        except Exception as exc:  # LibCST raises several types for bad input
            return f"the result does not parse ({type(exc).__name__})"
    before, after = comments(old), comments(new)
    if before is not None and (after is None or before - after):
        lost = sorted((before - after) if after is not None else before)
        return f"the result would lose comment(s): {', '.join(lost[:3])}"
    return None


def single_newline(text: str) -> Optional[str]:
    """The file's newline when it uses only one kind, else None."""
    kinds = set(NEWLINE_RE.findall(text))
    return kinds.pop() if len(kinds) == 1 else None


def restore_newlines(old: str, new: str) -> str:
    """Lines the fix added get the file's newline (a CRLF file stays CRLF throughout).

    Only a file with one kind of newline is normalized: then every newline in it, even inside
    string literals, was of that kind, so only the fixer's own can differ."""
    newline = single_newline(old)
    return new if newline is None else NEWLINE_RE.sub(newline, new)


def mixed_newlines_kept(original: str, fixed: str) -> str:
    """``fixed``, made from ``original`` (a file mixing newlines) with one kind of newline, given
    back each original line's own newline where the line is unchanged or rewritten line for line;
    lines the fix added keep the file's dominant one.  (Python reads every newline, in string
    literals too, as "\\n": this changes nothing the code does, only which lines the diff shows.)"""
    import difflib

    def lines(text: str) -> list[str]:
        found, start = [], 0
        for match in NEWLINE_RE.finditer(text):
            found.append(text[start:match.end()])
            start = match.end()
        return found + [text[start:]] if start < len(text) else found

    def body(line: str) -> str:
        return line.rstrip("\r\n")

    old, new = lines(original), lines(fixed)
    kept = list(new)
    matcher = difflib.SequenceMatcher(None, [body(line) for line in old], [body(line) for line in new], autojunk=False)
    for _, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if old_end - old_start == new_end - new_start:  # unchanged, or rewritten line for line
            for offset in range(old_end - old_start):
                line = old[old_start + offset]
                kept[new_start + offset] = body(new[new_start + offset]) + line[len(body(line)):]
    return "".join(kept)
