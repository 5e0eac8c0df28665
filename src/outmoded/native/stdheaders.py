"""Names of the C library that ``Python.h`` no longer brings in (catalog ``check: system-header``).

Up to 3.12, ``#include <Python.h>`` included ``<sys/time.h>`` (and, with ``Py_LIMITED_API``,
``<time.h>``); from 3.13 it does not (gh-108765).  With glibc, a source that calls
``gettimeofday()`` or declares a ``struct itimerval`` relying on that include fails to compile
against the 3.13 headers (an undeclared identifier; an implicit declaration, which GCC 14, Clang 16
and every C++ compiler reject).  Such a use is reported only where the answer is certain: a C or
C++ source (not a header, which its includers may precede with the include) that includes
``Python.h`` itself, names the identifier on a line compiled for the target (not after ``->`` or
``.``; ``time``, ``clock`` only called, ``itimerval`` only after ``struct``), neither it
nor a project header it includes defining, declaring or naming it, and whose every ``#include``
(its own and those of the project headers it reaches) is a project file, one of Python's headers or
a C library header of ``PROVIDES`` -- which says, measured with gcc and glibc against Debian's 3.13
headers, which of these names each one declares itself.  Any other include (a C++ library header,
a third-party library's, ``#include MACRO``) may declare them: nothing is reported then.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from outmoded.catalog import format_version
from outmoded.findings import ERROR
from outmoded.native import includes, make, rules
from outmoded.native.headers import PYTHON_H_RE

# The C library headers measured: ``gcc -fsyntax-only -Werror=implicit-function-declaration`` on
# ``#include <Python.h>`` + ``#include <H>`` + a use of each name (tests/native/test_native_stdheaders.py
# re-measures them); every one of them not listed in PROVIDES declares none of the names.
KNOWN = frozenset("""
    assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h locale.h math.h setjmp.h
    signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdio.h stdlib.h stdnoreturn.h string.h
    tgmath.h threads.h time.h uchar.h wchar.h wctype.h unistd.h fcntl.h sys/types.h sys/stat.h sys/socket.h
    sys/select.h sys/time.h sys/resource.h sys/wait.h sys/mman.h sys/ioctl.h sys/un.h netinet/in.h arpa/inet.h
    netdb.h pthread.h dlfcn.h dirent.h poll.h termios.h strings.h utime.h sched.h semaphore.h pwd.h grp.h
    syslog.h sys/utsname.h sys/uio.h sys/param.h sys/file.h sys/times.h byteswap.h endian.h alloca.h malloc.h
    memory.h getopt.h libgen.h regex.h glob.h fnmatch.h iconv.h langinfo.h spawn.h
""".split())
SYS_TIME = frozenset("""
    gettimeofday settimeofday adjtime getitimer setitimer utimes lutimes futimes futimesat itimerval
    ITIMER_REAL ITIMER_VIRTUAL ITIMER_PROF timeradd timersub timerclear timerisset timercmp
    TIMEVAL_TO_TIMESPEC TIMESPEC_TO_TIMEVAL
""".split())
TIME = frozenset("""
    clock time difftime mktime strftime gmtime localtime asctime ctime gmtime_r localtime_r asctime_r
    ctime_r strptime nanosleep clock_gettime clock_getres clock_settime clock_nanosleep timegm tzset
    CLOCKS_PER_SEC CLOCK_REALTIME CLOCK_MONOTONIC CLOCK_PROCESS_CPUTIME_ID CLOCK_THREAD_CPUTIME_ID
    TIMER_ABSTIME
""".split())
PROVIDES = {"sys/time.h": SYS_TIME, "time.h": TIME, "pthread.h": TIME, "threads.h": TIME}
# Python's own headers (3.13's Include/) that include no C library header of their own beyond Python.h's
PYTHON_HEADERS = frozenset("""
    Python.h abstract.h bltinmodule.h boolobject.h bytearrayobject.h bytesobject.h ceval.h codecs.h compile.h
    complexobject.h critical_section.h datetime.h descrobject.h dictobject.h enumobject.h errcode.h exports.h
    fileobject.h fileutils.h floatobject.h frameobject.h genericaliasobject.h import.h intrcheck.h iterobject.h
    listobject.h lock.h longobject.h marshal.h memoryobject.h methodobject.h modsupport.h moduleobject.h
    monitoring.h object.h objimpl.h opcode.h opcode_ids.h osdefs.h osmodule.h patchlevel.h pyatomic.h pybuffer.h
    pycapsule.h pyconfig.h pyerrors.h pyframe.h pyhash.h pylifecycle.h pymacconfig.h pymacro.h pymath.h pymem.h
    pyport.h pystate.h pystats.h pystrcmp.h pystrtod.h pythonrun.h pythread.h pytypedefs.h rangeobject.h
    setobject.h sliceobject.h structmember.h structseq.h sysmodule.h traceback.h tupleobject.h typeslots.h
    unicodeobject.h warnings.h weakrefobject.h
""".split())
CALLED_ONLY = frozenset({"time", "clock"})
PREFILTER = (b"time", b"TIME", b"clock", b"CLOCK", b"nanosleep", b"tzset")  # each name holds one
STRUCT_ONLY = frozenset({"itimerval"})  # struct tm: wchar.h declares it (incomplete), a pointer compiles
WORD_RE = re.compile(r"\b(" + "|".join(sorted(SYS_TIME | TIME, key=len, reverse=True)) + r")\b")
INCLUDE_LINE_RE = re.compile(r'^[ \t]*#[ \t]*(?:include|import)\b[ \t]*(.*)$', re.MULTILINE)
WRITTEN_RE = re.compile(r'[<"]([^>"\r\n]+)[>"]')


@lru_cache(maxsize=1)
def _entries() -> list:
    return [entry for entry in rules().values() if entry.check == "system-header"]


def names_one(data: bytes) -> bool:
    """Might ``data`` (a C file's bytes) use a name ``Python.h`` no longer brings?  (A cheap prefilter.)"""
    return any(word in data for word in PREFILTER) and PYTHON_H_RE.search(data) is not None \
        and WORD_RE.search(data.decode("utf-8", "replace")) is not None


def _closure(path: str, text: str, root: str):
    """(the C library headers the file and the project headers it reaches include, the texts of
    those project headers), or None when an include is none of the known kinds."""
    system: set = set()
    texts: list = []
    seen = {path}
    todo = [(path, text, 0)]
    while todo:
        current, body, depth = todo.pop()
        for match in INCLUDE_LINE_RE.finditer(body):
            written = WRITTEN_RE.match(match.group(1).strip())
            if written is None or depth >= includes.MAX_DEPTH:
                return None  # #include MACRO, or too deep to follow
            name = written.group(1).strip()
            header = includes.resolve(name, os.path.dirname(current), root)
            if header is not None:
                if header not in seen:
                    seen.add(header)
                    texts.append(includes.text_of(header))
                    todo.append((header, texts[-1], depth + 1))
            elif name in KNOWN:
                system.add(name)
            elif name not in PYTHON_HEADERS:
                return None
    return system, texts


def findings(path: str, text: str, tokens: list, directives: list, target: tuple) -> list:
    """The errors for the names of ``text`` (a C source; its live ``tokens`` and ``directives``)
    that ``Python.h`` of ``target`` no longer declares (see above)."""
    from outmoded.native.directives import declared_names, defines_limited_api

    entries = [e for e in _entries() if e.removed_in <= target]
    if not entries or not path.endswith(includes.SOURCE_SUFFIXES) or not PYTHON_H_RE.search(text.encode()):
        return []
    limited = defines_limited_api(directives)
    wanted = {name: entry for entry in entries if limited or not entry.limited_api for name in entry.names}
    used = [i for i, t in enumerate(tokens) if t.kind == "ident" and t.text in wanted and t.directive < 0]
    if not used:
        return []
    path_abs = os.path.abspath(path)
    closure = _closure(path_abs, text, includes.project_root(path_abs))
    if closure is None:
        return []
    system, texts = closure
    provided = set().union(*(PROVIDES.get(name, ()) for name in system))
    named_elsewhere = {m.group(1) for body in texts for m in WORD_RE.finditer(body)}
    in_directives = {m.group(1) for line in re.findall(r"^[ \t]*#.*$", text, re.MULTILINE)
                     for m in WORD_RE.finditer(line)}
    own = declared_names(tokens)
    found = []
    for i in used:
        token = tokens[i]
        name = token.text
        if name in provided or name in named_elsewhere or name in in_directives or name in own:
            continue
        before = tokens[i - 1].text if i else ""
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if before in ("->", ".") or (name in CALLED_ONLY and after != "(") or \
                (name in STRUCT_ONLY) != (before == "struct"):
            continue
        span = (token.line, token.column, token.line, token.column + len(name))
        entry = wanted[name]
        message = f"`{name}` is not declared by Python.h from Python {format_version(entry.removed_in)} on: " \
                  f"{entry.reason}; {entry.replacement}"
        found.append(make(path, span, entry, name, ERROR, message))
    return found
