"""Every name the catalog lists for 3.8-3.15 is found in the forms users write it, with the right
version, and not for a target before its removal.  Generated from the catalog itself."""


import textwrap

import pytest

from outmoded.catalog import default_catalog, format_version

CATALOG = default_catalog()
KINDS = {"module", "function", "class", "constant"}


def _forms(entry, name):
    """(source, expected api) pairs: plain, from-import and alias spellings."""
    if entry.kind == "module":
        yield f"import {name}\n", name
        yield f"import {name} as _alias\n", name
        if "." in name:
            parent, _, leaf = name.rpartition(".")
            yield f"from {parent} import {leaf}\n", name
        return
    module, _, attr = name.rpartition(".")
    if not module or module.split(".")[0] == "builtins" or module[-1:].isupper():
        return
    yield f"import {module}\n{module}.{attr}\n", name
    yield f"import {module} as _alias\n_alias.{attr}\n", name
    yield f"from {module} import {attr}\n", name
    yield f"from {module} import {attr} as _other\n", name


def _cases():
    for entry in CATALOG.entries:
        if entry.kind in KINDS and (3, 8) <= entry.removed_in <= (3, 15):
            for name in entry.names:
                for number, (source, api) in enumerate(_forms(entry, name)):
                    yield entry, source, api, number


CASES = list(_cases())
OPT_IN = ",".join(sorted({entry.code for entry, _, _, _ in CASES if entry.opt_in})) or "OM"


def test_there_are_many_cases():
    assert len(CASES) > 500


def _check(project, files, target):
    for path, source in files.items():
        project.write(path, source)
    doc = project.check_json(".", "--extend-select", OPT_IN, target=target)  # opt-in entries too (pkg_resources)
    assert doc["errors"] == []
    return {(f["path"], f["api"], f["removed_in"]) for f in doc["findings"]}


@pytest.mark.parametrize("version", [(3, v) for v in range(8, 16)], ids=lambda v: f"3.{v[1]}")
def test_removals_are_found_from_their_version_on(project, version):
    cases = [c for c in CASES if c[0].removed_in == version]
    files = {f"case_{i}.py": source for i, (_, source, _, _) in enumerate(cases)}
    found = _check(project, files, format_version(version))
    missing = [f"{source.strip()!r} ({entry.code})" for i, (entry, source, api, _) in enumerate(cases)
               if not any(p == f"case_{i}.py" and a == api and r == format_version(version)
                          for p, a, r in found)]
    assert missing == []
    before = format_version((3, version[1] - 1))
    assert {f for f in _check(project, files, before) if f[2] == format_version(version)} == set()


def test_typing_re_and_io_through_plain_import_typing(project):
    """``import typing`` then ``typing.re.Pattern`` (annotations included): the pseudo-modules are
    attributes of typing, gone on 3.13."""
    assert [(line, api) for line, api, _ in project.findings("""\
        import typing
        import typing as t

        def f(p: typing.re.Pattern, io: typing.io.TextIO) -> typing.re.Match:
            return t.io.BinaryIO
        """, target="3.13")] == [(4, "typing.re.Pattern"), (4, "typing.io.TextIO"), (4, "typing.re.Match"),
                                 (5, "typing.io.BinaryIO")]


def test_typing_re_and_io_read_bare(project):
    """``x = typing.re`` raises AttributeError on the real 3.13 as ``typing.re.Match`` does; a longer
    chain is that name's finding alone, and the import of a removed module stays the import's."""
    assert [(line, api) for line, api, _ in project.findings("""\
        import typing

        patterns = typing.re
        handles = (typing.io, typing.re.Match)
        """, target="3.13")] == [(3, "typing.re"), (4, "typing.io"), (4, "typing.re.Match")]
    assert project.findings("import typing\npatterns = typing.re\n", target="3.12", name="b.py") == []


def test_annotations_the_module_does_not_evaluate(project):
    """A local variable's annotation is never evaluated (no finding); under ``from __future__ import
    annotations`` and from 3.14 on (PEP 649) the others are evaluated only when read: a warning.  On the
    real 3.13 the first module runs; on the real 3.14 the second (class bodies included)."""
    W = "warning"
    assert project.findings("""\
        from __future__ import annotations
        import typing

        def f(p: typing.re.Pattern) -> None:
            y: typing.re.Match = None
            return y
        """, target="3.13") == [(4, "typing.re.Pattern", W)]
    assert project.findings("""\
        import typing

        def f(p: typing.re.Pattern):
            return p

        class N(typing.NamedTuple):
            a: typing.re.Pattern
        x = typing.re.Pattern
        """, target="3.14", name="b.py") == [(3, "typing.re.Pattern", W), (7, "typing.re.Pattern", W),
                                             (8, "typing.re.Pattern", "error")]



def test_annotations_of_a_function_the_project_only_calls(project):
    """strawberry-graphql 0.341.2's experimental/pydantic/utils.py (from __future__ import
    annotations): ``def get_default_factory_for_field(...) -> NoArgAnyCallable |
    dataclasses._MISSING_TYPE``, which its object_type.py only calls.  On the real 3.15 (no
    dataclasses._MISSING_TYPE) its pydantic types build and answer queries: nothing evaluates the
    annotation.  Reported with --dead-compat only; a function handed on, decorated or exported by
    name keeps its warning."""
    utils = """\
        from __future__ import annotations
        import dataclasses

        def default_factory(field) -> dataclasses._MISSING_TYPE:
            return field
        """
    project.write("pkg/__init__.py")
    project.write("pkg/utils.py", textwrap.dedent(utils))
    project.write("pkg/types.py", "from .utils import (\n    default_factory,\n)\n\nmade = default_factory(1)\n")
    assert project.check_json(".", target="3.15")["findings"] == []
    shown = project.check_json("--dead-compat", ".", target="3.15")["findings"]
    assert [(f["path"], f["context"]) for f in shown] == [("pkg/utils.py", "unread-annotation")]
    for other in ("handlers = [default_factory]\n", "__all__ = ['default_factory']\n",
                  "import typing\nhints = typing.get_type_hints(default_factory)\n"):
        project.write("pkg/types.py", "from .utils import default_factory\nmade = default_factory(1)\n" + other)
        assert [f["context"] for f in project.check_json(".", target="3.15")["findings"]] == ["annotation"]
    project.write("pkg/types.py", "from .utils import default_factory\nmade = default_factory(1)\n")
    project.write("pkg/utils.py", textwrap.dedent(utils).replace("def ", "@staticmethod\ndef "))
    assert [f["context"] for f in project.check_json(".", target="3.15")["findings"]] == ["annotation"]
    project.write("pkg/utils.py", textwrap.dedent(utils))
    project.write("pkg/__init__.py", "from beartype.claw import beartype_this_package\nbeartype_this_package()\n")
    assert [f["context"] for f in project.check_json(".", target="3.15")["findings"]] == ["annotation"]

def test_a_modules_cached_attribute(project):
    """3.15 no longer sets ``module.__cached__`` (AttributeError on the real 3.15); a probe the code
    makes for it (gevent's ``except AttributeError``) is its own fallback."""
    source = """\
        import json
        import sys

        def bytecode(module):
            return module.__cached__

        where = json.__cached__
        for m in list(sys.modules.values()):
            try:
                print(m.__cached__)
            except AttributeError:
                continue
        spec = json.__spec__.cached
        """
    assert project.findings(source, target="3.15") == [
        (5, "types.ModuleType.__cached__", "warning"),  # a parameter: reported because the name is distinctive
        (7, "types.ModuleType.__cached__", "error")]
    assert project.findings(source, target="3.14", name="b.py") == []


POSITIONAL_ONLY = [e for e in CATALOG.entries if e.kind == "argument" and "positional-only" in e.reason]


def _keyword_calls(entry, name):
    """(the call by keyword, the same call by position): ``int(x=v)``, ``int(v)``."""
    module, _, attr = name.rpartition(".")
    callee = attr if module == "builtins" else f"{module}.{attr}"
    head = "" if module == "builtins" else f"import {module}\n"
    return f"{head}{callee}({entry.argument}='1')\n", f"{head}{callee}('1')\n"


def test_keywords_that_became_positional_only_are_found_and_positions_are_not(project):
    """int(x=), float(x=), list(sequence=) (3.7), os.path.basename(p=) and the other os.path functions
    (3.15): the keyword is reported from its version on; the same value passed by position never."""
    assert {e.code for e in POSITIONAL_ONLY} >= {"OM07017", "OM07018", "OM15046", "OM15055"}
    for version in sorted({e.removed_in for e in POSITIONAL_ONLY}):
        entries = [e for e in POSITIONAL_ONLY if e.removed_in == version]
        cases = [(e, n, *_keyword_calls(e, n)) for e in entries for n in e.names]
        files = {f"kw_{i}.py": by_keyword for i, (_, _, by_keyword, _) in enumerate(cases)}
        files.update({f"pos_{i}.py": by_position for i, (_, _, _, by_position) in enumerate(cases)})
        target = format_version(max(version, (3, 13)))
        found = {(p, r) for p, _, r in _check(project, files, target)}
        missing = [f"{e.code} {n}" for i, (e, n, _, _) in enumerate(cases)
                   if (f"kw_{i}.py", format_version(version)) not in found]
        assert missing == []
        assert not [p for p, _ in found if p.startswith("pos_")]
        if version > (3, 7):  # 3.7 is the oldest target
            before = format_version((3, version[1] - 1))
            assert {f for f in _check(project, files, before) if f[2] == format_version(version)} == set()


def test_the_handshake_constants_multiprocessing_made_private(project):
    # curio 1.6's channel.py copies them at module level: import curio raises AttributeError on
    # the real 3.13 (gone since 3.12.1; 3.11.7 has them); MESSAGE_LENGTH stayed
    assert project.findings("""\
        import multiprocessing.connection as mpc
        AUTH_MESSAGE_LENGTH = mpc.MESSAGE_LENGTH
        CHALLENGE = mpc.CHALLENGE
        WELCOME = mpc.WELCOME
        FAILURE = mpc.FAILURE
        """) == [(3, "multiprocessing.connection.CHALLENGE", "error"), (4, "multiprocessing.connection.WELCOME", "error"),
                 (5, "multiprocessing.connection.FAILURE", "error")]
