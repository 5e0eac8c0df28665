"""C/Cython lexing and the evaluation of #if conditions for a target Python."""

import pytest

from outmoded.native.cpp import live_tokens
from outmoded.native.ctokens import c_tokens, cython_tokens


def idents(text, target=(3, 13), removed=()):
    return [t.text for t in live_tokens(c_tokens(text), target, set(removed).__contains__) if t.kind == "ident"]


def test_comments_strings_and_literals_are_skipped():
    source = (
        '/* PyEval_CallObject */ a // PyEval_CallObject \\\n still comment\n'
        'b = "PyEval_CallObject \\" x"; c = \'P\'; d = u8"s"; e = L\'x\';\n'
        'f = R"delim(PyEval_CallObject )" )delim"; g = 1\'000\'000; h;\n'
    )
    assert [t.text for t in c_tokens(source) if t.kind == "ident"] == ["a", "b", "c", "d", "e", "f", "g", "h"]


def test_positions_are_one_based_characters():
    tokens = list(c_tokens("int x;\n  \u00e9t\u00e9 = PyList_GetItem(l, 0);\n"))
    call = next(t for t in tokens if t.text == "PyList_GetItem")
    assert (call.line, call.column) == (2, 9)


def test_directive_tokens_are_marked_and_continued():
    tokens = list(c_tokens("#define X(a) \\\n  PyEval_CallObject(a, NULL)\nint y;\n"))
    in_directive = [t.text for t in tokens if t.directive >= 0]
    assert "PyEval_CallObject" in in_directive and "y" not in in_directive


def test_cython_comments_and_strings():
    source = "# PyEval_CallObject\nx = 'PyEval_CallObject'\ny = '''\nPyEval_CallObject\n'''\nz = PyEval_CallObject\n"
    comments = []
    names = [t.text for t in cython_tokens(source, comments) if t.kind == "ident"]
    assert names == ["x", "y", "z", "PyEval_CallObject"]
    assert comments[0].text == "# PyEval_CallObject"


@pytest.mark.parametrize("condition, target, live", [
    ("PY_VERSION_HEX < 0x030C0000", (3, 12), False),
    ("PY_VERSION_HEX < 0x030C0000", (3, 11), True),
    ("PY_VERSION_HEX >= 0x030D0000", (3, 13), True),
    ("PY_VERSION_HEX >= 0x030D0000", (3, 12), False),
    ("PY_VERSION_HEX >= 0x030D00A4", (3, 13), True),  # any 3.13 release is past alpha 4
    ("PY_VERSION_HEX >= 0x030D0200", (3, 13), None),  # 3.13.2: the micro version decides
    ("PY_VERSION_HEX > 0x030C00F0 && PY_VERSION_HEX < 0x030E0000", (3, 13), True),
    ("!(PY_VERSION_HEX >= 0x030D0000)", (3, 14), False),
    ("PY_MAJOR_VERSION == 3 && PY_MINOR_VERSION < 12", (3, 13), False),
    ("PY_MINOR_VERSION >= 13", (3, 13), True),
    ("PY_VERSION_HEX >= Py_PACK_VERSION(3, 14)", (3, 14), True),
    ("PY_VERSION_HEX < Py_PACK_FULL_VERSION(3, 14, 0, 0xA, 1)", (3, 15), False),
    # CPython 3.14+'s private spellings, which pythoncapi_compat.h (vendored in bitarray 3.12.3)
    # defines the same way under #ifndef for older Pythons and tests the version with
    ("PY_VERSION_HEX < _Py_PACK_VERSION(3, 9) && !defined(Py_LIMITED_API)", (3, 13), False),
    ("PY_VERSION_HEX >= _Py_PACK_FULL_VERSION(3, 13, 0, 0, 0)", (3, 13), True),
    ("0", (3, 13), False),
    ("1", (3, 13), True),
    ("defined(Py_GIL_DISABLED)", (3, 13), None),
    ("defined(Py_LIMITED_API) || PY_VERSION_HEX < 0x030D0000", (3, 13), None),
    ("defined(Py_LIMITED_API) && PY_VERSION_HEX < 0x030D0000", (3, 13), False),
    ("SOME_MACRO(1, 2) > 3", (3, 13), None),
    ("Py_LIMITED_API+0 >= 0x030d0000", (3, 13), None),
])
def test_if_conditions(condition, target, live):
    source = f"#if {condition}\nyes;\n#else\nno;\n#endif\n"
    names = idents(source, target)
    expected = {True: ["yes"], False: ["no"], None: ["yes", "no"]}[live]
    assert names == expected


def test_elif_chains_and_nesting():
    source = (
        "#if PY_VERSION_HEX >= 0x030E0000\n a;\n"
        "#elif PY_VERSION_HEX >= 0x030D0000\n b;\n"
        "#  ifdef Py_GIL_DISABLED\n c;\n#  else\n d;\n#  endif\n"
        "#elif 1\n e;\n"
        "#else\n f;\n#endif\n g;\n"
    )
    assert idents(source, (3, 13)) == ["b", "c", "d", "g"]
    assert idents(source, (3, 14)) == ["a", "g"]
    assert idents(source, (3, 12)) == ["e", "g"]


def test_nested_conditions_contradicting_their_enclosing_branch_are_dead():
    # pythoncapi_compat.h 2025 (bitarray 3.12.3): the outer branch is compiled on 3.13 only with
    # Py_LIMITED_API defined, so the inner #if needing it undefined is dead and its #else taken
    source = (
        "#if PY_VERSION_HEX < 0x030d0000 || (defined(Py_LIMITED_API) && Py_LIMITED_API+0 < 0x030d0000)\n"
        "#  if !defined(PYPY_VERSION) && !defined(Py_LIMITED_API)\n a;\n#  else\n b;\n#  endif\n"
        "#  ifdef Py_LIMITED_API\n c;\n#  else\n d;\n#  endif\n"
        "#  if defined(Py_GIL_DISABLED)\n e;\n#  endif\n"
        "#  if PY_VERSION_HEX >= 0x030d0000 && !defined(Py_LIMITED_API)\n j;\n"
        "#  elif !defined(PYPY_VERSION) && !defined(Py_LIMITED_API)\n k;\n#  else\n l;\n#  endif\n"
        "#elif defined(Py_LIMITED_API)\n f;\n"
        "#else\n g;\n"
        "#  ifndef Py_LIMITED_API\n h;\n#  else\n i;\n#  endif\n"
        "#endif\n"
    )
    assert idents(source, (3, 13)) == ["b", "c", "e", "l", "f", "g", "h"]
    assert idents(source, (3, 12)) == ["a", "b", "c", "d", "e", "k", "l"]
    # a macro defined or undefined in between is not what the enclosing condition saw
    source = ("#ifndef HAVE_X\n#  define HAVE_X 1\n#  ifdef HAVE_X\n a;\n#  endif\n#endif\n"
              "#if defined(Y)\n#  undef Y\n#  ifndef Y\n b;\n#  endif\n#endif\n")
    assert idents(source, (3, 13)) == ["a", "b"]

    # `defined NAME` without parentheses, last on its line, is tested as well
    source = "#if defined Py_LIMITED_API\n a;\n#elif !defined Py_LIMITED_API\n b;\n#else\n c;\n#endif\n"
    assert idents(source, (3, 13)) == ["a", "b"]
    source = "#ifdef Y\n#  if !defined Y\n a;\n#  endif\n b;\n#endif\n"
    assert idents(source, (3, 13)) == ["b"]


def test_a_flag_defined_under_undecided_conditions_is_defined_exactly_when_they_hold():
    # pyahocorasick 2.3.1's common.h: #define PEP393_UNICODE inside #ifdef AHOCORASICK_UNICODE
    # (on Python 3); utils.c's #elif after #if defined PEP393_UNICODE cannot have AHOCORASICK_UNICODE
    flags = ("#if PY_MAJOR_VERSION >= 3\n#  define PY3K\n#  ifdef AHOCORASICK_UNICODE\n#    define PEP393_UNICODE\n"
             "#  endif\n#endif\n")
    use = ("#if defined PEP393_UNICODE\n a;\n#elif defined PY3K\n#  ifdef AHOCORASICK_UNICODE\n b;\n#  else\n c;\n"
           "#  endif\n#endif\n#if defined PEP393_UNICODE\n d;\n#elif defined AHOCORASICK_UNICODE\n e;\n#else\n f;\n#endif\n")
    assert idents(flags + use) == ["a", "c", "d", "f"]
    # defined again elsewhere, by the build (Py-prefixed: CPython's), or undefined: no longer implied
    for other in ("#ifdef OTHER\n#  define PEP393_UNICODE\n#endif\n", "#undef PEP393_UNICODE\n"):
        assert idents(flags + other + use) == ["a", "b", "c", "d", "e", "f"]
    assert idents(flags.replace("PEP393_UNICODE", "Py_UNICODE_WIDE")
                  + use.replace("PEP393_UNICODE", "Py_UNICODE_WIDE")) == ["a", "b", "c", "d", "e", "f"]
    # defined under a condition on itself: what it was defined under is not known
    source = "#ifndef FLAG\n#  ifdef X\n#    define FLAG\n#  endif\n#endif\n#if defined FLAG\n a;\n#elif defined X\n b;\n#endif\n"
    assert idents(source) == ["a", "b"]


def test_defined_of_a_removed_name_is_false():
    source = "#ifdef PyEval_CallObject\n a;\n#endif\n#ifndef PyEval_CallObject\n b;\n#endif\n"
    assert idents(source, (3, 13), removed=["PyEval_CallObject"]) == ["b"]
    assert idents(source, (3, 13)) == ["a", "b"]


def test_directives_on_live_lines_are_collected():
    directives = []
    source = "#if 0\n#define DEAD 1\n#else\n#define ALIVE 1\n#endif\n"
    list(live_tokens(c_tokens(source), (3, 13), directives=directives))
    assert [(name, [t.text for t in rest]) for name, rest in directives] == [("define", ["ALIVE", "1"])]


def test_macros_defined_from_version_checks():
    source = (
        "#define IS_PY313 (PY_VERSION_HEX >= 0x030D0000)\n"
        "#define NEWER IS_PY313 && 1\n"
        "#define CALL(x) x\n"
        "#if IS_PY313\n a;\n#else\n b;\n#endif\n"
        "#if NEWER\n c;\n#endif\n"
        "#if CALL(1)\n d;\n#endif\n"
        "#undef IS_PY313\n#if IS_PY313\n e;\n#endif\n"
    )
    assert idents(source, (3, 13)) == ["a", "c", "d", "e"]
    assert idents(source, (3, 12)) == ["b", "d", "e"]


def test_function_like_macros_defined_from_the_version_are_expanded():
    # dbus-python 1.5.1's dbus_bindings-internal.h: #if !DBUSPY_PY_VERSION_AT_LEAST(3, 13, 0, 0xc0)
    # around its backport of PyWeakref_GetRef, which calls PyWeakref_GetObject (gone in 3.15)
    source = (
        "#define AT_LEAST(x, y, z, w) \\\n"
        "    (PY_VERSION_HEX >= ((x * 0x01000000) + (y * 0x010000) + (z * 0x0100) + w))\n"
        "#define STR(x) #x\n"
        "#ifdef Py_GIL_DISABLED\n#define FT(x) x\n#endif\n"
        "#if !AT_LEAST(3, 13, 0, 0xc0)\n a;\n#else\n b;\n#endif\n"
        "#if AT_LEAST(3, 1 + 1, 0, 0) && !AT_LEAST(3, 14, 0, 0)\n c;\n#endif\n"
        "#if STR(1)\n d;\n#endif\n"
        "#if FT(0)\n e;\n#endif\n"
        "#ifdef AT_LEAST\n f;\n#endif\n"
    )
    assert idents(source, (3, 15)) == ["b", "d", "e", "f"]
    assert idents(source, (3, 13)) == ["b", "c", "d", "e", "f"]
    assert idents(source, (3, 12)) == ["a", "c", "d", "e", "f"]


def test_macros_defined_under_unknown_conditions_are_unknown():
    source = (
        "#ifdef Py_GIL_DISABLED\n#define FT 1\n#else\n#define FT 0\n#endif\n"
        "#if PY_VERSION_HEX >= 0x030D0000\n#define NEW 1\n#else\n#define NEW 0\n#endif\n"
        "#if FT\n a;\n#endif\n#if NEW\n b;\n#else\n c;\n#endif\n"
    )
    assert idents(source, (3, 13)) == ["a", "b"]
    assert idents(source, (3, 12)) == ["a", "c"]


def test_other_interpreters_macros_are_undefined_on_cpython():
    # pythoncapi_compat.h: after a true branch every #elif is dead, and PyPy's branches are dead too
    source = (
        "#if PY_VERSION_HEX >= 0x030d0000 && !defined(PYPY_VERSION)\n a;\n"
        "#elif PY_VERSION_HEX >= 0x03060000 && !defined(PYPY_VERSION)\n b;\n"
        "#elif PY_VERSION_HEX >= 0x03090000 && defined(PYPY_VERSION)\n c;\n"
        "#else\n d;\n#endif\n"
        "#if defined(PYPY_VERSION) || defined(GRAALVM_PYTHON)\n e;\n#endif\n"
        "#if !defined(PYPY_VERSION_NUM) || PYPY_VERSION_NUM >= 0x7030000\n f;\n#endif\n"
        "#ifdef PYPY_VERSION\n g;\n#endif\n"
    )
    assert idents(source, (3, 13)) == ["a", "f"]
    assert idents(source, (3, 12)) == ["b", "f"]
    # a file that defines one itself is believed
    assert idents("#define PYPY_VERSION 1\n#ifdef PYPY_VERSION\n a;\n#endif\n", (3, 13)) == ["a"]


def test_visual_cpp_older_than_the_targets_is_dead():
    # PyYAML 6.0's _yaml.h: #ifdef _MSC_VER / #if _MSC_VER == 1200 (Visual C++ 6.0) defines
    # PyLong_FromUnsignedLongLong from PyInt_FromLong; Python 3.5+ needs Visual Studio 2015 or later
    source = (
        "#if _MSC_VER == 1200\n a;\n#endif\n"
        "#if defined(_MSC_VER) && _MSC_VER < 1900\n b;\n#endif\n"
        "#if _MSC_VER >= 1900\n c;\n#endif\n"                  # MSVC builds only: unknown
        "#if !defined(_MSC_VER) || _MSC_VER >= 1900\n d;\n#endif\n"  # every compiler that builds it
        "#if _MSC_VER < 1900\n e;\n#endif\n"                   # gcc takes it: undefined is 0
        "#ifdef _MSC_VER\n f;\n#endif\n"
    )
    assert idents(source, (3, 13)) == ["c", "d", "e", "f"]
    assert idents(source, (3, 4)) == ["a", "b", "c", "d", "e", "f"]  # not decided before 3.5
    assert idents("#define _MSC_VER 1200\n#if _MSC_VER == 1200\n a;\n#endif\n", (3, 13)) == ["a"]
