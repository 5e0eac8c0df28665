"""Baseline files: record today's findings (``--write-baseline FILE``), then report only new ones
(``--baseline FILE``), so a project adopts outmoded without fixing everything first.

A finding is matched by its file (relative to the baseline file's directory, so the baseline works
from any current directory), rule code, API and the whitespace-normalised text of its line: not
its line number, so findings stay matched when lines above them are added or removed, and a
finding whose line is edited counts as new.  Each key is a multiset: a second identical call on a
copied line is new.  The source text is stored as a digest, not as text.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass

FORMAT = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message says why."""


def _relative(path: str, base: str) -> str:
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def _key(f, base: str, sources) -> tuple[str, str, str, str]:
    text = sources.normalised(f.path, f.line)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return _relative(f.path, base), f.code, f.api, digest


def write(path: str, findings, sources) -> int:
    from outmoded.writes import write_text_atomic

    base = os.path.dirname(os.path.abspath(path))
    entries = [dict(zip(("path", "code", "api", "line_digest"), _key(f, base, sources)), line=f.line)
               for f in findings]
    document = {"outmoded_baseline": FORMAT, "findings": entries}
    try:
        os.makedirs(base, exist_ok=True)
        write_text_atomic(path, json.dumps(document, indent=1) + "\n")
    except OSError as exc:
        raise BaselineError(f"--write-baseline {path}: cannot write: {exc.strerror or exc}") from None
    return len(entries)


@dataclass
class Baseline:
    base: str
    known: Counter

    def new(self, findings, sources) -> tuple[list, int]:
        """The findings not in the baseline, and how many were."""
        left, fresh, matched = Counter(self.known), [], 0
        for f in findings:
            key = _key(f, self.base, sources)
            if left[key] > 0:
                left[key] -= 1
                matched += 1
            else:
                fresh.append(f)
        return fresh, matched


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"--baseline {path}: no such file (create it with --write-baseline {path})") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"--baseline {path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except RecursionError:
        raise BaselineError(f"--baseline {path}: cannot read: nested too deeply to read") from None
    if not isinstance(document, dict) or document.get("outmoded_baseline") != FORMAT \
            or not isinstance(document.get("findings"), list):
        raise BaselineError(f"--baseline {path}: not an outmoded baseline file (write one with --write-baseline)")
    known = Counter()
    for entry in document["findings"]:
        try:
            known[(entry["path"], entry["code"], entry["api"], entry["line_digest"])] += 1
        except (KeyError, TypeError):
            raise BaselineError(f"--baseline {path}: malformed entry {entry!r:.80}") from None
    return Baseline(os.path.dirname(os.path.abspath(path)), known)
