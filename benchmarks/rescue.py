"""Rescue old projects: run their own test suites before and after ``outmoded fix``, on 3.11 and
on real 3.13 / 3.15, and check that what ``check`` promised is what ``fix`` changed.

    python benchmarks/rescue.py [--cache DIR] [--work DIR] [--pythons 3.11,3.13,3.15] [--only NAME]

Each project is an old release of a pure-Python project whose own tests fail on new Pythons
because of removed APIs.  Its sdist is downloaded from the package index (never vendored, never
built: no setup.py runs) into ``--cache`` and unpacked twice; one copy gets
``outmoded fix --target-version 3.15 --min-version 3.8`` (these projects declare Python 2
support, for which ``fix`` would rightly refuse every Python 2 name; 3.8, not 3.9: a floor hides
what it already lacks as already broken, and what 3.9 removed, such as ``Thread.isAlive``, fails
the 3.11 run too).  Interpreters come from
``eval "$(../shared/tools/real-pythons)"`` (``python3.13``, ``python3.15`` on PATH); they have no
pip, so pytest is installed for them with ``pip install --target DIR --python-version X.Y
--only-binary :all: pytest`` and put on ``PYTHONPATH``.

Prints a markdown table: tests failing before / after, per Python, and the promise check
(``[*]`` findings of ``check`` against the findings ``fix`` reports fixed).  A second table
takes the files ``fix`` rewrote: how many compile on each Python after the fix, and how many
import there before -> after (a fixed file must never fail where it did not).

    python benchmarks/rescue.py --promise [--unsafe-fixes] [--only NAME] [NAME==VER ...]

checks the promise alone, without running test suites, on ``PROMISE`` (or the releases named):
``check --target-version 3.13 --min-version 3.8`` (``--target 3.14``, ``--target 3.15``: that version) on one copy, ``fix``
the same way on another, then every ``[*]`` finding must be gone (``left``), no finding may appear that was not there (``new``), a
second ``fix`` must change nothing (``again``), and each rewritten file must compile on real
``python3.13``, ``python3.14``, ``python3.15`` and pyenv's 3.8 (the floor) and import there, one module per process,
wherever it imported before the fix (``broken``: files that do not compile, or import no more).  What
breaks is listed after the table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# name==version: (pytest arguments, extra args for outmoded fix)
PROJECTS = {
    "MarkupSafe==1.0": (["tests.py"], []),  # collections.Mapping
    # inspect.getargspec, collections ABCs, imp; cgi (no automatic fix) fails it on 3.13+. Left on
    # 3.11 after fix, none promised: its template lexer's pattern puts (?m) after its start (an
    # re.error from 3.11; built in pieces on a class and %-formatted in a method, which check's
    # OMB11002 cannot see) and hmac.new(key, msg) without digestmod (OMB08001, an error since 3.8:
    # fixed with digestmod="md5", but not here, where the 3.8 floor counts it as already broken; with
    # --min-version 3.7 it is promised and fixed, 17/17, and a cookie bottle signed on 3.7 verifies on
    # 3.11 after the fix); most of the 89 failures follow from those two
    "bottle==0.12.13": (["test"], ["--unsafe-fixes"]),
    # assertEquals & co. and cache_from_source(debug_override) in its tests, which run
    # unittest.main() on import: run as scripts from their folder
    "ply==3.11": (["script:test/testlex.py", "script:test/testyacc.py"], []),
    # testsuite/E*.py and W*.py are pycodestyle's input data (they must keep types.IntType); one
    # more failure after fix on every Python: test_own_dog_food checks its own line length, and
    # unittest.TestLoader().loadTestsFromTestCase(...) makes five lines of test_all.py exceed 79
    "pycodestyle==2.3.1": (["testsuite"], ["--extend-exclude", "testsuite/[EW]*.py"]),
    # ast.Num & co.; ~418 of its tests fail on every Python >= 3.8, before and after fix: its
    # checker dispatches on node class names and has no handler for ast.Constant
    # (AttributeError: 'Checker' object has no attribute 'CONSTANT')
    "pyflakes==1.6.0": (["pyflakes/test"], ["--unsafe-fixes"]),
    "xlrd==1.2.0": (["tests"], []),  # getiterator behind a fallback: passes before and after
    # not rescued, causes named: its template compiler's ast printer predates ast.Constant (3.8),
    # so defaults print empty (33 failures on every Python); 3.15 removed
    # SourceFileLoader.load_module (OM15006, no automatic fix); time.clock and cgi.escape (unsafe
    # fixes) were removed in 3.8, the floor here, so they are not reported
    "Mako==1.0.7": (["test"], ["--unsafe-fixes"]),
    # control: its collections ABCs are imported in try/except ImportError with collections.abc as
    # the fallback (no finding); passes everywhere, before and after
    "jsonschema==2.6.0": (["jsonschema/tests"], []),
    # collections.Mapping & co. in cerberus/, which its tests' conftest.py imports: nothing runs
    # before fix; 7 left on every Python after it: pytest.raises(..., message=), removed in pytest 5
    "Cerberus==1.1": (["cerberus/tests"], []),
    # collections.Mapping in jwt/api_jws.py and api_jwt.py; left after fix, none outmoded's: today's
    # cryptography rejects its old EC test keys (5, 3.11 only: the real Pythons have no cryptography,
    # those tests skip), two tests expecting pytest.deprecated_call to raise AssertionError (today's
    # pytest raises its own Failed), and tests/test_utils.py cannot be collected (a pytest.mark inside parametrize values, pytest 4)
    "PyJWT==1.5.3": (["tests"], []),
    # collections.MutableMapping & co. (every test module fails at import before fix), Thread.isAlive
    # (3.9, seen only with a floor below 3.9); on 3.13+ webob/compat.py imports cgi
    # (cgi.parse_header, cgi.FieldStorage: OM13003-6, no automatic fix): every module fails there
    "WebOb==1.7.4": (["tests"], []),
    # collections.Sized & co. as decorator arguments (@g.register(collections.Sized): promised, left
    # unfixed until c0dbc46), f.thread.isAlive() (unknown receiver: an unsafe fix). Left after fix:
    # 'c = collections; c.Sized' in src/tests/test.py (an alias check does not follow: no finding),
    # collections.Set in the doctests of documentation.py's docstring (text, not code), and
    # test_qualname's sys.version >= '3.3', a string comparison false on 3.10+
    "decorator==4.1.2": (["src/tests/test.py"], ["--unsafe-fixes"]),
    # collections.Callable behind its own PY3 flag; passes before and after: test_minimize_dfa
    # (set order) and test_buffered_threads (timing) fail at random on any Python
    "Whoosh==2.7.4": (["tests"], []),
    "itsdangerous==0.24": (["tests.py"], []),  # control: nothing removed, passes before and after
    # imp in yapsy/PluginManager.py (OM12001, no automatic fix): fails on 3.12+ before and after;
    # distutils' StrictVersion -> packaging's Version (unsafe): test_PluginInfo compares the version
    # with the string '0.0', which StrictVersion equals and Version does not (one more failure)
    "Yapsy==1.11.223": (["test"], ["--unsafe-fixes"]),
    # inspect.formatargspec (OM11018, no automatic fix): create_autospec fails from 3.11, before and
    # after; its test modules are named test*.py. On 3.12+ also self.assertRaisesRegexp, unreported:
    # tests/support.py picks unittest under 'info = sys.version_info; if info[:3] >= (3, 2, 0):',
    # a guard check leaves undecided, so the TestCase base may be unittest2's
    "mock==1.0.1": (["-o", "python_files=test*.py", "tests"], []),
    # promise20's (--pythons 3.11,3.13): imp.new_module, assertRaisesRegexp; 7 of 130 failing on 3.11
    # before and after (none outmoded's), on 3.13 3 collection errors (imp) before, the same 7 after
    "cogapp==3.0.0": (["cogapp"], []),
    "PyDispatcher==2.0.5": (["tests"], []),  # unittest.makeSuite: passes before and after, 3.11 and 3.13
    # ast.Constant's .s after isinstance(node, ast.Str): 1 (3.11) and 5 (3.13) of 703 failing before and
    # after; with --unsafe-fixes 17 and 21 after: isinstance(x, ast.Str) -> ast.Constant matches every
    # constant, as its unsafe note says
    "pyflakes==3.0.1": (["pyflakes/test"], []),
    "pyflakes==2.1.1": (["pyflakes/test"], ["--unsafe-fixes"]),  # 5 -> 6 (3.11), 6 -> 7 (3.13) of 666
    "RestrictedPython==5.2": (["tests"], ["--unsafe-fixes"]),  # ast.Num & co. (unsafe): 70 of 269 everywhere
}
# releases whose promise --promise checks besides PROJECTS': old pure-Python releases (noise.py's OLD;
# beautifulsoup4 to rsa and aiotask-context never measured before promise15), most with [*] findings at
# 3.13 under a 3.8 floor; aiotask-context 0.4's Task.current_task() outside a loop made that fix unsafe
PROMISE = list(PROJECTS) + """tornado==4.5.3 nose==1.3.7 paramiko==1.18.5 web.py==0.40 Werkzeug==0.9.6
Jinja2==2.7.3 Flask==0.10.1 requests==2.5.3 CherryPy==3.2.6 feedparser==5.2.1 Markdown==2.6.11 docutils==0.14
Paste==3.2.0 configobj==5.0.6 Pygments==2.2.0 sqlparse==0.2.4 testtools==2.3.0 networkx==1.11 Genshi==0.7.3
Flask-Script==2.0.6 beautifulsoup4==4.6.0 oauthlib==2.1.0 pycparser==2.18 nltk==3.2.5 xmltodict==0.11.0
pystache==0.5.4 rsa==3.4.2 aiotask-context==0.4 kombu==3.0.37 celery==3.1.26.post2 astroid==1.6.6 pylint==1.9.5
pyparsing==2.2.0 html5lib==0.999999999 Babel==2.6.0 pytest==3.0.7 python-dateutil==2.6.1 APScheduler==3.5.3
luigi==2.8.3 kazoo==2.4.0 websocket-client==0.48.0 pyramid==1.9.4 falcon==1.4.1 rope==0.14.0 aiohttp==2.3.10
pymodbus==2.5.3 Twisted==21.2.0 marshmallow==2.19.5 boltons==19.1.0""".split()
# promise16's batch (noise.py's OLD, never run here), each with [*] findings at 3.13 and 3.15 under a
# 3.8 floor; redis 2.10.6, httplib2 0.12.0, jedi 0.13.3, PyMySQL 0.7.11, mock 2.0.0, py 1.4.34,
# asynctest 0.13.0, pyftpdlib 1.5.6, mechanize 0.4.5, cement 2.10.14 and PyPDF2 1.26.0 had none
PROMISE += """pexpect==4.2.1 nose2==0.6.5 eventlet==0.25.1 WebTest==2.0.18 supervisor==4.1.0 pymongo==3.8.0
oauth2client==4.1.3 gunicorn==19.9.0 waitress==1.0.2 unittest2==1.1.0 future==0.16.0 pika==0.13.1 dnspython==1.15.0
IMAPClient==1.1.0 paramiko==2.4.2 logilab-common==1.4.2 boto==2.49.0 Scrapy==1.5.2 sleekxmpp==1.3.3 yapf==0.30.0
behave==1.2.6 tqdm==4.28.1 Routes==2.5.1 selenium==3.141.0""".split()
# promise17's batch (noise.py's OLD, never run here), chosen for fix kinds the batches above rarely
# hold: failUnlessRaises and assert_ (dnspython, pyzmq, Cython), readfp (pip, bumpversion) and
# sre_constants at 3.15 (pip, bumpversion, pyparsing), findTestCases and makeSuite templates
# (Cheetah3, Genshi, pexpect, jsonpickle), gettext.translation's codeset= dropped (Django),
# imp.get_magic's template (pysnmp, mitogen), HTMLParser.unescape (textile), pipes.quote (pyzmq,
# fire), unittest._TextTestResult (Cython), getargspec behind an unsafe fix (wrapt, testfixtures)
PROMISE += """dnspython==1.16.0 Flask-RESTful==0.3.6 Cython==0.29.21 pip==9.0.3 pyzmq==18.1.1 Cheetah3==3.2.6.post1
Django==1.11.29 testfixtures==6.4.1 wrapt==1.13.3 pexpect==4.8.0 Genshi==0.7.7 future==0.18.3 mitogen==0.3.3
bumpversion==0.5.3 pyparsing==3.0.9 asteval==0.9.18 decorator==4.3.0 PyContracts==1.8.12 fire==0.1.3 coverage==4.5.4
pysnmp==4.3.2 jsonpickle==1.2 sqlalchemy-migrate==0.12.0 textile==3.0.3 Cerberus==1.2""".split()
# promise18's batch (noise.py's OLD, never run here), chosen for fix kinds the batches above rarely
# hold: asyncio's loop= dropped (aiohttp 3.6.3's 52, asynctest, websockets: unsafe), ast.Str/Num and
# their n=/s= keywords (bandit 1.5.1, Werkzeug 1.0.1: unsafe), array.fromstring (msgpack), failUnless
# and failIf (psycopg2, pycrypto), makeSuite (defusedxml, pep8), pipes (humanfriendly), getchildren,
# getiterator, base64.encodestring and sre_constants.error (pylint 2.6.0), assertRaisesRegexp (botocore,
# s3transfer), distutils under --unsafe-fixes (PyYAML 3.12, pbr), readfp (Trac, pbr, PasteDeploy, pip)
PROMISE += """psycopg2==2.7.7 simplejson==2.6.2 pycrypto==2.6.1 defusedxml==0.7.1 humanfriendly==4.18 pylibmc==1.6.1
blist==1.3.6 Flask-Cors==3.0.7 robotframework==3.1.2 stomp.py==4.1.21 vcrpy==2.0.1 aiohttp==3.6.3 asynctest==0.13.0
websockets==6.0 bandit==1.5.1 Werkzeug==1.0.1 msgpack==0.5.6 SQLAlchemy==0.9.10 PyYAML==3.12 pbr==5.1.3
httpretty==0.9.6 huey==1.10.5 PasteDeploy==2.0.1 pep8==1.7.1 pylint==2.6.0 nltk==3.4.5 spyne==2.14.0 Trac==1.6
kitchen==1.2.6 botocore==1.20.112 pip==20.3.4 s3transfer==0.4.2 tornado==5.1.1 trollius==2.2.post1
nose2==0.9.2""".split()
# promise19's batch (noise.py's OLD, never run here), chosen for fix kinds the batches above rarely
# hold, each checked at 3.15 (and 3.14 --unsafe-fixes, 3.13): ast.Constant's .s / .n read and stored
# (ipython 7.34.0's node.n = -node.n, mypy 0.790, pyupgrade 2.38.4, pyflakes 2.4.0, astor 0.8.1, MacroPy3,
# Babel, Chameleon), typing.io (antlr4 4.8), imp.new_module / get_magic / reload (hy 0.14.0, MacroPy3,
# ipython), pipes.quote (mypy, notebook, humanfriendly 10.0), getchildren / getiterator, base64's
# encodestring and sre_constants.error (pylint 2.4.4), SafeConfigParser and readfp beside a project's own
# readfp (iniparse 0.5), cache_from_source(debug_override) (xonsh 0.9.27's vendored ply), json.load's
# encoding= (scapy 2.4.3), Thread.isAlive (pyusb 1.1.0), asyncio's loop= (hbmqtt 0.9.6, aiohttp 3.7.4.post0:
# unsafe), assertRegexpMatches & co. (tornado 6.0.4, eventlet 0.33.3's assert_ alias), distutils' versions,
# spawn and sysconfig under --unsafe-fixes (sympy 1.5.1); all kept the promise, 3.13, 3.14 and 3.15 alike
PROMISE += """pylint==2.4.4 tornado==6.0.4 xonsh==0.9.27 mypy==0.790 iniparse==0.5 invoke==1.2.0
antlr4-python3-runtime==4.8 pyupgrade==2.38.4 MacroPy3==1.1.0b2 Babel==2.11.0 pyusb==1.1.0 hy==0.14.0 astor==0.8.1
humanfriendly==10.0 pyflakes==2.4.0 bandit==1.7.4 notebook==6.4.12 scapy==2.4.3 eventlet==0.33.3 ipython==7.34.0
celery==4.4.7 Django==2.2.28 Chameleon==3.10.1 hbmqtt==0.9.6 aiohttp==3.7.4.post0 sympy==1.5.1 pymongo==3.12.3
configparser==3.5.0""".split()
# promise20's batch (noise.py's OLD, never run here), the 25 with the most [*] at 3.15 (safe) and
# unsafe fixes among ~160 OLD releases screened with check --target-version 3.15 --min-version 3.8:
# makeSuite (zope.testrunner 5.2's 101), ast.Constant's .s / .n (bandit 1.7.5, pyflakes, pyupgrade,
# black, vulture, xdoctest, griffe, flake8-bugbear), asyncio's loop= and coroutine (aiokafka, aiomysql,
# websockets, asyncio-nats-client, janus: unsafe), collections ABCs (executing, slixmpp), imp (cogapp);
# all kept the promise: 158 [*] at 3.15, 433 at 3.14 with --unsafe-fixes, 115 at 3.13, each fixed, none
# left or new, a second fix changing nothing, no fixed file broken on 3.8, 3.13, 3.14 or 3.15
# (cogapp, PyDispatcher, pyflakes 3.0.1 and 2.1.1, RestrictedPython: in PROJECTS, their suites run too)
PROMISE += """zope.testrunner==5.2 bandit==1.7.5 aiokafka==0.5.2 pyupgrade==3.3.1 pytest==7.1.3 aiomysql==0.0.21
flake8-bugbear==22.12.6 pyupgrade==1.26.2 executing==1.2.0 websockets==9.1 black==22.12.0
asyncio-nats-client==0.11.4 janus==0.4.0 vulture==2.6 xdoctest==1.1.2 slixmpp==1.4.2 asttokens==2.2.1
griffe==0.25.5 joblib==0.14.1 traitlets==4.3.3""".split()
SUMMARY = re.compile(r"(\d+) (failed|passed|errors?)\b")
TIMEOUT = 600


def spellings(name: str) -> list[str]:
    """The spellings a release's files may give ``name``: as given, the index's canonical one
    (``jaraco-classes``), with dots (``jaraco.classes-3.4.0.tar.gz``) and with underscores (a
    newer sdist's ``jaraco_classes-...``); first as given, each once."""
    spelled = [name] + [re.sub(r"[-_.]+", sep, name) for sep in ("-", ".", "_")]
    return list(dict.fromkeys(spelled))


def fetch(spec: str, cache: Path) -> Path:
    """The sdist of ``spec`` from the package index's JSON simple API, cached; where the release
    has none, its pure-Python wheel (``*-none-any.whl``), which holds the source.  The project is
    asked for by its canonical name and its files matched under every spelling of it
    (``spellings``).  LookupError when the index has no such project or no such file."""
    from pip._internal.models.index import PyPI  # the index pip itself uses by default

    name, version = spec.split("==")
    cache.mkdir(parents=True, exist_ok=True)
    names = spellings(name)
    # exactly this version: Jinja2-2.10.* would match 2.10.1 too
    for spelling in names:
        for suffix in (".tar.gz", ".zip", "-*-none-any.whl"):
            for existing in cache.glob(f"{spelling}-{version}{suffix}"):
                return existing
    index = os.environ.get("PIP_INDEX_URL", PyPI.simple_url).rstrip("/")
    canonical = re.sub(r"[-_.]+", "-", name).lower()
    request = urllib.request.Request(f"{index}/{canonical}/",
                                     headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            files = json.load(response)["files"]
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise LookupError(f"no project {canonical} on the index") from None
        raise
    exact = {f"{spelling}-{version}{suffix}".lower() for spelling in names for suffix in (".tar.gz", ".zip")}
    wanted = [f for f in files if f["filename"].lower() in exact]
    if not wanted:  # a project publishing wheels only: its pure-Python wheel
        prefixes = {f"{spelling}-{version}-".lower() for spelling in names}
        wanted = [f for f in files if f["filename"].lower().endswith("-none-any.whl")
                  and any(f["filename"].lower().startswith(p) for p in prefixes)]
    if not wanted:
        raise LookupError(f"no sdist (nor pure-Python wheel) of {spec} on the index")
    target = cache / wanted[0]["filename"]
    with urllib.request.urlopen(wanted[0]["url"], timeout=300) as response:
        data = response.read()
    partial = target.with_name(f".{target.name}.{os.getpid()}")  # another run may fetch it too
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def unpack(archive: Path, into: Path) -> Path:
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    if archive.suffix == ".whl":  # a wheel has no top folder: give it one, as an sdist has
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into / archive.name.split("-py")[0])
    elif archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into)
    else:
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(into)
    return next(p for p in into.iterdir() if p.is_dir())


def outmoded(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "outmoded", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def promised(project: Path, fix_args: list[str]) -> int:
    """What ``check`` promises ``fix`` (with the same arguments) will fix."""
    kinds = ("safe", "unsafe") if "--unsafe-fixes" in fix_args else ("safe",)
    args = [a for a in fix_args if a != "--unsafe-fixes"]
    out = outmoded("check", "--no-cache", "--format", "json", *args, ".", cwd=project).stdout
    return sum(f["fix"] in kinds for f in json.loads(out)["findings"])


def fixed(project: Path, fix_args: list[str]) -> tuple[int, str]:
    run = outmoded("fix", "--no-cache", *fix_args, ".", cwd=project)
    found = re.search(r"Fixed (\d+) finding", run.stdout + run.stderr)
    errors = [line for line in (run.stdout + run.stderr).splitlines() if "internal error" in line]
    return (int(found.group(1)) if found else 0), "\n".join(errors)


def pytest_for(version: str, work: Path, python: str = "") -> tuple[str, str]:
    """(interpreter, PYTHONPATH entry holding pytest for it: '' when it has its own).  setuptools
    comes with it, as in the environment running this script: old suites import pkg_resources
    (WebOb 1.7.4's conftest.py), which setuptools 81 and later no longer ship."""
    python = python or shutil.which(f"python{version}") or ""
    if version == f"{sys.version_info[0]}.{sys.version_info[1]}":
        return sys.executable, ""
    target = work / f"pytest-{version}"
    # the index does not say which Pythons a release needs: pip --target chose pytest 9.1 and
    # packaging 26.3 for 3.8, where packaging fails at import; the last releases that support 3.8
    wanted = ["pytest<8.4", "packaging<25", "setuptools<75.4"] if version == "3.8" else ["pytest", "setuptools<81"]
    if python and not (target / "pkg_resources").is_dir():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(target), "--python-version",
                        version, "--only-binary", ":all:", *wanted], check=True)
    return python, str(target)


RAN = re.compile(r"^Ran (\d+) tests?", re.M)
UNITTEST_FAILED = re.compile(r"^FAILED \((.*)\)", re.M)


def failing_scripts(python: str, project: Path, scripts: list[str]) -> str:
    """unittest modules run as scripts (``python test/testlex.py`` in ``test/``): failures +
    errors over tests run, summed."""
    bad = total = 0
    for script in scripts:
        path = project / script
        env = dict(os.environ, PYTHONPATH=str(project), PYTHONDONTWRITEBYTECODE="1")
        try:
            run = subprocess.run([python, path.name], cwd=path.parent, env=env, capture_output=True, text=True,
                                 timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return "timeout"
        ran = RAN.search(run.stderr)
        if not ran:
            return f"no result (exit {run.returncode})"
        total += int(ran.group(1))
        failed = UNITTEST_FAILED.search(run.stderr)
        if failed:
            bad += sum(int(n) for kind, n in re.findall(r"(\w+)=(\d+)", failed.group(1))
                       if kind in ("failures", "errors"))
    return f"{bad}/{total}"


def failing(python: str, extra_path: str, project: Path, args: list[str]) -> str:
    """How many tests fail (failed + errors), or why the suite could not run."""
    if all(a.startswith("script:") for a in args):
        return failing_scripts(python, project, [a[len("script:"):] for a in args])
    source = project / "src"  # a src layout's package is imported from there
    path = os.pathsep.join(p for p in (extra_path, str(project), str(source) if source.is_dir() else "") if p)
    env = dict(os.environ, PYTHONPATH=path, PYTHONDONTWRITEBYTECODE="1")
    try:
        # an empty configuration: old setup.cfg [pytest] sections stop today's pytest outright
        empty = project.parent / "empty-pytest.ini"
        empty.write_text("[pytest]\n")
        # a module that cannot be imported counts as one error, and the others still run
        run = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(empty),
                              "--continue-on-collection-errors",
                              "--rootdir", str(project), *args], cwd=project, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout"
    tail = run.stdout.strip().splitlines()[-1:] or [""]
    counts = {kind.rstrip("s"): int(n) for n, kind in SUMMARY.findall(tail[0])}
    if not counts and "while loading conftest" in run.stdout + run.stderr:
        return "conftest fails"  # the test package's conftest.py imports what is broken: nothing runs
    if not counts:
        return f"no result (exit {run.returncode})"
    return f"{counts.get('failed', 0) + counts.get('error', 0)}/{sum(counts.values())}"


LOADS = """
import importlib, json, sys
compiled = imported = 0
for path, module in json.loads(sys.argv[1]):
    try:
        with open(path, "rb") as source:
            compile(source.read(), path, "exec")
        compiled += 1
        importlib.import_module(module)
        imported += 1
    except BaseException:  # a test module may call unittest.main() or exit on import
        pass
print(compiled, imported)
"""


def changed(before: Path, after: Path) -> list[Path]:
    """The Python files ``fix`` rewrote, relative to the project."""
    return sorted(p.relative_to(after) for p in after.rglob("*.py")
                  if (before / p.relative_to(after)).read_bytes() != p.read_bytes())


def loads(python: str, extra_path: str, project: Path, files: list[Path]) -> tuple[int, int] | None:
    """How many of ``files`` compile, and how many import, on ``python`` (from the project root, or
    ``src/`` in a src layout); None when the run itself failed."""
    pairs = []
    for rel in files:
        parts = list(rel.with_suffix("").parts)
        if parts[0] == "src" and len(parts) > 1:
            parts = parts[1:]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        pairs.append((str(project / rel), ".".join(parts)))
    source = project / "src"
    path = os.pathsep.join(p for p in (extra_path, str(project), str(source) if source.is_dir() else "") if p)
    env = dict(os.environ, PYTHONPATH=path, PYTHONDONTWRITEBYTECODE="1")
    try:
        run = subprocess.run([python, "-c", LOADS, json.dumps(pairs)], cwd=project, env=env, capture_output=True,
                             text=True, timeout=TIMEOUT)
        compiled, imported = run.stdout.split()[-2:]
        return int(compiled), int(imported)
    except (subprocess.TimeoutExpired, ValueError):
        return None


IMPORT_ONE = """
import importlib, sys
path, module = sys.argv[1:3]
with open(path, "rb") as source:
    compile(source.read(), path, "exec")
print("compiled", flush=True)
importlib.import_module(module)
print("imported", flush=True)
"""


def module_of(rel: Path) -> str:
    parts = list(rel.with_suffix("").parts)
    if parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def load_one(python: str, project: Path, rel: Path, extra_path: str = "") -> tuple[str, str]:
    """('imported' | 'compiled' | 'failed', the last line of the error): ``rel`` compiled, then
    imported as a module, in a process of its own (a test module may run its tests or exit);
    ``extra_path`` after the project (pytest and what it needs: packaging, which unsafe fixes import)."""
    source = project / "src"
    path = os.pathsep.join(p for p in (str(project), str(source) if source.is_dir() else "", extra_path) if p)
    env = dict(os.environ, PYTHONPATH=path, PYTHONDONTWRITEBYTECODE="1")
    try:
        run = subprocess.run([python, "-c", IMPORT_ONE, str(project / rel), module_of(rel)], cwd=project, env=env,
                             capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as stopped:
        out = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else (stopped.stdout or "")
        return ("imported" if "imported" in out else "compiled" if "compiled" in out else "failed"), "timeout"
    state = "imported" if "imported" in run.stdout else "compiled" if "compiled" in run.stdout else "failed"
    return state, (run.stderr.strip().splitlines() or [""])[-1][:200]


def findings_of(project: Path, args: list[str]) -> list[dict]:
    out = outmoded("check", "--no-cache", "--output-format", "json", *args, ".", cwd=project).stdout
    return json.loads(out)["findings"]


def snapshot(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in project.rglob("*.py")}


def keep_promise(spec: str, cache: Path, work: Path, pythons: dict[str, tuple[str, str]],
                 unsafe: bool, target: str = "3.13") -> tuple[str, list[str]]:
    """A row of the promise table for ``spec``, and what broke (one line each)."""
    archive = fetch(spec, cache)
    before = unpack(archive, work / spec / "before")
    name = ("after-unsafe" if unsafe else "after") + ("" if target == "3.13" else f"-{target}")
    after = unpack(archive, work / spec / name)
    args = ["--target-version", target, "--min-version", "3.8"]
    kinds = ("safe", "unsafe") if unsafe else ("safe",)
    found = findings_of(before, args)
    promised = [f for f in found if f["fix"] in kinds]
    count, errors = fixed(after, args + (["--unsafe-fixes"] if unsafe else []))
    now = findings_of(after, args)
    left = [f for f in now if f["fix"] in kinds]
    key = lambda f: (f["path"], f["code"], f["api"])  # noqa: E731 -- lines move when a fix adds imports
    from collections import Counter
    new = Counter(map(key, now)) - Counter(map(key, found))
    fixed_once = snapshot(after)
    fixed(after, args + (["--unsafe-fixes"] if unsafe else []))
    again = sum(fixed_once.get(p) != data for p, data in snapshot(after).items())
    broken = [f"{spec}: {line}" for line in errors.splitlines()]
    broken += [f"{spec}: left {f['path']}:{f['line']} {f['code']} {f['api']}" for f in left]
    broken += [f"{spec}: new {path} {code} {api} x{n}" for (path, code, api), n in new.items()]
    files = changed(before, after)
    cells = []
    for version, (python, extra_path) in pythons.items():
        bad = 0
        for rel in files:
            was, _ = load_one(python, before, rel, extra_path)
            now_state, why = load_one(python, after, rel, extra_path)
            worse = now_state == "failed" or (was == "imported" and now_state != "imported")
            if worse:  # once more, both: a process killed under load says nothing (WebOb 1.7.4, once)
                was, _ = load_one(python, before, rel, extra_path)
                now_state, why = load_one(python, after, rel, extra_path)
                worse = now_state == "failed" or (was == "imported" and now_state != "imported")
            if worse:
                bad += 1
                broken.append(f"{spec}: {version} {rel} {was} -> {now_state}: {why}")
        cells.append(str(bad))
    row = f"| {spec} | {len(promised)} | {count} | {len(left)} | {sum(new.values())} | {again} | {len(files)} | "
    return row + " | ".join(cells) + " |", broken


def promise_main(specs: list[str], cache: Path, work: Path, unsafe: bool, target: str = "3.13") -> int:
    floor = sorted(Path.home().glob(".pyenv/versions/3.8.*/bin/python3.8"))
    pythons = {v: shutil.which(f"python{v}") or "" for v in ("3.13", "3.14", "3.15")}
    pythons["3.8"] = str(floor[-1]) if floor else ""
    # with pytest, packaging and setuptools for each (pytest_for's folder): a test module importing
    # pytest is judged, and an unsafe fix importing packaging (distutils' versions) or setuptools
    # (distutils.core) is judged with it installed
    pythons = {v: (p, pytest_for(v, work, p)[1]) for v, p in pythons.items() if p}
    print(f"| release | [*] | fixed | left | new | again | files fixed | "
          + " | ".join(f"broken {v}" for v in pythons) + " |")
    print("|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(pythons))
    everything = []
    for spec in specs:
        row, broken = keep_promise(spec, cache, work, pythons, unsafe, target)
        print(row, flush=True)
        everything += broken
    print("\n".join(everything))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/outmoded-benchmarks/sdists"))
    parser.add_argument("--work", default=os.path.expanduser("~/.cache/outmoded-benchmarks/rescue"))
    parser.add_argument("--pythons", default="3.11,3.13,3.15")
    parser.add_argument("--only", help="run only the project with this name")
    parser.add_argument("--promise", action="store_true", help="check fix's promise only, on PROMISE or SPECS")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --promise: fix --unsafe-fixes")
    parser.add_argument("--target", default="3.13", help="with --promise: the target version (3.15: what 3.14 and "
                        "3.15 removed too)")
    parser.add_argument("specs", nargs="*", metavar="NAME==VER")
    options = parser.parse_args()
    cache, work = Path(options.cache), Path(options.work)
    if options.promise:
        specs = [s for s in options.specs or PROMISE if not options.only or options.only.lower() in s.lower()]
        return promise_main(specs, cache, work, options.unsafe_fixes, options.target)
    versions = options.pythons.split(",")
    fix_args = ["--target-version", "3.15", "--min-version", "3.8"]
    interpreters = {v: pytest_for(v, work) for v in versions}
    print("| project | promised [*] | fixed | " + " | ".join(f"{v} before | {v} after" for v in versions) + " |")
    print("|---|---:|---:|" + "---:|---:|" * len(versions))
    rewritten = []
    for spec, (args, extra) in PROJECTS.items():
        if options.only and options.only.lower() not in spec.lower():
            continue
        archive = fetch(spec, cache)
        before = unpack(archive, work / spec / "before")
        after = unpack(archive, work / spec / "after")
        promise = promised(after, fix_args + extra)
        count, errors = fixed(after, fix_args + extra)
        cells = []
        for version in versions:
            python, extra_path = interpreters[version]
            if not python:
                cells += ["-", "-"]
                continue
            cells += [failing(python, extra_path, before, args), failing(python, extra_path, after, args)]
        print(f"| {spec} | {promise} | {count} | " + " | ".join(cells) + " |", flush=True)
        if errors:
            print(errors, file=sys.stderr)
        files = changed(before, after)
        cells = []
        for version in versions:
            python, extra_path = interpreters[version]
            was = loads(python, extra_path, before, files) if python else None
            now = loads(python, extra_path, after, files) if python else None
            cells.append("-" if was is None or now is None else f"{now[0]}/{len(files)}, {was[1]} -> {now[1]}")
        rewritten.append(f"| {spec} | {len(files)} | " + " | ".join(cells) + " |")
    # every file fix rewrote must still compile on each Python, and import wherever it did before
    print("\n| project | files fixed | " + " | ".join(f"{v}: compile, import before -> after" for v in versions) + " |")
    print("|---|---:|" + "---:|" * len(versions))
    print("\n".join(rewritten))
    return 0


if __name__ == "__main__":
    sys.exit(main())
