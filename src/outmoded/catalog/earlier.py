"""Entry keys that say what a removed name did on the Pythons before its removal, measured there.

- ``star_unbound_since: "3.7"`` (a class, function or constant of a module): the first Python
  whose ``from module import *`` binds the name no more while the module still has it (its
  ``__all__`` left it out): ``from collections import *`` then ``Mapping`` is a NameError from
  3.7, where ``collections.Mapping`` went in 3.10 (pyenv 3.7-3.9).  ``starnames`` says so.
- ``calls_replacement_since: "3.7"`` (a method renamed to another method of its class): the first
  Python from which, up to the removal, the old method returned ``self.<replacement>(...)`` of the
  same arguments (``Thread.isAlive`` on 3.7 and 3.8; 3.6's ``isAlive = is_alive`` bound Thread's
  own), so a project class defining the replacement ran for the old name too: renaming keeps
  behaviour from that floor on (``receivers``).  unittest's aliases never did
  (``failUnless = _deprecate(assertTrue)`` calls TestCase's own), nor ``readfp`` and
  ``settiltangle``, which called the replacement through ``self`` but returned None.

Both are versions before ``removed_in``; ``tests/test_catalog.py`` proves the first on pyenv 3.6 to
the real 3.15, ``tests/fixes/test_fix_overrides.py`` the second on pyenv 3.6-3.8.
"""

from __future__ import annotations

KEYS = ("star_unbound_since", "calls_replacement_since")


def problem(key: str, raw: dict, since: tuple, removed: tuple, names: tuple) -> str | None:
    """Why ``key`` (one of ``KEYS``), ``since`` parsed, does not fit the entry ``raw``; None when it does."""
    if key == "star_unbound_since":
        if raw["kind"] not in ("class", "function", "constant") or since >= removed:
            return "star_unbound_since needs kind class, function or constant and a version before removed_in"
        return None
    replacement = str(raw.get("replacement", ""))
    if raw["kind"] != "method" or since >= removed or any(
            name.rpartition(".")[0] != replacement.rpartition(".")[0] for name in names):
        return ("calls_replacement_since needs kind method, a replacement method of the same class and a version"
                " before removed_in")
    return None
