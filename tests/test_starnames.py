"""Names a ``from <stdlib module> import *`` binds are the stdlib's: reported where they are read."""

import json

import pytest

E, W = "error", "warning"


def test_a_removed_name_a_stdlib_star_import_binds_is_reported_where_it_is_read(project):
    # Mako 1.0.7's _ast_util.py: from _ast import *, then isinstance(node.body[0], Str), which
    # raises NameError on the real 3.13 and 3.15 (get_docstring)
    assert project.findings("""\
        from _ast import *
        def get_docstring(node):
            if node.body and isinstance(node.body[0], Str):
                return node.body[0].s
        """) == [(3, "_ast.Str", E)]
    assert project.findings("""\
        from time import *
        start = clock()
        """) == [(2, "time.clock", E)]
    assert project.findings("""\
        from ast import *
        node = Num(1)
        """, target="3.14") == [(2, "ast.Num", E)]


def test_a_class_a_stdlib_star_import_binds_carries_its_removed_methods(project):
    # CherryPy 3.2.6's cherrypy/test/webtest.py: from unittest import *, then class WebCase(TestCase)
    assert project.findings("""\
        from unittest import *
        class T(TestCase):
            def test(self):
                self.assertEquals(1, 1)
        """) == [(4, "unittest.TestCase.assertEquals", E)]
    assert project.findings("""\
        from ast import *
        class V(NodeVisitor):
            def visit_Num(self, node):
                return node.n
        """, target="3.14") == [(3, "ast.NodeVisitor.visit_Num", E)]


def test_an_ast_node_called_without_its_fields_after_a_star_import(project):
    assert project.findings("""\
        from ast import *
        node = Call()
        """, target="3.15") == [(2, "ast.Call(func=<missing>)", E)]


def test_a_name_the_module_binds_itself_or_another_star_import_may_bind_is_not_the_stdlibs(project):
    # python-minifier 3.4.0's ast_compat.py defines Str itself after from ast import *
    assert project.findings("""\
        from ast import *
        class Str(Constant):
            pass
        node = Str("a")
        def f():
            Num = int
            return Num(1)
        """, target="3.14") == []
    assert project.findings("""\
        from ast import *
        from .compat import *
        node = Num(1)
        """, target="3.14") == []
    assert project.findings("""\
        from time import *
        from mylib import *
        start = clock()
        """) == []


def test_a_try_rebinding_a_name_the_star_import_binds_on_the_target_loses_nothing(project):
    # future 0.18.3's src/future/moves/itertools.py: on Python 3 zip_longest is itertools' own
    assert project.findings("""\
        from itertools import *
        try:
            zip_longest = izip_longest
            filterfalse = ifilterfalse
        except NameError:
            pass
        """) == []


def test_the_fix_does_not_promise_a_star_bound_name(project):
    project.write("mod.py", "from time import *\nstart = clock()\n")
    code, out, _ = project.run("check", "--no-cache", "--format", "json", "--target-version", "3.13", "mod.py")
    (finding,) = json.loads(out)["findings"] if isinstance(json.loads(out), dict) else json.loads(out)
    assert finding["fix"] is None and "`from time import *` binds it" in finding["message"]
    code, out, _ = project.run("fix", "--unsafe-fixes", "--no-cache", "--target-version", "3.13", "mod.py")
    assert (project.root / "mod.py").read_text() == "from time import *\nstart = clock()\n"


def test_a_name_the_star_import_stopped_binding_says_so(project):
    # collections' __all__ lost its ABC aliases in 3.7: from collections import * then Mapping is a
    # NameError on pyenv's 3.7, 3.8 and 3.9, not only from 3.10 where collections.Mapping went
    project.write("mod.py", "from collections import *\nok = isinstance({}, Mapping)\n")
    code, out, _ = project.run("check", "--no-cache", "--format", "json", "--target-version", "3.13", "mod.py")
    (finding,) = json.loads(out)["findings"] if isinstance(json.loads(out), dict) else json.loads(out)
    assert finding["message"].startswith(
        "`from collections import *` binds no `Mapping` from Python 3.7 on: NameError (`collections.Mapping`"
        " itself was removed in Python 3.10, deprecated since 3.3); use `collections.abc.Mapping`")
    assert finding["fix"] is None and finding["message"].endswith("(no automatic fix: no statement binds it)")


@pytest.mark.parametrize("target", ["3.7", "3.9"])
def test_a_name_the_star_import_stopped_binding_is_reported_where_the_module_still_has_it(project, target):
    # at 3.7-3.9 collections.Mapping still works (a DeprecationWarning), but the star import binds
    # no Mapping: NameError on pyenv's 3.7.16, 3.8.18 and 3.9.18; the explicit spellings run there
    project.write("star.py", "from collections import *\nok = isinstance({}, Mapping)\n")
    project.write("explicit.py", "import collections\nfrom collections import Mapping as M\n"
                                 "ok = isinstance({}, collections.Mapping) or M\n")
    code, out, _ = project.run("check", "--no-cache", "--format", "json", "--target-version", target, ".")
    doc = json.loads(out)
    (finding,) = doc["findings"] if isinstance(doc, dict) else doc
    assert code == 1 and finding["path"] == "star.py" and finding["line"] == 2
    assert finding["message"].startswith("`from collections import *` binds no `Mapping` from Python 3.7 on: NameError")
    assert finding["fix"] is None


def test_a_name_the_star_import_stopped_binding_before_the_floor_already_fails_there(project):
    # requires-python >= 3.8: the star read is a NameError on pyenv's 3.8 already, so the upgrade
    # changes nothing there (broken-at-floor, shown with --dead-compat), though collections.Mapping
    # itself went in 3.10, after the floor
    project.write("pyproject.toml", '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.8"\n')
    project.write("star.py", "from collections import *\nok = isinstance({}, Mapping)\n")
    for target in ("3.9", "3.13"):
        code, out, _ = project.run("check", "--no-cache", "--format", "json", "--target-version", target, ".")
        doc = json.loads(out)
        assert code == 0 and not (doc["findings"] if isinstance(doc, dict) else doc)
        code, out, _ = project.run("check", "--no-cache", "--format", "json", "--dead-compat", "--target-version",
                                   target, ".")
        doc = json.loads(out)
        (finding,) = doc["findings"] if isinstance(doc, dict) else doc
        assert finding["severity"] == "warning" and finding["context"] == "broken-at-floor"


def test_a_base_a_stdlib_star_import_binds_in_another_module_is_followed(project):
    # CherryPy 3.2.6: webtest.py does from unittest import * and defines WebCase(TestCase);
    # helper.py's CPWebCase(webtest.WebCase) is the base of test_caching.py's self.assert_(...)
    project.write("pkg/__init__.py")
    project.write("pkg/webtest.py", "from unittest import *\n\nclass WebCase(TestCase):\n    pass\n")
    project.write("pkg/helper.py", "from pkg import webtest\n\nclass CPWebCase(webtest.WebCase):\n    pass\n")
    project.write("pkg/test_caching.py", """\
        from pkg import helper

        class CacheTest(helper.CPWebCase):
            def test(self):
                self.assert_(True)
        """)
    project.write("pkg/other.py", "from unittest import *\nfrom .compat import *\n\nclass Maybe(TestCase):\n"
                                  "    def test(self):\n        pass\n")
    project.write("pkg/test_other.py", "from pkg.other import Maybe\n\nclass T(Maybe):\n"
                                       "    def test(self):\n        self.assert_(True)\n")
    found = [(f["path"], f["line"], f["api"]) for f in project.check_json(".")["findings"]]
    assert found == [("pkg/test_caching.py", 5, "unittest.TestCase.assert_")]
