"""The catalog is data; these tests keep it valid and true against real interpreters and typeshed."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from realpythons import older_python, real_python
from outmoded.catalog import CatalogError, default_catalog, format_version, load_catalog

PROBE = Path(__file__).resolve().parents[1] / "src" / "outmoded" / "catalog" / "probe.py"
CATALOG = default_catalog()


def test_catalog_loads_with_hundreds_of_entries():
    assert len(CATALOG.entries) >= 300
    for version in ["3.12", "3.13", "3.14"]:
        names = sum(len(e.names) for e in CATALOG.entries if format_version(e.removed_in) == version and e.kind != "capi")
        assert names >= 40, version


def test_bad_entries_are_named(tmp_path):
    (tmp_path / "removed_3_12.yaml").write_text(
        "- code: OM12001\n  name: imp\n  kind: module\n  removed_in: '3.12'\n  replacement: importlib\n"
        "  fix: maybe\n  reason: x\n  doc: https://docs.python.org\n")
    with pytest.raises(CatalogError, match=r"removed_3_12.yaml: entry 1 \(OM12001\): fix must be"):
        load_catalog(tmp_path)
    (tmp_path / "removed_3_12.yaml").write_text("- code: OM12001\n  name: imp\n")
    with pytest.raises(CatalogError, match="removed_3_12.yaml: entry 1 .*missing key"):
        load_catalog(tmp_path)
    (tmp_path / "removed_3_12.yaml").write_text("- [unclosed\n")
    with pytest.raises(CatalogError, match="removed_3_12.yaml: not valid YAML"):
        load_catalog(tmp_path)


def test_star_unbound_since_needs_a_name_in_a_module_before_its_removal(tmp_path):
    entry = ("- code: OM10021\n  name: collections.Mapping\n  kind: {kind}\n  removed_in: '3.10'\n"
             "  star_unbound_since: '{since}'\n  replacement: collections.abc.Mapping\n  fix: safe\n"
             "  reason: x\n  doc: https://docs.python.org\n")
    (tmp_path / "removed_3_10.yaml").write_text(entry.format(kind="class", since="3.7"))
    assert load_catalog(tmp_path).entries[0].star_unbound_since == (3, 7)
    for kind, since in (("class", "3.10"), ("method", "3.7")):
        (tmp_path / "removed_3_10.yaml").write_text(entry.format(kind=kind, since=since))
        with pytest.raises(CatalogError, match="star_unbound_since needs kind class"):
            load_catalog(tmp_path)


def test_calls_replacement_since_needs_a_method_renamed_within_its_class(tmp_path):
    entry = ("- code: OM09014\n  name: threading.Thread.isAlive\n  kind: {kind}\n  removed_in: '3.9'\n"
             "  calls_replacement_since: '{since}'\n  replacement: {replacement}\n  fix: safe\n"
             "  reason: x\n  doc: https://docs.python.org\n")
    (tmp_path / "removed_3_9.yaml").write_text(entry.format(kind="method", since="3.7",
                                                             replacement="threading.Thread.is_alive"))
    assert load_catalog(tmp_path).entries[0].calls_replacement_since == (3, 7)
    for kind, since, replacement in (("method", "3.9", "threading.Thread.is_alive"),
                                     ("function", "3.7", "threading.Thread.is_alive"),
                                     ("method", "3.7", "threading.is_alive")):
        (tmp_path / "removed_3_9.yaml").write_text(entry.format(kind=kind, since=since, replacement=replacement))
        with pytest.raises(CatalogError, match="calls_replacement_since needs kind method"):
            load_catalog(tmp_path)


STAR_PROBE = """
import importlib, json, sys, warnings
warnings.simplefilter("ignore")
answers = {}
for dotted in json.load(sys.stdin):
    module, _, name = dotted.rpartition(".")
    try:
        has = hasattr(importlib.import_module(module), name)
        scope = {}
        exec("from %s import *" % module, scope)
    except Exception:
        continue
    answers[dotted] = "absent" if not has else "bound" if name in scope else "unbound"
print(json.dumps(answers))
"""


@pytest.mark.realpython
@pytest.mark.parametrize("version", ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"])
def test_star_unbound_since_is_true_on_real_interpreters(version):
    """A name whose entry says star_unbound_since is not bound by its module's star import from that
    version on, while the module has it (collections.Mapping on 3.7-3.9), and is bound before it."""
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"no python{version} here")
    at = tuple(int(p) for p in version.split("."))
    since = {name: e.star_unbound_since for e in CATALOG.entries if e.star_unbound_since for name in e.names}
    assert len(since) > 50
    answers = json.loads(subprocess.run([python, "-I", "-c", STAR_PROBE], input=json.dumps(sorted(since)),
                                        capture_output=True, text=True, check=True, timeout=300).stdout)
    wrong = [f"{name}: {answer} on {version}" for name, answer in answers.items()
             if answer != "absent" and (answer == "unbound") != (at >= since[name])]
    assert wrong == []


def _questions():
    rows = []
    for entry in CATALOG.entries:
        if entry.kind in ("capi", "behaviour") or entry.not_probeable or (entry.platform and entry.platform != sys.platform):
            continue
        if entry.kind == "argument" and entry.value_contains:
            continue  # a removed value, not a name: introspection cannot see it
        for name in entry.names:
            rows.append((entry, name))
    return rows


def _probe(python: str, rows) -> dict:
    roots = sorted({name.split(".")[0] for _, name in rows})
    payload = [[e.code, e.kind, n, e.argument] for e, n in rows] + [["root", "module", r, None] for r in roots]
    out = subprocess.run([python, "-I", str(PROBE)], input=json.dumps(payload), capture_output=True,
                         text=True, check=True, timeout=300).stdout
    return json.loads(out)


def _disagreements(python: str, version: tuple[int, int], keep=lambda entry: True) -> list[str]:
    rows = [(entry, name) for entry, name in _questions() if keep(entry)]
    answers = _probe(python, rows)
    wrong = []
    for entry, name in rows:
        answer = answers[f"{entry.code}:{name}"]
        expected = "absent" if entry.removed_in <= version or (entry.added_in and entry.added_in > version) \
            else "present"
        root_missing = answers[f"root:{name.split('.')[0]}"] == "absent"
        if answer == "unknown" or (expected == "present" and root_missing):
            continue  # e.g. tkinter is not built into every interpreter
        if answer != expected:
            wrong.append(f"{entry.code} {name}: {answer} on {format_version(version)}, expected {expected}")
    return wrong


def _ask(python: str, rows) -> dict:
    out = subprocess.run([python, "-I", str(PROBE)], input=json.dumps(rows), capture_output=True, text=True,
                         check=True, timeout=300).stdout
    return {key.partition(":")[2]: answer for key, answer in json.loads(out).items()}


KEYWORDS = [["q", "argument", "builtins.int", "x"], ["q", "argument", "builtins.float", "x"],
            ["q", "argument", "builtins.dict", "iterable"], ["q", "argument", "builtins.str", "object"],
            ["q", "argument", "os.path.basename", "p"]]


def test_probe_answers_whether_a_call_can_pass_the_keyword():
    """A positional-only parameter (float's x from 3.7) is absent; int has no signature and is called with
    x=None (on 3.7+ the TypeError rejects the keyword); dict(iterable=) goes to **kwargs, str(object=)
    is a keyword: both present."""
    answers = _ask(sys.executable, KEYWORDS)
    assert [answers[row[2]] for row in KEYWORDS[:4]] == ["absent", "absent", "present", "present"]


@pytest.mark.realpython
@pytest.mark.parametrize("version,expected", [("3.6", ["present", "present", "present"]),
                                              ("3.7", ["absent", "absent", "present"]),
                                              ("3.14", ["absent", "absent", "present"]),
                                              ("3.15", ["absent", "absent", "absent"])])
def test_probe_proves_removed_keywords_on_real_interpreters(version, expected):
    """int(x=), float(x=) work on 3.6 and raise TypeError from 3.7; os.path.basename(p=) from 3.15."""
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"no python{version} here")
    answers = _ask(python, [KEYWORDS[0], KEYWORDS[1], KEYWORDS[4]])
    assert [answers["builtins.int"], answers["builtins.float"], answers["os.path.basename"]] == expected


def test_catalog_is_true_on_this_interpreter():
    assert _disagreements(sys.executable, sys.version_info[:2]) == []


@pytest.mark.realpython
@pytest.mark.parametrize("version", ["3.13", "3.14", "3.15"])
def test_catalog_is_true_on_real_interpreters(version):
    python = real_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    assert _disagreements(python, tuple(int(p) for p in version.split("."))) == []


@pytest.mark.realpython
@pytest.mark.parametrize("version", ["3.8", "3.9", "3.10", "3.11", "3.12"])
def test_catalog_is_true_on_older_interpreters(version):
    """The releases between: a name must be present up to its removal (pyenv's interpreters, where installed)."""
    python = older_python(version)
    if python is None:
        pytest.skip(f"no python{version} under ~/.pyenv/versions")
    assert _disagreements(python, tuple(int(p) for p in version.split("."))) == []


@pytest.mark.realpython
@pytest.mark.parametrize("version", ["3.6", "3.7"])
def test_private_names_are_true_on_the_oldest_interpreters(version):
    """removed_private.yaml is generated from the listings of 3.6 on, so its names are proven there too
    (typing._ForwardRef, re._pattern_type: present on 3.6, absent from 3.7).  The hand-written entries
    are proven from 3.8 on: their added_in values were read there."""
    python = older_python(version)
    if python is None:
        pytest.skip(f"no python{version} under ~/.pyenv/versions")
    private = [e for e in CATALOG.entries if e.source == "removed_private.yaml"]
    assert len([e for e in private if e.removed_in <= (3, 10)]) > 100
    assert _disagreements(python, tuple(int(p) for p in version.split(".")),
                          keep=lambda entry: entry.source == "removed_private.yaml") == []


@pytest.mark.realpython
@pytest.mark.parametrize("version", ["3.6", "3.7"])
def test_the_37_and_38_removals_are_true_on_36_and_37(version):
    """What 3.7 removed is there on 3.6.15 and gone on 3.7.16, what 3.8 removed there on 3.7.16 (and
    gone on 3.8, test_catalog_is_true_on_older_interpreters): os.path.splitunc only where os.path is
    ntpath (Windows), What's New's "install_misc command" is the class distutils.cmd.install_misc (no
    distutils.command.install_misc module ever existed), typing.GenericMeta and asyncio.compat went in
    3.7, asyncio.futures.InvalidStateError and keyword.main in 3.8."""
    python = older_python(version)
    if python is None:
        pytest.skip(f"no python{version} under ~/.pyenv/versions")
    sources = {"3.6": ("removed_3_7.yaml",), "3.7": ("removed_3_7.yaml", "removed_3_8.yaml")}[version]
    assert _disagreements(python, tuple(int(p) for p in version.split(".")),
                          keep=lambda entry: entry.source in sources) == []


def _typeshed():
    """typeshed's stdlib stubs and VERSIONS: a checkout of python/typeshed named by $OUTMODED_TYPESHED
    (its stdlib/ directory), else the copy typeshed_client vendors."""
    import os

    if os.environ.get("OUTMODED_TYPESHED"):
        return Path(os.environ["OUTMODED_TYPESHED"]) / "stdlib"
    typeshed_client = pytest.importorskip("typeshed_client")
    return Path(typeshed_client.__file__).parent / "typeshed"


def _version_test(stmt: ast.If, op):
    """N when ``stmt`` is ``if sys.version_info <op> (3, N):``."""
    test = stmt.test
    if (isinstance(test, ast.Compare) and isinstance(test.ops[0], op)
            and ast.unparse(test.left) == "sys.version_info" and isinstance(test.comparators[0], ast.Tuple)):
        return tuple(e.value for e in test.comparators[0].elts)[:2]
    return None


def _removed_in(stmt: ast.If):
    """N when ``stmt`` is ``if sys.version_info < (3, N):`` (names in it vanish in 3.N)."""
    return _version_test(stmt, ast.Lt)


def _defined(body) -> set:
    """The names a stub block defines or imports, in nested ifs too."""
    names = set()
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(stmt.name)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            names |= {t.id for t in getattr(stmt, "targets", [getattr(stmt, "target", None)]) if isinstance(t, ast.Name)}
        elif isinstance(stmt, ast.ImportFrom):
            names |= {alias.asname or alias.name for alias in stmt.names}
        elif type(stmt).__name__ == "TypeAlias":
            names.add(stmt.name.id)
        elif isinstance(stmt, ast.If):
            names |= _defined(stmt.body) | _defined(stmt.orelse)
    return names


def _guarded_names(path: Path, module: str):
    """(name, 3.N) for each public name a stub defines only before 3.N: in the body of ``if
    sys.version_info < (3, N):`` (its else not defining it again) or in the else of ``if
    sys.version_info >= (3, N):`` (its body not defining it), at any depth, in classes too."""
    def walk(body, prefix):
        for stmt in body:
            if isinstance(stmt, ast.ClassDef):
                yield from walk(stmt.body, f"{prefix}.{stmt.name}")
            if not isinstance(stmt, ast.If):
                continue
            before, since = _version_test(stmt, ast.Lt), _version_test(stmt, ast.GtE)
            if before:
                gone = _defined(stmt.body) - _defined(stmt.orelse)
            elif since and stmt.orelse:
                before, gone = since, _defined(stmt.orelse) - _defined(stmt.body)
            else:
                gone = set()
            for name in sorted(gone):
                if not name.startswith("_"):
                    yield f"{prefix}.{name}", before
            for inner in stmt.body + stmt.orelse:
                if isinstance(inner, ast.If):
                    yield from walk([inner], prefix)
                elif isinstance(inner, ast.ClassDef):
                    yield from walk(inner.body, f"{prefix}.{inner.name}")

    yield from walk(ast.parse(path.read_text()).body, module)


def _covered(name: str, version: tuple[int, int]) -> bool:
    """Does the catalog report ``name`` (as typeshed spells it) on ``version``?"""
    tail = ".".join(name.split(".")[-2:])  # Class.method: typeshed may use the defining submodule
    for entry in CATALOG.entries:
        for known in entry.names:
            if (known == name or known.endswith("." + tail) and entry.kind in ("method", "attribute")
                    or entry.kind == "module" and name.startswith(known + ".")):
                if entry.removed_in <= version:
                    return True
    return False


# Names typeshed guards with ``sys.version_info < (3, N)`` that are not removals users can hit.
TYPESHED_NOT_REMOVALS = {
    "asyncio.trsock.TransportSocket": "socket methods on asyncio's internal transport wrapper",
    "modulefinder": "bytecode opcode constants re-exported by accident",
    "binascii.b2a_base64": "signature change (typeshed overload), not a removal",
    "typing_extensions": "third-party",
    "ipaddress._IPAddressBase": "private class",
    "concurrent.futures.process._SafeQueue": "private class",
    "importlib.readers": "internal module",
    "sre_constants.CALL": "internal regex engine opcode",
    "sre_parse.Verbose": "internal regex parser exception",
    "configparser.ParsingError.filename": "attribute of an exception instance, read by almost nobody",
    "importlib.metadata.Deprecated": "internal helper class of importlib.metadata",
    "unittest.load_tests": "served only unittest's own test suite",
    "pdb.Pdb.execRcLines": "typeshed says 3.11, the 3.11 interpreter still has it: cataloged as 3.13",
    # found by walking nested version checks and the else of ``>= (3, N)`` (python/typeshed 21dff5c,
    # 2026-08, and typeshed_client's copy agree), each probed on pyenv's 3.10-3.12 and the real 3.13-3.15
    "ftplib.FTP_TLS.certfile": "instance attributes that went with the keyfile/certfile parameters (OM12080)",
    "ftplib.FTP_TLS.keyfile": "as ftplib.FTP_TLS.certfile",
    "imaplib.IMAP4_SSL.certfile": "as ftplib.FTP_TLS.certfile (OM12082)", "imaplib.IMAP4_SSL.keyfile": "as above",
    "poplib.POP3_SSL.certfile": "as ftplib.FTP_TLS.certfile (OM12084)", "poplib.POP3_SSL.keyfile": "as above",
    "smtplib.SMTP_SSL.certfile": "as ftplib.FTP_TLS.certfile (OM12086)", "smtplib.SMTP_SSL.keyfile": "as above",
    "http.client.HTTPSConnection.cert_file": "as ftplib.FTP_TLS.certfile (the parameters: OM12089/OM12090)",
    "http.client.HTTPSConnection.key_file": "as http.client.HTTPSConnection.cert_file",
    "sqlite3.version": "typeshed hides it from 3.12, when it was deprecated; the real 3.12 and 3.13 have it, 3.14 not:"
                       " catalogued as 3.14",
    "tokenize.EXACT_TOKEN_TYPES": "typeshed hides it from 3.12; tokenize re-exports token's on the real 3.10-3.15",
    "dis.Bytecode.show_offsets": "an attribute 3.13 added (typeshed's guard is of its type), on the real 3.13-3.15",
    "importlib.resources.simple.ResourceContainer.joinpath": "a signature change: present on the real 3.11-3.15",
    "typing.AbstractContextManager": "typeshed's import alias in typing.pyi: no release has typing.AbstractContextManager",
    "typing.AbstractAsyncContextManager": "as typing.AbstractContextManager",
    "pstats.Enum": "enum.Enum imported for the module's own use (present on 3.10, absent from 3.11)",
    "tkinter.Enum": "as pstats.Enum",
    "asyncio.events.AbstractChildWatcher": "typeshed defines it in asyncio.events; the real releases in"
                                           " asyncio.unix_events, catalogued with asyncio's spelling (3.14)",
    "asyncio.windows_events": "Windows event loop policies, deprecated (not removed) in 3.14, where typeshed redefines them",
    "ctypes.wintypes.c_byte": "not in ctypes.wintypes on the real 3.10-3.15 (Linux): typeshed's import for its own use",
    "multiprocessing.reduction.ACKNOWLEDGE": "internal protocol constant",
    "socket.CAN_RAW_ERR_FILTER": "a constant built from the host's kernel headers, not the Python release",
}


def _exempt(name: str) -> bool:
    return any(name.startswith(prefix) for prefix in TYPESHED_NOT_REMOVALS)


def test_every_module_typeshed_says_was_removed_is_in_the_catalog():
    versions = (_typeshed() / "VERSIONS").read_text().splitlines()
    missing = []
    for line in versions:
        module, _, span = line.split("#")[0].partition(":")
        low, _, high = span.strip().partition("-")
        if not high or module.startswith("_") or "#" in module:
            continue
        major, minor = map(int, high.split("."))
        if (major, minor + 1) <= (3, 15) and not _covered(module, (major, minor + 1)):
            missing.append(f"{module} (typeshed: removed in 3.{minor + 1})")
    assert missing == []


def test_names_typeshed_guards_as_removed_are_in_the_catalog():
    stdlib = _typeshed()
    missing = []
    for stub in sorted(stdlib.rglob("*.pyi")):
        relative = stub.relative_to(stdlib).with_suffix("")
        parts = [p for p in relative.parts if p != "__init__"]
        if not parts or any(p.startswith("_") for p in parts):
            continue
        for name, version in _guarded_names(stub, ".".join(parts)):
            if (3, 9) < version <= (3, 15) and not _exempt(name) and not _covered(name, version):
                missing.append(f"{name} (3.{version[1]})")
    assert missing == [], f"{len(missing)} names typeshed removes are not in the catalog"


_REMOVED_MESSAGE = __import__("re").compile(r"remov\w* in (?:Python )?3\.(\d+)", __import__("re").I)


def _deprecated_removals(body, prefix):
    """(qualified name, 3.N, is an overload) for each ``@deprecated("... removed in Python 3.N")`` in a stub."""
    for node in body:
        if isinstance(node, ast.If):
            yield from _deprecated_removals(node.body + node.orelse, prefix)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            decorators = [ast.unparse(d) for d in node.decorator_list]
            for dec in node.decorator_list:
                if (isinstance(dec, ast.Call) and ast.unparse(dec.func).endswith("deprecated") and dec.args
                        and isinstance(dec.args[0], ast.Constant)):
                    match = _REMOVED_MESSAGE.search(str(dec.args[0].value))
                    if match:
                        overload = any(d.endswith("overload") for d in decorators)
                        yield f"{prefix}.{node.name}", (3, int(match[1])), overload
            if isinstance(node, ast.ClassDef):
                yield from _deprecated_removals(node.body, f"{prefix}.{node.name}")


def _removed_exactly_in(name: str, version: tuple[int, int], overload: bool) -> bool:
    """Is there an entry for ``name`` removed in exactly ``version``?

    Typeshed spells names where they are defined (``asyncio.events.get_event_loop_policy``,
    ``_frozen_importlib.BuiltinImporter.find_module``); the catalog spells them as users import them
    (``asyncio.get_event_loop_policy``, ``importlib.machinery.BuiltinImporter.find_module``): private
    parts are dropped and a name re-exported by its package matches.  A deprecated overload is a
    removed parameter (an argument entry) unless the catalog removes the whole function.
    """
    parts = name.split(".")
    if overload and parts[-1] in ("__init__", "__new__"):
        parts = parts[:-1]  # a constructor's parameter: catalogued on the class
    public = [p for p in parts if not p.startswith("_") or p.startswith("__")]
    tail = ".".join(public[-2:])
    spellings = {".".join(parts), f"{public[0]}.{public[-1]}" if len(public) > 1 else public[0]}
    for entry in CATALOG.entries:
        if entry.removed_in != version or (not overload and entry.kind == "argument"):
            continue
        if any(known in spellings or known.endswith("." + tail) for known in entry.names):
            return True
    return False


# Where typeshed's ``@deprecated("... removed in Python 3.N")`` and the catalog disagree, and why.
TYPESHED_DEPRECATED_DISAGREEMENTS = {
    "asyncio.trsock.TransportSocket": "socket methods on asyncio's internal transport wrapper, never documented",
    "_typeshed": "typeshed's own helper for NamedTuple (the real name is typing.NamedTuple)",
    "distutils.sysconfig.get_config_var": "the 'SO' key of get_config_var, a value not a name: distutils itself is"
                                          " removed in 3.12 (OM12...)",
    "sysconfig.get_config_var": "the 'SO' config key returns None since 3.11 instead of raising: a value, not a name",
    "importlib.resources._common.package_to_anchor": "internal decorator; its user-visible effect is the files(package=)"
                                                     " argument entry",
}


def test_typeshed_deprecated_removals_agree_with_the_catalog():
    stdlib = _typeshed()
    wrong = []
    for stub in sorted(stdlib.rglob("*.pyi")):
        parts = [p for p in stub.relative_to(stdlib).with_suffix("").parts if p != "__init__"]
        for name, version, overload in _deprecated_removals(ast.parse(stub.read_text()).body, ".".join(parts)):
            if any(name.startswith(prefix) for prefix in TYPESHED_DEPRECATED_DISAGREEMENTS):
                continue
            if not _removed_exactly_in(name, version, overload):
                wrong.append(f"{name}{'(...)' if overload else ''} (typeshed: removed in {format_version(version)})")
    assert wrong == [], "\n".join(wrong)
