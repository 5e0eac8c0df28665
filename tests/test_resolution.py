"""Findings follow how Python binds names: imports, aliases, attribute chains, shadowing."""

E, W = "error", "warning"


def test_import_forms(project):
    assert project.findings("""\
        import imp
        import imp as i
        from imp import reload as rl
        import distutils.core
        from distutils.util import strtobool
        i.reload(i)
        """) == [
        (1, "imp", E), (2, "imp", E), (3, "imp.reload", E), (4, "distutils.core", E),
        (5, "distutils.util.strtobool", E), (6, "imp.reload", E),
    ]


def test_attribute_chains_and_from_imports(project):
    assert project.findings("""\
        import collections
        from collections import Mapping, OrderedDict
        import xml.etree.ElementTree as ET
        isinstance({}, collections.MutableMapping)
        ET.Element("a").getchildren()
        """, target="3.10") == [
        (2, "collections.Mapping", E), (4, "collections.MutableMapping", E),
        (5, "xml.etree.ElementTree.Element.getchildren", E),
    ]


def test_another_name_assigned_a_module_or_a_stdlib_name(project):
    # decorator 4.1.2's documentation.py: c = collections, then @g.register(c.Sized); and the
    # prefilter lets such a file through although it never writes collections.Sized
    assert project.findings("""\
        import collections
        import unittest
        c = collections
        Base = unittest.TestCase

        class Sized(c.Sized):
            pass

        class T(Base):
            def test(self):
                self.assertEquals(1, 1)
        """, target="3.12") == [(6, "collections.Sized", E), (11, "unittest.TestCase.assertEquals", E)]
    # a builtin, or a name bound to something else, is no module
    assert project.findings("""\
        import collections
        c = collections
        c = object()
        c.Sized
        """, target="3.12") == []


def test_decorator(project):
    assert project.findings("""\
        import asyncio

        @asyncio.coroutine
        def legacy():
            yield
        """) == [(3, "asyncio.coroutine", E)]


def test_local_shadowing_is_not_a_finding(project):
    assert project.findings("""\
        import time
        import inspect

        class Clock:
            def clock(self):
                return 0

        def measure():
            time = Clock()
            return time.clock()

        def getargspec(f):
            return f

        def use(imp):
            return imp.reload(1)

        getargspec(measure)
        """) == []


def test_module_level_rebinding_shadows_the_import(project):
    assert project.findings("""\
        import time
        time = object()
        time.clock()
        """) == []


def test_function_body_sees_final_module_bindings(project):
    assert project.findings("""\
        def later():
            return time.clock()

        import time
        """, target="3.8") == [(2, "time.clock", E)]


def test_lower_target_reports_nothing_removed_later(project):
    source = """\
        import imp
        import telnetlib
        """
    assert project.findings(source, target="3.11") == []
    assert project.findings(source, target="3.12") == [(1, "imp", E)]
    assert project.findings(source, target="3.13") == [(1, "imp", E), (2, "telnetlib", E)]


def test_dict_literals_are_typed_receivers(project):
    assert project.findings("""\
        d = {}
        d.has_key("k")
        cache.has_key("k")
        """) == [(2, "builtins.dict.has_key", E)]


def test_dynamic_import_of_a_removed_module(project):
    assert project.findings("""\
        import importlib
        importlib.import_module("asyncore")
        __import__("imp")
        importlib.import_module(name)
        """) == [(2, "asyncore", E), (3, "imp", E)]


def test_a_module_a_dynamic_import_binds(project):
    # rpyc 4.0.2's ssl = safe_import("ssl") hides ssl.wrap_socket behind a project helper; the
    # direct calls bind what import ssl would (each line raises AttributeError on the real 3.13, 3.14)
    assert project.findings("""\
        import importlib
        ssl = importlib.import_module("ssl")
        ssl.wrap_socket(sock)
        top = __import__("urllib.request")
        top.request.URLopener()
        request = __import__("urllib.request", None, None, ["URLopener"])
        request.FancyURLopener()
        relative = importlib.import_module(".ssl", "pkg")
        relative.wrap_socket(sock)
        computed = importlib.import_module("ss" + "l")
        computed.wrap_socket(sock)
        """, target="3.14") == [(3, "ssl.wrap_socket", E), (5, "urllib.request.URLopener", E),
                                (7, "urllib.request.FancyURLopener", E)]


def test_relative_imports_are_the_projects_own(project):
    assert project.findings("""\
        from . import imp
        from .imp import reload
        imp.reload(1)
        """) == []


def test_a_relative_import_inside_a_package_named_like_the_stdlibs(project):
    # CPython 3.13's Lib checked at 3.15: asyncio/windows_events.py's ``from . import events``, then
    # ``class WindowsSelectorEventLoopPolicy(events.BaseDefaultEventLoopPolicy)``; the file never
    # writes ``asyncio``
    project.write("asyncio/__init__.py", "")
    project.write("asyncio/events.py", "")
    project.write("mypkg/__init__.py", "")
    source = """\
        from . import events


        class WindowsSelectorEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
            pass
        """
    assert project.findings(source, target="3.14", name="asyncio/windows_events.py") == [
        (4, "asyncio.events.BaseDefaultEventLoopPolicy", E)]
    assert project.findings(source, target="3.14", name="mypkg/windows_events.py") == []


def test_project_modules_named_like_removed_stdlib_modules(project):
    project.write("pkg/parser.py", "x = 1\n")
    project.write("commands/__init__.py", "")
    assert project.findings("""\
        import parser
        import commands
        import imp
        """, name="pkg/mod.py") == [(3, "imp", E)]


def test_names_of_the_projects_own_module_named_like_a_removed_one(project):
    # legacy-cgi 2.6.4, a fork of cgi: its tests/test_cgi.py imports its own cgi.py (the wheel's
    # top-level module) and calls cgi.FieldStorage, cgi.parse_multipart ... (the real 3.13 runs them
    # with it installed); zombie-imp 0.0.4's tests call imp.load_source of its imp.py.  The import
    # was already not reported; the names read from the module were, as the stdlib's
    project.write("cgi.py", "def parse_multipart(fp, pdict):\n    return {}\n")
    source = """\
        import cgi
        import cgi as c2
        from cgi import parse_header


        def test():
            cgi.parse_multipart(None, {})
            c2.FieldStorage()
            getattr(cgi, "parse_qs")
            parse_header("x")
        """
    assert project.findings(source, name="tests/test_cgi.py") == []
    assert project.findings(source, name="tests/test_cgi.py", target="3.15") == []
    # without a cgi.py of its own, each is the stdlib's
    (project.root / "cgi.py").unlink()
    assert [(line, api) for line, api, _ in project.findings(source, name="tests/test_cgi.py")] == [
        (1, "cgi"), (2, "cgi"), (3, "cgi.parse_header"), (7, "cgi.parse_multipart"), (8, "cgi.FieldStorage"),
        (9, "cgi.parse_qs")]


def test_names_reached_through_six_moves(project):
    assert project.findings("""\
        import six
        from six.moves import configparser, cPickle, _dummy_thread
        from six.moves.urllib.parse import urlencode
        from django.utils.six.moves import configparser as cp2
        from boto.vendored.six.moves import reload_module

        configparser.SafeConfigParser()
        parser = configparser.ConfigParser()
        parser.readfp(open("x.cfg"))
        six.moves.configparser.SafeConfigParser()
        cp2.SafeConfigParser()
        cPickle.dumps(1)
        reload_module(six)
        """) == [
        (2, "_dummy_thread", E), (7, "configparser.SafeConfigParser", E),
        (9, "configparser.RawConfigParser.readfp", E), (10, "configparser.SafeConfigParser", E),
        (11, "configparser.SafeConfigParser", E),
    ]


def test_modules_imported_through_six_moves_under_an_alias(project):
    assert project.findings("""\
        import six.moves.urllib.request as req
        import six.moves.configparser as cp
        from six.moves import urllib

        req.FancyURLopener()
        cp.SafeConfigParser()
        urllib.request.URLopener()
        six_free = req.urlopen
        """, target="3.14") == [(5, "urllib.request.FancyURLopener", E), (6, "configparser.SafeConfigParser", E),
                 (7, "urllib.request.URLopener", E)]


def test_a_class_body_binding_its_own_dunder_class(project):
    """typing_extensions' classes set ``__class__ = typing.TypeVar``: their methods are still checked
    (this crashed the check with an internal error)."""
    assert project.findings("""\
        import collections
        import typing


        class Alias:
            __class__ = typing.TypeVar

            def mapping(self):
                return collections.Mapping
        """) == [(9, "collections.Mapping", E)]
