"""The prefilter never clears a file the scanner would report on.

For every name in the whole catalog (every version, pending removals too), sources are generated
in the spellings users write — imports, aliases, from-imports, attribute access across lines and
comments, methods on typed and unknown receivers, keyword and positional arguments — and each is
checked twice: as ``check`` runs it (prefilter first) and by parsing and scanning every file
with no prefilter.  The findings must be the same.
"""

import ast
import pickle

import pytest
from test_catalog_detection import _forms

from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.catalog.models import node_parameters
from outmoded.engine import check_source
from outmoded.prefilter import Passed, candidate_words
from outmoded.catalog.needles import is_instance_attribute
from outmoded.scan import scan_tree
from outmoded.relativeneedles import packages_on

CATALOG = default_catalog()
INDEX = build_index(CATALOG, (3, 15), pending=True)


def _importable(dotted: str) -> bool:
    return all(part.isidentifier() for part in dotted.split("."))


def _attribute_forms(receiver: str, attr: str):
    yield f"{receiver}.{attr}()\n"
    yield f"({receiver}\n    .{attr})\n"
    yield f"({receiver}.  # why\n    {attr})\n"
    yield f"{receiver} . \\\n    {attr}\n"


def _method_forms(entry, name):
    cls, _, method = name.rpartition(".")
    module = cls.rpartition(".")[0]
    if entry.distinctive or module in ("", "builtins"):
        for form in _attribute_forms("unknown", method):
            yield form
    if module and module != "builtins" and _importable(module):
        yield f"import {module}\nclass T({cls}):\n    def f(self):\n        return self.{method}\n"
        yield f"import {module}\nobj = {cls}()\n" + next(_attribute_forms("obj", method))
        short = cls.rpartition(".")[2]
        yield f"from {module} import {short}\nobj = {short}()\nobj.{method}()\n"
    # receivers made by a subclass the hints name, or returned by what the hints say returns one
    family = INDEX.family(cls) if module and module != "builtins" else frozenset()
    for sub in sorted(family - {cls}):
        if _importable(sub.rpartition(".")[0]):
            yield f"import {sub.rpartition('.')[0]}\nobj = {sub}()\nobj.{method}()\n"
    for function, returned in sorted(INDEX.returns.items()):
        owner, _, leaf = function.rpartition(".")
        if returned not in family or not _importable(owner):
            continue
        if owner.rpartition(".")[2][:1].isupper():  # a method: called on an instance of its class
            made = f"{owner}()"
            owner = owner.rpartition(".")[0]
        else:
            made = owner
        if leaf == "__enter__":
            yield f"import {owner}\nwith {made} as obj:\n    obj.{method}()\n"
        else:
            yield f"import {owner}\nobj = {made}.{leaf}()\nobj.{method}()\n"


def _argument_forms(entry, name):
    module, _, func = name.rpartition(".")
    call = func if module in ("", "builtins") else f"{module}.{func}"
    head = "" if module in ("", "builtins") else f"import {module}\n"
    if module not in ("", "builtins") and not _importable(module):
        return
    value = f'"r{entry.value_contains}"' if entry.value_contains else "1"
    yield f"{head}{call}(x, {entry.argument}={value})\n"
    yield f"{head}{call}(\n    x,\n    {entry.argument} = {value},\n)\n"
    yield f"{head}{call}(x,  # why\n    {entry.argument}={value})\n"
    yield f"{head}{call}(x, \\\n    {entry.argument}={value})\n"
    # the keyword and its = on two lines: inside brackets, after a backslash, after a comment
    yield f"{head}{call}(x,\n    {entry.argument}\n    = {value})\n"
    yield f"{head}{call}(x, {entry.argument} \\\n    = {value})\n"
    yield f"{head}{call}(x, {entry.argument}  # why\n    = {value})\n"
    if entry.position is not None:
        args = ", ".join(["a"] * entry.position + [value])
        yield f"{head}{call}({args})\n"
        # what the prefilter's count of a call's arguments must not be misled by
        yield f"{head}({call})({args})\n"
        yield f"{head}{call}(\n    {args},  # why\n)\n"
        yield f"{head}{call}({args}, *rest)\n"
        if entry.position:
            for first in ('")"', "'(,'", '"""),"""', "f'{a}'", 'b"\\\\"'):
                tricky = ", ".join([first] + ["a"] * (entry.position - 1) + [value])
                yield f"{head}{call}({tricky})\n"
        if module not in ("", "builtins"):
            yield f"from {module} import {func} as alias\nalias({args})\n"
            yield f"{head}alias = {call}\nalias({args})\n"
    if module not in ("", "builtins"):  # another name for the function, called with the keyword
        yield f"from {module} import {func} as alias\nalias(x, {entry.argument}={value})\n"
        yield f"{head}alias: object = {call}\nalias(x, {entry.argument}={value})\n"
        yield f"{head}alias = ({call})\nalias(x, {entry.argument}={value})\n"
        yield f"{head}alias = (\r\n    {call}\r\n)\r\nalias(x, {entry.argument}={value})\r\n"
        yield f"{head}x = 1\nalias = \\\n    {call}\nalias(x, {entry.argument}={value})\n"
    yield f"{head}{call}(k='\\')', {entry.argument}={value})\n"  # an escaped quote, a bracket in a string


# what a behaviour's argument is matched on, written as users write it (``literals.CallArgument``)
VALUE_SPELLINGS = {"None": ["None", "(None)", "None  # why\n"], "float": ["1.5", "-2.0", "+ 1e3", "(3.)", ".5"],
                   "container": ["[1, 2]", "(1, 2)", "{1: 2}", "{1}", "[x for x in y]", "()"]}


def _behaviour_argument_forms(entry, name):
    """Calls passing a value the scanner matches, by position and by keyword, through the
    spellings of a call and of another name for the function."""
    module, _, func = name.rpartition(".")
    if entry.signature != "argument" or entry.matches not in VALUE_SPELLINGS or not _importable(module):
        return
    head, call = f"import {module}\n", f"{module}.{func}"
    for argument, position in entry.argument_positions:
        for value in VALUE_SPELLINGS[entry.matches]:
            args = ", ".join(["a"] * position + [value])
            yield f"{head}{call}({args})\n"
            yield f"{head}{call}({argument}={value})\n"
            yield f"{head}{call}(k='\\')', {argument}={value})\n"  # an escaped quote, a bracket in a string
            yield f"{head}{call}(\n    {args},\n)\n"
            yield f"{head}{call}({', '.join(['a'] * position + [argument + ' = ' + value])})\n"
            yield f"{head}({call})({args})\n"
            yield f"{head}{call} (b=1, *[{args}])\n"
            yield f"from {module} import {func} as alias\nalias({args})\n"
            yield f"from {module} import {func}\n{func}({args})\n"
            yield f"{head}alias = {call}\nalias({args})\n"
            yield f"{head}alias = \\\n    {call}\nalias({args})\n"
            yield f"{head}def f():\n    return {call}(\n        {args}, k=')'\n    )\n"
        yield f"{head}{call}({', '.join(['a'] * (position + 1))})\n"  # no such value: no finding


def _node_fields_forms(entry, name):
    """An AST node class called without a field it requires, or with a keyword it has no field
    for, through the spellings of its module and of another name for the class."""
    module, _, cls = name.rpartition(".")
    _, _, required, _, _ = node_parameters(dict(entry.node_fields)[name])
    for args in (["bogus=1"], [] if required else None, ["*rest"]):
        if args is None:
            continue
        given = ", ".join(args)
        yield f"import {module}\n{name}({given})\n"
        yield f"import {module} as m\nm.{cls}({given})\n"
        yield f"from {module} import {cls}\n{cls}({given})\n"
        yield f"from {module} import {cls} as alias\nalias({given})\n"
        yield f"from {module} import *\n{cls}({given})\n"
        yield f"import {module}\nalias = {name}\nalias({given})\n"
        yield f"import {module}\ndef f():\n    return {name}(  # why\n        {given}\n    )\n"


def _union_attribute_forms(entry, name):
    """A Union alias given a ``__module__`` in the ways ``aliasattributes`` reports."""
    module, _, attr = name.rpartition(".")
    made = f"{attr}[int, str]" if attr == "Union" else f"{attr}[int]"
    for head, alias in ((f"from {module} import {attr}\n", made), (f"import {module}\n", f"{module}.{made}"),
                        (f"import {module} as t\n", f"t.{made}")):
        head += f"A = {alias}\n"
        yield head + "A.__module__ = 'x'\n"
        yield head + "A.__module__=\\\n    'x'\n"
        yield head + "setattr(A, '__module__', 'x')\n"
        yield head + "setattr(\n    A,\n    \"__module__\",  # here\n    'x',\n)\n"
        yield head + "__all__ = ['A']\n__l = locals()\nfor __n in __all__:\n    setattr(__l[__n], '__module__', 'x')\n"
        yield head + "__all__ = ('A',)\nfor n in __all__:\n    if not n.startswith('_'):\n        globals()[n].__module__ = 'x'\n"


def _cases():
    for entry in CATALOG.entries:
        if entry.kind == "capi":
            continue
        for name in entry.names:
            if entry.kind == "method" or is_instance_attribute(entry, name):
                forms = list(_method_forms(entry, name))
            elif entry.kind == "argument":
                forms = list(_argument_forms(entry, name))
            elif entry.kind == "behaviour" and entry.signature == "argument":
                forms = list(_behaviour_argument_forms(entry, name))
            elif entry.kind == "behaviour" and entry.signature == "node-fields":
                forms = list(_node_fields_forms(entry, name))
            elif entry.kind == "behaviour" and entry.signature == "union-attribute":
                forms = list(_union_attribute_forms(entry, name))
            else:
                forms = [source for source, _ in _forms(entry, name)]
                module, _, attr = name.rpartition(".")
                if entry.kind != "module" and module and _importable(module):
                    forms += [f"import {module}\n" + form for form in _attribute_forms(module, attr)]
                    forms.append(f"from {module} import (\n    other,\n    {attr},\n)\n{attr}\n")
                    forms.append(f"from {module} import *\n{attr}\nx = {attr}(1)\n")  # starnames
                if entry.kind == "module":
                    forms.append(f"import importlib\nimportlib.import_module('{name}')\n")
            for source in forms:
                yield entry, source


CASES = list(_cases())


def _spans(findings):
    return sorted((f.line, f.column, f.code, f.severity) for f in findings)


KINDS = ["module", "function", "class", "constant", "attribute", "method", "argument", "behaviour"]


def test_every_kind_of_entry_has_cases():
    assert {entry.kind for entry, _ in CASES} >= set(KINDS)
    assert len(CASES) > 2000


@pytest.mark.parametrize("kind", KINDS)
def test_prefilter_never_clears_a_finding(kind):
    wrong, reported = [], 0
    for entry, source in CASES:
        if entry.kind != kind:
            continue
        unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
        checked = check_source("case.py", source.encode(), INDEX)
        reported += bool(unfiltered)
        if checked.errors or _spans(checked.findings) != unfiltered:
            wrong.append(f"{entry.code}: {source!r}")
    assert wrong == []
    assert reported > 0  # the spellings are ones the scanner reports: the comparison means something


def test_the_words_a_passed_file_carries_give_what_its_split_gives():
    # the first pass's ``Passed`` carries the file's words of the screen's set: the second pass
    # takes the candidates from them, with the project's needles too, as from the file's split
    from outmoded.prefilter import ProjectNeedles, screen
    from outmoded.textindex import derivable_methods

    methods = derivable_methods(INDEX)
    words = INDEX.words | methods
    paired = sorted(methods)[:2]
    project = ProjectNeedles.of({method: frozenset({b"OwnCase"}) for method in paired}, INDEX.words)
    sources = [source for _, source in CASES]
    sources += [f"import imp\nclass T(OwnCase):\n    def f(self):\n        self.{m.decode()}(imp)\n" for m in paired]
    sources += [f"import imp\ndef f(x):\n    x.{m.decode()}(imp)\n    print x\n" for m in paired]
    carried = 0
    for source in sources:
        data = source.encode()
        passed = screen(data, words, INDEX.by_anchor, methods)
        if not isinstance(passed, Passed):
            continue
        passed = pickle.loads(pickle.dumps(passed))  # as the worker protocol carries it
        assert passed.named is not None
        carried += 1
        for needles in (None, project):
            got = candidate_words(data, INDEX.words, INDEX.by_anchor, needles, passed, "case.py")
            split = candidate_words(data, INDEX.words, INDEX.by_anchor, needles, frozenset(passed), "case.py")
            assert (got, getattr(got, "roots", None)) == (split, getattr(split, "roots", None)), source
    assert carried > 1000


@pytest.mark.parametrize("source", [
    "from twisted.python.compat import iteritems\nfor k, v in iteritems(d):\n    pass\n",
    "def iteritems(self):\n    return iter(self.items())\n",
    "names = ['iteritems', 'itervalues']\n",
])
def test_a_method_name_that_is_not_an_attribute_is_cleared(source):
    assert check_source("case.py", source.encode(), INDEX).parsed is False


@pytest.mark.parametrize("source", [
    # a removed keyword's name assigned, or inside a longer keyword: no call passes it
    "import asyncio\nloop = asyncio.new_event_loop()\nasyncio.sleep(1)\n",
    "import asyncio\nasyncio.sleep(1, myloop=2)\n",
    "import json\njson.loads(s)\nencoding = 'utf-8'\n",
    # a removed attribute's spelling inside a longer name: another binding, another attribute
    "import string\nmystring = 'x'\nprint(mystring.letters, string.lettersx)\n",
    # a removed class constant's name alone (re.RegexFlag.T): its class is not named
    "import re\nfrom typing import TypeVar\nT = TypeVar('T')\npattern = re.compile('a', re.I)\n",
])
def test_text_that_only_looks_like_a_removal_is_cleared(source):
    assert check_source("case.py", source.encode(), INDEX).parsed is False


@pytest.mark.parametrize("source", [
    # a behaviour's function called without the value it no longer takes (shlex.split(None),
    # random.randrange(1.5), random.seed((1, 2))); the value elsewhere, or in another call
    "import shlex\nargs = shlex.split(line)\nx = None\n",
    "import random\nrandom.randrange(10)\ndelay = 1.5\nrandom.randrange(0, n, step)\n",
    "import random\nrandom.seed(42)\npair = (1, 2)\nrandom.choice([1, 2])\n",
    "from shlex import split\nsplit(text, None)\n",
    # a removed keyword passed to another call; a call passing fewer arguments than the position
    "import json\nvalue = json.loads(s)\nforce_bytes(data, encoding=charset)\n",
    "import random\nrandom.random()\nshuffler.shuffle(items, key=lambda x: x)\n",
    # a removed method of a class no receiver here can be (types.FunctionType.func_code): the
    # module imported, the attribute read, the class never named
    "import types\ndef f(g):\n    return g.func_code\n",
])
def test_a_needle_the_file_only_half_writes_clears_it(source):
    assert candidate_words(source.encode(), INDEX.words, INDEX.by_anchor) is None


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_an_import_continued_with_a_backslash_binds_every_name(newline):
    # bottle 0.12: ``import base64, cgi, ...,\`` then ``os, re, sys, ...``; the finder's
    # registration sits in a function body that names no other removed API
    source = newline.join([
        "import base64, \\", "    sys", "class Finder(object):", "    def __init__(self):",
        "        sys.meta_path.append(self)", "    def find_module(self, name, path=None):",
        "        return self", "    def load_module(self, name):", "        pass", ""])
    unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
    assert unfiltered and _spans(check_source("case.py", source.encode(), INDEX).findings) == unfiltered


KEYWORDS_INDEXES = {False: build_index(CATALOG, (3, 13)), True: build_index(CATALOG, (3, 15))}


@pytest.mark.parametrize("source", [
    'from typing import TypedDict\nT = TypedDict("T", x\n    = int)\n',
    'from typing import TypedDict\nT = TypedDict("T", x  # why\n    = int)\n',
    'from typing import TypedDict\nT = TypedDict("T",  # why\n    x=int)\n',
    'from typing import TypedDict\nT = TypedDict("T", \\\n    x=int)\n',
    'from typing import TypedDict\nT = TypedDict(f"T", x=int)\n',
    'from typing import TypedDict\nT = TypedDict("""T""", x=int)\n',
    'from typing import TypedDict\nT = TypedDict("T" "U", x=int)\n',
    'from typing import TypedDict\nT = TypedDict(name, x=int)\n',
    'from typing import TypedDict\nT = TypedDict(x=int)\n',
    'from typing import TypedDict\nT = TypedDict("T", {"a": int}, x=int)\n',
    'from typing import TypedDict\nT = TypedDict("T", total=False, x=int)\n',
    'from typing import NamedTuple as N\nP = N("P", [("x", int)], y=int)\n',
])
def test_a_keyword_the_scanner_reports_on_a_call_is_let_through(source):
    """The ``keywords`` behaviour (``TypedDict("T", x=int)``, 3.13; ``NamedTuple``, 3.15): the
    scanner reports any keyword of the call not in the entry's ``unless``, whatever the first
    argument and however the keyword is written; its text allowed only a one-line string literal,
    then the keyword, with blanks alone before its ``=``.  At 3.13 (3.15 for NamedTuple): at 3.15
    TypedDict's other changes let through every file naming it."""
    index = KEYWORDS_INDEXES["NamedTuple" in source]
    unfiltered = _spans(scan_tree(ast.parse(source), index, "case.py", source, None))
    assert unfiltered and _spans(check_source("case.py", source.encode(), index).findings) == unfiltered


@pytest.mark.parametrize("source", [
    'from typing import TypedDict\nclass T(TypedDict):\n    x: int\n',
    'from typing import TypedDict\nclass T(TypedDict, total=False):\n    x: int\n',
    'from typing import TypedDict\nT = TypedDict("T", {"x": int}, total  # why\n    = False)\nprint(T == 2)\n',
    'from typing import NamedTuple\nP = NamedTuple("P", [("x", int)])\nprint(P(1) == P(2))\n',
])
def test_a_keywords_behaviour_without_a_keyword_is_cleared(source):
    """... or with only the keywords the entry allows (``total=``), or ``==``."""
    index = KEYWORDS_INDEXES["NamedTuple" in source]
    assert check_source("case.py", source.encode(), index).parsed is False


@pytest.mark.parametrize("source", [
    # six imported, the removed module reached through six.moves on a line that imports nothing
    "import six\nparser = six.moves.configparser.SafeConfigParser()\n",
    # the module named on the line a backslash continues an import onto
    "import os, \\\n    imp\nimp.reload(os)\n",
    # imported by name in a call: on a line where import is written
    "import importlib\nimportlib.import_module('imp').reload(x)\n",
])
def test_a_module_imported_where_only_the_import_lines_show_it_is_let_through(source):
    """The prefilter reads a needle's module from the lines where ``import`` is written (and
    lets six's compat layer through): a module imported on none of them is not imported."""
    unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
    assert unfiltered and _spans(check_source("case.py", source.encode(), INDEX).findings) == unfiltered


def _relative_cases():
    """Every dotted name inside a package (three parts or more, not a class member), spelled
    through relative imports in a module of a package named like the stdlib's."""
    for entry in CATALOG.entries:
        if entry.kind in ("capi", "module", "method", "argument", "behaviour") or entry.pending:
            continue
        for name in entry.names:
            parts = name.split(".")
            if len(parts) < 3 or not all(p.isidentifier() for p in parts) or parts[-2][:1].isupper():
                continue
            first, rest = parts[1], ".".join(parts[2:])
            yield entry, parts[:1], f"from . import {first}\n{first}.{rest}\n"
            yield entry, parts[:1], f"from . import {first} as alias\nc = alias\nc.{rest}\n"
            yield entry, parts[:1], f"from . import (\n    other,\n    {first},\n)\n{first}.{rest}\n"
            yield entry, parts[:2], f"from .. import {first}\n{first}.{rest}\n"
            if len(parts) >= 4:
                yield entry, parts[:1], f"from .{first} import {parts[2]}\n{parts[2]}.{'.'.join(parts[3:])}\n"


def test_a_name_reached_through_a_relative_import_is_let_through(tmp_path):
    """In a package named like the stdlib's (CPython's own Lib: asyncio/windows_events.py's
    ``from . import events``, then ``events.BaseDefaultEventLoopPolicy``) the scanner resolves a
    relative import to the stdlib module, and the top-level module is never written."""
    wrong, reported = [], 0
    for number, (entry, package, source) in enumerate(_relative_cases()):
        directory = tmp_path / str(number)
        for depth in range(1, len(package) + 1):
            (directory.joinpath(*package[:depth]) / "__init__.py").parent.mkdir(parents=True, exist_ok=True)
            (directory.joinpath(*package[:depth]) / "__init__.py").touch()
        path = str(directory.joinpath(*package) / "case.py")
        unfiltered = _spans(scan_tree(ast.parse(source), INDEX, path, source, None))
        checked = check_source(path, source.encode(), INDEX, inside=packages_on(path))
        reported += bool(unfiltered)
        if checked.errors or _spans(checked.findings) != unfiltered:
            wrong.append(f"{entry.code}: {source!r}")
    assert wrong == []
    assert reported > 100



def test_discovery_marks_the_packages_whose_names_relative_imports_reach():
    """``discover.STDLIB_PACKAGES`` is what the index of every target asks of a file's path."""
    from outmoded.discover import STDLIB_PACKAGES

    roots = set()
    for minor in range(0, 16):
        for pending in (False, True):
            roots |= build_index(CATALOG, (3, minor), pending=pending).relative_roots
    assert roots == STDLIB_PACKAGES


def _reported_as_the_scanner_reports(source: str) -> bool:
    """Does the scanner report something in ``source``, and check (the prefilter first) the same?"""
    unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
    return bool(unfiltered) and _spans(check_source("case.py", source.encode(), INDEX).findings) == unfiltered


def _unlike_the_scanner(cases):
    """The cases whose check (the prefilter first) reports other than the scanner alone, and the
    codes of the entries the scanner reports."""
    wrong, reported = [], set()
    for entry, source in cases:
        unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
        checked = check_source("case.py", source.encode(), INDEX)
        if unfiltered:
            reported.add(entry.code)
        if checked.errors or _spans(checked.findings) != unfiltered:
            wrong.append(f"{entry.code}: {source!r}")
    return wrong, reported


def _receiver_forms():
    """Calls of every module function whose removed argument or value ``literals.CallArgument``
    finds, written through receivers the scanner resolves to the module, or may: another name
    imported or assigned, the module looked up by its name, a container or an attribute holding
    it (``callreceivers``)."""
    for entry, source in CASES:
        if entry.kind not in ("argument", "behaviour") or not source.startswith("import "):
            continue
        head, _, call = source.partition("\n")
        module = head[len("import "):]
        if " " in module or not call.startswith(module + ".") or "\n" in call.rstrip("\n"):
            continue
        rest = call[len(module):]
        yield entry, f"{head}\nm: object = {module}\nm{rest}"  # annotated
        if "." in module:  # m = http.client, then m.HTTPSConnection(key_file=...)
            yield entry, f"{head}\nm = {module}\nm{rest}"
            continue
        yield entry, f"import {module} as m\nm{rest}"
        yield entry, f"{head}\nm = {module}\nm{rest}"
        yield entry, f"{head}\ndef f(x, a):\n    m = {module}\n    return m{rest}"
        yield entry, f"{head}\nfor m in ({module},):\n    m{rest}"
        yield entry, f"{head}\nmods = [{module}]\nmods[0]{rest}"
        yield entry, f"import sys, {module}\nsys.modules['{module}']{rest}"
        yield entry, f"import importlib, {module}\nimportlib.import_module('{module}'){rest}"
        yield entry, f"{head}\nclass C:\n    m = {module}\n    def f(self, x, a):\n        return self.m{rest}"
        yield entry, f"{head}\ndef f(x, a, m={module}):\n    return m{rest}"


RECEIVER_CASES = list(_receiver_forms())


def test_a_call_through_another_binding_of_its_module_is_let_through():
    """The receiver of a module function's call is cleared by the text only where no binding of the
    module can reach it (``callreceivers``): every spelling of another binding the scanner
    reports is still reported."""
    wrong, reported = _unlike_the_scanner(RECEIVER_CASES)
    assert wrong == []
    assert "OMB12001" in reported and len(reported) > 10


@pytest.mark.parametrize("source", [
    # Twisted 18.9's words/protocols/irc.py: shlex.split on text, str.split(None, n) on parameters
    # and subscripts; the comment names shlex.split too
    "import shlex\n\n\ndef dcc(data, params):\n    info = params[1].split(None, 3)\n"
    "    kind = data.split(None, 1)[0]\n    # Use shlex.split for names with spaces.\n"
    "    return shlex.split(data), info, kind\n",
    "import os, shlex  # the module's name only before a dot, or imported\n\n\ndef words(line):\n"
    "    return line.split(None), shlex.split(line)\n",
])
def test_a_call_on_a_receiver_no_binding_of_its_module_reaches_is_cleared(source):
    assert check_source("case.py", source.encode(), INDEX).parsed is False


@pytest.mark.parametrize("source", [
    # the same text, and a call the module's binding does reach: reported
    "import shlex\n\n\ndef dcc(data, params):\n    kind = data.split(None, 1)[0]\n"
    "    return shlex.split(data), kind, shlex.split(None)\n",
    "import shlex\n\n\ndef dcc(data):\n    kind = data.split(None, 1)[0]\n    lexer = shlex\n"
    "    return lexer.split(None), kind\n",
    "import shlex as lexer\n\n\ndef dcc(data):\n    return data.split(None, 1), lexer.split(None)\n",
    "import random\n\n\ndef reset(rng, a):\n    rng.seed((1, 2))\n    return random.seed((1, 2))\n",
])
def test_a_call_through_its_module_beside_other_receivers_is_reported(source):
    assert _reported_as_the_scanner_reports(source)


EPYDOC = '''import os


class FilePath(object):
    """
    Time-related methods may be only second resolution depending on the last
    value passed to L{os.stat_float_times}.  If you want greater-than-second
    precision, call C{os.stat_float_times(True)}.
    """

    def getModificationTime(self):
        return os.stat(self.path).st_mtime
'''


def test_a_name_written_only_in_epydoc_markup_is_cleared():
    # Twisted 18.9's python/filepath.py: the removed os.stat_float_times is named only in a docstring
    assert check_source("case.py", EPYDOC.encode(), INDEX).parsed is False


@pytest.mark.parametrize("source", [
    EPYDOC + "\n\nos.stat_float_times(True)\n",
    EPYDOC + "\n\nfrom os import stat_float_times\n",
    EPYDOC + "\n\nprecise = getattr(os, 'stat_float_times')\n",
    EPYDOC + '\n\nsaid = f"L{os.stat_float_times(True)}"\n',
    EPYDOC + '\n\nsaid = rf"L{os.stat_float_times(True)}"\n',
])
def test_a_name_in_epydoc_markup_and_in_code_is_reported(source):
    assert _reported_as_the_scanner_reports(source)


def _called_in_a_function(source: str) -> str | None:
    """``source`` with its calls through another name for the function (``alias(...)``, bound at
    the top: ``from m import f as alias``, ``alias = m.f``) moved into a function's body."""
    at = source.find("\nalias(")
    if at < 0:
        return None
    newline = "\r\n" if "\r\n" in source else "\n"
    body = source[at + 1:]
    return source[:at + 1] + f"{newline}{newline}def f(x, a, y):{newline}" + "".join(
        "    " + line for line in body.splitlines(keepends=True))


ALIASED_CALLS = [(entry, moved) for entry, source in CASES if entry.kind in ("argument", "behaviour")
                 for moved in [_called_in_a_function(source)] if moved]


def test_a_checked_call_through_another_name_in_a_function_is_let_through():
    """``from hmac import new as h`` then ``def f(k): return h(k)``: the function's body names no
    needle word, and was skipped (the scanner's, and the sieve's, function bodies naming none);
    every removed argument and behaviour call, through each name the module gives the function."""
    wrong, reported = _unlike_the_scanner(ALIASED_CALLS)
    assert wrong == []
    assert {"OMB10001", "OMB12001", "OM10030"} <= reported and len(reported) > 20  # hmac.new: below


@pytest.mark.parametrize("source", [
    "from hmac import new as h\n\n\ndef f(k):\n    return h(k)\n",
    "from hmac import (\n    compare_digest,\n    new as h,\n)\n\n\ndef f(k):\n    return h(k)\n",
    "import hmac\nh = hmac.new\n\n\ndef f(k):\n    return h(k)\n",
    "import hmac\nh=hmac.new  # the old default\n\n\ndef f(k):\n    return h(k)\n",
    'from typing import NamedTuple as N\n\n\ndef f():\n    return N("P", [("x", int)], y=int)\n',
])
def test_a_behaviour_call_through_another_name_in_a_function_is_found(source):
    assert _reported_as_the_scanner_reports(source)


@pytest.mark.parametrize("source", [
    "import time\nt = (time.\n    clock())\n",  # a gap after the dot: a line end
    "import time\nt = (time.  # the old clock\n    clock())\n",  # a comment in it
    "import time\nt = (time .clock())\n",  # a gap before the dot
    "import time\nt = (time\n    .clock())\n",
    "import time\nt = time. \\\n    clock()\n",  # a backslash
    "import locale\ns = (locale\n  # which format\n  .format('%d', 1))\n",
    "import os.path\nos.path .walk('.', f, None)\n",  # a gap at the first dot of three parts
    "import os.path\nos .path.walk('.', f, None)\n",
    "import os\n(os\n .errno)\n",
])
def test_a_name_written_with_gaps_around_its_dots_is_let_through(source):
    """A removed name spelled over lines or with blanks around a dot is reported as the plain
    spelling is: the prefilter looks for the gaps before it lets the regex decide."""
    unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
    assert unfiltered and _spans(check_source("case.py", source.encode(), INDEX).findings) == unfiltered


def test_the_gap_test_never_says_no_where_the_spaced_spelling_is_written():
    """``gaps.gapped`` spares the walk of a gapped spelling: on every text of a few bytes
    around two names (blanks, line ends, comments, backslashes, dots), wherever the spaced
    spelling is written and the plain one is absent, it says yes; ``written_spaced`` answers as
    the pattern of the spelling does (the name, then gaps around each dot: ``GAP``), and so does an
    attribute's literal (``.b`` across a gap)."""
    import re
    from itertools import product

    from outmoded.gaps import BOUNDARY, GAP, WALKED, gapped, written_spaced
    from outmoded.importlines import _written
    from outmoded.literals import Attribute

    attribute = Attribute("b")
    pattern = re.compile(attribute.pattern)
    spaced = {dotted: re.compile(re.escape(dotted.split(b".")[0]) + BOUNDARY % re.escape(dotted.split(b".")[0])
                                 + b"".join(GAP + rb"\." + GAP + re.escape(part) for part in dotted.split(b".")[1:])
                                 + rb"\b") for dotted in (b"a.b", b"a.b.a", b"ab.b_", b"a.b#")}

    pieces = (b"a", b"b", b".", b" ", b"\n", b"\r", b"\\", b"#", b"_")
    found = 0
    for size in range(1, 7):
        for data in map(b"".join, product(pieces, repeat=size)):
            for dotted, regex in spaced.items():
                written = regex.search(data) is not None
                assert written_spaced(dotted, data) == written, (dotted, data)
                if written and not _written(dotted, data) and dotted.endswith((b"a", b"b", b"_")):
                    found += 1  # (a spelling ending in ``#``, no name, is read with ``GAP``: no walk)
                    assert gapped(dotted, data), (dotted, data)
            assert attribute.search(data) == (b".b" in data or pattern.search(data) is not None), data
    assert found > 1000
    many = b"a.b " * WALKED + b"(a\n .b\n .a)"  # a first part written too often: the pattern decides
    assert written_spaced(b"a.b.a", many) and not written_spaced(b"a.b.b", many)


def test_a_builtin_passed_as_a_value_is_no_call_of_it():
    """int(x=) lets a file through where int is called with x=, not where it is a value (type=int,
    default_factory=list: the scanner follows no name a builtin is assigned to); os.path.join(a=)
    also where join is assigned (pj = os.path.join; pj(a=p) is found)."""
    from outmoded.catalog import default_catalog
    from outmoded.catalog.needles import _literal

    entries = {e.code: e for e in default_catalog().entries}
    int_x, join_a = _literal(entries["OM07017"], "builtins.int"), _literal(entries["OM15055"], "os.path.join")
    assert int_x.search(b"n = int(x='1')\n") and int_x.search(b"from builtins import int as I\nI(x=2)\n")
    # (x written as a keyword elsewhere: the calls of int are read)
    assert not int_x.search(b"parser.add_argument('-n', type=int)\nconv = int\nint('1')\nx: int  # a key\nassert_type(n, int)  # ok\nf(x=1)\n")
    # prose naming the builtin before "as" (Twisted 18.9's imap4.py: "# list as the type of VALUE")
    list_sequence = _literal(entries["OM07018"], "builtins.list")
    assert not list_sequence.search(b'def f(v):\n    # take list as the type of VALUE\n    """tuple as a key"""\n    return list(v)\ng(sequence=v)\n')
    assert list_sequence.search(b"from builtins import (\n    list as L,\n)\nL(sequence=())\n")
    assert join_a.search(b"pj = os.path.join\npj(a=p)\n") and not join_a.search(b"os.path.join(a, b)\nf(a=1)\n")


@pytest.mark.parametrize(("text", "expected"), [
    # no x written as a keyword anywhere: no call of int can pass it, however int is written
    (b"from builtins import int as I\n", False), (b"n = (int)(s)\n", False), (b"n = int(f'{s}')\n", False),
    (b"n = int(s  # why\n)\nx == 1\n", False), (b"n = int(s)\ny.x = int\n", False),
    # the keyword after blanks, a backslash, a line break or a comment before its =; an alias
    (b"n = int(x = s)\n", True), (b"n = int(\n    x\\\n    = s)\n", True), (b"n = int(x  # why\n    = s)\n", True),
    (b"from builtins import int as I\nI(x=s)\n", True), (b"n = (int)(x=s)\n", True),
])
def test_a_keyword_only_argument_is_looked_for_in_calls_only_where_it_is_written(text, expected):
    """int(x=) is removed: a file writing no x followed by = (blanks, line breaks, backslashes or a
    comment between) is cleared without reading its calls of int (``literals.keyword_written``)."""
    from outmoded.catalog import default_catalog
    from outmoded.catalog.needles import _literal

    entries = {e.code: e for e in default_catalog().entries}
    assert _literal(entries["OM07017"], "builtins.int").search(text) is expected


@pytest.mark.parametrize("source", [
    "from asyncio import coroutines\nold_debug = coroutines._DEBUG\n",
    "from distutils import sysconfig as sc\n\n\ndef inc():\n    return sc.get_python_inc()\n",
    "from xml.etree import ElementTree\nElementTree.Element('a').getchildren()\n",
    # aiohttp 2.3.10's helpers.py: the file let through for cgi, its function bodies naming no needle
    # word left out (the sieve), and the statements naming none not walked
    "import asyncio\nimport cgi\nif not PY_35:\n    from asyncio import coroutines\n"
    "coroutines = asyncio.coroutines\nold_debug = coroutines._DEBUG\n\n\n"
    "def charset(headers):\n" + "    headers = headers.get(1)\n" * 40 + "    return headers\n",
])
def test_a_name_reached_through_a_from_imported_module_is_let_through(source):
    """``from asyncio import coroutines`` binds the module: ``coroutines._DEBUG`` is
    ``asyncio.coroutines._DEBUG``, as the scanner reads it."""
    unfiltered = _spans(scan_tree(ast.parse(source), INDEX, "case.py", source, None))
    assert unfiltered and _spans(check_source("case.py", source.encode(), INDEX).findings) == unfiltered


def test_a_literal_found_with_bytes_find_answers_as_its_pattern_does():
    """``Text.search`` matches a pattern with a literal start at each place that start is written
    (``literal_start``), ``CallArgument`` finds its name without a pattern: the same answers as
    the regular expressions, for every literal of the index, on texts writing their starts."""
    import re

    from outmoded import literals

    index = build_index(default_catalog(), (3, 13))
    seen = {}
    for needles in index.by_anchor.values():
        for needle in needles:
            if isinstance(needle.literal, literals.Text):
                seen[id(needle.literal)] = needle.literal
    assert any(type(lit) is literals.CallArgument for lit in seen.values())
    assert any(len(literals.literal_start(lit.pattern)) >= 2 for lit in seen.values() if type(lit) is literals.Text)
    for lit in seen.values():
        start = literals.literal_start(lit.pattern)
        name = getattr(lit, "name", None) or start
        texts = [b"", name, b"x" + name, name + b"x", b"a = " + name + b"(x=1)\n", b"(" + name + b")(1)",
                 b"f(" + name + b"  # c\n)", b"from builtins import " + name + b" as n\n", b"re.compile('(?i)x')\n",
                 b"class A(B, C):\n", b"open(p, 'rU')\n", b"  " + name + b"\n" + name + b"(sequence=(), x=2)",
                 b"x" + name + b"(x=1)\n" + name + b"x(x=1)\n_" + name + b" = 1\n" + name + b"_(x=1)",
                 name + b"as = builtins\n"]
        texts += [text.replace(b"x=1", b"%s=1" % argument) for argument, _ in getattr(lit, "pairs", ()) for text in texts]
        for text in texts:
            if type(lit) is literals.Text:
                assert lit.search(text) == (re.search(lit.pattern, text) is not None), (lit.pattern, text)
            elif type(lit) is literals.CallArgument:
                expected = any(literals.CallArgument._called(lit, text, m.start(), m.end())
                               for m in re.finditer(lit.pattern, text))
                if all(position is None for _, position in lit.pairs):  # a keyword is written
                    expected = expected and any(
                        re.search(rb"(?<![A-Za-z0-9_])%s[ \t\f\r\n\\]*(?:=(?!=)|#)" % argument, text)
                        for argument, _ in lit.pairs)
                assert lit.search(text) == expected, (lit.pattern, text)
    assert literals.literal_start(rb"ab|cd") == b"" and literals.literal_start(rb"[|]ab") == b""
    assert literals.literal_start(rb"\(\?[a-z]+\)") == b"(?" and literals.literal_start(rb"abc*") == b"ab"


@pytest.mark.parametrize(("text", "expected"), [
    (b"open(p, 'rU')\n", True), (b'open(p, "Ub")\n', True), (b"ROUND = 1\nopen(p, 'rU')\n", True),
    (b"s = u'zU'\nopen(p, 'U')\n", True), (b"URL = 'U2'\n", False), (b"s = 'zU'\n", False),
    (b"s = 'UUx'\n", True), (b"s = U'\n", False), (b"", False),
])
def test_a_mode_string_is_found_past_the_letters_that_are_not_one(text, expected):
    """``ModeString`` looks for its letter with bytes.find: a ``U`` in a name or another string
    before the mode string does not hide it, and is not taken for one."""
    from outmoded.literals import ModeString

    assert ModeString(b"U").search(text) is expected
    assert ModeString(b"rU").search(text) is (expected and b"rU" in text)


def test_a_name_read_with_getattr_is_found_as_its_pattern_finds_it():
    """``Imports._read_by_name`` reads each ``getattr(`` of the file (``_getattr_reads``) instead of
    searching the whole file for the quoted leaf and a pattern per binding: the same answers as
    that pattern, ``\\bgetattr\\(\\s*local\\s*,\\s*"leaf"`` (or 'leaf'), on generated spellings."""
    import re

    from outmoded.importlines import _getattr_reads, scan_imports

    leaf, local = b"errno", b"os"
    pieces = [b"getattr(", b"mygetattr(", b"getattr (", b"getattr(\n  ", b"getattr(\t", b"x.getattr("]
    middles = [b"os", b"os2", b"_os", b"os.path", b" os "]
    commas = [b",", b" ,", b",\n", b" , \f", b";"]
    quoted = [b'"errno"', b"'errno'", b'"errno\'', b"'errnox'", b'"errn"', b"errno", b" 'errno'"]
    pattern = re.compile(rb"""\bgetattr\(\s*os\s*,\s*(?:"errno"|'errno')""")
    for head in pieces:
        for middle in middles:
            for comma in commas:
                for quote in quoted:
                    text = b"import os\nx = " + head + middle + comma + quote + b")\n"
                    expected = pattern.search(text) is not None
                    assert _getattr_reads(local, leaf, text) == expected, text
                    assert scan_imports(text).reaches(b"os.errno", text) == expected, text
    # the binding assigned alone, the leaf a string assigned alone (class attributes getattr reads)
    text = b"import os\nclass P:\n    container = os\n    name = 'errno'\n"
    assert scan_imports(text).reaches(b"os.errno", text)
    assert not scan_imports(text.replace(b"= os", b"= os.sep")).reaches(b"os.errno", text.replace(b"= os", b"= os.sep"))
