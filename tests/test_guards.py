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


def test_try_except_importerror_fallback_is_a_warning(project):
    found = project.findings("""\
        try:
            import cgi
        except ImportError:
            cgi = None
        """)
    assert found == [(2, "cgi", W)]


def test_fallback_for_old_pythons_never_runs(project):
    assert project.findings("""\
        try:
            from collections.abc import Mapping
        except ImportError:
            from collections import Mapping
        """) == []


def test_fallback_after_third_party_import_is_a_warning(project):
    assert project.findings("""\
        try:
            from lxml import etree
        except ImportError:
            import cPickle as etree
        """) == [(4, "cPickle", W)]


def test_attribute_error_fallback_and_hasattr(project):
    assert project.findings("""\
        import time
        try:
            clock = time.clock
        except AttributeError:
            clock = time.perf_counter
        if hasattr(time, "clock"):
            time.clock()
        time.clock()
        """) == [(3, "time.clock", W), (7, "time.clock", W), (8, "time.clock", E)]
