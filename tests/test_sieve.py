"""The sieve never clears a file with a finding, and what it parses is the file with bodies left out.

Every catalog case of ``test_prefilter`` (every entry, every spelling) is wrapped the ways real
code holds it — under a ``try`` with an ``except ImportError``, version checks, in a function, a
decorated function, a method, a string, with its imports at the top and its uses in a function,
beside functions and classes that name nothing removed (the bodies the sieve leaves out) — and
checked with the sieve and without it: the findings and errors must be the same.  Separately, the
text the sieve parses is compared, node by node, with the whole file's tree on every module of the
running Python's standard library: the same tree, except for bodies replaced by ``pass`` that name
no needle word.
"""

import ast
import copy
import re
import sys
import sysconfig
from pathlib import Path

import pytest
from test_prefilter import CASES

from outmoded import sieve
from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.engine import check_source

INDEXES = {"3.15-pending": build_index(default_catalog(), (3, 15), pending=True)}  # every entry, as test_prefilter

# functions and classes naming nothing removed, written the ways a reader of text can get wrong:
# a string with lines at the margin, brackets and a backslash continuation reaching back to it
PAD = '''def _helper(a, b=1):
    """Adds.
at the margin
    """
    x = [
1, 2]
    return a + \\
        b + x[0]


@staticmethod
def _decorated(
        a,
        b):
    return {"k": (a,
b)}


class _Other(object):
    """Nothing here."""

    def first(self):
        return 1

    def second(self):
        text = \'\'\'
def inner():
    pass
\'\'\'
        return text
'''


def _indented(source: str, spaces: int = 4) -> str:
    return "".join(" " * spaces + line if line.strip() else line for line in source.splitlines(True))


def _split(source: str) -> tuple[str, str]:
    """(the import lines at the top, the rest)."""
    lines = source.splitlines(True)
    head = 0
    while head < len(lines) and lines[head].startswith(("import ", "from ")) and "(" not in lines[head]:
        head += 1
    return "".join(lines[:head]), "".join(lines[head:])


def _wrapped(source: str, how: str) -> str:
    head, rest = _split(source)
    body = rest or "pass\n"
    return {
        "beside": PAD + source + PAD,
        "try-import": PAD + "try:\n" + _indented(source) + "except ImportError:\n    pass\n" + PAD,
        "try-fallback": "try:\n" + _indented(source) + "except ImportError:\n    import os as _fallback\n" + PAD,
        "old-python": "import sys\n" + PAD + "if sys.version_info < (3,):\n" + _indented(source) + PAD,
        "new-python": "import sys\nif sys.version_info >= (3, 0):\n" + _indented(source) + "else:\n    pass\n" + PAD,
        "function": head + PAD + "def f():\n" + _indented(body) + PAD,
        "decorated": head + PAD + "@property\ndef f(self):\n" + _indented(body),
        "method": head + "class C(object):\n" + _indented(PAD) + "    def m(self):\n" + _indented(body, 8),
        "string": PAD + 'TEXT = """\n' + source.replace('"""', "'''") + '"""\n' + PAD,
        "comment": PAD + "".join("# " + line for line in source.splitlines(True)) + PAD,
        "name-error": head + "try:\n    def g():\n        return long(1)\n" + _indented(body)
                      + "except NameError:\n    pass\n" + PAD,
        "deleted": head + PAD + "def f():\n" + _indented(body) + "def g():\n    return f\n\n\ndel f\n",
    }[how]


WAYS = ["beside", "try-import", "try-fallback", "old-python", "new-python", "function", "decorated", "method",
        "string", "comment", "name-error", "deleted"]


def _share(way: str) -> list:
    """The catalog cases wrapped this way: every entry's, its n-th spelling under the n-th way
    (mod the number of ways), so each entry is compared under every way and each spelling under
    at least one; comparing all ~7,000 spellings under all 12 ways (167,000 checks) took five
    minutes of the suite and proved no more about the sieve, which sees one entry's spellings alike.
    Commented out, every spelling: the prefilter clears nearly all of them at once (a few seconds)."""
    if way == "comment":
        return [(entry.code, case) for entry, case in CASES]
    turn, seen, share = WAYS.index(way), {}, []
    for entry, case in CASES:
        forms = seen.setdefault(entry.code, [])
        forms.append(case)
    for code, forms in seen.items():
        picked = forms[turn::len(WAYS)] or [forms[turn % len(forms)]]
        share.extend((code, case) for case in picked)
    return share


def _result(source: str, index, sieved: bool, monkeypatch) -> tuple:
    if not sieved:
        monkeypatch.setattr(sieve, "sift", lambda *args: None)
    result = check_source("case.py", source.encode(), index)
    monkeypatch.undo()
    return sorted(result.findings, key=repr), [e.message for e in result.errors]


@pytest.mark.parametrize("way", WAYS)
def test_the_sieve_reports_what_the_whole_file_reports(way, monkeypatch):
    """Findings, their positions, messages and fixes, and errors: the same with the sieve (which
    tries every reduced text, however little it leaves out) as without it."""
    used, calls = {"cleared": 0, "reported": 0}, sieve.sift

    def counting(*args):
        answer = calls(*args)
        if answer is not None:
            used["reported" if answer else "cleared"] += 1
        return answer

    wrong, reported = [], 0
    for name, index in INDEXES.items():
        for code, case in _share(way):
            source = _wrapped(case, way)
            expected = _result(source, index, False, monkeypatch)
            monkeypatch.setattr(sieve, "WORTH", 0.0)
            monkeypatch.setattr(sieve, "sift", counting)
            got = _result(source, index, True, monkeypatch)
            reported += bool(expected[0])
            if got != expected:
                wrong.append(f"{name} {code}: {source!r}\n  without: {expected}\n  with: {got}")
    assert wrong == []
    if way in ("string", "comment", "old-python"):
        assert used["cleared"] > 100  # words the scanner reports nothing for (code for Python 2 only): cleared
    else:
        assert reported > 100  # the wrapped cases are ones the scanner reports on: the comparison means something
        if way not in ("name-error", "deleted"):
            assert used["reported"] > 100  # and most are reported from the reduced text


def _same_but_left_out(whole: ast.AST, reduced: ast.AST, lines: list[str], words: frozenset) -> bool:
    """Is ``reduced`` ``whole`` with some function and class bodies replaced by ``pass``, each
    writing none of ``words`` as a word?  Positions compared, except where a left-out body ends."""
    if type(whole) is not type(reduced):
        return False
    if isinstance(whole, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and whole.body != reduced.body \
            and len(reduced.body) == 1 and isinstance(reduced.body[0], ast.Pass) \
            and not (len(whole.body) == 1 and isinstance(whole.body[0], ast.Pass)):
        segment = "\n".join(lines[whole.lineno - 1:whole.end_lineno])
        if any(re.search(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", segment) for word in words):
            return False
        whole = copy.copy(whole)
        whole.body = reduced.body
    if isinstance(whole, (ast.FunctionDef, ast.AsyncFunctionDef)) and whole.args != reduced.args \
            and len(reduced.body) == 1 and isinstance(reduced.body[0], ast.Pass) and _plain(whole.args) \
            and not (reduced.args.args or reduced.args.kwonlyargs or reduced.args.vararg or reduced.args.kwarg) \
            and not any(re.search(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", lines[whole.lineno - 1])
                        for word in words):
        whole = copy.copy(whole)
        whole.args = reduced.args  # the plain parameters of a body left out, written as spaces
    for attribute in ("lineno", "col_offset"):
        if getattr(whole, attribute, None) != getattr(reduced, attribute, None):
            return False
    for field in whole._fields:
        left, right = getattr(whole, field, None), getattr(reduced, field, None)
        if isinstance(left, list):
            if not isinstance(right, list) or len(left) != len(right):
                return False
            if not all(_same_but_left_out(a, b, lines, words) if isinstance(a, ast.AST) else a == b
                       for a, b in zip(left, right)):
                return False
        elif isinstance(left, ast.AST):
            if not _same_but_left_out(left, right, lines, words):
                return False
        elif left != right:
            return False
    return True


def _plain(args: ast.arguments) -> bool:
    """Are these parameters plain names, without a default or an annotation?"""
    every = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
    return not (args.defaults or any(args.kw_defaults) or args.posonlyargs or any(a.annotation for a in every))


def _stdlib_sources():
    root = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(root.rglob("*.py")):
        if "site-packages" in path.parts or "lib2to3" in path.parts or "bad" in path.name:
            continue
        try:
            text = path.read_text(encoding="utf-8")
            tree = ast.parse(text)
        except (UnicodeDecodeError, SyntaxError, ValueError):
            continue
        yield path, text, tree


REDUCTIONS = [(frozenset({"xyzzy"}), "\n"), (frozenset({"os", "path"}), "\n"), (frozenset({"self"}), "\n"),
              (frozenset({"xyzzy"}), "\r\n"), (None, "\n")]  # None: sieve.outline, what project.summary parses


@pytest.fixture(scope="module")
def reductions():
    """(words, newline) -> (what is wrong, how many files were reduced), for every module of the
    standard library: each parsed whole once for all four (the tree is the same with either newline)."""
    saved, sieve.WORTH = sieve.WORTH, 0.0
    found = {key: ([], 0) for key in REDUCTIONS}
    try:
        for path, text, whole in _stdlib_sources():
            for (words, newline), (wrong, _) in found.items():
                reduced_here = _reduced_wrong(path, text.replace("\n", newline), whole, words)
                if reduced_here is not None:
                    found[words, newline] = (wrong, found[words, newline][1] + 1)
                    wrong.extend(reduced_here)
    finally:
        sieve.WORTH = saved
    return found


def _reduced_wrong(path, text: str, whole: ast.AST, words: frozenset) -> list | None:
    """What is wrong with the text the sieve parses for ``text`` (None: it would parse it whole)."""
    reduced = sieve.reduce(text, words) if words is not None else sieve.outline(text)
    if reduced is None:
        return None
    words = words or frozenset()
    if len(reduced.split("\n")) != len(text.split("\n")):
        return [f"{path}: line count"]
    try:
        tree = ast.parse(reduced)
    except SyntaxError as exc:
        return [f"{path}: {exc}"]
    return [] if _same_but_left_out(whole, tree, text.split("\n"), words) else [str(path)]


@pytest.mark.parametrize("words, newline", REDUCTIONS)
def test_the_reduced_text_is_the_file_with_bodies_left_out(words, newline, reductions):
    wrong, reduced_files = reductions[words, newline]
    assert wrong == []
    assert reduced_files > 300  # most of the standard library is read, not given up on


@pytest.mark.parametrize("text", [
    'def f():\n    x = """\ndef g():\n"""\n    return x\n',  # a line at the margin inside a string
    "def f():\n    return (1 +\n2)\n\n\nclass C:\n    pass\n",  # inside brackets
    "def f():\n    return 1 + \\\n2\n",  # a backslash continuation
    "def f():\n    s = 'a\\\nb'\n    return s\n",  # a string continued with a backslash
    "def f():\n\treturn 1\n",  # a tab: not read
    "def f():\n    x = '''unterminated\n",  # not Python
    "def f():\n    return 1\n\f\ndef g():\n    return 2\n",  # a form feed
])
def test_text_it_cannot_read_surely_is_parsed_whole_or_left_the_same(text):
    reduced = sieve.reduce(text, frozenset({"xyzzy"}))
    if reduced is not None:
        assert _same_but_left_out(ast.parse(text), ast.parse(reduced), text.split("\n"), frozenset({"xyzzy"}))


def test_a_def_inside_brackets_that_never_close_is_parsed_whole():
    # jedi's test data: a call left open, then a class whose methods are found from their def lines
    text = "def a(abc):\n    pass\n\nmultiple(foo, bar\n\nclass Test:\n    def m(self):\n        pass\n"
    assert sieve.reduce(text, frozenset({"xyzzy"})) is None
    assert sieve.outline(text) is None


def test_a_file_whose_words_name_nothing_removed_is_cleared_without_parsing_it_whole():
    # a float passed to randrange, but an attribute's (the prefilter cannot tell the receiver: a
    # parameter's it can, callreceivers)
    source = ("import random\n\n\ndef roll(game):\n    return game.rng.randrange(6.0) or random.randrange(6)\n\n\n"
              + "".join(f"def f{n}(data):\n    return sorted(data)[{n}]\n\n\n" for n in range(20)))
    index = build_index(default_catalog(), (3, 13))
    from outmoded.prefilter import candidate_words

    assert candidate_words(source.encode(), index.words, index.by_anchor) == {"random", "randrange"}
    result = check_source("rolls.py", source.encode(), index)
    assert (result.findings, result.errors, result.parsed) == ([], [], False)
    source += "print(random.randrange(6.0))\n"
    result = check_source("rolls.py", source.encode(), index)
    assert [f.api for f in result.findings] and result.parsed


def test_a_needle_word_inside_a_longer_name_is_no_reason_to_parse_or_walk_a_body():
    """``randrange`` written only inside ``randranges`` or ``_randrange``: those bodies are left
    out and never walked; the one writing ``random.randrange`` itself is checked."""
    source = ("import random\n\n\ndef roll():\n    return random.randrange(6.0)\n\n\n"
              + "".join(f"def f{n}(data):\n    return data.randranges[{n}] + data._randrange\n\n\n" for n in range(20)))
    index = build_index(default_catalog(), (3, 13))
    reduced = sieve.reduce(source, frozenset({"random", "randrange"}))
    assert reduced is not None and "random.randrange(6.0)" in reduced and "randranges" not in reduced
    result = check_source("rolls.py", source.encode(), index)
    assert [(f.api.partition("(")[0], f.line) for f in result.findings] == [("random.randrange", 5)]


def test_a_del_of_a_function_keeps_the_bodies_naming_it_and_leaves_the_others_out():
    """Twisted 18.9's dns.py: ``del name`` (a class body's loop variable) in a module defining a
    method ``name``; compat.py deletes functions it defined.  A body naming the function (not as
    an attribute) is kept, as ``contexts.deleted_before_use`` reads it; the others go."""
    source = ("import random\n\n\ndef name():\n    return random.randrange(6.0)\n\n\n"
              "def uses():\n    return name\n\n\n"
              "def other(self):\n    return self.name + 1\n\n\n"
              + "".join(f"def f{n}(data):\n    return sorted(data)[{n}]\n\n\n" for n in range(20))
              + "del name\n")
    reduced = sieve.reduce(source, frozenset({"random", "randrange"}))
    assert reduced is not None and "return name\n" in reduced and "self.name" not in reduced
    assert "sorted" not in reduced
    index = build_index(default_catalog(), (3, 13))
    result = check_source("rolls.py", source.encode(), index)
    assert [(f.api.partition("(")[0], f.line, f.context) for f in result.findings] == [
        ("random.randrange", 5, None)]  # ``uses`` names it before the del: it may have run


def test_a_del_continued_on_the_next_line_keeps_the_bodies_naming_what_it_deletes():
    """The function a ``del`` deletes may be named on the line a backslash continues it onto:
    the body naming it before the ``del`` is kept, and the finding in it is the whole file's (it
    may have run: no context), not one of a function deleted before any use."""
    source = ("import random\n\n\ndef name():\n    return random.randrange(6.0)\n\n\n"
              "def uses(x):\n    return name\n\n\n"
              + "".join(f"def f{n}(data):\n    return sorted(data)[{n}]\n\n\n" for n in range(20))
              + "del _unused, \\\n    name\n")
    reduced = sieve.reduce(source, frozenset({"random", "randrange"}))
    assert reduced is not None and "return name\n" in reduced and "sorted" not in reduced
    index = build_index(default_catalog(), (3, 13))
    result = check_source("rolls.py", source.encode(), index)
    assert [(f.api.partition("(")[0], f.line, f.context) for f in result.findings] == [
        ("random.randrange", 5, None)]


@pytest.mark.skipif(sys.version_info < (3, 12), reason="f-strings nest their own quotes from 3.12 (PEP 701)")
def test_an_f_string_nesting_its_own_quotes_is_parsed_whole():
    text = 'def f(x):\n    return f"{x["a"]}"\n'
    assert sieve.reduce(text, frozenset({"xyzzy"})) is None


@pytest.mark.parametrize("prefix", ["f", "F", "rf", "fR", "Rf", "FR", "r", "b", ""])
def test_only_an_f_string_whose_braces_do_not_pair_is_a_doubt(prefix, monkeypatch):
    """Read as text, ``f"{x["a"]}"`` is a string ``f"{x["``, a name, a string ``"]}"``: an
    f-string (whatever its prefix's case and raw flag) whose braces do not pair may nest its
    quotes, so the file is parsed whole; any other string's braces are no doubt."""
    monkeypatch.setattr(sieve, "WORTH", 0.0)
    text = f'import os\n\n\ndef f(x):\n    return {prefix}"{{x["a"]}}"\n'
    assert (sieve.reduce(text, frozenset({"os"})) is None) == ("f" in prefix.lower())


@pytest.mark.parametrize("string", ["ur'x'", 'UR"x"', 'uR"""x"""', "r'x'", "u'x'", "four'x'"])
def test_a_python_2_unicode_raw_string_in_a_body_left_out_is_a_doubt(string, monkeypatch):
    """``ur''`` is Python 2 only: the file is parsed whole, so its syntax error is reported."""
    monkeypatch.setattr(sieve, "WORTH", 0.0)
    text = f"import os\n\n\ndef f(x):\n    return {string}\n"
    assert (sieve.reduce(text, frozenset({"os"})) is None) == string.lower().startswith("ur")


CLASS_TYPES = '''import types


def kind(obj):
    return isinstance(obj, types.ClassType)


def helper(a, b=1):
    """Adds."""
    x = [1, 2]
    {binding}
    return a + b + x[0]
'''


@pytest.mark.parametrize("binding", ["y = None", "type = None"])
def test_a_fix_decided_from_the_remainder_is_the_whole_files(binding, monkeypatch):
    """``types.ClassType`` is fixed to ``type`` unless the file binds ``type`` elsewhere, here in a
    function body the sieve leaves out: the decision is the whole file's either way."""
    monkeypatch.setattr(sieve, "WORTH", 0.0)
    source = CLASS_TYPES.format(binding=binding)
    index = build_index(default_catalog(), (3, 13))
    assert binding not in sieve.reduce(source, frozenset({"types", "ClassType"}))
    sifted = []
    real = sieve.sift
    monkeypatch.setattr(sieve, "sift", lambda *args: sifted.append(real(*args)) or sifted[-1])
    got = _result(source, index, True, monkeypatch)
    assert sifted and sifted[0] is not None  # decided without scanning the whole file
    assert got == _result(source, index, False, monkeypatch)
    assert [(f.api, f.fix) for f in got[0]] == [("types.ClassType", None if binding == "type = None" else "unsafe")]


def test_a_class_keeps_the_names_its_body_defines():
    """A base class's own ``visit_Constant`` (no needle word in it) stops the finding on its
    subclass's ``visit_Num`` (3.14): the sieve leaves out method bodies, never a class's members."""
    source = ("import ast\n\n\nclass Base(ast.NodeVisitor):\n    def visit_Constant(self, node):\n"
              "        self.seen = [node, node]\n        return self.generic_visit(node)\n\n"
              "    def other(self):\n        return [1, 2, 3]\n\n\n"
              "class Visitor(Base):\n    def visit_Num(self, node):\n        return node\n")
    index = build_index(default_catalog(), (3, 14))
    words = frozenset({"visit_Num"})
    reduced = sieve.reduce(source, words)
    assert reduced is not None and "def visit_Constant" in reduced and "generic_visit" not in reduced
    assert sieve.sift(source, "visitors.py", words, index, None) == []
    assert check_source("visitors.py", source.encode(), index).findings == []


def _root_only(source: str) -> str:
    """The case in a function, with one more function naming only the modules its imports bind
    (``return os.sep``): a body that names a needle's root and none of its leaves."""
    head, rest = _split(source)
    bound = sorted({name.strip().split(" as ")[-1].split(".")[0] for line in head.splitlines()
                    if line.startswith("import ") for name in line[len("import "):].split(",")})
    uses = "".join(f"def uses_{name}():\n    return {name}.__name__\n\n\n" for name in bound)
    return head + PAD + uses + "def f():\n" + _indented(rest or "pass\n") + PAD


@pytest.mark.parametrize("way", ["root-only", "method", "try-fallback"])
def test_a_body_naming_only_the_module_a_needle_imports_holds_none_of_its_findings(way, monkeypatch):
    """``prefilter._roots``: the scanner walks no body naming only ``os`` of ``os.stat_float_times``
    (nor the sieve keeps it); every catalog case reports the same findings, errors and fixes as
    when such bodies are walked."""
    from outmoded import prefilter

    wrong, reported, rooted = [], 0, 0
    for name, index in INDEXES.items():
        for code, case in _share("function" if way == "root-only" else way):
            source = _root_only(case) if way == "root-only" else _wrapped(case, way)
            got = _result(source, index, True, monkeypatch)
            monkeypatch.setattr(prefilter, "_roots", lambda held, by_anchor: frozenset())
            expected = _result(source, index, True, monkeypatch)
            rooted += bool(prefilter._roots(
                {w.encode() for w in prefilter.candidate_words(source.encode(), index.words, index.by_anchor) or ()},
                index.by_anchor))
            reported += bool(expected[0])
            if got != expected:
                wrong.append(f"{name} {code}: {source!r}\n  walked: {expected}\n  with roots: {got}")
    assert wrong == []
    assert reported > 100 and rooted > 100  # cases with findings, and with roots told apart


def test_a_root_is_only_a_word_no_needle_of_the_file_needs_written():
    """``os`` of ``os.stat_float_times`` is a root; ``copy`` of ``copy.copy`` is its leaf too, and
    a module removed whole (``imp``) is its own needle's leaf."""
    from outmoded.prefilter import candidate_words

    index = build_index(default_catalog(), (3, 13))

    def roots(source: str) -> frozenset:
        return getattr(candidate_words(source.encode(), index.words, index.by_anchor), "roots", frozenset())

    assert roots("import os\nos.stat_float_times(True)\n") == {"os"}
    assert "copy" not in roots("import copy, itertools\ncopy.copy(itertools.count())\n")
    assert roots("import imp\nimp.reload(m)\n") == frozenset()
    source = ("import os\n\n\ndef f():\n    return os.stat_float_times(True)\n\n\n"
              + "".join(f"def g{n}(x):\n    return os.getcwd()[{n}]\n\n\n" for n in range(20)))
    result = check_source("timestamps.py", source.encode(), index)
    assert [(f.api, f.line) for f in result.findings] == [("os.stat_float_times", 5)]
    assert "getcwd" not in sieve.reduce(source, frozenset({"stat_float_times"}))


def test_a_del_in_another_block_keeps_no_body_naming_the_name():
    """``del name`` ending a class body's loop deletes no function the module defines at its top
    level (``contexts.deleted_before_use`` reads a function deleted in the block that defines it:
    at the same indentation), and ``del self.seen[name]`` deletes no name: the bodies naming
    ``name`` are left out like the others."""
    source = ("import random\n\n\ndef roll():\n    return random.randrange(6.0)\n\n\n"
              "def name():\n    return 1\n\n\n"
              "class Record:\n    for name in range(3):\n        pass\n    del name\n\n\n"
              "def uses(name):\n    return sorted(name)\n\n\n"
              "def drop(self, name):\n    del self.seen[name]\n\n\n"
              + "".join(f"def f{n}(data):\n    return sorted(data)[{n}]\n\n\n" for n in range(20)))
    reduced = sieve.reduce(source, frozenset({"random", "randrange"}))
    assert reduced is not None and "sorted" not in reduced and "self.seen" not in reduced
    index = build_index(default_catalog(), (3, 13))
    result = check_source("rolls.py", source.encode(), index)
    assert [(f.api.partition("(")[0], f.line) for f in result.findings] == [("random.randrange", 5)]


def test_a_del_in_another_class_body_keeps_no_body_naming_the_name():
    """Twisted 18.9's names/dns.py: ``del name`` (a class body's loop variable) in one class, a
    method ``name`` of another class at the same indentation.  No ``del`` deletes that method
    (``contexts.deleted_before_use`` reads a block's own ``del``), so the bodies naming ``name``
    are left out like the others; in the class defining the method and deleting it (a bracket
    running back to the first column in between), the bodies naming it are kept."""
    filler = "".join(f"    def f{n}(self, data):\n        return sorted(data)[{n}] + name\n\n" for n in range(20))
    source = ("import random\n\n\nclass Message:\n    def name(self):\n        return random.randrange(6.0)\n\n"
              + filler + "\nclass Record:\n    for name in range(3):\n        pass\n    del name\n")
    reduced = sieve.reduce(source, frozenset({"random", "randrange"}))
    assert reduced is not None and "sorted" not in reduced
    index = build_index(default_catalog(), (3, 13))
    result = check_source("dns.py", source.encode(), index)
    assert [(f.api.partition("(")[0], f.line, f.context) for f in result.findings] == [("random.randrange", 6, None)]
    same = ("import random\n\n\nclass Message:\n    def name(self):\n        return random.randrange(6.0)\n\n"
            + filler + "    table = [\n1]\n    del name\n")
    reduced = sieve.reduce(same, frozenset({"random", "randrange"}))
    assert reduced is None or "sorted" in reduced
    result = check_source("dns.py", same.encode(), index)
    assert [(f.api.partition("(")[0], f.line, f.context) for f in result.findings] == [("random.randrange", 6, None)]


def test_plain_parameters_of_a_body_left_out_are_written_as_spaces_and_nothing_else(monkeypatch):
    """A left-out body's parameter list of plain names is not parsed (columns kept); defaults and
    annotations (read by the scanner: ``cgi.escape`` here) and a header naming a needle word stay,
    and the findings are the whole file's."""
    monkeypatch.setattr(sieve, "WORTH", 0.0)
    source = ("import cgi\n\n\nclass Page:\n    def title(self, text, *rest, **options):\n        return text\n\n"
              "    def quoted(self, text, quote=cgi.escape):\n        return quote(text)\n\n"
              "    def escape(self, cgi):\n        return cgi\n\n"
              "    def body(self, text) -> str:\n        return cgi.escape(text)\n")
    reduced = sieve.reduce(source, frozenset({"cgi", "escape"}))
    lines = reduced.split("\n")
    assert lines[4] == "    def title(" + " " * len("self, text, *rest, **options") + "):"
    assert lines[7] == "    def quoted(self, text, quote=cgi.escape):"
    assert lines[10] == "    def escape(self, cgi):"
    assert "def body(self, text) -> str:" in reduced and "return cgi.escape(text)" in reduced
    index = build_index(default_catalog(), (3, 13))
    got = _result(source, index, True, monkeypatch)
    assert got == _result(source, index, False, monkeypatch)
    assert sorted((f.api, f.line, f.column) for f in got[0]) == [
        ("cgi", 1, 8), ("cgi.escape", 8, 34), ("cgi.escape", 15, 16)]


PYTHON_2 = ['print "x"', "exec code in space", "x = ur'y'", 'x = UR"y"', "asyncio.async(f)",
            "f(async=True)", "from kombu.async import Hub", "return 0777", "return 10L", "return `x`",
            "return a <> b", "try:\n    pass\nexcept ValueError, e:\n    pass", "raise ValueError, 'x'"]


@pytest.mark.parametrize("form", PYTHON_2)
def test_python_2_syntax_in_a_body_left_out_is_found_from_the_words_the_prefilter_names(form):
    """The sieve looks for a print or exec statement, a ``ur''`` prefix or ``async`` as a name only
    where the prefilter's split of the file names its word (``Candidates.syntax``): each such form
    in a body it would leave out is still a doubt, so the file is parsed whole and its syntax
    error reported."""
    from outmoded import masking
    from outmoded.prefilter import candidate_words

    index = INDEXES["3.15-pending"]
    text = "import imp\n\n\ndef f(x):\n" + _indented(form) + "\n\n\ndef g(m):\n    return imp.reload(m)\n"
    words = candidate_words(text.encode(), index.words, index.by_anchor)
    assert "imp" in words
    with pytest.raises(masking.Doubt):
        masking.mask(text, words.syntax)
    assert check_source("old.py", text.encode(), index).errors


def test_the_words_the_prefilter_names_find_the_python_2_syntax_a_search_of_all_finds():
    """Over the standard library's modules (lib2to3's test data holds print statements), and texts
    naming the words in strings, comments and longer names:
    the masked text with the words of ``prefilter.SYNTAX_WORDS`` the file names is the one with
    all of them looked for, and a doubt is the same doubt."""
    from outmoded import masking
    from outmoded.prefilter import SYNTAX_WORDS, identifiers

    def masked(text, words):
        try:
            return masking.mask(text, words)
        except masking.Doubt:
            return "doubt"

    root = Path(sysconfig.get_paths()["stdlib"])
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(root.rglob("*.py"))]
    texts += ["x = 'print x'\n# exec y\nprinter = ur_x = async_ = 1\n", "def f():\n    print 'x'\n",
              "x = 1\nexec 'y'\n", "asyncio.async(f)\n", "s = ur'x'\n"]
    doubts = 0
    for text in texts:
        words = SYNTAX_WORDS.intersection(identifiers(text.encode()))
        whole = masked(text, None)
        doubts += whole == "doubt"
        assert masked(text, words) == whole, text[:200]
    assert doubts >= 4
