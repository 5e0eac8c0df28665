"""Which standard-library names a target Python has, from real interpreters' own listings.

``has(module, name, target)`` answers True when the real interpreter of that version lists
``name`` in ``dir(module)``, False when it lists the module but not the name, None when it cannot
tell (no listing for that version, or for that module: not importable where the listings were
made, or one whose contents depend on the platform; a module with a ``__getattr__`` of its own,
for a name it does not list).  ``try: return collections.OrderedDict`` /
``except AttributeError: from . import ordered_dict`` (simplejson 4.3) has a handler that never
runs on 3.13.  ``has_member(cls, name, target)`` answers the same for the members of the stdlib
classes the catalog removes members from (``data/stdlib_members.txt``, their ``dir()``, listed the
same way): ``self.assertRaisesRegex`` in a ``unittest.TestCase`` (reportlab 5.1's tests).

The listings (``data/stdlib_names.txt``) are generated, never written by hand::

    python -m outmoded.present python3.6 python3.7 ... python3.15 > src/outmoded/data/stdlib_names.txt
    python -m outmoded.present --members python3.10 ... python3.15 > src/outmoded/data/stdlib_members.txt

Each interpreter (isolated, without site-packages) imports the modules of its ``sys.stdlib_module_names`` (and their submodules)
in a child process and prints their ``dir()``; one older than 3.10, which has no such list, imports those of
the newer interpreters given (a module removed before 3.10 is not listed: the catalog reports its removal).  The file's first line names the versions; each
other line is ``module[:mask] name[:mask] ...``, where a mask (hexadecimal, bit i for the i-th
version) says on which versions a module or name is there; no mask: on all of them.  The word ``!``
(first, with its mask) marks a package listed on a fresh import (not in ``sys.modules`` before the
lister imported it): every submodule its line lists on those versions was bound by ``import
package`` itself, so a program that imported the package has it (``asyncio.format_helpers``, which
asyncio's ``base_events`` imports).  Without the mark a listed submodule may have been bound by
something imported earlier (``importlib.util``, which ``pkgutil`` imports): ``imports_submodule``
tells.
"""

from __future__ import annotations

import os
import sys

DATA = os.path.join(os.path.dirname(__file__), "data", "stdlib_names.txt")
MEMBERS = os.path.join(os.path.dirname(__file__), "data", "stdlib_members.txt")
# contents that depend on the platform the listings were made on (os.fork, signal.SIGKILL,
# socket.AF_UNIX; sys and time are told name by name in PLATFORM_NAMES) or on the libraries the
# interpreter was built with (sqlite3's and zlib's constants, hashlib.scrypt): not told from one
# build's listing
PLATFORM_MODULES = frozenset({"os", "posix", "nt", "signal", "socket", "select", "errno", "mmap", "fcntl",
                              "termios", "resource", "ssl", "curses", "readline", "ctypes", "locale",
                              "subprocess", "shutil", "asyncio.unix_events", "asyncio.windows_events",
                              "asyncio.windows_utils", "multiprocessing", "selectors",
                              "platform", "stat", "pty", "tty", "grp", "pwd", "syslog", "_thread",
                              "faulthandler", "codecs", "encodings", "math", "hashlib", "zlib", "ctypes.util",
                              "os.path", "posixpath", "ntpath", "importlib.machinery", "site", "sqlite3", "dbm",
                              "lzma", "bz2", "uuid", "decimal", "xml.parsers.expat", "pyexpat"})
# modules whose contents are the same on every platform but for these public names (read in their
# source on 3.10-3.15: threading defines get_native_id only where _thread has it; its local is
# _thread's or _threading_local's).  sys and time: the names their documentation (3.10-3.15) gives
# an availability note or a kind of build, and those sys binds only at run time (last_value, ps1,
# tracebacklimit; frozen, which PyInstaller, cx_Freeze and py2exe set in the app they build, whose
# bundled interpreter is the target's: under if getattr(sys, "frozen", False), import imp runs there
# and fails from 3.12 on, the other branch on a plain CPython): billiard 3.3's try: maxsize =
# sys.maxsize / except AttributeError: maxsize = sys.maxint and requests 2.2x's time.perf_counter / time.clock handlers never run.  asyncio: what
# its __init__ star-imports from unix_events or windows_events (their __all__ on 3.10-3.15), the
# submodules only one platform imports, and streams' AF_UNIX functions; sniffio 1.3's try:
# current_task = asyncio.current_task / except AttributeError: asyncio.Task.current_task never runs
# its handler (the names starting with _ are undecided too, as for every module listed here)
_ASYNCIO_STREAMS = frozenset({"open_unix_connection", "start_unix_server"})
PLATFORM_NAMES = {
    "asyncio": _ASYNCIO_STREAMS | frozenset("""AbstractChildWatcher DefaultEventLoopPolicy EventLoop
        FastChildWatcher IocpProactor MultiLoopChildWatcher PidfdChildWatcher ProactorEventLoop SafeChildWatcher
        SelectorEventLoop ThreadedChildWatcher WindowsProactorEventLoopPolicy WindowsSelectorEventLoopPolicy
        unix_events windows_events windows_utils proactor_events""".split()),
    "asyncio.streams": _ASYNCIO_STREAMS,
    "threading": frozenset({"get_native_id"}),
    "sys": frozenset("""abiflags abi_info dllhandle getwindowsversion winver getdlopenflags setdlopenflags
        getandroidapilevel activate_stack_trampoline deactivate_stack_trampoline is_stack_trampoline_active
        gettotalrefcount getobjects remote_exec is_remote_debug_enabled last_type last_value last_traceback
        last_exc ps1 ps2 tracebacklimit frozen""".split()),
    "time": frozenset("""clock_getres clock_gettime clock_gettime_ns clock_settime clock_settime_ns
        pthread_getcpuclockid tzset thread_time thread_time_ns CLOCK_BOOTTIME CLOCK_HIGHRES CLOCK_MONOTONIC
        CLOCK_MONOTONIC_RAW CLOCK_MONOTONIC_RAW_APPROX CLOCK_PROCESS_CPUTIME_ID CLOCK_PROF CLOCK_REALTIME
        CLOCK_TAI CLOCK_THREAD_CPUTIME_ID CLOCK_UPTIME CLOCK_UPTIME_RAW CLOCK_UPTIME_RAW_APPROX""".split()),
}
# modules never imported to list them: they act on import, or need a display or a test tree
SKIPPED = frozenset({"antigravity", "this", "idlelib", "test", "turtledemo", "__main__", "tkinter", "turtle",
                     "ensurepip", "pydoc_data", "lib2to3"})
# the listings of 3.6-3.9 serve the private-name generator (outmoded.catalog.privatenames); a check is
# answered from 3.10 on only, the releases PLATFORM_MODULES and PLATFORM_NAMES were read for
ANSWERED_FROM = (3, 10)
_listings: dict | None = None
_versions: list = []
_members: dict | None = None
_member_versions: list = []


def has(module: str, name: str, target: tuple[int, int]) -> bool | None:
    """Is ``module.name`` there on ``target`` (True / False), or can the listings not tell (None)?"""
    if module in PLATFORM_MODULES or module.split(".")[0] in PLATFORM_MODULES or target < ANSWERED_FROM:
        return None
    if module in PLATFORM_NAMES and (name in PLATFORM_NAMES[module] or name.startswith("_")):
        return None
    if not name.isidentifier():
        return None  # "!": the listing's mark, not a name
    found = _line(_load(), _versions, module, target)
    if found is None:
        return None
    line, bit = found
    module_mask = line.get("")
    if module_mask is not None and not module_mask & bit:
        return None  # not listed on that version (removed: the catalog's business)
    mask = line.get(name)
    if mask is not None and mask & bit:
        return True
    lazy = line.get("__getattr__")  # a module __getattr__ may give it (concurrent.futures' executors)
    return None if lazy is not None and lazy & bit else False


def imports_submodule(package: str, name: str, target: tuple[int, int]) -> bool:
    """Does ``import package`` itself bind its submodule ``package.name`` on ``target``: the
    package's listing there is a fresh import's (marked ``!``) and lists ``name``?"""
    if has(package, name, target) is not True or not module_on(f"{package}.{name}", target):
        return False  # not there, or not told (a platform's: asyncio.unix_events)
    found = _line(_load(), _versions, package, target)
    return found is not None and bool(found[0].get("!", 0) & found[0].get(name, 0) & found[1])


def has_member(cls: str, name: str, target: tuple[int, int]) -> bool | None:
    """Does the real interpreter of ``target`` list ``name`` in ``dir(cls)`` (True / False), for a
    stdlib class the members listing holds (None: not listed, or not on that version)?"""
    global _members
    if _members is None:
        _members = _read(MEMBERS, _member_versions)
    found = _line(_members, _member_versions, cls, target)
    if found is None or not found[0].get("", 0) & found[1]:
        return None
    return bool(found[0].get(name, 0) & found[1])


def module_on(module: str, target: tuple[int, int]) -> bool:
    """Does the real interpreter of ``target`` list the stdlib module ``module`` (a module newer
    than the one running outmoded: ``compression``, 3.14's)?"""
    found = _line(_load(), _versions, module, target) if target >= ANSWERED_FROM else None
    return found is not None and bool(found[0].get("", 0) & found[1])


# dotted names a stdlib module puts in sys.modules itself, no file of their own, so the listings do
# not show them as modules: after importing every stdlib module, the sys.modules keys whose parent
# has no __path__ (pyenv's 3.10-3.12, the real 3.13-3.15), and collections.abc (a package's, from 3.13)
SYS_MODULES_ALIASES = frozenset({"os.path", "typing.io", "typing.re", "pyexpat.errors", "pyexpat.model",
                                 "xml.parsers.expat.errors", "xml.parsers.expat.model", "math.integer",
                                 "collections.abc"})


def not_a_module(dotted: str, target: tuple[int, int]) -> bool:
    """Does ``import dotted`` certainly fail on ``target`` because a part of it is a name of a
    stdlib module there that is no module (a class, a function): ``has`` is True for it, no listing
    names it a module and it is not one the module puts in sys.modules itself?  Yapsy 1.12.2:
    ``try: import importlib.abc.Loader as imp`` / ``except ImportError: import imp`` (No module
    named 'importlib.abc.Loader'; 'importlib.abc' is not a package, on every Python 3)."""
    parts = dotted.split(".")
    for cut in range(1, len(parts)):
        parent, name = ".".join(parts[:cut]), ".".join(parts[:cut + 1])
        if not module_on(parent, target):
            return False
        if parts[cut].startswith("_"):
            return False  # the listings name no private submodule (importlib._bootstrap, re._parser)
        if name not in SYS_MODULES_ALIASES and has(parent, parts[cut], target) is True and not module_on(name, target):
            return True
    return False


def _line(listings: dict, versions: list, key: str, target: tuple[int, int]) -> tuple[dict, int] | None:
    """(name -> mask, for the line of ``key``; the target's bit), or None: no listing of that
    version, or no line for ``key``."""
    if target not in versions:
        return None
    line = listings.get(key)
    if line is None:
        return None
    if isinstance(line, str):
        line = listings[key] = _names(line, len(versions))
    return line, 1 << versions.index(target)


def _load() -> dict:
    global _listings
    if _listings is None:
        _listings = _read(DATA, _versions)
    return _listings


def _read(path: str, versions: list) -> dict:
    """A listings file's lines by their first word (the module or class), its versions into
    ``versions``."""
    listings: dict = {}
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return listings
    versions[:] = [tuple(int(p) for p in v.split(".")) for v in lines[0].split()[1:]] if lines else []
    for line in lines[1:]:
        listings[line.partition(" ")[0].partition(":")[0]] = line
    return listings


def _names(line: str, count: int = 0) -> dict:
    """name -> mask for one module's (or class's) line; its own mask under ""."""
    full = (1 << (count or len(_versions))) - 1
    words = line.split()
    names = {}
    for index, word in enumerate(words):
        name, _, mask = word.partition(":")
        names["" if index == 0 else name] = int(mask, 16) if mask else full
    return names


LISTER = r"""
import contextlib, importlib, io, pkgutil, sys, warnings
warnings.simplefilter("ignore")
skipped = set(sys.argv[1].split(","))
def listed(name):
    fresh = name not in sys.modules
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            module = importlib.import_module(name)
    except BaseException:
        return None
    names = sorted(n for n in dir(module) if n == "__getattr__" or not (n.startswith("__") and n.endswith("__")))
    print(name, " ".join((["!"] if fresh and hasattr(module, "__path__") else []) + names))
    return module
for top in sorted(getattr(sys, "stdlib_module_names", None) or sys.argv[2].split(",")):
    if top in skipped or top.startswith("_"):
        continue
    module = listed(top)
    for info in pkgutil.walk_packages(getattr(module, "__path__", None) or [], top + "."):
        if not any(p.startswith("_") or p in ("test", "tests") for p in info.name.split(".")[1:]):
            listed(info.name)
"""


MEMBER_LISTER = r"""
import contextlib, importlib, io, sys, warnings
warnings.simplefilter("ignore")
done = set(sys.argv[1].split(","))
for name in sys.argv[1].split(","):
    module, _, qualname = name.rpartition(".")
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            cls = getattr(importlib.import_module(module), qualname)
    except BaseException:
        continue
    if not isinstance(cls, type):
        continue
    # its stdlib bases too, under the names a program reads them by (ftplib.FTP, FTP_TLS's): a
    # probe of one for what the subclass lost (hasattr(client_class, "ssl_version")) is answered
    for each in cls.__mro__[:-1]:
        spelled = f"{each.__module__}.{each.__qualname__}"
        if each is cls or ("." not in each.__qualname__ and not any(p.startswith("_") for p in spelled.split("."))
                           and spelled not in done and getattr(sys.modules.get(each.__module__), each.__qualname__, None) is each):
            done.add(name if each is cls else spelled)
            print(name if each is cls else spelled,
                  " ".join(sorted(n for n in dir(each) if not (n.startswith("__") and n.endswith("__")))))
"""


# builtin types whose members Python 2 era code probes for in a try body, with the removed name in
# its handler (ranger-fm 1.9.4's ``try: maketrans = str.maketrans`` / ``except AttributeError: from
# string import maketrans``): listed with the catalog's classes, so such a body cannot fail there
PROBED_BUILTINS = ("builtins.bytes", "builtins.str")


def catalog_classes() -> list[str]:
    """The stdlib classes the catalog removes methods or attributes from (``unittest.TestCase``,
    ``configparser.RawConfigParser``...), and ``PROBED_BUILTINS``: the classes whose members are listed."""
    from outmoded.catalog import default_catalog

    return sorted({e.name.rpartition(".")[0] for e in default_catalog().entries if e.kind in ("method", "attribute")}
                  | set(PROBED_BUILTINS))


def generate(interpreters: list[str], members: bool = False) -> str:
    """The listings file's text, from these interpreters (run in child processes): the modules'
    names, or with ``members`` the catalog's classes' members."""
    import subprocess

    per_version = {}
    # the top-level modules for interpreters without sys.stdlib_module_names (before 3.10): the others'
    tops = set()
    for interpreter in interpreters:
        tops.update(subprocess.run([interpreter, "-c", "import sys; print(*getattr(sys, 'stdlib_module_names', ()))"],
                                   capture_output=True, text=True, check=True).stdout.split())
    classes = catalog_classes() if members else []
    if members:  # their stdlib bases on any of the interpreters, then listed on each
        for interpreter in interpreters:
            run = subprocess.run([interpreter, "-I", "-S", "-c", MEMBER_LISTER, ",".join(classes)], capture_output=True,
                                 text=True, check=True, stdin=subprocess.DEVNULL, timeout=600)
            classes = sorted(set(classes) | {line.split(" ")[0] for line in run.stdout.splitlines() if line})
    for interpreter in interpreters:
        version = subprocess.run([interpreter, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        lister, arguments = (MEMBER_LISTER, [",".join(classes)]) if members else \
            (LISTER, [",".join(sorted(SKIPPED)), ",".join(sorted(tops))])
        run = subprocess.run([interpreter, "-I", "-S", "-c", lister, *arguments], capture_output=True,
                             text=True, check=True, stdin=subprocess.DEVNULL, timeout=600)
        per_version[version] = {line.split(" ")[0]: set(line.split(" ")[1:]) - {""}
                                for line in run.stdout.splitlines() if line}
    versions = sorted(per_version, key=lambda v: tuple(map(int, v.split("."))))
    full = (1 << len(versions)) - 1

    def mask(present) -> str:
        value = sum(1 << i for i, v in enumerate(versions) if present(v))
        return "" if value == full else ":%x" % value

    out = ["# " + " ".join(versions)]
    for module in sorted(set().union(*per_version.values())):
        names = sorted(set().union(*(per_version[v].get(module, ()) for v in versions)))
        words = [module + mask(lambda v: module in per_version[v])]
        words += [n + mask(lambda v: n in per_version[v].get(module, ())) for n in names]
        out.append(" ".join(words))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate([a for a in sys.argv[1:] if a != "--members"], "--members" in sys.argv[1:]))
