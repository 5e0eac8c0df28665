"""Names of the C library that Python.h no longer brings in (catalog ``check: system-header``)."""

import re
import subprocess

import pytest
from native_helpers import include_flags, need_gcc, python_includes

from outmoded.catalog.models import format_version
from outmoded.native import rules
from outmoded.native.stdheaders import KNOWN, PROVIDES

ENTRIES = [e for e in rules().values() if e.check == "system-header"]
# a use of each name that needs its declaration; a struct's variable is named v_<struct>
USES = {
    "gettimeofday": "struct timeval tv; gettimeofday(&tv, 0);", "settimeofday": "settimeofday(0, 0);",
    "adjtime": "adjtime(0, 0);", "getitimer": "getitimer(0, 0);", "setitimer": "setitimer(0, 0, 0);",
    "utimes": 'utimes("x", 0);', "lutimes": 'lutimes("x", 0);', "futimes": "futimes(0, 0);",
    "futimesat": 'futimesat(0, "x", 0);', "itimerval": "struct itimerval v_itimerval; (void)v_itimerval;",
    "ITIMER_REAL": "(void)ITIMER_REAL;", "ITIMER_VIRTUAL": "(void)ITIMER_VIRTUAL;", "ITIMER_PROF": "(void)ITIMER_PROF;",
    "timeradd": "struct timeval a, b, c; timeradd(&a, &b, &c);", "timersub": "struct timeval a, b, c; timersub(&a, &b, &c);",
    "timerclear": "struct timeval a; timerclear(&a);", "timerisset": "struct timeval a; (void)timerisset(&a);",
    "timercmp": "struct timeval a, b; (void)timercmp(&a, &b, <);",
    "TIMEVAL_TO_TIMESPEC": "struct timeval a; struct timespec b; TIMEVAL_TO_TIMESPEC(&a, &b);",
    "TIMESPEC_TO_TIMEVAL": "struct timeval a; struct timespec b; TIMESPEC_TO_TIMEVAL(&a, &b);",
    "clock": "(void)clock();", "time": "(void)time(0);", "difftime": "(void)difftime(0, 0);", "mktime": "(void)mktime(0);",
    "strftime": 'char s[9]; (void)strftime(s, 9, "%Y", 0);', "gmtime": "(void)gmtime(0);", "localtime": "(void)localtime(0);",
    "asctime": "(void)asctime(0);", "ctime": "(void)ctime(0);", "gmtime_r": "(void)gmtime_r(0, 0);",
    "localtime_r": "(void)localtime_r(0, 0);", "asctime_r": "(void)asctime_r(0, 0);", "ctime_r": "(void)ctime_r(0, 0);",
    "strptime": '(void)strptime("", "", 0);', "nanosleep": "(void)nanosleep(0, 0);",
    "clock_gettime": "(void)clock_gettime(0, 0);", "clock_getres": "(void)clock_getres(0, 0);",
    "clock_settime": "(void)clock_settime(0, 0);", "clock_nanosleep": "(void)clock_nanosleep(0, 0, 0, 0);",
    "timegm": "(void)timegm(0);", "tzset": "tzset();",
    "CLOCKS_PER_SEC": "(void)CLOCKS_PER_SEC;", "CLOCK_REALTIME": "(void)CLOCK_REALTIME;",
    "CLOCK_MONOTONIC": "(void)CLOCK_MONOTONIC;", "CLOCK_PROCESS_CPUTIME_ID": "(void)CLOCK_PROCESS_CPUTIME_ID;",
    "CLOCK_THREAD_CPUTIME_ID": "(void)CLOCK_THREAD_CPUTIME_ID;", "TIMER_ABSTIME": "(void)TIMER_ABSTIME;",
}
LIMITED = "#define Py_LIMITED_API 0x03020000\n"


def _undeclared(gcc, include, names, tmp_path, prelude="", header=None) -> set:
    """The ``names`` undeclared after ``#include <Python.h>`` (and ``header``) with these headers:
    one compile, GCC 14's default of an error for an implicit declaration, each name's use in its own function."""
    source = tmp_path / "probe.c"
    body = "".join(f"void use_{i}(void) {{ {USES[name]} }}\n" for i, name in enumerate(names))
    source.write_text(f"{prelude}#include <Python.h>\n" + (f"#include <{header}>\n" if header else "") + body)
    done = subprocess.run([gcc, "-fsyntax-only", "-fmax-errors=0", "-Werror=implicit-function-declaration",
                           *include_flags(include), str(source)], capture_output=True, text=True)
    quoted = set(re.findall(r"[‘'`]v?_?(\w+)[’']", done.stderr))
    return {name for name in names if name in quoted or f"v_{name}" in done.stderr}


def test_every_name_is_declared_before_and_undeclared_since(tmp_path):
    """With 3.12.1's headers Python.h declares every name (<time.h>'s with Py_LIMITED_API); with 3.13's
    (pyenv's 3.13.0, Debian's 3.13.18/3.14.10/3.15.2 through $OUTMODED_PYTHON_INCLUDES) none."""
    gcc = need_gcc()
    includes = python_includes()
    checked, wrong = 0, []
    for entry in ENTRIES:
        prelude = LIMITED if entry.limited_api else ""
        for version, include in includes.items():
            if version < (3, 8):
                continue
            gone = _undeclared(gcc, include, entry.names, tmp_path, prelude)
            expected = set(entry.names) if version >= entry.removed_in else set()
            checked += 1
            if gone != expected:
                wrong.append(f"{entry.code} with the {format_version(version)} headers: undeclared "
                             f"{sorted(gone)}, expected {sorted(expected)}")
    if not checked:
        pytest.skip("no CPython headers on this machine")
    assert wrong == []


def test_the_c_library_headers_declare_what_provides_says(tmp_path):
    """Each known C library header, included after Python.h (3.13+ headers), declares exactly the
    names PROVIDES gives it (glibc; skipped elsewhere)."""
    gcc = need_gcc()
    newer = [include for version, include in sorted(python_includes().items()) if version >= (3, 13)]
    if not newer:
        pytest.skip("no CPython 3.13+ headers on this machine")
    if not (subprocess.run([gcc, "-dM", "-E", "-x", "c", "-"], input="#include <features.h>\n",
                           capture_output=True, text=True).stdout.count("__GLIBC__")):
        pytest.skip("the table is glibc's")
    wrong = []
    for header in sorted(KNOWN):
        for entry in ENTRIES:
            prelude = LIMITED if entry.limited_api else ""
            declared = set(entry.names) - _undeclared(gcc, newer[0], entry.names, tmp_path, prelude, header)
            expected = set(entry.names) & set(PROVIDES.get(header, ()))
            if declared != expected:
                wrong.append(f"<{header}> {entry.code}: declares {sorted(declared)}, PROVIDES says {sorted(expected)}")
    assert wrong == []


SOURCE = """\
#include <Python.h>
#include <stdio.h>
static double now(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct itimerval it = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &it, NULL);
    return tv.tv_sec + (double)time(NULL) + s.gettimeofday;
}
"""


@pytest.mark.parametrize("target, expected", [
    ("3.12", []),
    ("3.13", [(5, "gettimeofday"), (6, "itimerval"), (7, "ITIMER_REAL"), (7, "setitimer")]),
    ("3.15", [(5, "gettimeofday"), (6, "itimerval"), (7, "ITIMER_REAL"), (7, "setitimer")]),
])
def test_a_sys_time_name_without_its_include_is_an_error(project, errors, target, expected):
    """time() is still declared without Py_LIMITED_API (pthread.h brings <time.h>), a member is no call."""
    project.write("setup.py", "")
    project.write("ext.c", SOURCE)
    assert sorted(errors("ext.c", target, lines=True)) == expected


def test_time_h_names_only_under_the_limited_api(project, errors):
    project.write("setup.py", "")
    project.write("lim.c", "#define Py_LIMITED_API 0x03080000\n#include <Python.h>\n"
                           "static double now(void) { struct tm t; (void)t; return (double)clock() / CLOCKS_PER_SEC; }\n"
                           "struct S { int time; };\nint h(struct S *s) { return s->time; }\n")
    project.write("full.c", "#include <Python.h>\nstatic double now(void) { struct tm t; (void)t; return clock(); }\n")
    assert sorted(errors("lim.c", "3.13", lines=True)) == [(3, "CLOCKS_PER_SEC"), (3, "clock")]
    assert errors("full.c", "3.13") == set()


@pytest.mark.parametrize("extra, header", [
    ("#include <sys/time.h>\n", None),  # included itself
    ("#include <vector>\n", None),  # a header that may declare it (a C++ library's)
    ('#include "compat.h"\n', "#include <sys/time.h>\n"),  # a project header including it
    ('#include "compat.h"\n', "int gettimeofday(void *, void *);\nstruct itimerval { int it; };\n#define ITIMER_REAL 0\n"),
    ("#include CONFIG_H\n", None),  # an include that cannot be read
])
def test_a_name_that_may_be_declared_is_not_reported(project, errors, extra, header):
    project.write("setup.py", "")
    project.write("ext.c", "#include <Python.h>\n" + extra + "int f(void) { struct itimerval v; (void)v; "
                           "return gettimeofday(0, 0) + ITIMER_REAL; }\n")
    if header:
        project.write("compat.h", header)
    assert errors("ext.c", "3.13") == set()


def test_a_name_a_directive_tests_is_not_reported(project, errors):
    project.write("setup.py", "")
    project.write("ext.c", "#include <Python.h>\n#ifdef ITIMER_REAL\n#endif\nint f(void) { struct itimerval v; (void)v; "
                           "return gettimeofday(0, 0) + ITIMER_REAL; }\n")
    assert errors("ext.c", "3.13") == {"gettimeofday", "itimerval"}


def test_a_header_is_left_to_its_includers(project, errors):
    project.write("setup.py", "")
    project.write("ext.h", "#include <Python.h>\nstatic int f(void) { return gettimeofday(0, 0); }\n")
    assert errors("ext.h", "3.13") == set()
