"""quickjson reads and writes what the json module does, for the values outmoded stores and
reports (it exists so a one-file check need not import json, and re with it)."""

import json

import pytest

from outmoded import quickjson

VALUES = [
    {}, [], (), "", 0, -1, 10**30, 1.5, -0.0, 1e100, 2.0, None, True, False,
    {"a": []}, {"a": {}}, [[], [{}], [[[]]]], ("x", ("y",)),
    "tab\there, quote \" backslash \\ nul \x00 bell \x07 del \x7f",
    "é ü 中文 😀 \u2028 \u2029 \ud800",
    {"target_version": "3.13", "findings": [{"path": "a.py", "line": 1, "column": 0, "code": "OM12002",
                                             "message": "`imp` was removed", "fix": "safe", "severity": "error"}],
     "errors": [{"path": "b.py", "message": "cannot decode"}], "stats": {"files": 2, "parsed": 1, "cached": 0}},
    {"nested": {"deeper": {"list": [1, "two", 3.0, None, {"k": [True, False]}]}}},
]
ODD = [{1: "int key"}, {None: 1}, [float("nan")], {"x": float("inf")}, {"s": {1, 2}}, [b"bytes"], {"k": object()}]


@pytest.mark.parametrize("value", VALUES + ODD, ids=repr)
def test_dumps_indented_writes_what_json_writes(value):
    try:
        expected = json.dumps(value, indent=2, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc)):
            quickjson.dumps_indented(value)
    else:
        assert quickjson.dumps_indented(value) == expected


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_loads_reads_what_json_reads(value):
    for text in (json.dumps(value), json.dumps(value, indent=2, ensure_ascii=False), f" \n\t{json.dumps(value)}\r\n"):
        assert quickjson.loads(text) == json.loads(text)
        assert quickjson.loads(text.encode("utf-8", "surrogatepass")) == json.loads(text)


@pytest.mark.parametrize("text", ["", " ", "{", "{} x", "[1,]", "nul", "'a'", "\ufeff{}", "{\"a\" 1}", "[1] [2]",
                                  b"\x80", b"\xff\xfe"], ids=repr)
def test_what_json_refuses_is_a_value_error(text):
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        quickjson.loads(text)


def test_constants_and_numbers_as_json_reads_them():
    for text in ("NaN", "Infinity", "-Infinity", "1e5", "-0", "[1.0, 2]"):
        assert repr(quickjson.loads(text)) == repr(json.loads(text))


@pytest.mark.parametrize("value", [None, 1, 1.5, ["[]"]], ids=repr)
def test_what_is_not_text_is_a_type_error(value):
    with pytest.raises(TypeError):
        json.loads(value)
    with pytest.raises(TypeError):
        quickjson.loads(value)
