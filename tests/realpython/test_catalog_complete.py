"""Every public standard-library name that a real interpreter has and the next release lacks is in the
catalog, or exempt below with the reason.  The interpreters themselves are the source: What's New
does not list every removal (cProfile.main, tokenize.main, ast.NodeVisitor.visit_Constant...)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from outmoded.catalog import default_catalog, format_version
from realpythons import older_python, real_python

HERE = Path(__file__).resolve().parent
CATALOG = default_catalog()
PROBE = HERE.parents[1] / "src" / "outmoded" / "catalog" / "probe.py"

# Names that vanish between two interpreters but are not removals a user can hit, with the reason.
# Matched as prefixes of the dotted name.
NOT_REMOVALS = {
    "ctypes.macholib": "macOS dylib helpers: Debian's python3.13+ packages leave them out (pyenv's 3.13 has them)",
    "termios.": "C-library constants (NCC, TCGETA...) the real interpreters' newer glibc no longer defines",
    "tty.": "re-exports of termios constants (see termios.)",
    "dis.": "opcode names re-exported from opcode: bytecode changes every release, not an API",
    "opcode.oplists": "internal table of the dis module",
    "multiprocessing.reduction.ACKNOWLEDGE": "internal protocol constant",
    "email.utils.Charset": "imported into email.utils for its own use (email.charset.Charset is the API)",
    "logging.handlers.ST_": "stat constants imported into logging.handlers for its own use",
    "pathlib.E": "errno constants imported into pathlib for its own use",
    "collections.heapq": "a module collections imported for its own use",
    "importlib.metadata.Deprecated": "internal helper classes of importlib.metadata",
    "dbm.ndbm": "the real 3.15 is built without the ndbm C library (a build option, not a removal)",
    "asyncio.trsock.TransportSocket.": "socket methods on asyncio's internal transport wrapper (warned since 3.8): the"
                                       " receiver is only reachable through get_extra_info('socket'), and the names"
                                       " (send, recv, close...) are every socket's",
    "modulefinder.": "bytecode opcode constants modulefinder imported from dis for its own use",
    "sre_compile.CALL": "internal regex engine opcode", "sre_constants.CALL": "internal regex engine opcode",
    "sre_parse.CALL": "internal regex engine opcode", "sre_parse.Verbose": "internal regex parser exception",
    "typing.TypedDict.": "dict methods of the TypedDict class itself (a dict subclass until 3.8, a function since 3.9);"
                         " the dicts a TypedDict describes keep them",
    "importlib.metadata.Prepared.": "internal helper class of importlib.metadata",
    "importlib.metadata.FastPath.": "internal helper class of importlib.metadata",
    "importlib.readers.": "internal module of importlib.resources",
    "pydoc.Helper.": "loop variables (symbol, topic, symbols_) left in the class body",
    "textwrap.TextWrapper.": "loop variables (x) and an internal character table (uspace) in the class body",
    "hashlib.sha3_": "constructors that were classes (_sha3's) in 3.8 and are functions since 3.9: the hash objects"
                     " they return keep these members",
    "hashlib.shake_": "as hashlib.sha3_",
    "asyncio.tools.": "internal module of asyncio's ps/pstree command line (3.14)",
    "asyncio.base_events.coroutine": "asyncio.coroutine imported for the module's own use (asyncio.coroutine itself went in 3.11, OM11001)",
    "asyncio.base_subprocess.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.queues.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.selector_events.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.streams.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.subprocess.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.unix_events.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.locks.coroutine": "as asyncio.base_events.coroutine", "asyncio.tasks.coroutine": "as asyncio.base_events.coroutine",
    "asyncio.coroutines.CoroWrapper.": "attributes of asyncio's internal debug wrapper (the class went in 3.11, OM11002)",
    "token.ASYNC": "gone in 3.7 only: 3.8 brought it back (ast.parse's feature_version)", "token.AWAIT": "as token.ASYNC",
    "tokenize.ASYNC": "as token.ASYNC", "tokenize.AWAIT": "as token.ASYNC",
    "sre_compile.RANGE_IGNORE": "internal regex engine opcode", "sre_constants.RANGE_IGNORE": "as sre_compile.",
    "sre_parse.RANGE_IGNORE": "as sre_compile.RANGE_IGNORE",
    "multiprocessing.forkserver.": "the forkserver's internal wire helpers (read_unsigned, write_unsigned, UNSIGNED_STRUCT)",
}

# Single names (matched exactly) that vanish but are not removals: names a module imported or a loop at
# module level left behind, class attributes that became instance attributes (still there on instances).
NOT_REMOVED_NAMES = {
    "ftplib.FTP.encoding": "a class attribute that became an instance attribute set by __init__ (3.9)",
    "ftplib.FTP_TLS.encoding": "as ftplib.FTP.encoding",
    "enum.auto.value": "a class-level default that became an instance attribute (3.11)",
    "ast.FormattedValue.conversion": "a class-level field default; node instances still have the field",
    "importlib.metadata.EntryPoint.group": "became an instance attribute when EntryPoint stopped being a namedtuple",
    "importlib.metadata.EntryPoint.name": "as importlib.metadata.EntryPoint.group",
    "importlib.metadata.EntryPoint.value": "as importlib.metadata.EntryPoint.group",
    "tempfile.SpooledTemporaryFile.softspace": "a Python 2 file property that raised AttributeError on every Python 3"
                                               " (io objects have no softspace)",
    "ssl.AF_INET": "socket constant imported into ssl for its own use",
    "pathlib.nt": "the nt module (None off Windows) imported for pathlib's own use",
    "pathlib.supports_symlinks": "internal flag of pathlib, never documented",
    "pdb.getsourcelines": "inspect.getsourcelines imported for pdb's own use",
    "pyclbr.DEDENT": "token constant imported for pyclbr's own use", "pyclbr.NAME": "as pyclbr.DEDENT",
    "pyclbr.OP": "as pyclbr.DEDENT",
    "importlib.resources.import_module": "importlib.import_module imported for the module's own use",
    "importlib.resources.ResourceLoader": "importlib.abc.ResourceLoader imported for the module's own use",
    "asyncio.coroutines.logger": "asyncio's logger imported for the module's own use (asyncio.log.logger)",
    "asyncio.sslproto.SSLProtocol.data_received": "internal protocol method (SSLProtocol became a buffered protocol)",
    "email.contentmanager.maintype": "loop variable left at module level",
    "email.contentmanager.subtype": "loop variable left at module level",
    "email.quoprimime.c": "loop variable left at module level",
    "http.cookiejar.month": "loop variable left at module level",
    "http.cookiejar.vals_sorted_by_key": "undocumented internal helper",
    "inspect.k": "loop variable left at module level", "inspect.v": "loop variable left at module level",
    "inspect.mod_dict": "loop variable left at module level",
    "json.encoder.i": "loop variable left at module level",
    "locale.k": "loop variable left at module level", "locale.v": "loop variable left at module level",
    "tokenize.t": "loop variable left at module level", "tokenize.u": "loop variable left at module level",
    "multiprocessing.managers.view_types": "internal table of the managers module",
    "multiprocessing.process.name": "loop variable left at module level",
    "socket.CAN_RAW_ERR_FILTER": "a constant built from the host's kernel headers, not the Python release",
    "base64.test": "the module's undocumented self-test, run by nobody but the module",
    "email.mime.text.Charset": "email.charset.Charset imported for the module's own use",
    "pickle.PyStringMap": "Jython's string map type, None on CPython",
    "sysconfig.pardir": "os.pardir imported for the module's own use",
    "unittest.load_tests": "served only unittest's own test suite",
    "zipfile.FastLookup": "internal cache of zipfile.Path",
    "asyncio.async": "a keyword since 3.7: no code 3.7+ can parse names it (getattr(asyncio, 'async') aside)",
    "asyncio.tasks.async": "as asyncio.async",
    "xml.dom.minidom.Document.async": "as asyncio.async (the attribute is async_ since 3.7)",
    "xml.dom.xmlbuilder.DocumentLS.async": "as xml.dom.minidom.Document.async",
    "asyncio.events.extract_stack": "traceback.extract_stack imported for the module's own use",
    "asyncio.coroutines.debug_wrapper": "internal helper of sys.set_coroutine_wrapper's debug mode (OM08012)",
    "email.utils.ecre": "email.header's regex imported for the module's own use",
    "gettext.ENOENT": "errno.ENOENT imported for the module's own use",
    "multiprocessing.managers.DictProxy.has_key": "the Python 2 dict method on a dict's proxy; builtins.dict.has_key"
                                                  " (3.0) is the removal, the proxy lost it late",
    "unittest.mock.MethodWrapperTypes": "internal table of unittest.mock",
    "unittest.mock.BaseExceptions": "internal table of unittest.mock",
    "uuid.lib": "the ctypes library handle uuid loaded for its own use", "uuid.libname": "as uuid.lib",
    "zipimport.zipimporter.archive": "a class attribute that became an instance attribute (zipimport in Python, 3.8)",
    "zipimport.zipimporter.prefix": "as zipimport.zipimporter.archive",
    "http.client.MAXAMOUNT": "gone from 3.8's later patch releases only, back in 3.9: removed in 3.10 (OM10036)",
}


def _dump(python):
    out = subprocess.run([python, "-I", str(HERE / "stdlib_names.py")], capture_output=True, text=True,
                         check=True, timeout=600).stdout
    return json.loads(out)


def _absent(python, names):
    payload = [["q", "attribute", name, None] for name in names]
    out = subprocess.run([python, "-I", str(PROBE)], input=json.dumps(payload), capture_output=True, text=True,
                         check=True, timeout=300).stdout
    answers = json.loads(out)
    return [name for name in names if answers[f"q:{name}"] == "absent"]


def _catalogued(name, mro, version):
    """Is ``name`` (or the same member of a base class, or its module) in the catalog by ``version``?"""
    parent, _, member = name.rpartition(".")
    spellings = {name} | {f"{base}.{member}" for base in mro}
    for entry in CATALOG.entries:
        if entry.removed_in > version or entry.kind in ("capi", "argument"):
            continue
        for known in entry.names:
            if known in spellings or entry.kind == "module" and name.startswith(known + "."):
                return True
            # a method as its defining submodule spells the class (unittest.case.TestCase.X)
            if entry.kind in ("method", "attribute") and any(
                    known.rsplit(".", 2)[-2:] == s.rsplit(".", 2)[-2:] for s in spellings):
                return True
    return False


def _candidates(old, new):
    """Names in ``old`` missing from ``new`` that the old interpreter defines itself (not imports)."""
    for name, (kind, origin, *rest) in old.items():
        if name in new or kind == "module" and name.count(".") and name.rsplit(".", 1)[0] in old \
                and old[name.rsplit(".", 1)[0]][0] == "module" and origin != name:
            continue
        parent, _, leaf = name.rpartition(".")
        if parent in old and parent not in new:
            continue  # its module or class went (or no longer imports): reported once, as that
        defined_privately = origin and any(part.startswith("_") for part in origin.split("."))
        if origin and kind in ("class", "function") and origin != parent and not origin.startswith("_") \
                and origin.split(".")[0] != parent.split(".")[0]:
            continue  # imported from another module
        if kind in ("class", "function") and defined_privately and origin != parent:
            continue  # a name from a C accelerator or private module, imported for the module's own use
        yield name


def _mro_of(old, name):
    parent = name.rpartition(".")[0]
    info = old.get(parent)
    return info[2] if info and len(info) > 2 else []


@pytest.fixture(scope="module")
def dumps():
    found = {}
    for version in ("3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"):
        python = real_python(version) or older_python(version)
        if python:
            found[version] = (python, _dump(python))
    return found


@pytest.mark.realpython
@pytest.mark.parametrize("old,new", [("3.6", "3.7"), ("3.7", "3.8"), ("3.8", "3.9"), ("3.9", "3.10"), ("3.10", "3.11"), ("3.11", "3.12"),
                                     ("3.12", "3.13"), ("3.13", "3.14"), ("3.14", "3.15")])
def test_every_name_an_interpreter_loses_is_catalogued(dumps, old, new):
    if old not in dumps or new not in dumps:
        pytest.skip(f"needs python{old} and python{new}")
    version = tuple(int(p) for p in new.split("."))
    candidates = [n for n in _candidates(dumps[old][1], dumps[new][1])
                  if n not in NOT_REMOVED_NAMES and not any(n.startswith(prefix) for prefix in NOT_REMOVALS)]
    gone = _absent(dumps[new][0], candidates)  # dir() hides some names (enum aliases) getattr finds
    missing = [n for n in gone if not _catalogued(n, _mro_of(dumps[old][1], n), version)]
    assert missing == [], f"{len(missing)} names python{old} has and python{new} lacks are not in the catalog " \
                          f"(for {format_version(version)})"
