"""A rename to another named tuple (``inspect.getargspec`` -> ``getfullargspec``, ``ArgSpec`` ->
``FullArgSpec``): uses the rename would break get no fix, the others keep their unsafe fix.

Flask-Script 2.0.6's ``args, varargs, keywords, defaults = inspect.getargspec(func)`` was rewritten
by ``fix --unsafe-fixes`` into a line that raises ``ValueError: too many values to unpack`` on
3.13 (tests/realpython/test_result_fields_real.py proves each refused use fails renamed there)."""

import json

SOURCE = '''\
import inspect
from inspect import ArgSpec, getargspec as gas


def unpacked(func):
    args, varargs, keywords, defaults = inspect.getargspec(func)
    return args


def keywords_read(func):
    spec = inspect.getargspec(func)
    if spec.keywords:
        return spec.args
    return spec[3]


def through_a_name(func):
    spec = gas(func)
    args, varargs, kw, defaults = spec
    return args


def fine(func):
    args, *rest = inspect.getargspec(func)
    spec = inspect.getargspec(func)
    return args, inspect.getargspec(func)[0], spec.args, spec.defaults, spec[2], isinstance(spec, ArgSpec)


def counted(func):
    return inspect.getargspec(func)[-1], inspect.ArgSpec([], None, None, None)
'''


def _findings(project, *args):
    project.write("mod.py", SOURCE)
    code, out, err = project.run("check", "--no-cache", "--target-version", "3.13", "--min-version", "3.6",
                                 "--output-format", "json", *args, "mod.py")
    return {(f["line"], f["column"]): f for f in json.loads(out)["findings"]}


def test_uses_the_rename_breaks_get_no_fix(project):
    found = _findings(project)
    refused = {where: f["message"].partition("(no automatic fix: ")[2] for where, f in found.items() if not f["fix"]}
    assert refused == {
        (2, 30): "on line 18, `spec`, its result, is unpacked into 4 names and getfullargspec returns 7: "
                 "unpack `getfullargspec(...)[:4]`)",
        (11, 12): "`.keywords` of `spec`, its result, is `.varkw` in getfullargspec's)",
        (30, 12): "`[-...]` of its result counts from the end of 7 fields, not 4)",
        (30, 42): "FullArgSpec is built from 7 fields, this call gives 4)",
    }
    assert sorted(where for where, f in found.items() if f["fix"] == "unsafe") == [(2, 21), (6, 41), (24, 19), (25, 12), (26, 18)]


def test_fix_leaves_the_refused_uses_and_renames_the_others(project):
    _findings(project)
    code, out, err = project.run("fix", "--no-cache", "--target-version", "3.13", "--min-version", "3.6",
                                 "--unsafe-fixes", "mod.py")
    assert "Fixed 5 finding(s)" in out + err, out + err
    text = (project.root / "mod.py").read_text()
    # unpacked into the old tuple's four names, the call itself is sliced (Flask-Script 2.0.6's
    # commands.py:118); through a name or a from-import it is left
    assert "args, varargs, keywords, defaults = inspect.getfullargspec(func)[:4]" in text
    assert "spec = gas(func)" in text
    assert "args, *rest = inspect.getfullargspec(func)" in text
    assert "return args, inspect.getfullargspec(func)[0]" in text
    assert text.count("getfullargspec") == 4 and "isinstance(spec, FullArgSpec)" in text


# marshmallow 2.19.5's src/marshmallow/__init__.py:16-19, then a read through a name and a use that works
VERSIONS = '''\
from distutils.version import LooseVersion

__version__ = '2.19.5'
__version_info__ = tuple(LooseVersion(__version__).version)
'''
VERSIONS_OTHERS = '''\
import distutils.version


def pre(text):
    parsed = distutils.version.StrictVersion(text)
    return parsed.prerelease


def newer(a, b):
    return distutils.version.LooseVersion(a) > distutils.version.LooseVersion(b)
'''


def test_a_member_the_replacement_lacks_gets_no_fix(project):
    """``LooseVersion(v).version`` renamed to packaging's ``Version(v).version`` raises
    AttributeError with packaging installed (26.4 on the real 3.13: it has ``release``); fix
    --unsafe-fixes used to write it.  That use, and one through a name, get no fix; a comparison
    keeps its unsafe fix."""
    project.write("mod.py", VERSIONS)
    project.write("other.py", VERSIONS_OTHERS)
    code, out, err = project.run("check", "--no-cache", "--target-version", "3.13", "--min-version", "3.8",
                                 "--output-format", "json", "mod.py", "other.py")
    found = {(f["path"], f["line"]): (f["fix"], f["message"].partition("(no automatic fix: ")[2])
             for f in json.loads(out)["findings"]}
    assert found[("mod.py", 1)] == (None, "on line 4, `.version` of its result is not an attribute of Version's)")
    assert found[("other.py", 5)] == (None, "`.prerelease` of `parsed`, its result, is not an attribute of "
                                            "Version's)")
    assert [found[("other.py", 10)][0]] == ["unsafe"]
    code, out, err = project.run("fix", "--no-cache", "--target-version", "3.13", "--min-version", "3.8",
                                 "--unsafe-fixes", "mod.py", "other.py")
    assert (project.root / "mod.py").read_text() == VERSIONS
    assert "parsed = distutils.version.StrictVersion(text)" in (project.root / "other.py").read_text()


# a reference not called where it stands: cliff 2.14.1's utils.py binds getargspec =
# inspect.getargspec (at its top level, with a hasattr fallback; here in a function, without it); a
# module's name may be imported elsewhere; a class built on LooseVersion reads what packaging's
# Version lacks; ArgSpec._make builds the old tuple's four fields
HANDED_ON = '''\
import distutils.version
import inspect


def positional(func):
    getargspec = inspect.getargspec
    args, varargs, keywords, defaults = getargspec(func)
    return args


def names(func):
    spec_of = inspect.getargspec
    return spec_of(func).args


EMPTY = inspect.ArgSpec._make([[], None, None, None])
shared = inspect.getargspec


class Version(distutils.version.LooseVersion):
    def major(self):
        return self.version[0]
'''


def test_a_reference_is_followed_to_its_calls(project):
    """``getargspec = inspect.getargspec`` then ``args, varargs, keywords, defaults =
    getargspec(func)`` was renamed by ``fix --unsafe-fixes`` into a ValueError on 3.13; what a
    reference is handed to and cannot be followed (a base class, ``ArgSpec._make``, a module's
    name) gets no fix; a function's name whose calls read only kept fields keeps its unsafe fix."""
    project.write("mod.py", HANDED_ON)
    code, out, err = project.run("check", "--no-cache", "--target-version", "3.13", "--min-version", "3.8",
                                 "--output-format", "json", "mod.py")
    found = {f["line"]: (f["fix"], f["message"].partition("(no automatic fix: ")[2])
             for f in json.loads(out)["findings"] if f["code"] != "OM12037"}
    unfollowed = (None, "where it is not called, what uses it is not followed)")
    assert found == {
        6: (None, "on line 7, its result is unpacked into 4 names and getfullargspec returns 7: "
                  "unpack `getfullargspec(...)[:4]`)"),
        12: ("unsafe", ""),
        16: unfollowed,
        17: unfollowed,
        20: unfollowed,
    }
    code, out, err = project.run("fix", "--no-cache", "--target-version", "3.13", "--min-version", "3.8",
                                 "--unsafe-fixes", "mod.py")
    assert "Fixed 1 finding(s)" in out + err, out + err
    assert (project.root / "mod.py").read_text() == HANDED_ON.replace("spec_of = inspect.getargspec",
                                                                       "spec_of = inspect.getfullargspec")
