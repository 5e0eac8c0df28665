"""JSON read and written without importing ``json``: what a one-file check pays at start-up.

``import json`` imports ``re`` (and ``enum``) for its decoder's and encoder's regular expressions:
together about a quarter of the instructions of a check the prefilter clears, which reads a
remembered ``pyproject.toml`` (JSON) and, with ``--format json``, writes its report as JSON.
Both are done here with the C functions ``json`` itself calls (``_json``):

- ``loads(data)``: ``json.loads`` of UTF-8 bytes or text (``_json``'s scanner, the one
  ``json.JSONDecoder`` uses, with its defaults); what is not one JSON value raises
  ``ValueError``, as with ``json.loads``, and so does a value nested past the recursion limit.
- ``dumps_indented(value)``: ``json.dumps(value, indent=2, ensure_ascii=False)``, the same text
  (``tests/test_quickjson.py`` compares them), for dicts with string keys, lists, tuples,
  strings, numbers, booleans and None; any other value is handed to ``json.dumps`` itself.

Without ``_json`` (another Python implementation) both use ``json``.
"""

from __future__ import annotations

try:
    from _json import encode_basestring as _string, make_scanner as _make_scanner
except ImportError:  # pragma: no cover - an implementation without the C accelerator
    _string = _make_scanner = None

_WHITESPACE = " \t\n\r"  # JSON's whitespace: what json.loads skips around the value
_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}


class _Context:
    """What ``_json.make_scanner`` reads off a ``json.JSONDecoder``: its defaults (``array_hook``
    since Python 3.15)."""

    strict = True
    object_hook = object_pairs_hook = array_hook = None
    parse_float = float
    parse_int = int
    parse_constant = _CONSTANTS.__getitem__


try:
    _scan = _make_scanner(_Context()) if _make_scanner is not None else None
except (AttributeError, TypeError):  # a later Python's decoder reads something more: json does it
    _scan = None


def loads(data: bytes | str):
    """``json.loads(data)`` for UTF-8 bytes or text; ``ValueError`` for anything that is not
    one JSON value (``json.JSONDecodeError`` is one), and for a value nested past the decoder's
    recursion limit, where ``json.loads`` raises ``RecursionError``: a cache file or row damaged
    so is unreadable like any other."""
    try:
        return _loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


def _loads(data: bytes | str):
    if _scan is None:  # pragma: no cover
        import json

        return json.loads(data)
    if isinstance(data, (bytes, bytearray)):
        text = data.decode("utf-8", "surrogatepass")  # as json.loads decodes UTF-8 bytes
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(data).__name__}")
    if text.startswith("\ufeff"):
        raise ValueError("Unexpected UTF-8 BOM")  # as json.loads
    start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        value, end = _scan(text, start)
    except StopIteration:
        raise ValueError(f"Expecting value at {start}") from None
    if text[end:].strip(_WHITESPACE):
        raise ValueError(f"Extra data at {end}")
    return value


def dumps_indented(value) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``."""
    if _string is None:  # pragma: no cover
        import json

        return json.dumps(value, indent=2, ensure_ascii=False)
    parts: list[str] = []
    try:
        _encode(value, "\n", parts)
    except (_Unusual, RecursionError):  # json says what is wrong (a circular reference...)
        import json

        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(parts)


class _Unusual(Exception):
    """A value this encoder leaves to ``json`` (a non-string key, an object json's default
    would refuse, a float subclass...)."""


def _encode(value, newline: str, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float and value == value and value not in (float("inf"), float("-inf")):
        parts.append(float.__repr__(value))
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        parts.append("[")
        for position, item in enumerate(value):
            parts.append(inner if position == 0 else "," + inner)
            _encode(item, inner, parts)
        parts.append(newline + "]")
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        parts.append("{")
        for position, (key, item) in enumerate(value.items()):
            if type(key) is not str:
                raise _Unusual
            parts.append(inner if position == 0 else "," + inner)
            parts.append(_string(key))
            parts.append(": ")
            _encode(item, inner, parts)
        parts.append(newline + "}")
    else:
        raise _Unusual
