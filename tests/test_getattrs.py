"""Removed names read with getattr and a string (outmoded.getattrs): directly, and through the
class attributes a project's getattr(cls.a, cls.b) reads."""

import textwrap

import pytest

BASE = """\
    class CallablePatch:
        target_container = None
        target_attribute = None

        @classmethod
        def get_current_implementation(cls):
            return getattr(cls.target_container, cls.target_attribute)
    """
PATCH = """\
    import dataclasses
    import typing as t

    from pkg import CallablePatch


    class DataclassesIsTypePatch(CallablePatch):
        target_container: t.ClassVar = dataclasses
        target_attribute = '_is_type'
    """


def test_getattr_with_a_string_is_the_attribute(project):
    # the file names _is_type only in the string: the prefilter lets it through
    source = 'import dataclasses\n\ndef f():\n    return getattr(dataclasses, "_is_type")\n'
    assert project.findings(source, target="3.15") == [(4, "dataclasses._is_type", "error")]
    assert project.findings(source, target="3.14") == []


@pytest.mark.parametrize("read", [
    'getattr(dataclasses, "_is_type", None)',  # the default is what 3.15 gets
    'getattr(dataclasses, "_is_type") if hasattr(dataclasses, "_is_type") else None',
])
def test_getattr_with_a_default_or_a_guard_is_not_reported(project, read):
    assert project.findings(f"import dataclasses\nx = {read}\n", target="3.15") == []


def test_getattr_in_a_try_catching_attribute_error_is_no_error(project):
    source = 'import dataclasses\ntry:\n    x = getattr(dataclasses, "_is_type")\nexcept AttributeError:\n    x = None\n'
    assert [f for f in project.findings(source, target="3.15") if f[2] == "error"] == []


def test_class_attributes_read_together_by_a_getattr_of_the_project(project):
    # ansible-core 2.21.5: CallablePatch.get_current_implementation (_patches/__init__.py) and
    # DataclassesIsTypePatch (_dataclass_annotation_patch.py); import ansible.constants raises
    # AttributeError: module 'dataclasses' has no attribute '_is_type' on the real 3.15
    project.write("setup.py", "")
    project.write("pkg/__init__.py", BASE)
    project.write("pkg/patch.py", PATCH)
    found = [(f["path"], f["line"], f["api"], f["severity"])
             for f in project.check_json(".", target="3.15")["findings"]]
    assert found == [("pkg/patch.py", 9, "dataclasses._is_type", "error")]
    assert project.check_json(".", target="3.14")["findings"] == []


@pytest.mark.parametrize("base", [
    BASE.replace("cls.target_attribute)", "cls.target_attribute, None)"),  # a default
    BASE.replace("            return getattr(cls.target_container, cls.target_attribute)",
                 "            try:\n                return getattr(cls.target_container, cls.target_attribute)\n"
                 "            except AttributeError:\n                return None"),
    BASE.replace("cls.target_container, cls.target_attribute", "cls.target_container, cls.other"),  # another pair
])
def test_class_attributes_not_read_together_or_read_safely(project, base):
    project.write("setup.py", "")
    project.write("pkg/__init__.py", base)
    project.write("pkg/patch.py", PATCH)
    assert project.check_json(".", target="3.15")["findings"] == []


# bandit 1.7.4: core/utils.py's check_ast_node, core/test_properties.py's checks, a plugin's
# @test.checks("Str"); on the real 3.14, importing the plugin raises TypeError: Error: Str is not a
# valid node type in AST (core/utils.py:372), so bandit never loads it
UTILS = """\
    import ast


    def check_ast_node(name):
        try:
            node = getattr(ast, name)
            if issubclass(node, ast.AST):
                return name
        except AttributeError:
            pass
        raise TypeError("Error: %s is not a valid node type in AST" % name)
    """
PROPERTIES = """\
    from pkg import utils


    def checks(*args):
        def wrapper(func):
            func._checks = [utils.check_ast_node(a) for a in args]
            return func
        return wrapper
    """
PLUGIN = """\
    from pkg import properties as test


    @test.checks("Call")
    def one(context):
        return context


    @test.checks("Str")
    def two(context):
        return context
    """


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_removed_name_handed_to_a_project_getattr_through_two_functions(project, jobs):
    project.write("setup.py", "")
    project.write("pkg/__init__.py", "")
    project.write("pkg/utils.py", UTILS)
    project.write("pkg/properties.py", PROPERTIES)
    project.write("pkg/plugin.py", PLUGIN)  # names no ast: only the string
    project.write("pkg/other.py", "from pkg.utils import check_ast_node\n\nKIND = check_ast_node('Num')\n")
    found = [(f["path"], f["line"], f["column"], f["api"], f["severity"])
             for f in project.check_json(".", "--jobs", jobs, target="3.14")["findings"]]
    assert found == [("pkg/other.py", 3, 23, "ast.Num", "error"), ("pkg/plugin.py", 9, 14, "ast.Str", "error")]
    assert project.check_json(".", "--jobs", jobs, target="3.13")["findings"] == []


@pytest.mark.parametrize("old, new", [
    # bandit 1.9.4: the names 3.14 lacks are answered before the getattr
    ("import ast\n", "import ast\nimport sys\n"),
    ("        pass\n", "        return None\n"),  # a missing name is an answer
    ("getattr(ast, name)", "getattr(ast, name, None)"),  # so is the default
    ("    raise TypeError", "    return None  # TypeError"),  # nothing raised past the handler
])
def test_a_handed_name_read_safely_is_not_reported(project, old, new):
    utils = textwrap.dedent(UTILS)
    if old == "import ast\n":  # with the version check that uses it
        utils = utils.replace(old, new).replace("    try:\n", "    try:\n        if sys.version_info >= (3, 12) "
                                                "and name in ('Num', 'Str'):\n            return name\n")
    else:
        assert old in utils
        utils = utils.replace(old, new)
    project.write("setup.py", "")
    project.write("pkg/__init__.py", "")
    project.write("pkg/utils.py", utils)
    project.write("pkg/properties.py", PROPERTIES)
    project.write("pkg/plugin.py", PLUGIN)
    assert project.check_json(".", target="3.14")["findings"] == []


def test_a_string_that_is_no_text_handed_to_a_project_function(project):
    """nose2 0.9.2's tests/unit/test_junitxml.py hands a project function a string holding a lone
    surrogate ("\\ud900", which UTF-8 cannot encode): check stopped with an internal error
    (UnicodeEncodeError) and checked nothing, at any target."""
    project.write("setup.py", "")
    project.write("pkg/__init__.py", "")
    project.write("pkg/utils.py", UTILS)
    project.write("pkg/test_x.py", 'import imp\nfrom pkg.utils import check_ast_node\n\ncheck_ast_node("D\\ud900 E")\n')
    found = [(f["path"], f["line"], f["api"]) for f in project.check_json(".", target="3.14")["findings"]]
    assert found == [("pkg/test_x.py", 1, "imp")]
