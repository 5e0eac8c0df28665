"""Behaviour removals: code that imports fine but stops working, shown by a static signature."""

import pytest

E = "error"


def test_visit_methods_of_removed_node_classes(project):
    project.write("visitors/__init__.py", "")
    project.write("visitors/base.py", "import ast\n\nclass Base(ast.NodeTransformer):\n    pass\n")
    project.write("visitors/legacy.py", """\
        from .base import Base

        class Folder(Base):
            def visit_Num(self, node):
                return node

        class Modern(Base):
            def visit_Constant(self, node):
                return node

            def visit_Str(self, node):  # never called since 3.8: visit_Constant handles it
                return node

        class NotAVisitor(object):
            def visit_Num(self, node):
                return node
        """)
    doc = project.check_json(".", target="3.14")
    assert [(f["path"], f["line"], f["api"], f["code"]) for f in doc["findings"]] == [
        ("visitors/legacy.py", 4, "ast.NodeVisitor.visit_Num", "OMB14001")]
    assert "stopped working in Python 3.14" in doc["findings"][0]["message"]
    assert project.check_json(".", target="3.13")["findings"] == []


def test_visit_methods_under_a_dispatcher_of_the_projects_own(project):
    """wemake-python-styleguide 1.8.1: its BaseNodeVisitor (another module) defines ``visit``, which
    routes a number constant to ``visit_Num`` itself, and WPS432 still fires on the real 3.14.
    A class whose own dispatcher decides what is called is not reported."""
    project.write("visitors/__init__.py", "")
    project.write("visitors/base.py", """\
        import ast

        class BaseNodeVisitor(ast.NodeVisitor):
            def visit(self, tree):
                return route_visit(self, tree)
        """)
    project.write("visitors/numbers.py", """\
        from visitors import base

        class WrongNumberVisitor(base.BaseNodeVisitor):
            def visit_Num(self, node):
                return node
        """)
    assert project.check_json(".", target="3.14")["findings"] == []


def test_visit_methods_under_a_visit_that_only_hands_on(project):
    """google-pasta 0.2.0's annotate.py: ``BaseVisitor.visit`` pushes the node, then calls
    ``super(BaseVisitor, self).visit(node)``; ``AstAnnotator.visit`` does the same inside a ``try``.
    NodeVisitor still dispatches, so on the real 3.14 visit_Num / visit_Str are never called and
    ``pasta.parse`` raises AnnotationError.  Every hand-on spelling, and a helper method of the class
    that looks nothing up, still leave them unreported only where a class on the way dispatches."""
    project.write("visitors/__init__.py", "")
    project.write("visitors/base.py", """\
        import ast

        class BaseVisitor(ast.NodeVisitor):
            def visit(self, node):
                self._stack.append(node)
                self.enter(node)
                super(BaseVisitor, self).visit(node)
                assert node is self._stack.pop()

            def enter(self, node):
                self.depth = getattr(node, "lineno", 0)
        """)
    project.write("visitors/annotate.py", """\
        import ast
        from ast import NodeVisitor
        from visitors.base import BaseVisitor

        class AstAnnotator(BaseVisitor):
            def visit(self, node):
                try:
                    super(AstAnnotator, self).visit(node)
                except (TypeError, ValueError) as e:
                    raise RuntimeError(e)

            def visit_Num(self, node):
                return node

        class Bare(ast.NodeVisitor):
            def visit(self, node):
                return super().visit(node)

            def visit_Str(self, node):
                return node

        class Named(NodeVisitor):
            def visit(self, node):
                NodeVisitor.visit(self, node)

            def visit_Bytes(self, node):
                return node

        class Qualified(ast.NodeVisitor):
            def visit(self, node):
                print(node)
                return ast.NodeVisitor.visit(self, node)

            def visit_NameConstant(self, node):
                return node
        """)
    project.write("visitors/dispatching.py", """\
        import ast

        class ByGetattr(ast.NodeVisitor):
            def visit(self, node):
                method = getattr(self, "visit_" + node.__class__.__name__, None)
                return method(node) if method else super().visit(node)

            def visit_Num(self, node):
                return node

        class ByFString(ast.NodeVisitor):
            def visit(self, node):
                name = f"visit_{type(node).__name__}"
                return super().visit(node) if name else None

            def visit_Num(self, node):
                return node

        class Direct(ast.NodeVisitor):
            def visit(self, node):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    return self.visit_Str(node)
                return super().visit(node)

            def visit_Str(self, node):
                return node

        class Routed(ast.NodeVisitor):
            def visit(self, node):
                route_visit(self, node)
                super().visit(node)

            def visit_Num(self, node):
                return node

        class Helper(ast.NodeVisitor):
            def visit(self, node):
                self.dispatch(node)  # inherited or bound elsewhere: not at hand
                super().visit(node)

            def visit_Num(self, node):
                return node

        class Child(ast.NodeVisitor):
            def visit(self, node):
                super().visit(node.value)

            def visit_Num(self, node):
                return node

        class Renamed(ast.NodeVisitor):
            def visit(self, node):
                for name in self.names:
                    vars(type(self))[name](self, node)
                super().visit(node)

            def visit_Num(self, node):
                return node
        """)
    doc = project.check_json(".", target="3.14")
    assert [(f["path"], f["line"], f["api"]) for f in doc["findings"]] == [
        ("visitors/annotate.py", 12, "ast.NodeVisitor.visit_Num"),
        ("visitors/annotate.py", 19, "ast.NodeVisitor.visit_Str"),
        ("visitors/annotate.py", 26, "ast.NodeVisitor.visit_Bytes"),
        ("visitors/annotate.py", 34, "ast.NodeVisitor.visit_NameConstant")]
    assert project.check_json(".", target="3.13")["findings"] == []


def test_pass_through_names_members_of_unless(tmp_path):
    from outmoded.catalog import CatalogError, load_catalog

    (tmp_path / "behaviour.yaml").write_text(
        "- {code: OMB14099, name: ast.NodeVisitor.visit_Num, kind: behaviour, signature: override,\n"
        "   unless: [visit_Constant], pass_through: [visit], removed_in: '3.14', deprecated_in: null,\n"
        "   replacement: x, fix: none, reason: r, doc: d, proof: 'x'}\n")
    with pytest.raises(CatalogError, match="'pass_through' goes with signature 'override'"):
        load_catalog(tmp_path)


def test_arguments_a_function_no_longer_accepts(project):
    assert project.findings("""\
        import random
        import shlex
        from random import sample

        items = {1, 2, 3}
        random.sample(items, 2)
        sample({x for x in "ab"}, 1)
        random.sample(frozenset(items), 1)
        random.sample(sorted(items), 2)
        shlex.split(None)
        shlex.split(s=None)
        shlex.split("a b")
        """, target="3.12") == [
        (6, "random.sample(population=<set>)", E), (7, "random.sample(population=<set>)", E),
        (8, "random.sample(population=<set>)", E),
        (10, "shlex.split(s=<None>)", E), (11, "shlex.split(s=<None>)", E),
    ]


def test_legacy_import_hooks_put_on_meta_path(project):
    # the six < 1.16 pattern copied into many packages: `from pkg.moves import x` stops working
    project.write("pkg/__init__.py", "")
    project.write("pkg/importer.py", """\
        class MovesImporter(object):
            def find_module(self, fullname, path=None):
                return self

            def load_module(self, fullname):
                return None
        """)
    assert project.findings("""\
        import sys
        from pkg.importer import MovesImporter
        from somewhere import UnknownBase

        class Modern(MovesImporter):
            def find_spec(self, fullname, path, target=None):
                return None

        class Unknown(UnknownBase):
            def find_module(self, fullname, path=None):
                return None

        _importer = MovesImporter()
        sys.meta_path.append(_importer)
        sys.meta_path.insert(0, MovesImporter())
        sys.meta_path.extend([Modern(), Unknown()])
        sys.meta_path.append(Modern())
        """, target="3.12") == [(14, "sys.meta_path", E), (15, "sys.meta_path", E)]


def test_loaders_with_load_module_only_put_on_meta_path(project):
    # pyfakefs 6.3.2's DynamicPatcher: 3.15 calls exec_module() of the spec's loader, never load_module()
    source = """\
        import importlib.util
        import sys
        from importlib.abc import Loader, MetaPathFinder
        from importlib.machinery import ModuleSpec, SourceFileLoader

        class Patcher:
            def __init__(self):
                self._dyn_patcher = None

            def setUp(self):
                self._dyn_patcher = DynamicPatcher(self)
                sys.meta_path.insert(0, self._dyn_patcher)

        class DynamicPatcher(MetaPathFinder, Loader):
            def find_spec(self, fullname, path, target=None):
                if fullname == "fake":
                    return ModuleSpec(fullname, self)
                return None

            def load_module(self, fullname):
                return sys.modules[fullname]

        class Modern(DynamicPatcher):
            def exec_module(self, module):
                pass

        class FromFile(SourceFileLoader):
            def find_spec(self, fullname, path, target=None):
                return importlib.util.spec_from_file_location(fullname, path, loader=self)

            def load_module(self, fullname):
                return None

        class Other(MetaPathFinder):
            def find_spec(self, fullname, path, target=None):
                return ModuleSpec(fullname, Modern())

            def load_module(self, fullname):
                return None

        class ByLoader:
            def find_spec(self, fullname, path, target=None):
                return importlib.util.spec_from_loader(fullname, self)

            def load_module(self, fullname):
                return None

        class ByCondition:
            def find_spec(self, fullname, path, target=None):
                return ModuleSpec(fullname, self) if fullname == "fake" else None

            def load_module(self, fullname):
                return None

        class ByName:
            def find_spec(self, fullname, path, target=None):
                spec = importlib.util.spec_from_loader(fullname, self)
                return spec

            def load_module(self, fullname):
                return None

        class OtherByName(ByName):
            def find_spec(self, fullname, path, target=None):
                spec = importlib.util.spec_from_loader(fullname, Modern())
                return spec if fullname else None

        sys.meta_path.append(Modern())
        sys.meta_path.append(FromFile("x", "x.py"))
        sys.meta_path.append(Other())
        sys.meta_path.extend([ByLoader()])
        sys.meta_path.append(ByCondition())
        sys.meta_path.append(ByName())
        sys.meta_path.append(OtherByName())
        """
    # the real 3.15.2 raises AttributeError: 'ByCondition' object has no attribute 'exec_module' (and ByName)
    assert project.findings(source, target="3.15") == [
        (12, "sys.meta_path", E), (71, "sys.meta_path", E), (72, "sys.meta_path", E), (73, "sys.meta_path", E)]
    assert project.findings(source, target="3.14") == []


def test_catalog_schema_for_behaviours(tmp_path):
    import pytest

    from outmoded.catalog import CatalogError, load_catalog

    (tmp_path / "behaviour.yaml").write_text(
        "- {code: OMB11009, name: random.sample, kind: behaviour, signature: argument, argument: population,\n"
        "   removed_in: '3.11', deprecated_in: null, replacement: x, fix: none, reason: r, doc: d, proof: 'x'}\n")
    with pytest.raises(CatalogError, match="needs argument, position and matches"):
        load_catalog(tmp_path)


def test_float_and_container_arguments(project):
    assert project.findings("""\
        import math
        import random
        from random import randrange

        math.factorial(5.0)
        math.factorial(5)
        random.randrange(10.0)
        randrange(0, -1.5)
        random.randrange(0, 10, step=2.0)
        random.randrange(10)
        random.randrange(*(1.0, 2))
        random.seed((1, 2))
        random.seed([x for x in "ab"])
        random.seed("stable")
        """, target="3.12") == [
        (5, "math.factorial(x=<float>)", E), (7, "random.randrange(start=<float>)", E),
        (8, "random.randrange(stop=<float>)", E), (9, "random.randrange(step=<float>)", E),
        (12, "random.seed(a=<container>)", E), (13, "random.seed(a=<container>)", E),
    ]


def test_global_inline_flags_after_the_start_of_a_literal_pattern(project):
    assert project.findings("""\
        import re
        from re import compile as rc

        re.compile(r"abc(?i)")
        rc(b"x(?s).")
        re.sub("a(?m)", "b", text)
        re.compile("(?i)(?m)abc")   # global flags at the start: fine
        re.compile("a(?i:b)")       # a scoped flag: fine
        re.compile(r"a\\(?i)")      # an escaped parenthesis: no flag at all
        re.compile(pattern)         # not a literal: cannot tell
        re.compile("(?x) (?i)a", re.X)  # verbose or not, (?x) comes first: fine
        """, target="3.11") == [
        (4, "re.compile(pattern=<misplaced-global-flags>)", E), (5, "re.compile(pattern=<misplaced-global-flags>)", E),
        (6, "re.sub(pattern=<misplaced-global-flags>)", E),
    ]
    assert project.findings("import re\nre.compile('abc(?i)')\n", target="3.10") == []


def test_global_inline_flags_in_a_pattern_bound_once_or_formatted(project):
    # Werkzeug 0.9.6's useragents.py: the class body binds the template, __init__ formats it; on
    # the real 3.13, UserAgentParser() raises re.PatternError
    assert project.findings("""\
        import re

        FLAGGED = r"abc(?i)"
        PLAIN = r"(?i)abc"
        TWICE = r"abc(?i)"
        TWICE = r"(?i)abc"

        class UserAgentParser(object):
            browsers = (("googlebot", "google"), ("msie", "msie"))
            _browser_version_re = r"(?:%s)[/\\sa-z(]*(\\d+[.\\da-z]+)?(?i)"
            _start = r"%s(?i)"
            _set_later = r"abc(?i)"

            def __init__(self):
                self.browsers = [(b, re.compile(self._browser_version_re % a)) for a, b in self.browsers]
                self.start = re.compile(self._start % "x")  # what %s puts in may be nothing: fine
                self.flagged = re.compile(FLAGGED)
                self.plain = re.compile(PLAIN)
                self.twice = re.compile(TWICE)  # bound twice: cannot tell
                self._set_later = ""
                self.later = re.compile(self._set_later)  # the instance assigns it: cannot tell

        def shadowed(FLAGGED):
            return re.compile(FLAGGED)
        """) == [(15, "re.compile(pattern=<misplaced-global-flags>)", E),
                 (17, "re.compile(pattern=<misplaced-global-flags>)", E)]


def test_global_inline_flags_in_a_pattern_joined_with_plus(project):
    # future 0.16.0's backports/http/cookies.py (Python 3.3's http/cookies.py): a verbose pattern
    # starting with a newline, (?x) after it, joined with a name bound to a literal; on the real
    # 3.13 and 3.15 importing it raises re.PatternError (position 5).  The flags the call passes
    # decide: re.ASCII holds no re.VERBOSE, which would skip the blanks before (?x)
    assert project.findings("""\
        import re

        _Legal = r"[\\w\\d!#%&~_`><@,:/$*+.^|)(?}{=-]"
        _CookiePattern = re.compile(r\"\"\"
            (?x)                           # This is a verbose pattern
            (?P<key>                       # Start of group 'key'
            \"\"\" + _Legal + r\"\"\"+?   # Any word of at least one letter
            )                              # End of group 'key'
            \"\"\", re.ASCII)
        verbose = re.compile(r\"\"\"
            (?x) (?P<key>\"\"\" + _Legal + r\"\"\"+?)\"\"\", re.VERBOSE | re.ASCII)
        unknown = re.compile(r\"\"\"
            (?x) (?P<key>\"\"\" + _Legal + r\"\"\"+?)\"\"\", FLAGS)
        at_start = re.compile(r"(?x)" + _Legal + r"+")
        late = re.search(r"abc(?i)" + str(1), text)
        """) == [(4, "re.compile(pattern=<misplaced-global-flags>)", E), (15, "re.search(pattern=<misplaced-global-flags>)", E)]


def test_keyword_forms_of_typing_constructors(project):
    source = """\
        import typing
        from typing import NamedTuple, TypedDict

        Point = NamedTuple("Point", x=int, y=int)
        Movie = TypedDict("Movie", name=str, year=int)
        Total = TypedDict("Total", {"name": str}, total=False)
        Fields = NamedTuple("Fields", [("x", int)])
        """
    assert project.findings(source, target="3.13") == [(5, "typing.TypedDict(name=)", E)]
    assert project.findings(source, target="3.15") == [(4, "typing.NamedTuple(x=)", E), (5, "typing.TypedDict(name=)", E)]


def test_get_event_loop_in_a_scripts_main_block(project):
    source = """\
        import asyncio

        loop = asyncio.get_event_loop()      # a script's top level: runs before its main block


        def main():
            return asyncio.get_event_loop()  # anything may call it


        if __name__ == "__main__":
            loop = asyncio.get_event_loop()
            loop.run_until_complete(main())
        """
    assert project.findings(source, target="3.14") == [(3, "asyncio.get_event_loop()", E),
                                                       (11, "asyncio.get_event_loop()", E)]
    assert project.findings(source, target="3.13") == []
    assert project.findings(source.replace("import asyncio", "import asyncio\n        import uvloop\n        uvloop.install()"),
                            target="3.14") == []
    assert project.findings("""\
        import asyncio
        if __name__ == "__main__":
            try:
                loop = asyncio.get_event_loop()
            except RuntimeError:
                loop = asyncio.new_event_loop()
        """, target="3.14") == []


def test_get_event_loop_at_the_top_level_of_a_script(project):
    # RuntimeError on the real 3.14 (paho-mqtt 1.6.1's examples/loop_asyncio.py, txaio 26.6.1's
    # examples/multiloop.py and basic.py): the module's top level runs a loop, so none runs yet
    source = """\
        import asyncio
        import sys

        loop = asyncio.get_event_loop()
        if sys.platform != "win32":
            asyncio.get_event_loop().run_until_complete(work())
        loop.run_until_complete(work())
        """
    assert project.findings(source, target="3.14") == [(4, "asyncio.get_event_loop()", E),
                                                       (6, "asyncio.get_event_loop()", E)]
    assert project.findings(source, target="3.13") == []
    # a method, a function nothing at the top level calls: anything may call them later, under a loop
    assert project.findings("""\
        import asyncio


        def main():
            asyncio.get_event_loop().run_until_complete(work())


        class Runner:
            def run(self):
                asyncio.get_event_loop().run_forever()
        """, target="3.14") == []


def test_get_event_loop_run_at_every_import_of_a_library(project):
    # what a library's top level runs: RuntimeError on the real 3.14 and 3.15 wherever it is imported
    # before a loop runs (the top of a program): pysnmp 4.3.2's carrier/asyncio/dgram/udp.py, loop =
    # asyncio.get_event_loop(); txaio 18.8.1's aio.py, _default_api = _AsyncioApi(config), whose
    # __init__ calls it (import txaio.aio, and autobahn.asyncio with it, fails)
    source = """\
        import asyncio

        loop = asyncio.get_event_loop()


        class _AsyncioApi(object):
            def __init__(self, config):
                if config.loop is None:
                    config.loop = asyncio.get_event_loop()

            def sleep(self, delay):
                return asyncio.get_event_loop().call_later(delay, print)


        def _current():
            return asyncio.get_event_loop()


        def later():
            return asyncio.get_event_loop()


        _default_api = _AsyncioApi(config)
        _current()
        if __name__ == "__main__":
            later()
        """
    assert project.findings(source, target="3.14") == [(3, "asyncio.get_event_loop()", E),
                                                       (9, "asyncio.get_event_loop()", E),
                                                       (16, "asyncio.get_event_loop()", E)]
    assert project.findings(source, target="3.13") == []


def test_get_event_loop_after_a_constructor_that_sets_the_loop(project):
    """slixmpp 1.17.0's examples (echo_client.py and 33 more): ``xmpp = EchoBot(jid, password)``, a
    ``slixmpp.ClientXMPP`` whose constructor reaches ``XMLStream.__init__``, which reads its ``loop``
    property: where ``get_event_loop()`` raises it calls ``asyncio.set_event_loop(new_event_loop())``.
    On the real 3.14.10 the example's ``asyncio.get_event_loop()`` then returns that loop.  slixmpp
    1.4.2's property only gets the loop (RuntimeError there): reported, as a bot built after the call
    or under an ``if`` that may not run."""
    project.write("xmpp/__init__.py", "from xmpp.client import ClientXMPP\n")
    project.write("xmpp/stream.py", """\
        import asyncio


        class XMLStream(asyncio.BaseProtocol):
            def __init__(self, loop=None):
                if loop:
                    self._loop = loop
                else:
                    self._loop = None
                    self.loop

            @property
            def loop(self):
                if self._loop is None:
                    try:
                        self._loop = asyncio.get_event_loop()
                    except RuntimeError:
                        loop = asyncio.new_event_loop()
                        asyncio.set_event_loop(loop)
                        self._loop = loop
                return self._loop

            @loop.setter
            def loop(self, value):
                self._loop = value
        """)
    project.write("xmpp/client.py", """\
        from xmpp.stream import XMLStream


        class ClientXMPP(XMLStream):
            def __init__(self, jid, **kwargs):
                XMLStream.__init__(self, **kwargs)
                self.jid = jid
        """)
    project.write("examples/echo_client.py", """\
        import asyncio
        import xmpp


        class EchoBot(xmpp.ClientXMPP):
            def __init__(self, jid):
                xmpp.ClientXMPP.__init__(self, jid)


        if __name__ == "__main__":
            bot = EchoBot("me@example.org")
            asyncio.get_event_loop().run_forever()
        """)
    project.write("examples/late.py", """\
        import asyncio
        import sys
        import xmpp

        if __name__ == "__main__":
            loop = asyncio.get_event_loop()
            if sys.argv[1:]:
                bot = xmpp.ClientXMPP(sys.argv[1])
            asyncio.get_event_loop().run_forever()
        """)
    found = [(f["path"], f["line"]) for f in project.check_json(".", target="3.14")["findings"]]
    assert found == [("examples/late.py", 6), ("examples/late.py", 9)]
    # slixmpp 1.4.2's loop property: asyncio.get_event_loop() alone
    project.write("xmpp/stream.py", (project.root / "xmpp/stream.py").read_text().replace(
        "asyncio.set_event_loop(loop)", "pass"))
    found = [(f["path"], f["line"]) for f in project.check_json(".", target="3.14")["findings"]]
    assert found == [("examples/echo_client.py", 12), ("examples/late.py", 6), ("examples/late.py", 9)]


def test_a_scanned_pattern_warns_nobody(project):
    # "[[a]" makes re's parser warn "Possible nested set"; the user's run must not show it
    import warnings

    project.write("mod.py", 'import re\nre.compile("[[a]x(?i)")\nre.compile("[[b]")\n')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code, out, err = project.run("check", "--no-cache", "--target-version", "3.11", "mod.py")
    assert code == 1 and "OMB11002" in out
    assert [str(w.message) for w in caught] == [] and err == ""


def test_calls_that_no_longer_fit_the_parameters(project):
    """3.15: sqlite3.connect's parameters after the database are keyword-only, RLock takes no
    arguments, TypedDict needs its fields, Connection methods' first parameters are positional-only."""
    assert project.findings("""\
        import sqlite3, threading
        from typing import TypedDict

        conn = sqlite3.connect("db", 5.0)
        ok = sqlite3.connect("db", timeout=5.0)
        lock = threading.RLock(1)
        fine = threading.RLock()
        TD = TypedDict("TD")
        TD2 = TypedDict("TD2", total=False)
        TD3 = TypedDict("TD3", x=int)
        TD4 = TypedDict("TD4", {"x": int}, total=False)
        ok.create_function("f", 1, func=len)
        ok.create_function("f", 1, len, deterministic=True)
        ok.set_trace_callback(trace_callback=None)
        sqlite3.connect(*args)
        threading.RLock(**options)
        from sqlite3 import dbapi2
        dbapi2.connect("db", 5.0)
        # tables 3.11.1's bench/sqlite-search-bench.py: pysqlite's keywords never fit the stdlib's
        # parameters (TypeError, database missing, on the real 3.13 and 3.14 as on 3.15)
        never = sqlite3.connect(db="db", mode=755)
        sqlite3.connect("db", 5.0, foo=1)
        """, target="3.15") == [
        (4, "sqlite3.connect()", E), (6, "threading.RLock()", E), (8, "typing.TypedDict()", E),
        (9, "typing.TypedDict()", E), (10, "typing.TypedDict(x=)", E),  # one finding: the older change says why
        (12, "sqlite3.Connection.create_function()", E), (14, "sqlite3.Connection.set_trace_callback()", E),
        (18, "sqlite3.dbapi2.connect()", E), (22, "sqlite3.connect()", E),  # foo= goes to a factory=
    ]


def test_parameters_signature_needs_a_parameter_list(tmp_path):
    import pytest

    from outmoded.catalog import CatalogError, load_catalog

    (tmp_path / "behaviour.yaml").write_text(
        "- {code: OMB15099, name: threading.RLock, kind: behaviour, signature: parameters, accepts: 'no list',\n"
        "   removed_in: '3.15', deprecated_in: null, replacement: x, fix: none, reason: r, doc: d, proof: 'x',\n"
        "   raises: [TypeError]}\n")
    with pytest.raises(CatalogError, match="signature 'parameters' goes with 'accepts'"):
        load_catalog(tmp_path)
    (tmp_path / "behaviour.yaml").write_text(
        "- {code: OMB15099, name: threading.RLock, kind: behaviour, signature: parameters, accepts: '()',\n"
        "   accepted_before: 'no list', removed_in: '3.15', deprecated_in: null, replacement: x, fix: none,\n"
        "   reason: r, doc: d, proof: 'x', raises: [TypeError]}\n")
    with pytest.raises(CatalogError, match="'accepted_before' goes with 'accepts'"):
        load_catalog(tmp_path)


def test_super_reaches_the_removed_visit_constant(project):
    """``super().visit_Constant(node)`` in a NodeVisitor subclass called NodeVisitor's own dispatcher
    (to visit_Num & co.), gone on 3.14: AttributeError.  Not when a base in between defines it."""
    assert project.findings("""\
        import ast

        class V(ast.NodeVisitor):
            def visit_Constant(self, node):
                return super().visit_Constant(node)

        class T(ast.NodeTransformer):
            def visit_Constant(self, node):
                return super(T, self).visit_Constant(node)

        class W(V):
            def visit_Constant(self, node):
                return super().visit_Constant(node)

        class Plain(object):
            def visit_Constant(self, node):
                return super().visit_Constant(node)
        """, target="3.14") == [(5, "ast.NodeVisitor.visit_Constant", E), (9, "ast.NodeVisitor.visit_Constant", E)]


def test_fallback_to_a_backport_the_removal_makes_run(project):
    """tornado 4.5's netutil: the else of ``if hasattr(ssl, 'match_hostname')`` runs on 3.12+ and imports
    backports.ssl_match_hostname, required only for Python before 2.7.9 (ModuleNotFoundError on the
    real 3.13/3.15); a fallback whose ImportError is caught, or an unconditional import, is not."""
    tornado = """\
        try:
            import ssl
        except ImportError:
            ssl = None

        if hasattr(ssl, 'match_hostname') and hasattr(ssl, 'CertificateError'):  # python 3.2+
            ssl_match_hostname = ssl.match_hostname
        elif ssl is None:
            ssl_match_hostname = None
        else:
            import backports.ssl_match_hostname
            ssl_match_hostname = backports.ssl_match_hostname.match_hostname
        """
    assert project.findings(tornado, target="3.11") == []
    assert project.findings(tornado, target="3.12") == [(11, "backports.ssl_match_hostname", E)]
    assert project.findings("""\
        try:
            from ssl import CertificateError, match_hostname
        except ImportError:
            from backports.ssl_match_hostname import CertificateError, match_hostname
        """, target="3.12", name="b.py") == [(4, "backports.ssl_match_hostname", E)]
    assert project.findings("""\
        try:
            from ssl import CertificateError, match_hostname
        except ImportError:
            try:
                from backports.ssl_match_hostname import CertificateError, match_hostname
            except ImportError:
                from ._vendored import CertificateError, match_hostname
        import backports.ssl_match_hostname
        """, target="3.12", name="c.py") == []


def test_a_connection_bound_by_with(project):
    """``with sqlite3.connect(db) as conn``: Connection.__enter__ returns the connection (classes.yaml)."""
    assert project.findings("""\
        import sqlite3

        def f(db, path):
            with sqlite3.connect(db) as conn:
                conn.set_authorizer(authorizer_callback=None)
            with open(path) as handle, conn:
                handle.set_authorizer(authorizer_callback=None)
        """, target="3.15") == [(5, "sqlite3.Connection.set_authorizer()", E)]


def test_entry_points_subscripted_with_a_group(project):
    """3.12: entry_points() returns EntryPoints; ``["group"]`` looks up an entry point by name (KeyError on
    the real 3.12 and later); with group= or an index it is what the code means."""
    source = """\
        from importlib import metadata
        from importlib.metadata import entry_points

        scripts = entry_points()["console_scripts"]
        plugins = metadata.entry_points()['myapp.plugins']
        one = entry_points(group="console_scripts")["black"]
        first = entry_points()[0]
        eps = entry_points().select(group="console_scripts")
        """
    assert project.findings(source, target="3.12") == [
        (4, "importlib.metadata.entry_points()['console_scripts']", E),
        (5, "importlib.metadata.entry_points()['myapp.plugins']", E)]
    assert project.findings(source, target="3.11", name="b.py") == []


def test_protocol_base_not_listing_a_type_variable(project):
    """3.15: ``class X(P1[S], Protocol[T, T2])`` raises TypeError (S is not listed); on the real 3.14 it ran."""
    source = """\
        import typing
        from typing import Generic, Protocol, TypeVar

        S = TypeVar("S")
        T = TypeVar("T")
        T2 = typing.TypeVar("T2")
        Alias = int

        class P1(Protocol[S]):
            def m(self) -> S: ...

        class Extra(P1[S], Protocol[T, T2]): ...
        class Listed(P1[T], Protocol[T, T2]): ...
        class Concrete(P1[Alias], Protocol[T]): ...
        class Nested(P1[list[S]], typing.Protocol[T]): ...
        class NotAProtocol(P1[S], Generic[T]): ...
        """
    assert project.findings(source, target="3.15") == [(12, "typing.Protocol[...] without S", E),
                                                      (15, "typing.Protocol[...] without S", E)]
    assert project.findings(source, target="3.14", name="b.py") == []


def test_timeout_aliases_listed_beside_timeout_error(project):
    """aioredis 2.0.1's exceptions.py, ``class TimeoutError(asyncio.TimeoutError, builtins.TimeoutError,
    RedisError)``: on the real 3.13 ``import aioredis`` raises TypeError: duplicate base class
    TimeoutError (asyncio.TimeoutError is TimeoutError from 3.11; socket.timeout from 3.10)."""
    source = """\
        import asyncio
        import builtins
        import socket
        import sys
        from concurrent import futures

        class RedisError(Exception): ...
        class Timeout(asyncio.TimeoutError, builtins.TimeoutError, RedisError): ...
        class Two(futures.TimeoutError, socket.timeout): ...
        class Socket(socket.timeout, TimeoutError): ...
        class Distinct(socket.timeout, OSError): ...
        class One(asyncio.TimeoutError, RedisError): ...
        if sys.version_info < (3, 11):
            class Guarded(asyncio.TimeoutError, TimeoutError): ...
        """
    assert project.findings(source, target="3.13") == [
        (8, "asyncio.TimeoutError beside TimeoutError", E), (9, "concurrent.futures.TimeoutError beside socket.timeout", E),
        (10, "socket.timeout beside TimeoutError", E)]
    assert project.findings(source, target="3.10", name="b.py") == [(10, "socket.timeout beside TimeoutError", E)]
    assert project.findings(source, target="3.9", name="c.py") == []


def test_a_type_variable_class_derived_with_root(project):
    """typing_extensions 4.4.0's ``class TypeVar(typing.TypeVar, _DefaultMixin, _root=True)``: on pyenv's
    3.11.7 the statement runs, on 3.12.1 and the real 3.13 it raises TypeError: type 'typing.TypeVar' is
    not an acceptable base type (so does every package importing it: pydantic 1.8.2 in realimports).
    Without ``_root=`` the statement failed on every Python ("Cannot subclass special typing classes")."""
    source = """\
        import sys
        import typing
        from typing import ParamSpec as PS

        class _DefaultMixin: ...
        class TypeVar(typing.TypeVar, _DefaultMixin, _root=True): ...
        if hasattr(typing, "ParamSpec"):
            class ParamSpec(PS, _DefaultMixin, _root=True): ...
        class Plain(_DefaultMixin, _root=True): ...
        if sys.version_info < (3, 12):
            class Old(typing.TypeVarTuple, _root=True): ...
        """
    assert project.findings(source, target="3.13") == [
        (6, "class TypeVar(typing.TypeVar, _root=...)", E), (8, "class ParamSpec(typing.ParamSpec, _root=...)", E)]
    assert project.findings(source, target="3.11", name="b.py") == []


def test_argparse_dest_from_a_single_dash_long_option(project):
    """3.15: ``add_argument('-f', '-foo')`` stores ``foo`` where it stored ``f``: on the real 3.14 and
    3.15 this parser's namespaces differ in exactly the four reported options."""
    source = """\
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("-f", "-foo")
        parser.add_argument("-g", "-gee", dest="g")
        parser.add_argument("-v", "--verbose", "-verb")
        parser.add_argument("-headless")
        parser.add_argument("-long", "-l")
        group = parser.add_argument_group("x")
        group.add_argument("-q", "-quiet", action="store_true")
        excl = parser.add_mutually_exclusive_group()
        excl.add_argument("-a", "-all")
        sub = parser.add_subparsers().add_parser("run")
        sub.add_argument("-n", "-dry-run", action="store_true")
        sub.add_argument("-H", "-help-me", action="help")

        def add_arguments(parser):
            parser.add_argument("-x", "-xyz")  # a receiver of unknown type

        class Options:
            def add_argument(self, *names):
                pass

        Options().add_argument("-s", "-size")
        """
    assert project.findings(source, target="3.15") == [
        (4, "argparse.ArgumentParser.add_argument('-f', '-foo')", E),
        (10, "argparse._ArgumentGroup.add_argument('-q', '-quiet')", E),
        (12, "argparse._ArgumentGroup.add_argument('-a', '-all')", E),
        (14, "argparse.ArgumentParser.add_argument('-n', '-dry-run')", E)]
    assert project.findings(source, target="3.14", name="b.py") == []


def test_classmethod_over_property(project):
    """3.13: classmethod no longer wraps descriptors; ``C.x`` of ``@classmethod @property`` is the
    property object (on the real 3.12 it was the function's value)."""
    source = """\
        import builtins

        class C:
            @classmethod
            @property
            def x(cls):
                return 1

            @classmethod
            # a comment between
            @builtins.property
            def y(cls):
                return 1

            @property
            @classmethod
            def z(cls):
                return 1

            @classmethod
            def w(cls):
                return 1

        def property(function):
            return function

        class D:
            @classmethod
            @property
            def x(cls):  # the module's own property by now
                return 1
        """
    assert project.findings(source, target="3.13") == [(4, "@classmethod over @property", E),
                                                      (9, "@classmethod over @property", E)]
    assert project.findings(source, target="3.12", name="b.py") == []


def test_classmethod_over_property_of_an_abstract_stub(project):
    """ibis 12.0.0's backends/flink/utils.py: ``@classmethod / @property / @abstractmethod / def
    units(self): ...``, which each subclass replaces by a class attribute: the stub's value means
    nothing on any version (its subclasses run on the real 3.13 and 3.15).  An abstract method with
    a body, and a plain one, still break."""
    source = """\
        import abc
        from abc import ABC, abstractmethod

        class Interval(ABC):
            @classmethod
            @property
            @abstractmethod
            def units(self): ...

            @classmethod
            @property
            @abc.abstractmethod
            def factors(cls):
                \"\"\"The factors.\"\"\"
                raise NotImplementedError("subclasses say")

            @classmethod
            @property
            @abstractmethod
            def name(cls):
                return cls.__name__.lower()

            @classmethod
            @property
            def label(cls):
                pass

            def split(self):
                return list(zip(self.units, self.factors))
        """ + "".join(f"""
            def filler_{n}(self, other):
                total = self.value + other.value
                return [total * k for k in range(10) if k % 3]
        """ for n in range(20)) + """
        class YearsToMonths(Interval):
            units = ("year", "month")
            factors = (12,)
        """
    assert project.findings(source, target="3.13") == [(17, "@classmethod over @property", E),
                                                      (23, "@classmethod over @property", E)]


def test_partial_bound_in_a_class_body_read_through_self(project):
    """3.14: functools.partial is a method descriptor; ``self.f()`` passes the instance (on the real
    3.13 it did not)."""
    source = """\
        import functools
        from functools import partial

        def g(*args):
            return args

        class A:
            f = functools.partial(g, 1)
            h = partial(g, 2)
            k = staticmethod(partial(g, 3))
            unread = partial(g, 4)
            later = partial(g, 5)
            later = None
            stored = partial(g, 6)

            def __init__(self):
                self.stored = g

            def run(self):
                return self.f(), self.h(), self.k(), self.later, self.stored()

            @classmethod
            def c(cls):
                return cls.unread()
        """
    assert project.findings(source, target="3.14") == [(8, "f = functools.partial() read as self.f", E),
                                                      (9, "h = functools.partial() read as self.h", E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_coroutines_passed_to_asyncio_wait(project):
    """3.11: asyncio.wait() no longer wraps coroutine objects in tasks (TypeError on the real 3.11+)."""
    source = """\
        import asyncio
        from asyncio import wait

        async def work(n):
            return n

        def plain(n):
            return asyncio.ensure_future(work(n))

        async def main(urls):
            await asyncio.wait([work(u) for u in urls])
            await wait({work(1), work(2)})
            await asyncio.wait([asyncio.sleep(1)], timeout=3)
            await asyncio.wait(fs=[work(1)])
            await asyncio.wait([asyncio.create_task(work(u)) for u in urls])
            await asyncio.wait([plain(u) for u in urls])
        """
    assert project.findings(source, target="3.11") == [(11, "asyncio.wait(fs=<coroutines>)", E),
                                                      (12, "asyncio.wait(fs=<coroutines>)", E),
                                                      (13, "asyncio.wait(fs=<coroutines>)", E),
                                                      (14, "asyncio.wait(fs=<coroutines>)", E)]
    assert project.findings(source, target="3.10", name="b.py") == []


def test_named_placeholders_given_a_sequence(project):
    """3.14: sqlite3 named placeholders (``:name``) no longer take a sequence's values by position
    (ProgrammingError on the real 3.14 and later); the class name need not be written."""
    source = """\
        import sqlite3

        conn = sqlite3.connect(":memory:")
        conn.execute("select :a, :b", (1, 2))
        conn.execute("select ?, ?", (1, 2))
        conn.execute("select :a", {"a": 1})
        conn.execute("select '12:30', ?", [1])
        conn.execute("select 1 -- :a\\n, ?", (1,))
        conn.execute(
            "insert into t values (:id, :name)",
            [1, "x"],
        )
        with sqlite3.connect("db") as db:
            db.execute("select :x", (1,))

        def f(other):
            other.execute("select :a", (1,))
        """
    api = "sqlite3.Connection.execute(parameters=<sequence-for-named>)"
    assert project.findings(source, target="3.14") == [(4, api, E), (11, api, E), (14, api, E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_named_placeholders_given_sequences_on_a_cursor_and_in_executemany(project):
    """3.14: the same on a cursor (conn.cursor() returns one), and executemany's rows given as
    tuples or lists (ProgrammingError on the real 3.14 and later)."""
    source = """\
        import sqlite3

        conn = sqlite3.connect(":memory:")
        cur = conn.cursor()
        cur.execute("select :a, :b", (1, 2))
        cur.execute("select :a", {"a": 1})
        conn.executemany("insert into t values (:a, :b)", [(1, 2), (3, 4)])
        cur.executemany("insert into t values (:a)", [[1], [2]])
        cur.executemany("insert into t values (:a)", ((v,) for v in range(3)))
        cur.executemany("insert into t values (:a)", [{"a": 1}])
        cur.executemany("insert into t values (?)", [(1,)])
        cur.executemany("insert into t values (:a)", rows)
        conn.cursor().execute("select :x", [1])
        """
    one = "sqlite3.Cursor.execute(parameters=<sequence-for-named>)"
    assert project.findings(source, target="3.14") == [
        (5, one, E), (7, "sqlite3.Connection.executemany(parameters=<sequences-for-named>)", E),
        (8, "sqlite3.Cursor.executemany(parameters=<sequences-for-named>)", E),
        (9, "sqlite3.Cursor.executemany(parameters=<sequences-for-named>)", E), (13, one, E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_hmac_without_digestmod(project):
    """3.8: hmac.new() and hmac.HMAC() require digestmod (TypeError on the real 3.8-3.15 without it
    or with None); given by position, by keyword or through ``**`` it is not reported."""
    source = """\
        import hashlib
        import hmac
        from hmac import HMAC

        hmac.new(b"key", b"msg").hexdigest()
        hmac.new(b"key")
        HMAC(b"key", b"msg", None)
        hmac.new(b"key", b"msg", hashlib.sha256)
        hmac.new(b"key", digestmod="sha1")
        hmac.new(b"key", msg=b"m", digestmod=hashlib.md5)
        hmac.new(*args)
        hmac.new(b"key", **options)

        def sign(key, message, new=hmac.new):
            return new(key, message)
        """
    assert project.findings(source, target="3.13") == [(5, "hmac.new(digestmod=<missing>)", E),
                                                      (6, "hmac.new(digestmod=<missing>)", E),
                                                      (7, "hmac.HMAC(digestmod=<missing>)", E)]


def test_behaviour_call_through_a_from_import_alias_in_a_function(project):
    """A behaviour call through a from-import alias, in a function body that names no catalog
    word (``from hmac import new as h; def sign(k): return h(k)``): the body must be walked, as
    the call is hmac.new's (TypeError on the real 3.13 without digestmod); an alias in
    parentheses too.  A body using another alias of the same import (``with ... as f``) adds
    nothing."""
    source = """\
        from hmac import new as h
        from hmac import (compare_digest,
                          HMAC as Mac)

        def sign(key):
            return h(key)

        def signed(key, message):
            return Mac(key, message).digest()

        def fine(key, path):
            with open(path) as f:
                return h(key, f.read(), "sha256")
        """
    assert project.findings(source, target="3.13") == [(6, "hmac.new(digestmod=<missing>)", E),
                                                      (9, "hmac.HMAC(digestmod=<missing>)", E)]


def test_not_implemented_tested_for_truth(project):
    """3.14: NotImplemented in a boolean context raises TypeError: ``not self.__eq__(other)`` where
    the class's __eq__ returns it (kombu 5.7.0's Exchange.__ne__; pdm 2.29.4's Version.__gt__ with
    ``or``).  Not where the method tells the other operand's type itself (numpy's poly1d.__ne__
    returns NotImplemented first), nor where __eq__ never returns it, nor a comparison operator."""
    source = """\
        class Exchange:
            def __eq__(self, other):
                if isinstance(other, Exchange):
                    return self.name == other.name
                return NotImplemented

            def __ne__(self, other):
                return not self.__eq__(other)

            def __lt__(self, other):
                return NotImplemented

            def __gt__(self, other):
                return not (self.__lt__(other) or self.__eq__(other))

            def __le__(self, other):
                return self.__lt__(other) or self.__eq__(other)

            def same(self, other):
                result = self.__eq__(other)
                return result is not NotImplemented and result

            def differs(self, other):
                return not self == other


        class Poly:
            def __eq__(self, other):
                if not isinstance(other, Poly):
                    return NotImplemented
                return True

            def __ne__(self, other):
                if not isinstance(other, Poly):
                    return NotImplemented
                return not self.__eq__(other)


        class Plain:
            def __eq__(self, other):
                return self.key == getattr(other, "key", None)

            def __ne__(self, other):
                return not self.__eq__(other)
        """
    eq, lt = "self.__eq__() tested for truth", "self.__lt__() tested for truth"
    assert project.findings(source, target="3.14") == [(8, eq, E), (14, lt, E), (14, eq, E), (17, lt, E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_not_implemented_tested_for_truth_through_an_inherited_comparison(project):
    """3.14: the ``__eq__`` that returns NotImplemented may come from a base class, in the same
    module or in another module of the project, and the call may have a blank before its bracket
    (``self.__eq__ (other)``): each raised TypeError on the real 3.14 and 3.15 (False on 3.13).
    Not where a class on the way defines ``__eq__`` without NotImplemented, nor where the first
    ``__eq__`` is object's or a stdlib class's (a mixin's ``__ne__`` is for the classes it joins)."""
    project.write("pkg/__init__.py", "")
    project.write("pkg/base.py", """\
        class Version:
            def __init__(self, text):
                self.text = text

            def __eq__(self, other):
                if not isinstance(other, Version):
                    return NotImplemented
                return self.text == other.text


        class Exact(Version):
            def __eq__(self, other):
                return self.text == getattr(other, "text", None)
        """)
    project.write("pkg/release.py", """\
        import fractions

        from pkg.base import Exact, Version


        class Release(Version):
            def __ne__(self, other):
                return not self.__eq__ (other)


        class Local(Release):
            def differs(self, other):
                return not self.__eq__(other)


        class Pinned(Exact):
            def __ne__(self, other):
                return not self.__eq__(other)


        class Mixin:
            def __ne__(self, other):
                return not self.__eq__(other)


        class Ratio(fractions.Fraction):
            def __ne__(self, other):
                return not self.__eq__(other)


        class Near:
            def __eq__(self, other):
                return NotImplemented


        class Nearer(Near):
            def __ne__(self, other):
                return not self.__eq__ (other) and self.__eq__ (other)
        """)
    eq = "self.__eq__() tested for truth"
    doc = project.check_json("pkg", target="3.14")
    assert doc["errors"] == []
    assert sorted((f["path"], f["line"], f["api"]) for f in doc["findings"]) == [
        ("pkg/release.py", 8, eq), ("pkg/release.py", 13, eq), ("pkg/release.py", 38, eq)]
    assert project.check_json("pkg", target="3.13")["findings"] == []


def test_a_blank_before_the_bracket(project):
    """The 3.11-3.14 signatures whose text the prefilter looks for find their calls written with a
    blank before the bracket too: ``functools.partial (g)`` bound in a class body, ``asyncio.wait
    ([...])`` given coroutines, ``not self.__eq__ (other)``, each the only such call in its file."""
    partial = """\
        import functools

        class A:
            f = functools.partial (print, 1)

            def run(self):
                return self.f()
        """
    wait = """\
        import asyncio

        async def work(n):
            return n

        async def main():
            await asyncio.wait ([work(1)])
        """
    truth = """\
        class A:
            def __eq__(self, other):
                return NotImplemented

            def __ne__(self, other):
                return not self.__eq__ (other)
        """
    assert project.findings(partial, target="3.14", name="a.py") == [(4, "f = functools.partial() read as self.f", E)]
    assert project.findings(wait, target="3.11", name="b.py") == [(7, "asyncio.wait(fs=<coroutines>)", E)]
    assert project.findings(truth, target="3.14", name="c.py") == [(6, "self.__eq__() tested for truth", E)]


def test_itertools_iterators_copied_or_pickled(project):
    """3.14: itertools iterators no longer support copy, deepcopy or pickle (TypeError on the real
    3.14 and 3.15 for every one of them; copy.copy of a tee object still works)."""
    source = """\
        import copy
        import itertools
        import pickle
        from itertools import count

        counter = itertools.count()
        copy.copy(counter)
        copy.deepcopy(itertools.islice("abc", 2))
        pickle.dumps(count(5))
        pickle.dump(itertools.cycle("ab"), sink)
        copy.copy(itertools.tee("ab")[0])
        copy.copy(list(itertools.chain("a", "b")))
        copy.copy(itertools.pairwise("abc"))
        pickle.dumps(obj=itertools.repeat(1))

        def f(counter):
            return copy.copy(counter)
        """
    assert project.findings(source, target="3.14") == [
        (7, "copy.copy(x=<itertools-iterator>)", E), (8, "copy.deepcopy(x=<itertools-iterator>)", E),
        (9, "pickle.dumps(obj=<itertools-iterator>)", E), (10, "pickle.dump(obj=<itertools-iterator>)", E),
        (14, "pickle.dumps(obj=<itertools-iterator>)", E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_partial_read_through_self_in_a_file_the_sieve_reduces(project):
    """A method reading ``self.f`` names no needle word, so the sieve leaves its body out of a
    file mostly made of other methods: the reads (and an instance's own ``self.f = ...``) are
    looked for in the whole class all the same."""
    filler = "\n".join(f"    def m{i}(self):\n        return {i} * 2\n" for i in range(40))
    template = "import functools\n\n\nclass C:\n    f = functools.partial(print, 1)\n\n{filler}\n    def call(self):\n{body}"
    read = template.format(filler=filler, body="        return self.f()\n")
    stored = template.format(filler=filler, body="        self.f = None\n        return self.f()\n")
    api = "f = functools.partial() read as self.f"
    assert project.findings(read, target="3.14") == [(5, api, E)]
    assert project.findings(stored, target="3.14", name="b.py") == []


def test_int_of_a_class_with_only_trunc(project):
    """3.14: int() no longer falls back to __trunc__ (TypeError on the real 3.14 and 3.15): an
    instance of a class of the project that defines __trunc__ but neither __int__ nor __index__,
    given to int() as self or through a name bound to a call of the class."""
    source = """\
        import numbers


        class Number:
            def __trunc__(self):
                return 3

            def rounded(self):
                return int(self)


        class Both(Number):
            def __int__(self):
                return 3


        class Real(numbers.Real):
            def __trunc__(self):
                return 3


        n = Number()
        int(n)
        int(Both())
        int(Real())
        int(Number())
        int("3")
        """
    api = "int(x=<trunc-only>)"
    assert project.findings(source, target="3.14") == [(9, api, E), (23, api, E), (26, api, E)]
    assert project.findings(source, target="3.13", name="b.py") == []


DRIVER = """\
    import importlib.util
    import sys


    class CallbackFinder:
        def find_spec(self, fullname, path, target=None):
            for finder in sys.meta_path[sys.meta_path.index(self) + 1:]:
                if hasattr(finder, "find_spec"):
                    spec = finder.find_spec(fullname, path, target)
                else:
                    loader = finder.find_module(fullname, path)
                    spec = loader and importlib.util.spec_from_loader(fullname, loader)
                if spec is not None:
                    return spec
            return None


    _callback_finder = CallbackFinder()
    sys.meta_path.insert(0, _callback_finder)
    """
LEGACY_AFTER = """\
    import sys
    from pkg.finders import _callback_finder


    class ImpFinder:
        def find_module(self, fullname, path=None):
            return None


    sys.meta_path.insert(sys.meta_path.index(_callback_finder) + 1, ImpFinder())
    """


@pytest.mark.parametrize("driver, where, reported", [
    (DRIVER, "_callback_finder) + 1", False),  # consulted by the finder before it, which calls find_module
    (DRIVER, "_callback_finder) + 2", True),  # not right after it
    (DRIVER.replace("finder.find_module(fullname, path)", "None"), "_callback_finder) + 1", True),  # no find_module
], ids=["right-after", "two-after", "no-find-module"])
def test_legacy_finder_put_right_after_a_finder_that_drives_it(project, driver, where, reported):
    # Pyomo 6.10.1's test_dependencies.py: an imp-style finder inserted right after its
    # DeferredImportCallbackFinder, whose find_spec calls find_module on the finders after it (the
    # test passes on the real 3.13)
    project.write("pkg/__init__.py", "")
    project.write("pkg/finders.py", driver)
    found = project.findings(LEGACY_AFTER.replace("_callback_finder) + 1", where), target="3.13")
    assert bool(found) == reported


def test_annotations_read_from_a_class_namespace(project):
    """pydantic 1.10.13's ModelMetaclass.__new__ (main.py:178) reads ``namespace.get('__annotations__',
    {})``: on the real 3.14 the namespace has none, and ``class User(BaseModel): id: int`` has no
    field ``id``.  Also ``cls.__dict__`` and ``vars(cls)``; not a plain dict, not a write, not a
    mapping read only to be emptied (pydantic 2.14.4's ``namespace.get('__annotations__',
    {}).clear()``), not in a module that tests for the key first or knows 3.14's ``annotationlib``."""
    source = """\
        from abc import ABCMeta


        class ModelMetaclass(ABCMeta):
            def __new__(mcs, name, bases, namespace, **kwargs):
                annotations = namespace.get('__annotations__', {})
                namespace['__annotations__'] = dict(annotations)
                return super().__new__(mcs, name, bases, namespace, **kwargs)


        class Plain:
            def __new__(cls, name, bases, namespace):
                return namespace.get('__annotations__')


        class Emptied(type):  # pydantic 2.14's ModelMetaclass, which runs on 3.14: nothing to empty there
            def __new__(mcs, name, bases, namespace):
                namespace.get('__annotations__', {}).clear()
                namespace.get("__annotations__", {}) .update({})
                return super().__new__(mcs, name, bases, namespace)


        def fields(cls):
            own = cls.__dict__.get("__annotations__", {})
            return own, vars(cls)["__annotations__"], {"__annotations__": 1}["__annotations__"]
        """
    api = "a metaclass's namespace['__annotations__']"
    assert project.findings(source, target="3.14") == [
        (6, api, E), (24, "cls.__dict__['__annotations__']", E), (25, "vars(cls)['__annotations__']", E)]
    assert project.findings(source, target="3.13", name="old.py") == []
    tested = source.replace("annotations = namespace.get", "annotations = '__annotations__' in namespace and namespace.get")
    assert project.findings(tested, target="3.14", name="tested.py") == []
    aware = source.replace("from abc import ABCMeta", "import annotationlib\n        from abc import ABCMeta")
    assert project.findings(aware, target="3.14", name="aware.py") == []


def test_annotations_read_from_a_class_namespace_with_a_fallback_to_the_class(project):
    """langgraph 1.2.22's _internal/_fields.py: ``ann = base.__dict__.get("__annotations__")``, then
    ``if ann is None: ann = getattr(base, "__annotations__", None)``; on the real 3.14 and 3.15 the
    fallback gives the class's annotations (the keys are 3.13's).  The same with ``or``, or with
    ``if not ann:`` and ``base.__annotations__``; a fallback to anything else, or binding another
    name, stays reported."""
    source = """\
        def keys(cls):
            out = []
            for base in reversed(cls.__mro__):
                ann = base.__dict__.get("__annotations__")
                if ann is None:
                    ann = getattr(base, "__annotations__", None)
                own = base.__dict__.get("__annotations__", {})
                if not own:
                    own = base.__annotations__
                either = vars(base).get("__annotations__") or getattr(base, "__annotations__", {})
                other = base.__dict__.get("__annotations__")
                if other is None:
                    other = {}
                third = base.__dict__.get("__annotations__")
                if ann is None:
                    third = base.__annotations__
                out.append((ann, own, either, other, third))
            return out
        """
    assert project.findings(source, target="3.14") == [
        (11, "cls.__dict__['__annotations__']", E), (14, "cls.__dict__['__annotations__']", E)]


def test_ast_node_built_without_a_required_field_or_with_a_keyword_it_has_no_field_for(project):
    """AST node constructors raise TypeError from 3.15 (a DeprecationWarning on 3.13 and 3.14) when
    a field the class requires is left out or a keyword is neither a field nor a position
    attribute.  bandit 1.9.4's django_xss.py (B703 crashes on the real 3.15, reports on 3.14),
    coverage 6.5.0's parser.py, xonsh 0.9.27's ast.py through a from-import; not hy 0.14.0's
    comprehension with is_async, pytest 7.4.4's alias with lineno, an explicit None (a value
    given), a call with **kwargs, a branch for old Pythons, MacroPy3's five positional
    arguments to Call (a TypeError since 3.5, not this change), nor Chameleon 4.6.0's
    ast.Call(ast.Symbol(f), kwargs=[]): no Python has ast.Symbol, so it fails everywhere first."""
    source = """\
        import ast
        import sys
        from ast import Call, Load, Name


        def transform2call(var):
            new_call = ast.Call()
            new_call.func = ast.Attribute()
            new_while = ast.While()
            new_while.test = ast.Name()
            return Call(func=Name(id="f", ctx=Load()), args=[], keywords=[], starargs=None, kwargs=None)


        def fine(target, iterable, lineno, fields, func, args, keywords, starargs, kwargs):
            ast.comprehension(target=target, iter=iterable, ifs=[], is_async=False)
            ast.alias("builtins", "@py_builtins", lineno=lineno, col_offset=0)
            ast.Constant(None)
            ast.comprehension(**fields)
            if sys.version_info >= (3, 8):
                ast.comprehension(target, iterable, [], 0)
            else:
                ast.comprehension(target, iterable, [])
            ast.Call(ast.Symbol(func), args=[], kwargs=[], lineno=None)
            return ast.Call(func, args, keywords, starargs, kwargs)
        """
    assert project.findings(source, target="3.15") == [
        (7, "ast.Call(func=<missing>)", E), (8, "ast.Attribute(value=<missing>)", E),
        (9, "ast.While(test=<missing>)", E), (10, "ast.Name(id=<missing>)", E), (11, "ast.Call(starargs=)", E)]
    assert project.findings(source, target="3.14", name="old.py") == []
    assert project.findings(source.replace("new_call = ast.Call()", "new_call = ast.Call(None)"),
                            target="3.15", name="given.py")[0] == (8, "ast.Attribute(value=<missing>)", E)
