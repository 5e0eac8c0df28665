"""Version checks, try/except fallbacks and hasattr checks decide what runs on the target."""

E, W = "error", "warning"


def test_version_info_branches(project):
    assert project.findings("""\
        import sys
        if sys.version_info < (3, 12):
            import imp
        if sys.version_info >= (3, 12):
            import importlib
        else:
            import imp
        if sys.version_info[:2] <= (3, 11):
            import imp
        if sys.version_info.minor < 12 and sys.version_info.major == 3:
            import imp
        if sys.hexversion < 0x030C0000:
            import imp
        x = imp.reload if sys.version_info < (3, 4) else None
        if sys.version_info >= (3, 8):
            import imp
        """) == [(16, "imp", E)]


def test_version_in_a_tuple_of_versions(project):
    # pyautogui 0.9.54's __init__.py:59, ``if sys.version_info[0] == 2 or sys.version_info[0:2] in
    # ((3, 1), (3, 2)): from collections import Sequence`` / else: from collections.abc import ...
    assert project.findings("""\
        import sys
        if sys.version_info[0] == 2 or sys.version_info[0:2] in ((3, 1), (3, 2)):
            from collections import Sequence
        else:
            from collections.abc import Sequence
        if sys.version_info[:2] not in ((3, 1), (3, 2)):
            import imp
        if sys.version_info in ((3, 13, 1), (2, 7)):
            import asyncore
        if sys.version_info in ((3, 12), (2, 7)):
            import asynchat
        if sys.version_info[:2] not in [(3, 12), (3, 13)]:
            import smtpd
        """) == [(7, "imp", E), (9, "asyncore", E)]


def test_a_float_computed_from_the_version(project):
    # Cerberus 1.3's platform.py, vendored in pdm-pep517 1.1.4 (pdm/pep517/_vendor/cerberus/):
    # ``PYTHON_VERSION = float(sys.version_info[0]) + float(sys.version_info[1]) / 10`` (4.3 on
    # 3.13), then ``if PYTHON_VERSION < 3.3: from collections import Callable, ...``
    assert project.findings("""\
        import sys
        PYTHON_VERSION = float(sys.version_info[0]) + float(sys.version_info[1]) / 10
        if PYTHON_VERSION < 3.3:
            from collections import Callable
        else:
            from collections.abc import Callable
        if PYTHON_VERSION >= 3.3:
            import imp
        if sys.version_info[0] + sys.version_info[1] / 100 < 3.12:
            import asyncore
        """) == [(8, "imp", E)]


def test_chained_version_comparisons(project):
    # APScheduler 3.11.3's schedulers/base.py: ``if (3, 8) <= sys.version_info < (3, 10):
    # entry_points()["apscheduler.triggers"]`` (a KeyError from 3.12) / else: entry_points(group=...)
    assert project.findings("""\
        import sys
        if (3, 8) <= sys.version_info < (3, 10):
            import imp
        if (3, 0) <= sys.version_info[:2] < (3, 12):
            import imp
        else:
            import asyncore
        if 3 <= sys.version_info[0] < 4 and not (3, 9) <= sys.version_info[:2] < (3, 99):
            import imp
        if (3, 0) <= sys.version_info < (3, 99):
            import imp
        """) == [(11, "imp", E)]


def test_flag_a_class_body_binds_read_through_self(project):
    # thrift 0.25.0's transport/TSSLSocket.py: ``class TSSLBase(object): _has_ssl_context =
    # sys.hexversion >= 0x020709F0``, then in a method ``if self._has_ssl_context: ... else:
    # return ssl.wrap_socket(sock, **ssl_opts)``
    assert project.findings("""\
        import ssl
        import sys

        class Base(object):
            _has_ssl_context = sys.hexversion >= 0x020709F0
            _py2 = sys.version_info < (3, 0)

            def wrap(self, sock):
                if self._has_ssl_context:
                    return ssl.create_default_context().wrap_socket(sock)
                else:
                    return ssl.wrap_socket(sock)

        class Sub(Base):
            def wrap(self, sock):
                if not self._has_ssl_context or Base._py2:
                    return ssl.wrap_socket(sock)

        class Reset(object):
            flag = sys.version_info < (3, 0)

            def __init__(self):
                self.flag = True

            def wrap(self, sock):
                if self.flag:
                    return ssl.wrap_socket(sock)
        """) == [(27, "ssl.wrap_socket", E)]


def test_name_listed_in_a_stdlib_modules_namespace(project):
    # mercurial 7.2.4's extensions.py: ``use_constant = 'Bytes' not in vars(ast)``, then ``if
    # use_constant: ... ast.Constant ... else: isinstance(a, ast.Str)`` (ast.Str is gone in 3.14)
    source = """\
        import ast
        import base64
        use_constant = 'Bytes' not in vars(ast)

        def names(a):
            if use_constant:
                return a.value
            else:
                return isinstance(a, ast.Str)

        if "encodestring" in dir(base64):
            base64.encodestring(b"")
        if "decodebytes" not in base64.__dict__:
            base64.decodestring(b"")
        if "something" not in vars(base64):
            base64.decodestring(b"")
        """
    assert project.findings(source, target="3.14") == [(16, "base64.decodestring", E)]
    assert project.findings(source, target="3.13") == [(16, "base64.decodestring", E)]


def test_tests_for_jython_are_false_on_python_3(project):
    # buildbot 4.3.0's buildbot_net_usage_data.py: system = platform.system() / ... / elif system
    # == "Java": java_dist = platform.java_ver() (gone in 3.15); Jython never had a Python 3
    source = """\
        import os
        import platform
        import sys

        def get_distro():
            system = platform.system()
            if system == "Linux":
                return platform.java_ver()
            elif system == "Java":
                return platform.java_ver()
        if sys.platform.startswith("java") or os.name == "java" or sys.platform[:4] == "java":
            platform.java_ver()
        if platform.python_implementation() != "Jython":
            pass
        else:
            platform.java_ver()
        if platform.system() != "Java":
            platform.java_ver()
        """
    assert project.findings(source, target="3.15") == [(8, "platform.java_ver", E), (18, "platform.java_ver", E)]


def test_str_is_bytes_is_the_test_for_python_2(project):
    # Nuitka 4.3.5 (which runs on 2.6-3.14): nuitka/__past__.py's ``if str is bytes: import
    # __builtin__ as builtins`` and ``from collections import Iterable, MutableSet``; its
    # compare_with_cpython tool's ``if os.name == "nt" and str is bytes: curdir = os.getcwdu()``
    source = """\
        import os
        if str is bytes:
            import __builtin__ as builtins
        else:
            import builtins
        if str is not bytes:
            pass
        else:
            from collections import Iterable
        if os.name == "nt" and bytes == str:
            curdir = os.getcwdu()
        PY2 = str is bytes
        if PY2:
            import cStringIO
        if str is str:
            import cPickle
        str = bytes
        if str is bytes:
            import imp
        """
    assert project.findings(source) == [(16, "cPickle", E), (19, "imp", E)]


def test_guard_excluding_the_target_is_reported_when_target_is_inside(project):
    source = """\
        import sys
        if sys.version_info < (3, 14):
            import ast
            ast.Num(1)
        """
    assert project.findings(source, target="3.14") == []
    assert project.findings(source, target="3.13") == []  # ast.Num still exists on 3.13


def test_early_exit(project):
    assert project.findings("""\
        import sys

        def legacy():
            if sys.version_info >= (3, 12):
                return None
            import imp
            return imp

        if sys.version_info >= (3, 0):
            raise SystemExit("run the Python 3 version")
        import imp
        """) == []


def test_an_imperative_pytest_skip_ends_the_test(project):
    # python-minifier 3.4.0's test/test_is_constant_node.py: if sys.version_info >= (3, 14):
    # pytest.skip('Deprecated AST types removed in Python 3.14'), then ast.Str('a'), ast.Num(1)...
    # (16 errors at 3.14 and 3.15); pytest.skip raises Skipped, as fail, xfail and exit raise theirs
    source = """\
        import ast
        import sys

        import pytest


        def test_type_nodes():
            if sys.version_info >= (3, 14):
                pytest.skip("Deprecated AST types removed in Python 3.14")
            assert ast.Str("a")


        def test_failing():
            if sys.version_info >= (3, 14):
                pytest.fail("not on 3.14")
            assert ast.Num(1)


        def test_warned():
            if sys.version_info >= (3, 14):
                pytest.warns(DeprecationWarning)
            assert ast.Num(1)
        """
    assert project.findings(source, target="3.14") == [(22, "ast.Num", E)]


def test_py2_flags(project):
    assert project.findings("""\
        import sys
        import six
        PY2 = sys.version_info[0] == 2
        if PY2:
            import imp
        if six.PY2:
            import imp
        if not six.PY3:
            import imp
        """) == []


def test_a_flag_bound_to_a_constant_in_a_version_branch_of_the_same_module(project):
    # polib 1.2.0's polib.py: ``if sys.version_info < (3,): PY3 = False / else: PY3 = True``, then in
    # a method ``if PY3 and sys.version_info.minor > 1: ... .tobytes() / else: ... .tostring()``
    # (gone in 3.9: the else never runs on Python 3.2+); a constant bound outside such a branch is
    # no flag, and one bound in a branch a check cannot decide is none either
    assert project.findings("""\
        import array
        import sys
        if sys.version_info < (3,):
            PY3 = False
        else:
            PY3 = True
        DEBUG = False
        if sys.platform == "win32":
            FAST = True

        def save(offsets):
            if PY3 and sys.version_info.minor > 1:
                return array.array("i", offsets).tobytes()
            else:
                return array.array("i", offsets).tostring()

        def debug(offsets):
            if DEBUG:
                return array.array("i", offsets).tostring()
            if FAST:
                return array.array("i", offsets).tostring()
        """) == [(19, "array.array.tostring", E), (21, "array.array.tostring", E)]


def test_the_version_flags_of_future_a_project_imports(project):
    # a project depending on future 1.0 (not in its tree): from future.utils import PY26, as
    # future's own future/moves/subprocess.py writes it
    assert project.findings("""\
        from future.utils import PY2, PY26, PY3, PY39_PLUS
        from past.utils import PY2 as OLD
        import future.utils
        if PY26:
            from future.backports.misc import check_output
            import imp
        if PY2 or OLD:
            from commands import getoutput
        if not PY3 or future.utils.PY27:
            import cPickle
        if PY39_PLUS:
            pass
        else:
            import cStringIO
        if future.utils.PYPY:
            import imp
        """) == [(16, "imp", E)]  # PYPY: which interpreter runs it decides


def test_the_version_flag_of_nine_a_project_imports(project):
    # Kajiki 0.8.2's xml_template.py (nine 1.1.0: IS_PYTHON2 = (sys.version_info[0] == 2)): the Python 2
    # branch never runs, the else is what runs; import kajiki.xml_template passes on the real 3.13
    assert project.findings("""\
        from nine import IS_PYTHON2
        import nine
        if IS_PYTHON2:
            from cStringIO import StringIO as BytesIO
        else:
            from io import BytesIO
        if not nine.IS_PYTHON2:
            import imp
        """, target="3.13") == [(8, "imp", E)]


def test_a_version_predicate_the_project_defines_called_with_numbers(project):
    # ddtrace 4.16.0's ddtrace/internal/compat.py and products.py: if is_at_least_py(3, 10):
    # entry_points(group=...) / else: entry_points().items() (SelectableGroups, gone in 3.12)
    project.write("pkg/__init__.py", "")
    project.write("pkg/compat.py", """\
        import sys
        from typing import Optional

        PYTHON_VERSION_INFO = sys.version_info

        def is_at_least_py(major: int, minor: int, version: Optional[tuple] = None) -> bool:
            \"\"\"True if version is at or past (major, minor).\"\"\"
            resolved: tuple = version or PYTHON_VERSION_INFO[:2]
            return resolved[:2] >= (major, minor)

        def is_below(version):
            return sys.version_info < version

        def unknown(major, minor):
            print(major)
            return sys.version_info >= (major, minor)
        """)
    project.write("pkg/use.py", """\
        import sys
        from pkg.compat import is_at_least_py, is_below, unknown
        from pkg import compat

        if is_at_least_py(3, 10):
            pass
        else:
            import imp
        if not compat.is_at_least_py(3, 14) or is_below((3, 12)):
            import asynchat
        if is_at_least_py(3, 10, version=(2, 7)):
            import asyncore
        if unknown(3, 10):
            pass
        else:
            import smtpd

        def local_check(major, minor):
            return sys.version_info[:2] >= (major, minor)

        if local_check(3, 0):
            pass
        else:
            import telnetlib
        """)
    doc = project.check_json("pkg")
    found = [(f["line"], f["api"]) for f in doc["findings"]]
    # at 3.13: 3.14 not reached (asynchat runs); a version passed in is not the running one (not
    # told); a body doing more than compute the check is not told either
    assert found == [(10, "asynchat"), (12, "asyncore"), (16, "smtpd")], found
    found = [(f["line"], f["api"]) for f in project.check_json("pkg", target="3.14")["findings"]]
    assert found == [(12, "asyncore"), (16, "smtpd")], found


def test_a_version_predicate_without_arguments(project):
    # datadog 0.39.0's util/compat.py: def is_p3k(): return _is_py_version_higher_than(3), and
    # util/config.py's skip_leading_wsp: if is_p3k(): ... else: map(string.strip, ...), which
    # never runs on the real 3.13 (skip_leading_wsp returns there)
    project.write("pkg/__init__.py", "")
    project.write("pkg/compat.py", """\
        import sys

        def _is_py_version_higher_than(major, minor=0):
            \"\"\"Assert that the Python version is higher than `$maj.$min`.\"\"\"
            return sys.version_info >= (major, minor)

        def is_p3k():
            \"\"\"Assert that Python is version 3 or higher.\"\"\"
            return _is_py_version_higher_than(3)

        def is_py_unknown():
            print("asked")
            return sys.version_info >= (3,)
        """)
    project.write("pkg/config.py", """\
        import string
        import sys
        from pkg.compat import is_p3k, is_py_unknown

        def is_p3():
            return sys.version_info >= (3,)

        def strip_all(lines):
            if is_p3k():
                return [x.strip(" ") for x in lines]
            else:
                return list(map(string.strip, lines))

        def strip_one(line):
            if is_p3():
                return line.strip()
            return string.strip(line)

        def strip_maybe(line):
            if is_py_unknown():
                return line.strip()
            return string.strip(line)
        """)
    found = [(f["line"], f["api"]) for f in project.check_json("pkg")["findings"]]
    assert found == [(22, "string.strip")], found  # a body doing more than compute the check: not told


def test_a_flag_bound_to_a_version_predicate_call(project):
    # ddtrace 4.16.0's ddtrace/internal/coverage/code.py: _PY_GE_312 = is_at_least_py(3, 12) at the
    # top level, then if _PY_GE_312: (and safety.py's IS_312_OR_NEWER, read in a function)
    project.write("pkg/__init__.py", "")
    project.write("pkg/compat.py", """\
        import sys

        def is_at_least_py(major, minor):
            return sys.version_info[:2] >= (major, minor)
        """)
    project.write("pkg/use.py", """\
        from pkg.compat import is_at_least_py

        _PY_GE_312 = is_at_least_py(3, 12)
        _PY_GE_315 = is_at_least_py(3, 15)
        _UNTOLD = is_at_least_py(3, 12, 1)

        if _PY_GE_312:
            import importlib
        else:
            import imp
        if not _PY_GE_315:
            import asyncore

        def f():
            if not _PY_GE_312:
                import asynchat
            if _UNTOLD:
                pass
            else:
                import smtpd
        """)
    found = [(f["line"], f["api"]) for f in project.check_json("pkg")["findings"]]
    # at 3.13: 3.15 not reached (asyncore runs); three numbers are not what the predicate takes
    assert found == [(12, "asyncore"), (20, "smtpd")], found


def test_try_except_importerror_fallback_is_a_warning(project):
    found = project.findings("""\
        try:
            import cgi
        except ImportError:
            cgi = None
        """)
    assert found == [(2, "cgi", W)]  # a lost feature: see below


def test_a_with_suppressing_the_import_error_is_its_try(project):
    # file-keeper 0.2.6's default/__init__.py: with contextlib.suppress(ImportError): import cgi, then
    # hooks taking cgi.FieldStorage; on the real 3.14.10 importing it works, the hooks are not defined
    found = project.findings("""\
        import contextlib
        from contextlib import suppress

        with contextlib.suppress(ImportError):
            import cgi

            def into_upload(value: cgi.FieldStorage):
                return cgi.FieldStorage(value)

        with suppress(ModuleNotFoundError, OSError):
            import imp
        with suppress(ValueError):
            import asynchat
        with suppress(ImportError), open("x"):
            import asyncore
        """)
    assert found == [(5, "cgi", W), (11, "imp", W), (13, "asynchat", E), (15, "asyncore", E)]


def test_fallback_for_old_pythons_never_runs(project):
    assert project.findings("""\
        try:
            from collections.abc import Mapping
        except ImportError:
            from collections import Mapping
        """) == []


def test_builtins_unpacked_from_a_tuple_never_fail(project):
    # py 1.4.34's py/_builtin.py: the handler is for Pythons without the builtin set types
    assert project.findings("""\
        try:
            set, frozenset = set, frozenset
        except NameError:
            from sets import set, frozenset
        try:
            set, Set = set, Set
        except NameError:
            from sets import Set
        """) == [(8, "sets", E)]  # Set is no builtin: its handler runs, and fails


def test_a_present_attribute_wrapped_as_a_method_never_fails(project):
    # plumbum 1.6.7's lib.py, in a class body: staticmethod() never raises, and the target's
    # inspect has getfullargspec, so the handler (for Python 2) never runs on the real 3.13
    assert project.findings("""\
        import inspect


        class six(object):
            try:
                getfullargspec = staticmethod(inspect.getfullargspec)
            except AttributeError:
                getfullargspec = staticmethod(inspect.getargspec)
            try:
                spec = staticmethod(inspect.getargspec)
            except AttributeError:
                spec = staticmethod(inspect.getfullargspec)
            try:
                wrapped = staticmethod(inspect.getfullargspec, 1)
            except (AttributeError, TypeError):
                wrapped = staticmethod(inspect.getargspec)
        """) == [(16, "inspect.getargspec", E)]  # the body tests for getargspec; two arguments raise


def test_an_import_of_a_name_the_targets_module_lacks_runs_the_handler(project):
    # Cython 0.29.21's runtests.py: unittest.runner never had _TextTestResult in Python 3, so the
    # handler runs, and unittest._TextTestResult is gone from 3.12: ImportError on the real 3.13
    assert project.findings("""\
        try:  # Py2.7+ and Py3.2+
            from unittest.runner import _TextTestResult
        except ImportError:
            from unittest import _TextTestResult
        try:
            from xml.etree import ElementTree
            from os import path, sep
        except ImportError:
            from StringIO import StringIO
        """) == [(4, "unittest._TextTestResult", E)]  # a submodule is there: its handler never runs


def test_a_try_body_raising_importerror_itself_may_run_the_handler(project):
    # pysnmp 4.4.12's smi/builder.py: importlib.util is not imported at startup since 3.12, so the
    # inner handler raises ImportError and the outer one runs: No module named 'imp' on the real 3.13
    source = """\
        try:
            import importlib

            try:
                PY_MAGIC_NUMBER = importlib.util.MAGIC_NUMBER
            except Exception:
                raise ImportError()
        except ImportError:
            import imp

            PY_MAGIC_NUMBER = imp.get_magic()
        try:
            import json

            def load():
                raise ImportError("later, when called")
        except ImportError:
            import imp
        """
    assert project.findings(source) == [(9, "imp", W), (11, "imp.get_magic", W)]
    # it runs when the body raises, not "only when an import above fails" (json is there)
    found = project.check_json("mod.py")["findings"]
    assert {f["context"] for f in found} == {"raised-handler"}
    assert all("runs when the try body above raises ImportError itself" in f["message"] for f in found)


def test_a_handler_of_imports_alone_runs_only_when_one_fails(project):
    project.write("mod.py", """\
        try:
            import yaml
        except ImportError:
            import imp
        """)
    found = project.check_json("mod.py")["findings"]
    assert [(f["line"], f["api"], f["context"]) for f in found] == [(4, "imp", "handler")]
    assert "only runs when an import above fails" in found[0]["message"]


def test_an_import_of_a_class_as_a_module_runs_the_handler(project):
    # Yapsy 1.12.2's PluginManager.py: importlib.abc is no package, so the body always raises
    # ModuleNotFoundError (on pyenv's 3.6 and the real 3.13, 3.14, 3.15) and imp is imported
    assert project.findings("""\
        try:
            import importlib.abc.Loader as imp
        except ImportError:
            import imp
        try:
            import os.path, collections.abc, xml.etree.ElementTree, xml.parsers.expat.errors
        except ImportError:
            import asyncore
        """) == [(4, "imp", E)]  # the modules a module puts in sys.modules itself are there


def test_fallback_after_third_party_import_is_a_warning(project):
    assert project.findings("""\
        try:
            from lxml import etree
        except ImportError:
            import cPickle as etree
        """) == [(4, "cPickle", W)]


def test_attribute_error_fallback_and_hasattr_are_dead_compat_code(project):
    source = """\
        import time
        try:
            clock = time.clock
        except AttributeError:
            clock = time.perf_counter
        if hasattr(time, "clock"):
            time.clock()
        time.clock()
        """
    assert project.findings(source) == [(8, "time.clock", E)]
    project.write("mod.py", source)
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["severity"], f["context"]) for f in doc["findings"]] == [
        (3, W, "fallback"), (7, W, "hasattr"), (8, E, None)]


def test_duck_typing_under_hasattr_is_not_a_finding(project):
    # CPython's mailbox.py: `if hasattr(arg, 'iteritems'): arg.iteritems()`
    assert project.findings("""\
        def update(arg):
            if hasattr(arg, "iteritems"):
                source = arg.iteritems()
            elif hasattr(arg, "items"):
                source = arg.items()
            return source
        """) == []


def test_an_operand_of_and_after_hasattr_of_a_removed_name_never_runs(project):
    # unittest2 1.1.0's loader.py: the isinstance() runs only where types has UnboundMethodType
    source = """\
        import types


        def kind(obj, parent):
            if isinstance(obj, types.ModuleType):
                return 1
            elif ((hasattr(types, 'UnboundMethodType')
                  and isinstance(obj, types.UnboundMethodType)) and
                  isinstance(parent, type)):
                return 2
            return hasattr(types, 'ClassType') and obj is types.ClassType or types.InstanceType
        """
    assert project.findings(source) == [(11, "types.InstanceType", E)]  # or: runs when the and fails
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [(8, "hasattr"), (11, "hasattr"), (11, None)]


def test_equivalent_fallback_is_dead_compat_but_a_lost_feature_is_a_warning(project):
    assert project.findings("""\
        try:
            import StringIO
        except ImportError:
            import io as StringIO
        try:
            import crypt
        except ImportError:
            crypt = None
        try:
            import spwd
            HAS_SPWD = True
        except ImportError:
            HAS_SPWD = False
        try:
            import nis
        except ImportError:
            pass
        try:  # googletest's googletest-filter-unittest.py: the builtin set stays, an equivalent
            from sets import Set as set
        except ImportError:
            pass
        """) == [(6, "crypt", W), (10, "spwd", W), (15, "nis", W)]
    project.write("mod.py", "try:\n    import crypt\nexcept ImportError:\n    crypt = None\n")
    message = project.check_json("mod.py")["findings"][0]["message"]
    assert "silently stops working" in message


def test_an_import_the_else_only_binds_to_a_builtin_is_an_equivalent(project):
    # deap 1.4.4's examples/pso/multiswarm.py: where the import fails the builtin map stays, as
    # itertools.imap became; a name read anywhere else (imap2 below) is a lost feature still
    source = """\
        try:
            from itertools import imap
        except:
            # Python 3 nothing to do
            pass
        else:
            map = imap
        try:
            from itertools import izip as imap2
        except ImportError:
            pass
        else:
            zip = imap2
        print(list(map(abs, [-1])), imap2)
        """
    assert project.findings(source) == [(9, "itertools.izip", W)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [(2, "fallback"), (9, "lost-feature")]


def test_a_fallback_read_only_to_skip_the_tests_needing_it_loses_nothing(project):
    # opentelemetry-api 1.45.3's tests/util/test__importlib_metadata.py: the tests needing
    # SelectableGroups say they are skipped where it is gone; nothing else reads the name
    skipped = """\
        import unittest
        import pytest
        try:
            from importlib.metadata import SelectableGroups as _SelectableGroups
        except ImportError:
            _SelectableGroups = None
        try:
            import crypt
            HAS_CRYPT = True
        except ImportError:
            HAS_CRYPT = False

        class T(unittest.TestCase):
            @unittest.skipIf(_SelectableGroups is None, "not available on this Python")
            def test_groups(self):
                return _SelectableGroups({})

        @pytest.mark.skipif(not HAS_CRYPT, reason="no crypt")
        def test_crypt():
            assert crypt.crypt("x")
        """
    assert project.findings(skipped, name="tests/test_meta.py") == []
    doc = project.check_json("tests/test_meta.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [(4, "fallback"), (8, "fallback")]
    # read outside the skipped test, or by a skip that runs the test without it: the feature is lost
    used = skipped.replace("            return _SelectableGroups({})",
                           "            return _SelectableGroups({})\n\n        GROUPS = _SelectableGroups")
    assert project.findings(used, name="tests/test_used.py") == [(4, "importlib.metadata.SelectableGroups", W)]
    unless = skipped.replace("skipif(not HAS_CRYPT", "skipif(HAS_CRYPT")
    assert project.findings(unless, name="tests/test_unless.py") == [(8, "crypt", W)]
    # a public name of a module others may import from: they may use it
    public = skipped.replace("tests/", "").replace("HAS_CRYPT", "has_crypt")
    assert project.findings(public, name="lib.py") == [(8, "crypt", W)]


def test_a_module_skipped_whole_where_its_fallback_is_taken(project):
    # a module-level pytestmark is the module's only skip (no skip decorator): the test reading
    # the name is skipped where it is gone
    skipped = """\
        import pytest
        try:
            import crypt as _crypt
        except ImportError:
            _crypt = None

        pytestmark = pytest.mark.skipif(_crypt is None, reason="no crypt")

        def test_crypt():
            assert _crypt.crypt("x")
        """
    assert project.findings(skipped, name="tests/test_whole.py") == []
    doc = project.check_json("tests/test_whole.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [(3, "fallback")]
    assert project.findings(skipped.replace("_crypt is None", "_crypt is not None"), name="tests/test_runs.py") \
        == [(3, "crypt", W)]


def test_each_removed_import_of_a_lost_feature_fallback_is_reported(project):
    # the handler stands in for every import of the try: fixing crypt, spwd fails next
    assert project.findings("""\
        try:
            import crypt, spwd
        except ImportError:
            crypt = spwd = None
        try:
            import crypt
            import os
            from spwd import getspnam
        except ImportError:
            crypt = getspnam = None
        try:
            import crypt
            import spwd
        except ImportError:
            raise SystemExit("needs crypt and spwd")
        """) == [(2, "crypt", W), (2, "spwd", W), (6, "crypt", W), (8, "spwd", W), (12, "crypt", E), (13, "spwd", E)]


def test_a_handler_defining_stubs_that_return_a_constant_loses_the_feature(project):
    # passlib 1.7.4's passlib/utils/__init__.py: without crypt, safe_crypt() answers None to every
    # hash, so its unix crypt handlers silently stop working on 3.13
    filler = "".join(f"\n\n        def helper{n}(values):\n            total = 0\n            for value in values:\n"
                     f"                total += value * {n}\n            return total\n" for n in range(12))
    stubs = """\
        try:
            from crypt import crypt as _crypt
        except ImportError:
            _crypt = None
            has_crypt = False
            def safe_crypt(secret, hash):
                \"\"\"Crypt unavailable.\"\"\"
                return None
            async def test_crypt(secret, hash):
                pass
        """
    alternative = """\
        try:
            from crypt import crypt as _crypt
        except ImportError:
            _crypt = None
            def safe_crypt(secret, hash):
                result = secret.upper()
                return result + hash
        """
    # the filler's bodies name nothing removed: the sieve leaves them out and checks the rest; a
    # def doing something is an alternative (dead compatibility code) there as in a small file
    for extra in ("", filler):
        assert project.findings(stubs + extra) == [(2, "crypt", W)], extra[:10]
        assert project.findings(alternative + extra) == [], extra[:10]


def test_the_handler_of_an_import_of_the_projects_own_module_never_runs(project):
    # mercurial 7.2.4's contrib/perf.py: ``try: from mercurial import pycompat; getargspec =
    # pycompat.getargspec`` / ``except (NameError, ImportError, AttributeError): import inspect;
    # getargspec = inspect.getargspec``: the handler is for older Mercurials, not older Pythons
    project.write("mercurial/__init__.py", "")
    project.write("mercurial/pycompat.py", "import inspect\ngetargspec = inspect.getfullargspec\n")
    source = """\
        try:
            from mercurial import pycompat

            getargspec = pycompat.getargspec
        except (NameError, ImportError, AttributeError):
            import inspect

            getargspec = inspect.getargspec
        try:
            from mercurial import speedups
        except ImportError:
            import inspect

            getargspec = inspect.getargspec
        """
    assert project.findings(source, name="contrib/perf.py") == [(14, "inspect.getargspec", W)]


def test_a_lost_feature_gone_before_the_projects_floor_is_not_what_the_upgrade_breaks(project):
    # setuptools' build_ext: ``try: import dl / except ImportError: pass``; dl went in 3.0
    source = """\
        try:
            import dl
        except ImportError:
            pass
        try:
            import crypt
        except ImportError:
            crypt = None
        """
    assert project.findings(source) == [(2, "dl", W), (6, "crypt", W)]  # no floor declared: keep reporting
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.9"\n')
    assert project.findings(source) == [(6, "crypt", W)]  # crypt goes in 3.13: the upgrade loses it
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["api"], f["context"]) for f in doc["findings"]] == [("dl", "lost-before-floor"), ("crypt", "lost-feature")]
    assert "gone on every Python the project supports" in doc["findings"][0]["message"]
    project.write("pyproject.toml", '[project]\nname = "p"\n')
    assert project.findings(source) == [(2, "dl", W), (6, "crypt", W)]
    doc = project.check_json("mod.py", "--min-version", "3.13")
    assert doc["findings"] == []  # crypt is gone on the floor too: nothing changes for this project


def test_a_name_removed_at_or_before_the_declared_floor_is_already_broken(project):
    # Twisted 26.10 (requires-python >= 3.10): docs/core/howto/listings/process/quotes.py does
    # ``import cStringIO``, src/twisted/protocols/socks.py ``string.join(...)``; grpcio's vendored
    # generate_policies.py ``base64.encodestring``: each fails on every Python the project supports
    # (each in a function of its own: what follows a line failing there never runs, see below)
    source = """\
        import base64, string, imp
        def old_import():
            import cStringIO
        def encode():
            base64.encodestring(b"x")
        def joined():
            string.join(["a"], "")
        def reloaded():
            imp.reload(string)
        """
    everything = [(1, "imp", E), (3, "cStringIO", E), (5, "base64.encodestring", E), (7, "string.join", E),
                  (9, "imp.reload", E)]
    assert project.findings(source) == everything  # no floor declared: reported
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.9"\n')
    assert project.findings(source) == [(1, "imp", E), (9, "imp.reload", E)]  # imp goes in 3.12: the upgrade
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"], f["severity"]) for f in doc["findings"]] == [
        (1, None, E), (3, "broken-at-floor", W), (5, "broken-at-floor", W), (7, "broken-at-floor", W),
        (9, None, E)]
    assert "already fails on every Python the project supports" in doc["findings"][1]["message"]
    # the floor is the oldest Python named, whatever else: 3.8 still has base64.encodestring
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.8"\n')
    assert project.findings(source) == [(1, "imp", E), (5, "base64.encodestring", E), (9, "imp.reload", E)]
    # a Python 2 floor keeps Python 2 names reported (boto 2.49, xlrd 1.2: python_requires >= 2.7)
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=2.7"\n')
    assert project.findings(source) == everything
    # --min-version is the floor too
    project.write("pyproject.toml", '[project]\nname = "p"\n')
    doc = project.check_json("mod.py", "--min-version", "3.12")
    assert [f["line"] for f in doc["findings"]] == []


def test_what_follows_a_line_failing_on_every_supported_python_never_runs(project):
    # salt 3008.5 (requires-python >= 3.8), salt/utils/http.py: hostname = request.get_host()
    # (gone in 3.4) on a urllib.request.Request, then ssl.wrap_socket(...) in the same block
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.8"\n')
    source = """\
        import ssl, urllib.request

        def fetch(url, data, sock, other):
            request = urllib.request.Request(url, data)
            if url.startswith("https"):
                hostname = request.get_host()
                if hostname:
                    sock = ssl.wrap_socket(sock)
            other.get_host()  # of unknown type: it may have one
            return ssl.wrap_socket(sock)

        def scripted():
            import cStringIO
            import imp
        """
    assert project.findings(source) == [(10, "ssl.wrap_socket", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [
        (6, "broken-at-floor"), (8, "after-broken"), (10, None), (13, "broken-at-floor"), (14, "after-broken")]
    assert "after a line that fails on every Python the project supports" in doc["findings"][1]["message"]
    # without a floor each line is what the upgrade breaks
    project.write("pyproject.toml", '[project]\nname = "p"\n')
    assert [f[0] for f in project.findings(source)] == [6, 8, 10, 13, 14]


def test_fix_leaves_what_is_already_broken_at_the_floor_alone(project):
    # fixing it would change what the line does on every Python the project supports; and an import
    # whose other uses are broken there is not dropped (CherryPy 8.9's covercp.py: import cgi, and
    # cgi.escape, gone since 3.8, under --min-version 3.9)
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.9"\n')
    source = "import base64, cgi\nbase64.encodestring(b'x')\ncgi.escape('<')\ncgi.parse_header('a')\n"
    project.write("mod.py", source)
    code, out, _ = project.run("check", "--no-cache", "--target-version", "3.13", "--unsafe-fixes", "mod.py")
    assert "encodestring" not in out and "[*]" not in out
    code, out, _ = project.run("check", "--no-cache", "--target-version", "3.13", "--dead-compat", "mod.py")
    assert "already fails on every Python the project supports" in out and "[*]" not in out
    for extra in ([], ["--dead-compat"], ["--unsafe-fixes"]):
        project.run("fix", "--no-cache", "--target-version", "3.13", *extra, "mod.py")
        assert (project.root / "mod.py").read_text() == source


def test_a_fallback_that_fails_too_is_an_error(project):
    assert project.findings("""\
        try:
            import cPickle as pickle
        except ImportError:
            from imp import reload
        try:
            from asynchat import async_chat
        except ImportError:
            raise SystemExit("needs asynchat")
        """) == [(4, "imp.reload", E), (6, "asynchat", E)]


def test_a_fallback_only_python_2_finds_beside_it_fails_too(project):
    """pydub 0.23.1's pydub/utils.py: ``try: import audioop`` / ``except ImportError: import pyaudioop
    as audioop``, pydub/pyaudioop.py beside it: an implicit relative import, which Python 3 does not
    make (No module named 'pyaudioop' on the real 3.13).  A script's directory, and a package's
    relative import, do find theirs."""
    source = "try:\n    import audioop\nexcept ImportError:\n    import pyaudioop as audioop\n"
    project.write("pkg/__init__.py", "")
    project.write("pkg/pyaudioop.py", "")
    project.write("pkg/utils.py", source)
    project.write("pkg/rel.py", source.replace("import pyaudioop as audioop", "from . import pyaudioop as audioop"))
    project.write("scripts/pyaudioop.py", "")
    project.write("scripts/run.py", source)
    project.write("other/__init__.py", "import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n")
    project.write("other/pyaudioop.py", "")
    project.write("other/utils.py", source)
    found = [(f["path"], f["line"], f["severity"]) for f in project.check_json("pkg", "scripts", "other")["findings"]]
    assert found == [("pkg/utils.py", 2, "error")], found  # the others take their fallback (--dead-compat)


def test_version_aliases_and_spellings_from_real_code(project):
    assert project.findings("""\
        import sys
        import platform

        # xlrd 1.2.0, xlrd/compdoc.py and timemachine.py
        python_version = sys.version_info[:2]
        if python_version >= (3, 0):
            pass
        else:
            from cStringIO import StringIO

        # boto 2.49 / tornado 4.5 compat modules
        PY3 = sys.version_info >= (3,)
        py3k = sys.version_info >= (3, 0, 0)
        if not PY3:
            import cPickle
        if not py3k:
            import cPickle

        # pexpect 4.2.1, tests/test_unicode.py
        if platform.python_version_tuple() < ('3', '0', '0'):
            import cPickle
        if int(platform.python_version_tuple()[0]) == 2:
            import cPickle

        # sys.version as text
        if sys.version.startswith("2."):
            import cPickle
        if sys.version[0] == "2":
            import cPickle
        if sys.version[:3] in ("2.6", "2.7"):
            import cPickle

        # pyparsing 2.x (vendored in pip 9.0.3): system_version = tuple(sys.version_info)[:3]
        system_version = tuple(sys.version_info)[:3]
        PY_3 = system_version[0] == 3
        if PY_3:
            pass
        else:
            _MAX_INT = sys.maxint
        import cPickle
        """) == [(40, "cPickle", E)]


def test_sys_version_compared_as_a_string(project):
    # pony 0.7.20, pony/thirdparty/decorator.py: if sys.version >= '3': ... else: inspect.getargspec
    assert project.findings("""\
        import sys, inspect
        if sys.version >= '3':
            from inspect import getfullargspec
        else:
            inspect.getargspec(f)
        if sys.version < '3':
            inspect.formatargspec()
        if '2.7' >= sys.version:
            import cPickle
        if sys.version < '3.14':
            import cgi
        if sys.version > '3.9':  # "3.13.0" < "3.9", as strings
            pass
        else:
            import imp
        if sys.version < '3.13.2':
            import asynchat
        """) == [(11, "cgi", E), (15, "imp", E), (17, "asynchat", E)]  # the micro version decides the last


def test_a_name_bound_to_the_whole_version_info(project):
    # bottle 0.13.4: py = sys.version_info; py3k = py.major > 2; if py3k: ... else: import httplib
    assert project.findings("""\
        import sys
        py = sys.version_info
        py3k = py.major > 2
        if py3k:
            import http.client as httplib
        else:
            import httplib
        if py.minor < 13:
            import cgi
        if py[:2] < (3, 13):
            import cgi
        v = sys.version_info[:2]
        if v.major > 2:
            import cgi
        import imp
        """) == [(14, "cgi", E), (15, "imp", E)]  # a slice has no .major: undecided


def test_a_try_body_whose_version_check_takes_a_branch_that_cannot_fail(project):
    # Nuitka 4.3.5's nuitka/containers/OrderedDicts.py: try: if python_version >= 0x360:
    # OrderedDict = dict / else: from collections import OrderedDict / except ImportError: (for
    # Python 2.6) from itertools import imap, izip
    assert project.findings("""\
        import sys

        try:
            if sys.version_info >= (3, 6):
                OrderedDict = dict
            else:
                from collections import OrderedDict
        except ImportError:
            from itertools import imap, izip

        try:
            if sys.version_info < (3, 0):
                from collections import OrderedDict
        except ImportError:
            from itertools import imap

        try:
            if sys.version_info >= (3, 6):
                from ordereddict import OrderedDict
        except ImportError:
            from itertools import izip

        try:
            if sys.argv:
                OrderedDict = dict
        except ImportError:
            import imp
        """) == [(21, "itertools.izip", E), (27, "imp", E)]


def test_a_flag_saying_whether_a_try_body_that_cannot_fail_ran(project):
    # ldap3 2.9.1, ldap3/core/tls.py
    assert project.findings("""\
        import ssl
        try:
            from ssl import create_default_context, Purpose
            use_ssl_context = True
        except ImportError:
            use_ssl_context = False
        try:
            from ssl import create_default_context
            ready = True
        except ImportError:
            pass
        try:
            import cPickle
            has_cpickle = True
        except ImportError:
            has_cpickle = False

        def wrap(sock):
            if use_ssl_context:
                return create_default_context(purpose=Purpose.SERVER_AUTH).wrap_socket(sock)
            else:
                return ssl.wrap_socket(sock)

        def wrap_again(sock):
            if not ready:
                return ssl.wrap_socket(sock)
            if not has_cpickle:
                return ssl.wrap_socket(sock)
        """) == [(13, "cPickle", W), (26, "ssl.wrap_socket", E), (28, "ssl.wrap_socket", E)]


def test_a_name_a_failing_import_binds_is_false_on_the_target(project):
    # speedtest-cli 2.1.3, speedtest.py: try: from httplib import FakeSocket / except ImportError:
    # FakeSocket = None, then elif FakeSocket: ... socket.ssl(self.sock), which no Python 3 runs
    # (httplib is Python 2's; on the real 3.13 FakeSocket is None and the branch is skipped)
    assert project.findings("""\
        import socket
        try:
            from httplib import FakeSocket
        except ImportError:
            FakeSocket = None
        try:
            import cPickle as fast_pickle
        except ImportError:
            fast_pickle = False
        try:
            from ssl import SSLContext
        except ImportError:
            SSLContext = None

        def connect(sock, ssl):
            if ssl:
                return ssl.wrap(sock)
            elif FakeSocket:
                return FakeSocket(sock, socket.ssl(sock))
            if fast_pickle and sock:
                return socket.ssl(sock)

        def without(sock):
            if not fast_pickle:
                socket.ssl(sock)
            if FakeSocket is None:
                socket.ssl(sock)
            if SSLContext:
                socket.ssl(sock)
        """) == [(3, "httplib", W), (7, "cPickle", W), (25, "socket.ssl", E), (27, "socket.ssl", E),
                 (29, "socket.ssl", E)]


def test_flag_a_removed_keyword_probe_sets_holds_on_the_target(project):
    # skyfield 1.55, skyfield/iokit.py: the probe raises TypeError on the real 3.13-3.15
    # ("urlopen() got an unexpected keyword argument 'cafile'"), so the flag is False there
    source = """\
        from urllib.request import urlopen
        try:
            urlopen('', cafile=None)
        except ValueError:
            supports_cafile = True
        except TypeError:
            supports_cafile = False
        try:
            urlopen('', cafile=None)
            checks = True
        except Exception:
            checks = False
        try:
            urlopen('', cafile=None)
        except TypeError:
            pass
        try:
            urlopen(url(), cafile=None)
        except TypeError:
            computed = False
        else:
            computed = True

        def download(url, where):
            if supports_cafile:
                return urlopen(url, cafile=where)
            if checks:
                return urlopen(url, cafile=where)
            if computed:
                return urlopen(url, cafile=where)
            return urlopen(url)
        """
    assert project.findings(source) == [(14, "urllib.request.urlopen(cafile=)", W),
                                        (18, "urllib.request.urlopen(cafile=)", W),
                                        (30, "urllib.request.urlopen(cafile=)", E)]
    assert project.findings(source, target="3.12") == []


def test_a_refused_mode_caught_as_the_error_it_raises(project):
    # dendropy 5.1.3, interop/ape.py and datamodel/charmatrixmodel.py: open(path, "rU") raises
    # ValueError on the real 3.13-3.15 (so do io.open's, codecs.open's, fileinput's and
    # ZipFile.open's 'U'), and the handler opens the file again without it; a handler catching
    # TypeError lets that ValueError out
    assert project.findings("""\
        import codecs
        import fileinput
        import zipfile

        def read(path, member):
            try:
                stream = open(path, "rU")
            except ValueError:
                stream = open(path, "r")
            try:
                text = codecs.open(path, "rU", "utf-8")
            except ValueError:
                text = codecs.open(path, "r", "utf-8")
            try:
                lines = fileinput.input(path, mode="rU")
            except ValueError:
                lines = fileinput.input(path)
            try:
                member = zipfile.ZipFile(path).open(member, "U")
            except ValueError:
                member = zipfile.ZipFile(path).open(member)
            try:
                stream = open(path, "rU")
            except TypeError:
                stream = open(path, "r")
            return open(path, "rU")
        """) == [(23, "open(mode=)", E), (26, "open(mode=)", E)]


def test_the_old_spelling_of_a_call_in_the_handler_of_the_new_one_catching_type_error(project):
    # junos-eznc 2.8.2, utils/config.py:553: try: open(path, "r", newline=None) / except TypeError:
    # open(path, "rU"), the fallback for Python 2's open() (no newline=).  On the real 3.13 the try
    # raises TypeError only for a path of the wrong type (None, a list), which fails the handler's
    # open() too (TypeError; ValueError for a float); a path that opens never reaches it
    source = """\
        import io

        def load(path):
            try:
                contents = open(path, "r", newline=None).read()
            except TypeError:
                contents = open(path, "rU").read()
            try:
                contents = io.open(path, "r", encoding="utf-8").read()
            except TypeError:
                contents = io.open(path, "rU").read()
            try:
                contents = open(path).read()
            except TypeError:
                contents = open(path, "rU").read()
            try:
                contents = open(path, "r", newline=None).read()
            except (TypeError, OSError):
                contents = open("default.txt", "rU").read()
            return contents
        """
    # the same call without the keyword, or a handler that a missing file reaches, still breaks
    assert project.findings(source) == [(15, "open(mode=)", E), (19, "open(mode=)", E)]


def test_no_lost_feature_when_the_next_statement_calls_the_replacement(project):
    # mitogen 0.3.54, mitogen/utils.py's setup_gil: sys.setcheckinterval is gone on the real
    # 3.13-3.15 (AttributeError, caught), and the next try sets what it set through its replacement
    assert project.findings("""\
        import sys
        try:
            sys.setcheckinterval(100000)
        except AttributeError:
            pass
        try:
            sys.setswitchinterval(10)
        except AttributeError:
            pass
        try:
            sys.setcheckinterval(100000)
        except AttributeError:
            pass
        print("sys.setswitchinterval")
        """) == [(11, "sys.setcheckinterval", W)]


def test_fallback_for_a_builtin_that_exists_is_dead(project):
    # pytz: ``try: set / except NameError: from sets import Set as set`` imports on every Python 3
    assert project.findings("""\
        try:
            set
        except NameError:
            from sets import Set as set
        try:
            callable
        except NameError:
            from collections import Callable
        try:
            set
            configure()
        except NameError:
            from sets import Set
        """) == [(13, "sets", E)]  # configure() may raise NameError: that handler can run


def test_branch_taken_only_when_the_replacement_is_missing_is_dead(project):
    # PyYAML: ``if hasattr(base64, 'decodebytes'): ... else: base64.decodestring(...)``
    source = """\
        import base64
        if hasattr(base64, "decodebytes"):
            decode = base64.decodebytes
        else:
            decode = base64.decodestring
        if not hasattr(base64, "decodebytes"):
            decode = base64.decodestring
        def f(v):
            if hasattr(base64, "decodebytes"):
                return base64.decodebytes(v)
            return base64.decodestring(v)
        if hasattr(base64, "something_else"):
            pass
        else:
            base64.decodestring(b"")
        """
    assert project.findings(source) == [(15, "base64.decodestring", E)]
    doc = project.check_json("--dead-compat", "mod.py")
    assert [(f["line"], f["severity"]) for f in doc["findings"]] == [(5, W), (7, W), (11, W), (15, E)]


def test_getattr_with_a_false_default_probes_like_hasattr(project):
    # mercurial 7.2.4's tests/test-cbor.py and mercurial/testing/storage.py: ``if not
    # getattr(unittest.TestCase, 'assertRaisesRegex', False): assertRaisesRegex =
    # unittest.TestCase.assertRaisesRegexp`` never runs where TestCase has assertRaisesRegex
    source = """\
        import base64
        import unittest

        class TestCase(unittest.TestCase):
            if not getattr(unittest.TestCase, "assertRaisesRegex", False):
                assertRaisesRegex = unittest.TestCase.assertRaisesRegexp

        if getattr(base64, "decodebytes", None):
            decode = base64.decodebytes
        else:
            decode = base64.decodestring
        if getattr(base64, "decodebytes", base64.decodestring):
            base64.decodestring(b"")
        if not getattr(unittest.TestCase, "assertNotRegex", True):
            assertRaisesRegex = unittest.TestCase.assertRaisesRegexp
        """
    assert project.findings(source) == [(12, "base64.decodestring", E), (13, "base64.decodestring", E),
                                        (15, "unittest.TestCase.assertRaisesRegexp", E)]


def test_a_name_bound_by_getattr_of_a_module_is_its_attribute(project):
    # pygobject 3.58.1's gi/events.py: AbstractEventLoopPolicy = getattr(asyncio,
    # "AbstractEventLoopPolicy", object), then in a class body if sys.platform != "win32" and
    # hasattr(AbstractEventLoopPolicy, "get_child_watcher"): ... asyncio.ThreadedChildWatcher();
    # on the real 3.14 and 3.15 the hasattr is False (3.13: True, and the watcher is there)
    source = """\
        import asyncio
        import sys
        import warnings

        with warnings.catch_warnings():
            AbstractEventLoopPolicy = getattr(asyncio, "AbstractEventLoopPolicy", object)
        Policy = getattr(asyncio, "AbstractEventLoopPolicy")
        Other = getattr(asyncio, "AbstractEventLoopPolicy", dict)

        class GLibEventLoopPolicy(AbstractEventLoopPolicy):
            if sys.platform != "win32" and hasattr(AbstractEventLoopPolicy, "get_child_watcher"):
                @classmethod
                def get_child_watcher(cls):
                    return asyncio.ThreadedChildWatcher()
            if hasattr(Policy, "get_child_watcher"):
                watcher = asyncio.ThreadedChildWatcher()
            if hasattr(Other, "get_child_watcher"):  # dict: not told
                watcher = asyncio.ThreadedChildWatcher()
        """
    assert project.findings(source, target="3.14") == [(18, "asyncio.ThreadedChildWatcher", E)]


def test_code_a_test_expects_to_raise_that_error(project):
    # CPython 3.13's own test suite: with self.assertRaises(ValueError): shlex.split(None)
    assert project.findings("""\
        import asyncio
        import shlex
        import unittest

        import pytest


        class T(unittest.TestCase):
            def test(self):
                with self.assertRaises(ValueError):
                    shlex.split(None)
                with self.assertRaisesRegex(TypeError, "loop"):
                    asyncio.Lock(loop=None)
                with pytest.raises((TypeError, KeyError)):
                    asyncio.Lock(loop=None)
                with self.assertRaises(KeyError):  # not the error the removal raises
                    shlex.split(None)
                with self.assertRaises(ValueError):
                    def later():
                        shlex.split(None)  # raises when called, outside the block
        """, target="3.12") == [(17, "shlex.split(s=<None>)", E), (20, "shlex.split(s=<None>)", E)]


def test_a_try_whose_body_calls_or_rebinds_builtins_cannot_fail(project):
    # nose 1.3.7's nose/util.py
    assert project.findings("""\
        try:
            set()
            set = set  # make from nose.util import set happy
        except NameError:
            try:
                from sets import Set as set
            except ImportError:
                pass
        try:
            input()
        except NameError:
            import sets
        """) == [(12, "sets", E)]  # input() may fail: the handler may run


def test_a_branch_taken_when_hasattr_finds_a_removed_name_is_dead_compat(project):
    # nose 1.3.7's nose/pyversion.py
    source = """\
        import types
        if hasattr(types, 'ClassType'):
            ClassType = types.ClassType
            TypeType = types.TypeType
        else:
            ClassType = type
        if not hasattr(types, 'ClassType'):
            pass
        else:
            TypeType = types.TypeType
        if hasattr(types, 'MappingProxyType'):
            TypeType = types.TypeType
        """
    assert project.findings(source) == [(12, "types.TypeType", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [
        (3, "hasattr"), (4, "hasattr"), (10, "hasattr"), (12, None)]


def test_the_other_side_of_hasattr_of_a_name_the_target_has_never_runs(project):
    # pony 0.7.20, pony/utils/utils.py: if hasattr(inspect, "signature"): ... else: inspect.getargspec(func)
    source = """\
        import inspect, base64, os

        def names(func):
            if hasattr(inspect, "signature"):
                return list(inspect.signature(func).parameters)
            else:
                return inspect.getargspec(func)[0]

        def encode(data):
            if not hasattr(base64, "encodebytes"):
                return base64.encodestring(data)
            if hasattr(inspect, "signature") and data:
                return None
            else:
                return inspect.getargspec(data)

        def pid():
            if hasattr(os, "getpid"):
                return os.getpid()
            import imp

        def load(path):
            import importlib
            if hasattr(importlib, "util"):  # there once something imported importlib.util
                return importlib.util.spec_from_file_location("m", path)
            else:
                import imp
        """
    assert project.findings(source) == [(15, "inspect.getargspec", E), (20, "imp", E), (27, "imp", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["severity"], f["context"]) for f in doc["findings"]] == [
        (7, W, "hasattr"), (11, W, "hasattr"), (15, E, None), (20, E, None), (27, E, None)]


def test_hasattr_of_a_submodule_the_packages_own_import_binds(project):
    # asynctest 0.13.0, asynctest/selector.py:341: asyncio's __init__ imports base_events, which
    # imports format_helpers (3.7+), so the else never runs; importlib.util is an attribute only
    # once something imported it, so that else may run
    source = """\
        import asyncio, importlib

        if hasattr(asyncio, "format_helpers"):
            pass
        else:
            asyncio.events._format_callback

        if hasattr(importlib, "util"):
            pass
        else:
            import imp
        """
    assert project.findings(source) == [(11, "imp", E)]


def test_hasattr_of_a_stdlib_instance_or_class_asks_its_classs_members(project):
    # Chameleon 4.6.0's tests/test_loader.py: importer = zipimport.zipimporter(path) / if
    # hasattr(importer, 'find_spec'): ... else: importer.load_module(pkg_name); on the real 3.15
    # zipimporter has find_spec and no load_module (both on 3.13)
    source = """\
        import zipimport

        def load(path, name):
            importer = zipimport.zipimporter(path)
            if hasattr(importer, "find_spec"):
                return importer.find_spec(name)
            else:
                return importer.load_module(name)

        def load_class(path, name):
            if not hasattr(zipimport.zipimporter, "find_spec"):
                return zipimport.zipimporter(path).load_module(name)

        def old(path, name):
            importer = zipimport.zipimporter(path)
            if hasattr(importer, "load_module"):
                return importer.load_module(name)

        def other(path, name):
            importer = zipimport.zipimporter(path)
            if hasattr(importer, "no_such_method"):
                return None
            else:
                return importer.load_module(name)
        """
    assert project.findings(source, target="3.15") == [(24, "zipimport.zipimporter.load_module", E)]
    doc = project.check_json("mod.py", "--dead-compat", target="3.15")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [
        (8, "hasattr"), (12, "hasattr"), (17, "hasattr"), (24, None)]


def test_a_truth_test_of_an_object_always_true_decides_its_branch(project):
    # stomp.py 9.0.0's transport.py: tls_context = ssl.SSLContext(...) / if tls_context: ... /
    # else: ssl.wrap_socket(...), never run: an SSLContext defines no __bool__ or __len__ (the real
    # 3.13: bool(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)) is True).  A name also bound to
    # something else, or an object of a class not listed, decides nothing
    source = """\
        import collections
        import ssl

        def connect(sock, version):
            tls_context = ssl.SSLContext(version)
            if tls_context:
                return tls_context.wrap_socket(sock)
            else:
                return ssl.wrap_socket(sock, ssl_version=version)

        def negated(sock, version):
            tls_context = ssl.SSLContext(version)
            if not tls_context:
                return ssl.wrap_socket(sock, ssl_version=version)
            return tls_context.wrap_socket(sock)

        def maybe(sock, secure):
            tls_context = None
            if secure:
                tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            if tls_context:
                return tls_context.wrap_socket(sock)
            return ssl.wrap_socket(sock)

        def empty(sock):
            pending = collections.deque()
            if pending:
                return None
            else:
                return ssl.wrap_socket(sock)
        """
    assert project.findings(source) == [(23, "ssl.wrap_socket", E), (30, "ssl.wrap_socket", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [
        (9, "truthy"), (14, "truthy"), (23, None), (30, None)]


def test_a_module_importing_a_removed_modules_backport_gets_it_from_there(project):
    # numpy's _core/tests/examples/cython/setup.py: wherever `import setuptools` works, its
    # distutils shim provides distutils; where it does not, the module fails without distutils too
    assert project.findings("""\
        from distutils.core import setup
        from setuptools.extension import Extension
        """) == []
    assert project.findings("""\
        from distutils.core import setup
        try:
            import setuptools
        except ImportError:
            pass
        """) == [(1, "distutils.core.setup", E)]


def test_a_function_importing_setuptools_before_distutils_gets_its_copy(project):
    # pymssql 2.4.6's dev/build.py: def find_vcvarsall_env(): from setuptools import distutils /
    # from distutils.util import get_platform; both functions below ran on the real 3.13 and 3.15
    # with setuptools 84.2.1 installed (ModuleNotFoundError: setuptools without it)
    assert project.findings("""\
        import sys

        def platform():
            from setuptools import distutils
            from distutils.util import get_platform
            return get_platform()

        def later():
            import setuptools
            if sys.platform == "win32":
                from distutils.util import get_platform
                return get_platform()

        def before():
            from distutils.util import get_platform
            import setuptools

        def maybe():
            if sys.platform == "win32":
                import setuptools
            from distutils.util import get_platform

        def nested():
            import setuptools
            def inner():
                from distutils.util import get_platform
        """) == [(21, "distutils.util.get_platform", E),
                 (26, "distutils.util.get_platform", E)]  # the innermost function's own statements only
    # before(): setuptools imported after, in the same block: see the test below


def test_a_block_importing_setuptools_after_distutils_needs_it_on_every_python(project):
    # sagemath-standard 10.7's sage/misc/cython.py, cython(): from distutils.log import
    # set_verbosity, then (nothing leaving the function between) from setuptools.dist import
    # Distribution.  Without setuptools the function fails at that import on 3.11 too; with it
    # installed in a site directory (pip's and Debian's setuptools ship distutils-precedence.pth),
    # the real 3.13 imports distutils.log from setuptools' copy before setuptools is imported.
    # A block that may leave before the later import, or imports it only in an inner block, breaks
    assert project.findings("""\
        import sys

        def build(verbose):
            from distutils.log import set_verbosity
            import Cython
            if verbose:
                print("building")
            from setuptools.dist import Distribution
            set_verbosity(verbose)

        def module_level_order():
            import distutils.core
            import setuptools.command.build_ext

        def may_return(quick):
            from distutils.log import set_verbosity
            if quick:
                return None
            from setuptools.dist import Distribution

        def may_exit():
            from distutils.log import set_verbosity
            sys.exit(0)
            import setuptools

        def inner_only(flag):
            from distutils.log import set_verbosity
            if flag:
                import setuptools

        def another_module():
            from distutils.log import set_verbosity
            import setuptools_scm
        """) == [(16, "distutils.log", E), (22, "distutils.log", E), (27, "distutils.log", E),
                 (32, "distutils.log", E)]


def test_a_module_importing_setuptools_first_in_a_try_body_gets_its_copy(project):
    # ddtrace 4.16.0's sourcecode/setuptools_auto.py: try: import setuptools / import distutils.core
    # as distutils_core / except ImportError: distutils_core = None (the line runs only after
    # setuptools imported, whose distutils it then is)
    assert project.findings("""\
        import sys
        try:
            import setuptools
            import distutils.core as distutils_core
        except ImportError:
            distutils_core = None
        try:
            import distutils.util as util
            import setuptools
        except ImportError:
            util = None
        try:
            import six
        except ImportError:
            import setuptools
        else:
            from distutils import log
        """) == [(17, "distutils", E)]  # setuptools after it, in the handler only
    # line 8: setuptools imported after it in the try body: without setuptools the handler runs
    # on 3.11 too (util = None), with it installed distutils.util is its copy (laterimports)


def test_what_setuptools_distutils_copy_lacks_is_still_missing(project):
    # setuptools 84.2.1's distutils (data/setuptools_names.txt) has no msvccompiler, bdist_wininst,
    # run_2to3 nor build_py_2to3: each setup.py below failed so in a real pip wheel on the real
    # 3.13 (ModuleNotFoundError / ImportError), and the names it keeps built
    assert project.findings("""\
        import setuptools
        from distutils.msvccompiler import MSVCCompiler
        import distutils.command.bdist_wininst
        from distutils.util import get_platform, run_2to3
        from distutils.command.build_py import build_py, build_py_2to3
        from distutils.version import LooseVersion
        from distutils import log, sysconfig, core
        from distutils.dep_util import newer
        """) == [(2, "distutils.msvccompiler", E), (3, "distutils.command.bdist_wininst", E),
                 (4, "distutils.util.run_2to3", E), (5, "distutils.command.build_py.build_py_2to3", E)]


def test_a_try_whose_handlers_all_fail_imports_its_body_for_sure(project):
    # psutil 7.2's setup.py: past this block setuptools is imported (the fallback dies on 3.12+),
    # so unix_can_compile's `from distutils.errors import CompileError` gets setuptools' distutils
    assert project.findings("""\
        import warnings
        with warnings.catch_warnings():
            try:
                import setuptools
                from setuptools import Extension
            except ImportError:
                if "CIBUILDWHEEL" in os.environ:
                    raise
                setuptools = None
                from distutils.core import Extension

        def unix_can_compile(c_code):
            from distutils.errors import CompileError
        """) == []
    # a handler that survives (no import of the removed module, no raise) proves nothing
    assert project.findings("""\
        try:
            from setuptools import setup
        except ImportError:
            setup = None
        from distutils.errors import CompileError
        """) == [(5, "distutils.errors", E)]


def test_tests_a_skip_decorator_skips_never_run(project):
    # aiohttp 3.14's tests/test_proxy_functional.py: @pytest.mark.skip("we need to reconsider how
    # we test this") over a test that still does `await asyncio.sleep(0.2, loop=loop)`
    source = """\
        import asyncio
        import sys
        import unittest
        import pytest

        @pytest.mark.skip("we need to reconsider how we test this")
        async def test_limit(loop):
            await asyncio.sleep(0.2, loop=loop)

        @pytest.mark.skipif(sys.version_info >= (3, 10), reason="loop= is gone")
        async def test_old(loop):
            await asyncio.sleep(0.2, loop=loop)

        @pytest.mark.skipif(sys.version_info < (3, 10), reason="new only")
        async def test_new(loop):
            await asyncio.sleep(0.2, loop=loop)

        @unittest.skipUnless(sys.version_info < (3, 8), "old asyncio")
        class OldLoopTests(unittest.TestCase):
            async def test_sleep(self):
                await asyncio.sleep(0, loop=None)

        @pytest.mark.slow
        async def test_other(loop):
            await asyncio.gather(loop=loop)
        """
    assert project.findings(source) == [
        (16, "asyncio.sleep(loop=)", E), (25, "asyncio.gather(loop=)", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [
        (8, "skipped"), (12, "skipped"), (16, None), (21, "skipped"), (25, None)]


def test_tests_marked_as_expected_failures_on_the_target(project):
    # future 1.0's tests/test_past/test_builtins.py: @expectedFailurePY3 over test_cmp, which does
    # from UserList import UserList; future/tests/base.py: if not PY3: return func /
    # return unittest.expectedFailure(func), with PY3 from future.utils
    project.write("pyproject.toml", "[project]\nname = 'future'\n")
    project.write("future/__init__.py", "")
    project.write("future/utils.py", "import sys\nPY3 = sys.version_info[0] >= 3\n")
    project.write("future/tests/__init__.py", "")
    project.write("future/tests/base.py", """\
import unittest
from future.utils import PY3


def expectedFailurePY3(func):
    if not PY3:
        return func
    return unittest.expectedFailure(func)


def expectedFailurePY2(func):
    if PY3:
        return func
    return unittest.expectedFailure(func)


def retried(func):
    return unittest.expectedFailure(func) if func else func
""")
    project.write("tests/test_builtins.py", """\
import unittest
from future.tests.base import expectedFailurePY3, expectedFailurePY2, retried


class BuiltinTest(unittest.TestCase):
    @expectedFailurePY3
    def test_cmp(self):
        from UserList import UserList

    @unittest.expectedFailure
    def test_other(self):
        from UserDict import UserDict

    @expectedFailurePY2
    def test_py3(self):
        from UserList import UserList

    @retried
    def test_retried(self):
        from UserList import UserList
""")
    doc = project.check_json(".")
    assert [(f["path"], f["line"]) for f in doc["findings"]] == [("tests/test_builtins.py", 16),
                                                                  ("tests/test_builtins.py", 20)]
    doc = project.check_json(".", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [(8, "expected"), (12, "expected"), (16, None),
                                                                     (20, None)]


def test_a_decorators_module_is_read_once_for_every_test_it_marks(project):
    """future 1.0's @expectedFailurePY3 over tests in two modules: future/tests/base.py is read and
    parsed once for the run (Twisted 18.9's @comparable of python/compat.py was parsed again for
    every test module naming it), and every test is still expected to fail."""
    project.write("pyproject.toml", "[project]\nname = 'future'\n")
    project.write("future/__init__.py", "")
    project.write("future/utils.py", "import sys\nPY3 = sys.version_info[0] >= 3\n")
    project.write("future/tests/__init__.py", "")
    project.write("future/tests/base.py", "import unittest\nfrom future.utils import PY3\n\n\n"
                  "def expectedFailurePY3(func):\n    if not PY3:\n        return func\n"
                  "    return unittest.expectedFailure(func)\n")
    for name in ("a", "b"):
        project.write(f"tests/test_{name}.py", "import unittest\nfrom future.tests.base import expectedFailurePY3\n\n\n"
                      "class T(unittest.TestCase):\n    @expectedFailurePY3\n    def test_cmp(self):\n"
                      "        from UserList import UserList\n\n    @expectedFailurePY3\n    def test_dict(self):\n"
                      "        from UserDict import UserDict\n")
    report, opened = project.opened("future/tests/base.py", "expectations.py")
    assert report["findings"] == [] and opened == 1


def test_code_written_for_pythons_that_no_longer_have_the_api(project):
    # mypy 2.4's mypyc/build_setup.py: the 3.12+ branch imports setuptools' distutils on purpose
    assert project.findings("""\
        import sys
        if sys.version_info >= (3, 12):
            # From setuptools' monkeypatch
            from distutils import ccompiler, sysconfig
        else:
            from distutils import ccompiler, sysconfig
        if sys.version_info < (3, 12):
            pass
        else:
            from distutils import sysconfig
        if sys.version_info >= (3, 11):
            import imp  # 3.11 still has imp: this branch runs where it is removed and where not
        if sys.version_info[0] >= 3:
            import asynchat
        if sys.version_info >= (3, 11):
            # a removed name of a module that is still there: nothing can provide it again
            from collections import Sequence
        """) == [(12, "imp", E), (14, "asynchat", E), (17, "collections.Sequence", E)]


def test_a_skip_mark_bound_to_a_module_name(project):
    # newrelic 14.1.0's tests/external_httplib/test_urllib.py: SKIP_IF_PYTHON_3_14_OR_ABOVE =
    # pytest.mark.skipif(sys.version_info[0:2] >= (3, 14), reason=...) over the tests calling
    # urllib.URLopener() (gone in 3.14: 3 errors at 3.14 and 3.15); a name bound twice, or not to a
    # mark, tells nothing
    source = """\
        import sys
        import urllib.request as urllib

        import pytest

        SKIP_IF_PYTHON_3_14_OR_ABOVE = pytest.mark.skipif(sys.version_info[0:2] >= (3, 14), reason="gone")
        TWICE = pytest.mark.skipif(sys.version_info >= (3, 14), reason="gone")
        TWICE = pytest.mark.filterwarnings("ignore")


        @SKIP_IF_PYTHON_3_14_OR_ABOVE
        def test_urlopener_request():
            urllib.URLopener().open("http://localhost/")


        @TWICE
        def test_twice():
            urllib.URLopener().open("http://localhost/")
        """
    assert project.findings(source, target="3.14") == [(18, "urllib.request.URLopener", E)]


def test_skip_conditions_asking_for_removed_names(project):
    # gevent 26.9's tests: @greentest.skipIf(not(hasattr(sys, 'getcheckinterval')), ...) and
    # @greentest.skipUnless(hasattr(socket, 'ssl'), "Needs socket.ssl (Python 2)")
    assert project.findings("""\
        import socket
        import sys
        import gevent.testing as greentest

        @greentest.skipUnless(hasattr(socket, 'ssl'), "Needs socket.ssl (Python 2)")
        class AmazonHTTPSTests(greentest.TestCase):
            def test_str_and_repr(self):
                ssl_conn = socket.ssl(conn)

        class ThreadTests(greentest.TestCase):
            @greentest.skipIf(not(hasattr(sys, 'getcheckinterval')), "Needs sys.getcheckinterval")
            def test_enumerate_after_join(self):
                old_interval = sys.getcheckinterval()
            def test_other(self):
                sys.setcheckinterval(1)
        """) == [(15, "sys.setcheckinterval", E)]


def test_a_subclass_of_a_skipped_test_class_is_skipped_too(project):
    # backports.asyncio.runner 1.2.0's tests/test_tasks_py38.py (CPython 3.8's test_tasks.py):
    # @unittest.skipUnless(sys.version_info[:2] == (3, 8), ...) over class GatherTestsBase, then
    # class FutureGatherTests(GatherTestsBase, test_utils.TestCase) calling asyncio.gather(loop=);
    # unittest reads __unittest_skip__ through the subclass, so none of its tests runs on 3.13
    assert project.findings("""\
        import asyncio
        import sys
        import unittest

        @unittest.skipUnless(sys.version_info[:2] == (3, 8), "Python 3.8 only")
        class GatherTestsBase:
            def test_loop(self):
                asyncio.gather(loop=self.loop)

        class FutureGatherTests(GatherTestsBase, unittest.TestCase):
            def test_other_loop(self):
                asyncio.gather(loop=self.other_loop)

        class Later(FutureGatherTests):
            def test_again(self):
                asyncio.gather(loop=self.loop)

        class Running(unittest.TestCase):
            def test_runs(self):
                asyncio.gather(loop=self.loop)
        """) == [(20, "asyncio.gather(loop=)", E)]


def test_methods_a_class_defines_under_an_attribute_probe(project):
    # gevent 26.9's pywsgi.py: class Environ(dict) defines iteritems where dict has none
    assert project.findings("""\
        import sys
        class Environ(dict):
            if not hasattr(dict, 'iteritems'):
                def iteritems(self):
                    return self.items()
            def __reduce_ex__(self, proto):
                return (dict, (), None, None, iter(self.iteritems()))
        class Old(dict):
            if sys.version_info[0] == 2:
                def iteritems(self):
                    return self.items()
            def f(self):
                return self.iteritems()
        """) == [(13, "builtins.dict.iteritems", E)]


def test_a_try_body_stops_at_an_import_that_fails(project):
    # lxml 6.1's benchmark/run_benchmarks.py
    assert project.findings("""\
        try:
            from distutils import sysconfig
            DISTUTILS_CFLAGS = sysconfig.get_config_var('CFLAGS')
        except ImportError:
            DISTUTILS_CFLAGS = ''
        try:
            import json
            import imp
        except ValueError:
            pass
        """) == [(2, "distutils", W), (8, "imp", E)]


def test_a_try_body_stops_at_a_python_2_builtin(project):
    # cffi 2.1's ffiplatform.py: `long` raises NameError before cStringIO is imported
    assert project.findings("""\
        try:
            int_or_long = (int, long)
            import cStringIO
        except NameError:
            int_or_long = int      # Python 3
            import io as cStringIO
        long = int
        try:
            x = long
            import cPickle
        except NameError:
            import pickle as cPickle
        """) == [(10, "cPickle", E)]


def test_a_handler_that_raises_on_the_target_makes_its_try_body_certain(project):
    # cffi 2.1's _shimmed_dist_utils.py: setuptools is imported, or the module raises on 3.12+
    assert project.findings("""\
        import sys
        try:
            import setuptools
        except Exception as ex:
            if sys.version_info >= (3, 12):
                raise Exception("This CFFI feature requires setuptools on Python >= 3.12.") from ex
        try:
            from distutils import log, sysconfig
        except Exception as ex:
            if sys.version_info >= (3, 12):
                raise Exception("Please install the setuptools package.") from ex
        """) == []
    assert project.findings("""\
        import sys
        try:
            import setuptools
        except Exception as ex:
            if sys.version_info < (3, 12):
                raise
        from distutils import log
        """) == [(7, "distutils", E)]


def test_a_handler_that_exits_lets_the_failure_escape(project):
    """``except ImportError: print(...); sys.exit(1)`` ends the program as a raise would (docutils
    0.12's setup.py): the removed import in its body is an error, not a fallback; a handler that
    goes on after printing is one (dead compatibility code, not shown by default).  ``exit()``, ``quit()`` and ``os._exit()`` end it too."""
    assert project.findings("""\
        import os
        import sys
        try:
            import imp
        except ImportError:
            print("imp is required")
            sys.exit(1)
        try:
            import asyncore
        except ImportError:
            os._exit(2)
        try:
            import asynchat
        except ImportError:
            print("no asynchat: going on without it")
            asynchat = None
        """) == [(4, "imp", E), (9, "asyncore", E)]


def test_the_innermost_try_that_goes_on_decides(project):
    """A removed import caught by an inner try whose handler goes on never reaches the outer
    try's handler, even one that raises: ``crypt = None`` on the real 3.13 (a lost feature, not an
    error).  cffi 2.1's _shimmed_dist_utils.py: setuptools' distutils, which it imports first,
    lacks ``msvc9compiler`` (setuptools 74), and its except ImportError sets MSVCCompiler = None."""
    assert project.findings("""\
        try:
            try:
                import crypt
            except ImportError:
                crypt = None
        except Exception as ex:
            raise RuntimeError("broken") from ex
        """, name="a.py") == [(3, "crypt", W)]
    assert project.findings("""\
        import sys
        import setuptools
        try:
            from distutils import log
            if sys.platform == "win32":
                try:
                    from distutils.msvc9compiler import MSVCCompiler
                except ImportError:
                    MSVCCompiler = None
        except Exception as ex:
            raise Exception("This feature requires setuptools") from ex
        """, name="b.py") == [(7, "distutils.msvc9compiler", W)]


def test_a_handler_of_a_try_calling_the_replacement(project):
    # wrapt 2.5's importer.py: the try calls what the removed name's replacement names
    # (entry_points(group=...)); the handler is the fallback for Pythons without it
    source = """\
        import importlib.metadata

        def hooks(group):
            try:
                return importlib.metadata.entry_points(group=group)
            except TypeError:
                return importlib.metadata.entry_points().get(group, ())

        def other(group):
            try:
                return len(group)
            except TypeError:
                return importlib.metadata.entry_points().get(group, ())
        """
    assert project.findings(source) == [(13, "importlib.metadata.SelectableGroups.get", E)]


def test_a_handler_of_a_try_calling_the_replacement_on_an_instance(project):
    # supervisor 4.3.0's options.py: parser is an instance of its own RawConfigParser subclass;
    # the try calls read_file, readfp's replacement, which the target's class has
    source = """\
        import configparser

        class Unhosed(configparser.RawConfigParser):
            pass

        class Own(configparser.RawConfigParser):
            def read_file(self, fp):
                raise AttributeError(fp)

        def read(fp):
            parser = Unhosed()
            try:
                parser.read_file(fp)
            except AttributeError:
                parser.readfp(fp)

        def read_own(fp):
            parser = Own()
            try:
                parser.read_file(fp)
            except AttributeError:
                parser.readfp(fp)

        def read_other(fp, parser):
            try:
                parser.read_file(fp)
            except AttributeError:
                configparser.RawConfigParser().readfp(fp)
        """
    assert project.findings(source) == [(22, "configparser.RawConfigParser.readfp", E),
                                        (28, "configparser.RawConfigParser.readfp", E)]
    project.write("mod.py", source)
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["severity"], f["context"]) for f in doc["findings"]] == [
        (15, W, "hasattr"), (22, E, None), (28, E, None)]


def test_a_try_importing_a_stdlib_module_newer_than_the_running_python(project):
    # lz4 4.4's lz4/frame/__init__.py: compression is 3.14's (listed by the real 3.14 and 3.15),
    # so at 3.15 the handler never runs, whatever Python outmoded runs on
    source = """\
        try:
            import compression._common._streams as _compression  # Python 3.14
        except ImportError:
            import _compression   # Python 3.9 - 3.13
        """
    assert project.findings(source, target="3.15") == []
    assert project.findings(source.replace("compression._common", "compressionx._common"), target="3.15") == [
        (4, "_compression", W)]


def test_a_try_naming_an_attribute_every_platforms_threading_has(project):
    # Paste 3.2.0's paste/util/threadinglocal.py: threading.local is there on every platform (the
    # module takes _thread's or _threading_local's), so the handler never runs on the target
    source = """\
        try:
            import threading
        except ImportError:
            class local(object):
                pass
        else:
            try:
                local = threading.local
            except AttributeError:
                import thread
                local = thread._local
        try:
            get_native_id = threading.get_native_id  # where _thread has it
        except AttributeError:
            import thread
        """
    assert project.findings(source) == [(15, "thread", E)]


def test_a_try_naming_an_attribute_sys_or_time_has_on_every_platform(project):
    # billiard 3.3.0.23's billiard/heap.py and requests 2.2x's sessions.py (vendored in pip): the
    # handlers never run on 3.x, where sys.maxsize and time.perf_counter are there on every
    # platform; sys.getwindowsversion and time.tzset are not, so their handlers may run
    source = """\
        import sys
        import time
        try:
            maxsize = sys.maxsize
        except AttributeError:
            maxsize = sys.maxint
        try:
            preferred_clock = time.perf_counter
        except AttributeError:
            preferred_clock = time.clock
        try:
            version = sys.getwindowsversion
        except AttributeError:
            version = sys.maxint
        try:
            tzset = time.tzset
        except AttributeError:
            tzset = time.clock
        """
    assert project.findings(source) == [(14, "sys.maxint", E), (18, "time.clock", E)]


def test_a_try_naming_an_attribute_asyncio_has_on_every_platform(project):
    # sniffio 1.3.1's _impl.py (required by anyio, so by httpx and FastAPI): asyncio.current_task is
    # there on every platform, so asyncio.Task.current_task (removed in 3.9) in the handler never
    # runs; asyncio.ProactorEventLoop is Windows' only (windows_events), so its handler may run
    source = """\
        import sys

        def current_async_library():
            if "asyncio" in sys.modules:
                import asyncio
                try:
                    current_task = asyncio.current_task
                except AttributeError:
                    current_task = asyncio.Task.current_task
                try:
                    loop = asyncio.ProactorEventLoop
                except AttributeError:
                    loop = asyncio.Task.current_task
        """
    assert project.findings(source) == [(13, "asyncio.Task.current_task", E)]


def test_past_a_try_whose_import_handler_returns_the_import_worked(project):
    # virtualenv 20.26.3's discovery/py_info.py: without distutils the function returns {}; with it
    # (setuptools' copy) dist.Distribution is there: on the real 3.13, f() returns {} without
    # setuptools and a Distribution with it. A handler that passes, or continues a loop (past the
    # loop, imp may be unbound), leaves the uses reported
    source = """\
        import warnings

        def f():
            with warnings.catch_warnings():
                try:
                    from distutils import dist
                except ImportError:
                    return {}
            return dist.Distribution({})

        def g():
            try:
                import imp
            except ImportError:
                pass
            return imp.reload(g)

        def h(names):
            for n in names:
                try:
                    import imp
                except ImportError:
                    continue
            return imp.load_module(names)
        """
    assert [f for f in project.findings(source) if f[2] == E] == [(16, "imp.reload", E), (24, "imp.load_module", E)]


def test_hexversion_against_the_targets_first_alpha(project):
    # dill 0.4.1's dill/_objects.py: xdrlib went in 3.13.0a1, sys.hexversion 0x30d00a1 on that
    # alpha and above it on every later 3.13
    source = """\
        import sys
        if sys.hexversion < 0x30d00a1:
            import xdrlib
        if sys.hexversion >= 0x30d00a1:
            pass
        else:
            import xdrlib
        if sys.hexversion <= 0x30d00a1:  # true on 3.13.0a1 itself
            import xdrlib
        if sys.hexversion < 0x30d00b1:  # true on the 3.13 alphas
            import xdrlib
        """
    assert project.findings(source) == [(9, "xdrlib", E), (11, "xdrlib", E)]


def test_a_try_naming_a_member_the_targets_stdlib_class_has(project):
    # reportlab 5.1.0's tests/test_lib_colors.py: assertRaisesRegex is unittest.TestCase's on
    # every Python 3 (present.has_member, from the real interpreters' dir()); a name the class
    # does not have, or a method the project's class defines itself, may still raise
    source = """\
        import unittest

        class ColorTestCase(unittest.TestCase):
            def regex(self):
                try:
                    a = self.assertRaisesRegex
                except AttributeError:
                    a = self.assertRaisesRegexp
                return a

            def other(self):
                try:
                    a = self.assertNoSuchThing
                except AttributeError:
                    a = self.assertRaisesRegexp
                return a
        """
    assert project.findings(source) == [(15, "unittest.TestCase.assertRaisesRegexp", E)]


def test_a_try_naming_a_member_the_targets_builtin_type_has(project):
    # ranger-fm 1.9.4's ranger/container/fsobject.py: str.maketrans is there on every Python 3
    # (present.PROBED_BUILTINS, listed from the real interpreters' dir()), so the handler's
    # Python 2 import never runs; a name str lacks may still raise
    source = """\
        try:
            maketrans = str.maketrans  # pylint: disable=invalid-name,no-member
        except AttributeError:
            from string import maketrans  # pylint: disable=no-name-in-module
        try:
            fromhex = bytes.fromhex
        except AttributeError:
            from string import maketrans as other
        try:
            decode = str.decode
        except AttributeError:
            from string import maketrans as third
        """
    assert project.findings(source) == [(12, "string.maketrans", E)]


def test_a_handler_of_a_try_calling_a_sibling_then_using_its_result(project):
    # plotly 7.1.0's io/_base_renderers.py: ``try: init_sig = inspect.signature(self.__init__);
    # init_args = list(init_sig.parameters.keys())`` / ``except AttributeError: # Python 2.7:
    # argspec = inspect.getargspec(self.__init__)``
    source = """\
        import inspect
        import os

        def args(f):
            try:
                init_sig = inspect.signature(f)
                init_args = list(init_sig.parameters.keys())
            except AttributeError:
                init_args = inspect.getargspec(f).args
            return init_args

        def args_elsewhere(f):
            try:
                init_sig = inspect.signature(f)
                init_args = os.listdir(init_sig)
            except AttributeError:
                init_args = inspect.getargspec(f).args
            return init_args
        """
    assert project.findings(source) == [(17, "inspect.getargspec", E)]


def test_a_handler_of_a_try_comprehending_what_a_sibling_returns(project):
    # obspy 1.5.1's core/util/decorator.py: ``try: inspected_args = [p.name for p in
    # inspect.signature(func).parameters.values()]`` / ``except AttributeError: inspected_args =
    # inspect.getargspec(func).args``; an element calling something else, or a loop over a call
    # with arguments of its own, may raise it too
    source = """\
        import inspect
        import os

        def args(func):
            try:
                names = [p.name for p in inspect.signature(func).parameters.values()]
            except AttributeError:
                names = inspect.getargspec(func).args
            return names

        def args_calling(func):
            try:
                names = [os.fspath(p.name) for p in inspect.signature(func).parameters.values()]
            except AttributeError:
                names = inspect.getargspec(func).args
            return names

        def args_of(func):
            try:
                names = [p.name for p in inspect.signature(func).parameters.get(func.name)]
            except AttributeError:
                names = inspect.getargspec(func).args
            return names
        """
    assert project.findings(source) == [(15, "inspect.getargspec", E), (22, "inspect.getargspec", E)]


def test_a_handler_of_a_try_calling_the_replacement_on_an_unknown_receiver(project):
    # mitogen 0.3.54's tests/testlib.py: try: return thread.is_alive() / except AttributeError:
    # return thread.isAlive() (a warning: isAlive is distinctive); a body calling something else,
    # or a handler on another receiver, leaves it
    source = """\
        def alive(thread):
            try:
                return thread.is_alive()
            except AttributeError:
                return thread.isAlive()

        def other(thread):
            try:
                return thread.join()
            except AttributeError:
                return thread.isAlive()

        def elsewhere(thread, worker):
            try:
                return thread.is_alive()
            except AttributeError:
                return worker.isAlive()
        """
    assert project.findings(source) == [(11, "threading.Thread.isAlive", W), (17, "threading.Thread.isAlive", W)]


def test_a_handler_of_a_try_calling_a_sibling_the_target_has(project):
    # supervisor 4.3.0's options.py: read_string is RawConfigParser's on every Python 3, so the
    # handler runs only on Pythons without it, where readfp, its sibling, was there; the class
    # is reached through the project's compat module
    project.write("compat.py", "try:\n    import ConfigParser\nexcept ImportError:\n"
                               "    import configparser as ConfigParser\n")
    source = """\
        from io import StringIO
        from compat import ConfigParser

        class Unhosed(ConfigParser.RawConfigParser):
            def read_string(self, string, source='<string>'):
                try:
                    return ConfigParser.RawConfigParser.read_string(self, string, source)
                except AttributeError:
                    return self.readfp(StringIO(string))

            def read_later(self, string):
                try:
                    return ConfigParser.RawConfigParser.read_later(self, string)
                except AttributeError:
                    return self.readfp(StringIO(string))

            def read_both(self, string):
                try:
                    return ConfigParser.RawConfigParser.read_string(self, string)
                except (AttributeError, TypeError):
                    return self.readfp(StringIO(string))
        """
    assert project.findings(source) == [(15, "configparser.RawConfigParser.readfp", E),
                                        (21, "configparser.RawConfigParser.readfp", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["severity"], f["context"]) for f in doc["findings"]] == [
        (9, W, "hasattr"), (15, E, None), (21, E, None)]


def test_isinstance_of_what_a_call_returns_on_the_target(project):
    # sentry-sdk 2.76's tests: entry_points() is a dict of groups on 3.8/3.9 (SelectableGroups on
    # 3.10/3.11), an EntryPoints tuple from 3.12: the dict branch never runs there
    source = """\
        from importlib.metadata import entry_points
        from collections.abc import Mapping
        all_eps = entry_points()
        if isinstance(all_eps, dict):
            matches = all_eps.get("opentelemetry_propagator", [])
        else:
            matches = all_eps.select(group="opentelemetry_propagator")
        if not isinstance(all_eps, (tuple, list)):
            all_eps.items()
        if isinstance(all_eps, tuple):
            pass
        else:
            all_eps.keys()
        if isinstance(all_eps, Mapping):  # an ABC: virtual subclasses, not decided here
            all_eps.values()
        if isinstance(other, dict):  # what other is is not known
            other.get("x")
        """
    assert project.findings(source, target="3.11") == []
    assert project.findings(source, target="3.13") == [(15, "importlib.metadata.SelectableGroups.values", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"], f["fix"]) for f in doc["findings"]] == [
        (5, "isinstance", None), (9, "isinstance", None), (13, "isinstance", None), (15, None, None)]
    assert "guarded by isinstance(): on 3.13 what it tests is never of that type" in doc["findings"][0]["message"]


def test_the_rest_of_a_block_after_an_isinstance_the_target_decides_returns(project):
    # obspy 1.5.1's core/util/base.py: eps = importlib.metadata.entry_points() / if not
    # isinstance(eps, dict): return list(eps) / then [ep for g in eps.values() for ep in g], the
    # dict of 3.8/3.9: never reached from 3.12, where entry_points() is an EntryPoints tuple; an
    # isinstance the target does not decide leaves the rest as it is
    source = """\
        import importlib.metadata

        def all_entry_points():
            eps = importlib.metadata.entry_points()
            if not isinstance(eps, dict):
                return list(eps)
            return [ep for group in eps.values() for ep in group]

        def unknown(other):
            eps = importlib.metadata.entry_points()
            if not isinstance(other, dict):
                return list(eps)
            return [ep for group in eps.values() for ep in group]
        """
    assert project.findings(source) == [(13, "importlib.metadata.SelectableGroups.values", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["context"]) for f in doc["findings"]] == [(7, "isinstance"), (13, None)]


def test_a_conditional_expression_is_guarded_like_an_if(project):
    # xonsh 0.25.0's xontribs.py: entries = metadata.entry_points(); group = (entries.select(group=name)
    # if hasattr(entries, "select") else entries.get(name, [])): an EntryPoints has select from
    # 3.10, so the else never runs on 3.12+ (it was an error)
    source = """\
        import inspect, types
        from importlib import metadata

        def group(name):
            entries = metadata.entry_points()
            return entries.select(group=name) if hasattr(entries, "select") else entries.get(name, [])

        def names(func, arg):
            a = inspect.getargspec(func) if not hasattr(inspect, "signature") else None
            b = arg.iteritems() if hasattr(arg, "iteritems") else arg.items()
            c = types.ClassType if hasattr(types, "ClassType") else type
            return inspect.getargspec(func) if arg else a, b, c
        """
    assert project.findings(source) == [(12, "inspect.getargspec", E)]
    doc = project.check_json("mod.py", "--dead-compat")
    assert [(f["line"], f["severity"], f["context"]) for f in doc["findings"]] == [
        (6, W, "hasattr"), (9, W, "hasattr"), (11, W, "hasattr"), (12, E, None)]


# a function body naming no needle word, which the sieve leaves out: the module is scanned reduced,
# and in the functions kept, a simple statement naming no needle word is bound, not walked
FILLER = "def unrelated(value):\n" + "    value = value * 2 + 1\n" * 40 + "    return value\n"


def test_a_statement_naming_no_needle_word_still_binds_its_flag(project):
    assert project.findings(FILLER + """\
import sys


def load():
    py2 = sys.version_info < (3,)
    if py2:
        import imp
    value, (py2, *rest) = None, (None, None)
    if py2:
        import imp
""") == [(52, "imp", E)]


def test_an_assignment_expression_binds_inside_a_statement_naming_no_needle_word(project):
    assert project.findings(FILLER + """\
import sys


def load():
    found = (py2 := sys.version_info < (3,))
    if py2:
        import imp
    import imp
""") == [(50, "imp", E)]


def test_the_rest_of_a_block_after_raise_return_continue_or_break_never_runs(project):
    # xdoctest 1.3.2's tests/test_core.py: except Exception: raise, then debugging code calling
    # inspect.getargspec that never runs; code after the block's end runs as before
    source = """\
        import inspect
        def f(x):
            try:
                return x()
            except Exception:
                raise
                print(inspect.getargspec(x))
        def g(x):
            for y in x:
                if y:
                    continue
                    inspect.getargspec(y)
                else:
                    break
                    inspect.getargspec(y)
            return inspect.getargspec(x)
            inspect.getargspec(x)
        """
    assert project.findings(source) == [(16, "inspect.getargspec", E)]


def test_the_other_side_of_a_hasattr_test_inside_a_try(project):
    # xdoctest 1.3.2's utils/util_import.py: a zipimporter has exec_module from 3.10, so the else
    # never runs, whatever the handler of the try around it does
    source = """\
        import zipimport
        def load(path, name):
            z = zipimport.zipimporter(path)
            try:
                if hasattr(z, 'exec_module'):
                    return z
                else:
                    return z.load_module(name)
            except Exception:
                pass
            try:
                return z.load_module(name)
            except Exception:
                pass
        """
    assert project.findings(source, target="3.15") == [(12, "zipimport.zipimporter.load_module", W)]


def test_the_else_of_a_try_whose_import_fails(project):
    # tweepy 4.17.0's api.py: the else runs only where import imghdr worked (a backport), so
    # imghdr.what is there; the handler that only passes still loses the feature (a warning)
    source = """\
        def kind(filename, h):
            file_type = None
            try:
                import imghdr
            except ModuleNotFoundError:
                pass
            else:
                file_type = imghdr.what(filename, h=h)
            return file_type
        """
    assert project.findings(source) == [(4, "imghdr", W)]


def test_the_else_of_a_try_whose_import_by_name_fails(project):
    # aerich 0.10.1's utils.py: import_module("imp") raises on the target, so its handler loads the
    # file the modern way and the else (imp.load_source) runs only where a backport provides imp
    source = """\
        import importlib

        def load(name, filename):
            try:
                imp = importlib.import_module("imp")
            except ImportError:
                return None
            else:
                return imp.load_source(name, filename)

        def load_anyway(name, filename):
            imp = importlib.import_module("imp")
            return imp.load_source(name, filename)
        """
    assert project.findings(source) == [(12, "imp", E), (13, "imp.load_source", E)]


def test_a_branch_left_on_every_path_of_a_try(project):
    # pyflyby 1.11.3's _modules.py: on 3.12+ the if's try returns, and its handler too, so the
    # pkgutil.get_loader after it never runs there
    source = """\
        import sys

        def filename(name):
            if sys.version_info > (3, 12):
                from importlib.util import find_spec
                try:
                    spec = find_spec(name)
                    if spec is None:
                        return None
                    else:
                        return spec.origin
                except ModuleNotFoundError:
                    return None
                assert False
            import pkgutil
            return pkgutil.get_loader(name)

        def other(name):
            if sys.version_info > (3, 12):
                try:
                    return find(name)
                except ModuleNotFoundError:
                    pass
            import pkgutil
            return pkgutil.get_loader(name)
        """
    assert project.findings(source, target="3.14") == [(25, "pkgutil.get_loader", E)]


def test_a_flag_bound_to_hasattr_of_a_removed_name_is_false_on_the_target(project):
    # kgb 7.3's tests: has_getargspec = hasattr(inspect, 'getargspec'), then if has_getargspec:
    assert project.findings("""\
        import inspect
        has_getargspec = hasattr(inspect, 'getargspec')
        lacks_getargspec = not hasattr(inspect, 'getargspec')
        has_signature = hasattr(inspect, 'signature')

        def spec(f):
            if has_getargspec:
                return inspect.getargspec(f)
            if not lacks_getargspec:
                return inspect.getargspec(f)
            if lacks_getargspec:
                return inspect.getargspec(f)
        """) == [(12, "inspect.getargspec", E)]


def test_a_flag_bound_to_hasattr_of_a_name_the_target_has_is_true_there(project):
    # netius 1.64.0's base/legacy.py and base/log.py: has_full = hasattr(inspect, "getfullargspec"),
    # then if has_full: ... else: inspect.getargspec(func); every Python 3 has getfullargspec
    assert project.findings("""\
        import inspect

        def getargspec(func):
            has_full = hasattr(inspect, "getfullargspec")
            if has_full:
                return inspect.getfullargspec(func)
            else:
                return inspect.getargspec(func)

        def lacking(func):
            no_full = not hasattr(inspect, "getfullargspec")
            if no_full:
                return inspect.getargspec(func)
            unknown = hasattr(func, "getfullargspec")
            if unknown:
                return None
            return inspect.getargspec(func)
        """, target="3.14") == [(17, "inspect.getargspec", E)]


def test_a_flag_bound_to_bool_of_a_distributors_switch(project):
    # uv 0.13.8's get_interpreter_info.py main(): use_sysconfig_scheme = bool(getattr(sysconfig,
    # "_PIP_USE_SYSCONFIG", sys.version_info >= (3, 10))), then if not use_sysconfig_scheme: import
    # distutils.dist; no CPython sets the switch, so the default decides, in a function as at the top
    assert project.findings("""\
        import sys
        import sysconfig

        USE = bool(getattr(sysconfig, "_PIP_USE_SYSCONFIG", sys.version_info >= (3, 10)))

        def main():
            use = bool(getattr(sysconfig, "_PIP_USE_SYSCONFIG", sys.version_info >= (3, 10)))
            if not use:
                import distutils.dist
            plain = getattr(sysconfig, "_PIP_USE_SYSCONFIG", sys.version_info >= (3, 10))
            if not plain:
                import distutils.core
            if not USE:
                import distutils.util
            told = bool(getattr(sysconfig, "get_paths", sys.version_info >= (3, 10)))
            if not told:
                import distutils.log
        """) == [(17, "distutils.log", E)]
    # read from another module of the project
    project.write("pkg/__init__.py", "")
    project.write("pkg/flags.py", "import sys\nimport sysconfig\n"
                                  "USE = bool(getattr(sysconfig, '_PIP_USE_SYSCONFIG', sys.version_info >= (3, 10)))\n")
    project.write("pkg/use.py", "from pkg.flags import USE\n\ndef f():\n    if not USE:\n        import distutils.core\n")
    assert project.check_json("pkg/use.py")["findings"] == []


def test_a_frozen_app_runs_the_branch_sys_frozen_takes(project):
    # PyInstaller, cx_Freeze and py2exe set sys.frozen in the app they build, whose bundled
    # interpreter is the target's: both sides of the test run somewhere (no CPython's listing has
    # the name, yet it is no version guard), so a removed name on either side is reported
    assert project.findings("""\
        import sys

        if getattr(sys, "frozen", False):
            import imp
        else:
            import asynchat

        if not getattr(sys, "frozen", False):
            import asyncore
        else:
            import imp as imp2

        if getattr(sys, "frozen", False) and sys.platform == "win32":
            import imp as imp3

        if hasattr(sys, "frozen"):
            import imp as imp4
        """) == [(4, "imp", E), (6, "asynchat", E), (9, "asyncore", E), (11, "imp", E), (14, "imp", E),
                 (17, "imp", E)]


def test_a_flag_a_star_import_of_a_project_module_binds(project):
    # coconut 3.2.0's command/util.py: from coconut.root import *, where root.py binds PY2 =
    # _coconut_sys.version_info < (3,); then if PY2: import __builtin__ as builtins / import Queue
    # (schematics 2.1.1's util.py the same with from .compat import *)
    project.write("pkg/__init__.py", "")
    project.write("pkg/root.py", "import sys as _coconut_sys\nPY2 = _coconut_sys.version_info < (3,)\n")
    project.write("pkg/util.py", """\
        from pkg.root import *

        if PY2:
            import Queue as queue
        else:
            import queue


        def shadowed(PY2=True):
            if PY2:
                import Queue
        """)
    found = [(f["path"], f["line"]) for f in project.check_json(".", target="3.13")["findings"]]
    assert found == [("pkg/util.py", 11)]


def test_a_project_decorator_putting_a_dummy_in_place_of_the_test(project):
    # pyanalyze 0.13.1's test_async_await.py: from .test_node_visitor import only_before, then
    # @only_before((3, 11)) over tests defining @asyncio.coroutine functions; only_before's
    # decorator returns the test under sys.version_info < version, else _dummy_function
    project.write("pkg/__init__.py", "")
    project.write("pkg/test_node_visitor.py", """\
        import sys

        def _dummy_function(self):
            pass

        def only_before(version):
            \"\"\"Decorator to run a test only before a certain version.\"\"\"

            def decorator(fn):
                if sys.version_info < version:
                    return fn
                else:
                    return _dummy_function

            return decorator
        """)
    project.write("pkg/test_async_await.py", """\
        import asyncio
        from .test_node_visitor import only_before

        class TestMissingAwait:
            @only_before((3, 11))
            def test_asyncio_coroutine_internal(self):
                @asyncio.coroutine
                def f():
                    yield from asyncio.sleep(3)

            @only_before((3, 14))
            def test_runs(self):
                @asyncio.coroutine
                def f():
                    yield from asyncio.sleep(3)
        """)
    doc = project.check_json("pkg")
    assert [(f["line"], f["api"]) for f in doc["findings"]] == [(13, "asyncio.coroutine")]


def test_a_project_decorator_raising_skiptest_on_the_target_skips_its_test(project):
    # kgb 7.3's tests/test_function_spy.py: require_getargspec; on the real 3.13 and 3.15 its four
    # tests are skipped ('inspect.getargspec is not available on Python 3.13')
    source = """\
        import functools
        import inspect
        import unittest

        has_getargspec = hasattr(inspect, 'getargspec')


        def require_getargspec(func):
            \"\"\"Skip without getargspec.\"\"\"
            @functools.wraps(func)
            def _wrap(*args, **kwargs):
                if has_getargspec:
                    return func(*args, **kwargs)
                else:
                    raise unittest.SkipTest('no getargspec')

            return _wrap


        def logged(func):
            def _wrap(*args, **kwargs):
                if has_getargspec:
                    print("with getargspec")
                return func(*args, **kwargs)

            return _wrap


        class Tests(unittest.TestCase):
            @require_getargspec
            def test_skipped(self):
                inspect.getargspec(len)

            @logged
            def test_runs(self):
                inspect.getargspec(len)
        """
    assert project.findings(source, name="test_mod.py") == [(36, "inspect.getargspec", E)]
    found = project.check_json("--dead-compat", "test_mod.py")["findings"]
    assert [(f["line"], f["context"]) for f in found] == [(32, "skipped"), (36, None)]


def test_a_tuple_of_version_parts_is_the_version(project):
    # pytorch-lightning 2.6.6's lightning_fabric/utilities/imports.py: _PYTHON_GREATER_EQUAL_3_10_0 =
    # (sys.version_info.major, sys.version_info.minor) >= (3, 10), then in registry.py
    # entry_points(group=group) if _PYTHON_GREATER_EQUAL_3_10_0 else entry_points().get(group, {})
    project.write("pkg/__init__.py", "")
    project.write("pkg/imports.py", """\
        import sys
        NEW = (sys.version_info.major, sys.version_info.minor) >= (3, 10)
        """)
    assert project.findings("""\
        import sys
        from importlib.metadata import entry_points
        from pkg.imports import NEW
        x = entry_points(group="a") if NEW else entry_points().get("a", {})
        if (sys.version_info[0], sys.version_info[1]) < (3, 10):
            import imp
        if (sys.version_info.major, sys.version_info.minor) >= (3, 0):
            import imp
        """, name="pkg/mod.py") == [(8, "imp", E)]


def test_a_try_reading_the_replacement_of_a_removed_name_runs_its_handler_only_without_it(project):
    # gallery-dl 1.32.18's text.py: re._compiler (3.11+) is what the catalog names as the
    # replacement of re.sre_compile; on the real 3.13-3.15 re._compiler.compile is there, the
    # handler never runs.  A body reading something else, or a name the target lacks, proves nothing.
    source = """\
        import re as re_module

        try:
            re_compile = re_module._compiler.compile
        except AttributeError:
            re_compile = re_module.sre_compile.compile

        try:
            re_compile = re_module._no_such_module.compile
        except AttributeError:
            re_compile = re_module.sre_compile.compile

        try:
            re_compile = re_module.Pattern.compile
        except AttributeError:
            re_compile = re_module.sre_compile.compile
        """
    assert project.findings(source) == [(11, "re.sre_compile", E), (16, "re.sre_compile", E)]
    found = project.check_json("--dead-compat", "mod.py")["findings"]
    assert [(f["line"], f["context"]) for f in found][:1] == [(6, "hasattr")]


def test_a_branch_run_only_once_a_module_the_target_lacks_is_loaded(project):
    # pytest 9.2.0's monkeypatch.syspath_prepend: if "pkg_resources" in sys.modules: import
    # pkg_resources (never on 3.12+, where nothing installs it: the import never fails)
    project.write("m.py", "import sys\n\ndef f():\n    if 'pkg_resources' in sys.modules:\n        import pkg_resources\n"
                          "        pkg_resources.fixup_namespace_packages('x')\n    if 'imp' not in sys.modules:\n"
                          "        return\n    import imp\n\ndef g():\n    if 'numpy' in sys.modules:\n        import imp\n")
    assert [(f["line"], f["api"]) for f in project.check_json(".")["findings"]] == [(13, "imp")]
    assert [(f["line"], f["api"]) for f in project.check_json(".", target="3.11")["findings"]] == []
