"""Real wheels and sdists, built in memory by the tests: zips and tars as pip would download them."""

from __future__ import annotations

import io
import random
import tarfile
import zipfile


def wheel(name: str, version: str, members: dict, tag: str = "py3-none-any", headers: str = "") -> bytes:
    """A wheel: ``members`` maps paths to text or bytes; METADATA (with ``headers`` lines), WHEEL
    and RECORD are added."""
    info = f"{name}-{version}.dist-info"
    files = {**members,
             f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{headers}\nA description",
             f"{info}/WHEEL": f"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: {tag}\n"}
    files[f"{info}/RECORD"] = "".join(f"{path},,\n" for path in files) + f"{info}/RECORD,,\n"
    return zipped(files)


def zipped(files: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for path, content in files.items():
            archive.writestr(path, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def sdist(name: str, version: str, members: dict, mode: str = "w:gz") -> bytes:
    """A tar sdist with everything below ``name-version/``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for path, content in members.items():
            data = content.encode() if isinstance(content, str) else content
            member = tarfile.TarInfo(path if path.startswith(("/", "..")) else f"{name}-{version}/{path}")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


def default_file(filename: str) -> bytes:
    """A clean release file for any name the index lists (the tag-only projects)."""
    name = filename.split("-", 1)[0]
    module = {f"{name}/__init__.py": "VERSION = 1\n"}
    if filename.endswith(".whl"):
        version, tag = filename[len(name) + 1:-4].split("-", 1)
        return wheel(name, version, module, tag)
    stem = filename.rsplit(".tar", 1)[0].rsplit(".zip", 1)[0]
    version = stem[len(name) + 1:]
    if filename.endswith(".zip"):
        return zipped({f"{stem}/{name}/__init__.py": "VERSION = 1\n"})
    return sdist(name, version, module)


FLOORED_DIV = """import operator


class Array:
    def __div__(self, other):
        return operator.div(self, other)
"""

COMPAT_TOTP = """from compatflag.compat import PY3

if PY3:
    from urllib.parse import quote, unquote
else:
    from urllib import quote, unquote
"""

COMPAT_QUEUE = """from ..packages import six

if six.PY2:
    import Queue as _unused_module_Queue  # noqa: F401
"""


IMP_LOADER = """import imp


def load(name, path):
    found = imp.find_module(name, [path])
    return imp.load_module(name, *found)
"""
GUARDED = """try:
    import imp
except ImportError:
    imp = None
"""
NOQAED = """try:
    reload = reload
except NameError:
    from imp import reload  # noqa
"""
CLEAN = "import importlib\n\n\ndef load(name):\n    return importlib.import_module(name)\n"
TEST_USING_IMP = "import imp\n\n\ndef test_imp():\n    assert imp.find_module\n"
# Would leave a trace if anything ever ran it.
SETUP_PY = ("from distutils.core import setup\nimport pathlib\n"
            "pathlib.Path('/tmp/outmoded-setup-py-ran').write_text('ran')\nsetup(name='x')\n")


SETUP_TAIL = "setup(name='setupbreaks', version='{version}', packages=['setupbreaks']{extra})\n"
HATCH = ('[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
         '[project]\nname = "setupbreaks"\nversion = "2.1"\n')
OLD_SETUPTOOLS = '[build-system]\nrequires = ["setuptools<70"]\nbuild-backend = "setuptools.build_meta"\n'
TEST_COMMAND = ("class PyTest(Command):\n    def run(self):\n        import imp\n\n\n")
BUILD_COMMAND = ("class BuildPy(build_py):\n    def run(self):\n        import imp\n        build_py.run(self)\n\n\n")
# old versioneer (0.18 and before), shipped beside setup.py: get_version() reads setup.cfg with
# configparser.SafeConfigParser, gone in 3.12; get_cmdclass() and the unused function are clean
OLD_VERSIONEER = ("import os\ntry:\n    import configparser\nexcept ImportError:\n    import ConfigParser as configparser\n\n\n"
                  "def get_root():\n    return os.path.dirname(os.path.abspath(__file__))\n\n\n"
                  "def get_config_from_root(root):\n    parser = configparser.SafeConfigParser()\n"
                  "    parser.read(os.path.join(root, 'setup.cfg'))\n    return parser\n\n\n"
                  "def get_versions():\n    get_config_from_root(get_root())\n    return {'version': '1.9'}\n\n\n"
                  "def get_version():\n    return get_versions()['version']\n\n\n"
                  "def get_cmdclass():\n    return {}\n\n\n"
                  "def unused():\n    import imp\n")
# docutils 0.12's setup.py: the handler of its distutils imports exits, so the build stops there
EXITING_HANDLER = ("import sys\ntry:\n    from distutils.core import setup\n    from distutils.command.build_py import build_py\n"
                   "    if sys.version_info >= (3,):\n        from distutils.command.build_py import build_py_2to3\n"
                   "except ImportError:\n    print('Error: distutils is required')\n    sys.exit(1)\n")


def setup_scripts() -> dict:
    """version -> the files of the setupbreaks sdists (path -> text): 1.x fail to build on 3.13,
    2.x build."""
    def script(version, head, extra="", pyproject=None, **beside):
        files = {"setup.py": head + SETUP_TAIL.format(version=version, extra=extra), "setupbreaks/__init__.py": CLEAN}
        return {**files, **({"pyproject.toml": pyproject} if pyproject else {}),
                **{f"{name}.py": text for name, text in beside.items()}}

    return {
        "1.0": script("1.0", "import imp\nfrom setuptools import setup\n"),
        "1.1": script("1.1", "from distutils.core import setup\nfrom distutils.util import get_platform, run_2to3\n"),
        "1.2": script("1.2", "import pkg_resources\nfrom setuptools import setup\n"),
        "1.3": script("1.3", "from setuptools import setup\n", ", use_2to3=True"),
        "1.4": script("1.4", "from setuptools import setup\nprint 'building'\n"),
        "1.5": script("1.5", "from setuptools import setup\nfrom setuptools.command.build_py import build_py\n"
                             + BUILD_COMMAND, ", cmdclass={'build_py': BuildPy}"),
        "1.6": script("1.6", "from setuptools import setup\nimport ssl\n\ndef version():\n    ssl.wrap_socket\n"
                             "    return '1.6'\n\n\n", ", description=version()"),
        "1.7": script("1.7", "import six\nfrom setuptools import setup\n"),
        # wsgiref 0.1.2's: ez_setup holds Python 2 syntax
        "1.8": script("1.8", "import ez_setup\nez_setup.use_setuptools()\nfrom setuptools import setup\n",
                      ez_setup="def use_setuptools():\n    print 'Setuptools is installed'\n"),
        "1.9": script("1.9", "import versioneer\nfrom setuptools import setup\n",
                      ", description=versioneer.get_version(), cmdclass=versioneer.get_cmdclass()",
                      versioneer=OLD_VERSIONEER),
        "1.10": script("1.10", EXITING_HANDLER),
        # a setup_requires module imported at the top: setup.py runs before the backend asks for it
        "1.11": script("1.11", "import six\nfrom setuptools import setup\n", ", setup_requires=['six']"),
        "2.0": script("2.0", "from distutils.core import setup, Command\nfrom distutils.version import LooseVersion\n"
                             "from wheel.bdist_wheel import bdist_wheel\nimport setupbreaks\nimport versioneer\n"
                             "from distutils import log, sysconfig\n\n\ndef unused():\n    import imp\n\n\n"
                             "try:\n    import pkg_resources\nexcept ImportError:\n    pkg_resources = None\n"
                             + TEST_COMMAND, ", cmdclass={'test': PyTest}, use_2to3=False, description=versioneer.get_version()",
                      versioneer="def get_version():\n    return '2.0'\n\n\ndef unused():\n    import imp\n"),
        "2.1": script("2.1", "import imp\nfrom setuptools import setup\n", pyproject=HATCH),
        "2.2": script("2.2", "import pkg_resources\nfrom setuptools import setup\n", pyproject=OLD_SETUPTOOLS),
        # netifaces 0.10.9's: Python 2's module in the handler of a try whose import the target has
        "2.3": script("2.3", "from setuptools import setup\ntry:\n    import builtins\nexcept ImportError:\n"
                             "    import __builtin__\n    builtins = __builtin__\n"),
        # grpcio 1.85.4's: `import commands`, Python 2's name, is its own module in a folder put on sys.path
        "2.4": script("2.4", "import os\nimport sys\nsys.path.insert(0, os.path.abspath(os.path.join('src', 'tools')))\n"
                             "import commands\nfrom setuptools import setup\n", ", cmdclass=commands.CMDCLASS",
                      **{"src/tools/commands": "CMDCLASS = {}\n"}),
        # kiwisolver 1.3.2's: its build_ext imports cppy, which setup_requires names and pip installs
        "2.5": script("2.5", "from setuptools import setup\nfrom setuptools.command.build_py import build_py\n\n\n"
                             "class BuildPy(build_py):\n    def run(self):\n        import six\n        build_py.run(self)\n\n\n",
                      ", setup_requires=['six'], cmdclass={'build_py': BuildPy}"),
        # pycurl 7.44.1's: the function importing bdist_msi (gone with 3.12's distutils, not in
        # setuptools' copy) is called on Windows only
        "2.6": script("2.6", "import sys\nfrom setuptools import setup\n\n\ndef msi_hack():\n"
                             "    from distutils.command.bdist_msi import bdist_msi\n    return bdist_msi\n\n\n"
                             "extra = {}\nif sys.platform == 'win32':\n    extra['cmdclass'] = {'bdist_msi': msi_hack()}\n",
                      ", **extra"),
        # uvloop 0.14.0's: its build_py imports Cython only under a flag the build never sets
        "2.7": script("2.7", "from setuptools import setup\nfrom setuptools.command.build_py import build_py\n\n\n"
                             "class BuildPy(build_py):\n    cython_always = False\n\n    def run(self):\n"
                             "        if self.cython_always:\n            import Cython\n        build_py.run(self)\n\n\n",
                      ", cmdclass={'build_py': BuildPy}"),
    }


def _pure(name, version, members):
    return f"{name}-{version}-py3-none-any.whl", wheel(name, version, members)


PYTHON_GUARD = """import sys

from setuptools import Extension, setup

_version_module = None
try:
    from packaging import version as _version_module
except ImportError:
    pass

min_python_version = "3.10"
max_python_version = "MAXIMUM"  # exclusive

if sys.platform.startswith('linux'):
    extra = ['-O2']


def _guard_py_ver():
    if _version_module is None:
        return

    parse = _version_module.parse

    min_py = parse(min_python_version)
    max_py = parse(max_python_version)
    cur_py = parse('.'.join(map(str, sys.version_info[:3])))

    if not min_py <= cur_py < max_py:
        msg = ('Cannot install on Python version {}; only versions >={},<{} '
               'are supported.')
        raise RuntimeError(msg.format(cur_py, min_py, max_py))


_guard_py_ver()

setup(name="pyguard", ext_modules=[Extension("pyguard._speed", ["pyguard/_speed.c"])])
"""


# PyYAML 5.3.1's setup.py, trimmed: distutils' build_ext imported as _build_ext (or Cython's when the
# build has it), whose run raises only under an if (--with-libyaml) and whose build_extensions falls
# back to pure Python; package_dir installs lib3/ on Python 3 (lib/ on 2)
YAML_SETUP = (
    "import sys\nfrom distutils import log\nfrom distutils.core import setup, Extension\n"
    "from distutils.command.build_ext import build_ext as _build_ext\n"
    "from distutils.errors import CompileError, LinkError, DistutilsPlatformError\n"
    "try:\n    from Cython.Distutils import build_ext as _build_ext\nexcept ImportError:\n    pass\n\n\n"
    "class build_ext(_build_ext):\n    def run(self):\n        optional = '--with-libyaml' not in sys.argv\n"
    "        try:\n            _build_ext.run(self)\n        except DistutilsPlatformError:\n"
    "            if optional:\n                log.warn('skipping build_ext')\n            else:\n"
    "                raise\n\n    def build_extensions(self):\n        for ext in self.extensions:\n"
    "            try:\n                self.build_extension(ext)\n            except (CompileError, LinkError):\n"
    "                if '--with-libyaml' in sys.argv:\n                    raise\n"
    "                log.warn('Error compiling module, falling back to pure Python')\n\n\n"
    "setup(name='{name}', package_dir={{'': {{2: 'lib', 3: 'lib3'}}[sys.version_info[0]]}}, packages=['{name}'],\n"
    "      ext_modules=[Extension('_{name}', ['ext/_{name}.c'])], cmdclass={{'build_ext': build_ext}})\n")


def pyyaml_601() -> bytes:
    """PyYAML 6.0.1's sdist, trimmed: YAML_SETUP, built with Cython<3.0 (conftest's PyYAML page)."""
    return sdist("PyYAML", "6.0.1", {
        "setup.py": YAML_SETUP.format(name="yaml"), "lib/yaml/__init__.py": "print 'Python 2'\n",
        "lib3/yaml/__init__.py": "__version__ = '6.0.1'\n", "ext/_yaml.c": "#include <Python.h>\n",
        "pyproject.toml": "[build-system]\nrequires = ['setuptools', 'wheel', 'Cython<3.0']\n"})


def code_projects():
    """(projects, files, filenames served without Range) for the code-verdict tests."""
    made = {}

    def add(project, filename, data, **extra):
        made.setdefault(project, []).append((filename, data, extra))

    # legacyimp: 1.0 and 1.1 use imp, 2.0 onwards is clean; tests and docs inside use imp too.
    for version in ("1.0", "1.1"):
        add("legacyimp", *_pure("legacyimp", version, {
            "legacyimp/__init__.py": "from legacyimp.loader import load\n",
            "legacyimp/loader.py": IMP_LOADER,
            "legacyimp/tests/test_loader.py": TEST_USING_IMP,
            "docs/conf.py": "import imp\n"}))
    for version in ("2.0", "2.1"):
        add("legacyimp", *_pure("legacyimp", version, {
            "legacyimp/__init__.py": "from legacyimp.loader import load\n",
            "legacyimp/loader.py": CLEAN, "legacyimp/tests/test_loader.py": TEST_USING_IMP}))
    # vendoring: setuptools 68.0.0's wheel, whose pkg_resources/_vendor/typing_extensions.py
    # (a subclass of typing.TypeVar, which fails on import from 3.12 on) only its vendored
    # platformdirs imports, below 3.8, while setuptools/extern names 'typing_extensions' for its
    # own _vendor; 1.1's pkg_resources/extern names it too
    platformdirs = ("import sys\n\nif sys.version_info >= (3, 8):\n    from typing import Literal\nelse:\n"
                    "    from ..typing_extensions import Literal\n")
    vendored = {"vendoring/__init__.py": "from vendoring._vendor import platformdirs\n",
                "vendoring/_vendor/__init__.py": "", "vendoring/_vendor/platformdirs/__init__.py": platformdirs,
                "vendoring/_vendor/typing_extensions.py": "import typing\n\n\n"
                                                         "class TypeVar(typing.TypeVar, _root=True):\n    pass\n",
                "vendoringtools/__init__.py": "", "vendoringtools/_vendor/__init__.py": "",
                "vendoringtools/_vendor/typing_extensions.py": "import typing\n",
                "vendoringtools/extern/__init__.py": "names = ('packaging', 'typing_extensions')\n"}
    add("vendoring", *_pure("vendoring", "1.0", vendored))
    add("vendoring", *_pure("vendoring", "1.1", {**vendored, "vendoring/extern/__init__.py": "names = ('typing_extensions',)\n"}))
    # cgiuser: its only problem is a module a maintained backport brings back.
    add("cgiuser", *_pure("cgiuser", "1.0", {"cgiuser/forms.py": "import cgi\n\nForm = cgi.FieldStorage\n"}))
    # legacy-cgi: that backport, a lock may install beside cgiuser (its wheel's top-level cgi.py)
    add("legacy-cgi", *_pure("legacy_cgi", "2.6.2", {"cgi.py": "def parse_header(line):\n    return line, {}\n"}))
    # distutilsuser: imports distutils, which setuptools brings back from 66.1 (backports.PROVIDES_FROM)
    add("distutilsuser", *_pure("distutilsuser", "1.0", {
        "distutilsuser/__init__.py": "from distutils.core import Command\n\nBase = Command\n"}))
    # backported: its code imports asynchat, which its metadata's Requires-Dist brings back on
    # the target (pyftpdlib 2.2.0) from 2.0; 1.0 requires it only where the target is not, 1.1 only
    # for an extra; the sdist's PKG-INFO says it, and so does pyproject.toml of another sdist
    uses = {"backported/handlers.py": "import asynchat\n\nclass Channel(asynchat.async_chat):\n    pass\n"}
    for version, headers in (("1.0", 'Requires-Dist: pyasynchat; python_version < "3.12"\n'),
                             ("1.1", 'Requires-Dist: pyasynchat; extra == "asyncore"\n'),
                             ("2.0", 'Requires-Dist: pyasynchat; python_version >= "3.12"\n'
                                     'Requires-Dist: black; extra == "dev"\n')):
        add("backported", f"backported-{version}-py3-none-any.whl", wheel("backported", version, uses, headers=headers))
    # broughtbackport: imports audioop, which standard-aifc, the backport it requires, requires
    # (audioread 3.1.0's rawread.py; standard-aifc 3.13.0 requires audioop-lts on 3.13)
    add("broughtbackport", "broughtbackport-1.0-py3-none-any.whl", wheel("broughtbackport", "1.0", {
        "broughtbackport/rawread.py": "import aifc\nimport audioop\n"},
        headers='Requires-Dist: standard-aifc; python_version >= "3.13"\n'))
    add("sdistbackported", "sdistbackported-1.0.tar.gz", sdist("sdistbackported", "1.0", {
        "PKG-INFO": "Metadata-Version: 2.2\nName: sdistbackported\nVersion: 1.0\n"
                    "Requires-Dist: pyasynchat; python_version >= '3.12'\n\nimport asynchat\n",
        "sdistbackported/__init__.py": "", "sdistbackported/handlers.py": uses["backported/handlers.py"]}))
    add("tomlbackported", "tomlbackported-1.0.tar.gz", sdist("tomlbackported", "1.0", {
        "PKG-INFO": "Metadata-Version: 2.1\nName: tomlbackported\nVersion: 1.0\n",
        "pyproject.toml": '[project]\nname = "tomlbackported"\ndependencies = ["pyasynchat>=1.0"]\n',
        "tomlbackported/__init__.py": "", "tomlbackported/handlers.py": uses["backported/handlers.py"]}))
    # eggbackported: an old sdist whose PKG-INFO (metadata 1.1) has no Requires-Dist; its
    # egg-info/requires.txt asks for the backport on the target (1.0), only for an extra and on
    # Python 2 (1.1), or from src/ (2.0)
    old_info = "Metadata-Version: 1.1\nName: eggbackported\nVersion: {}\n"
    for version, where, requires in (
            ("1.0", "", 'six\n\n[:python_version >= "3.12"]\npyasynchat\n\n[docs]\nsphinx\n'),
            ("1.1", "", 'six\n\n[asyncore]\npyasynchat\n\n[:python_version < "3"]\npyasynchat\n'),
            ("2.0", "src/", "pyasynchat>=1.0\n")):
        add("eggbackported", f"eggbackported-{version}.tar.gz", sdist("eggbackported", version, {
            "PKG-INFO": old_info.format(version), f"{where}eggbackported.egg-info/requires.txt": requires,
            f"{where}eggbackported/__init__.py": "", f"{where}eggbackported/handlers.py": uses["backported/handlers.py"]}))
    # setupbreaks: clean library code, no wheel; each 1.x setup.py fails when pip builds it on the
    # real 3.13 (tests/deps/test_deps_setup.py builds the same files with the real pip), 2.0's builds
    for version, files in setup_scripts().items():
        add("setupbreaks", f"setupbreaks-{version}.tar.gz", sdist("setupbreaks", version, files))
    # compatflag: Python 2 branches under flags other modules define (passlib 1.7.4's
    # ``from passlib.utils.compat import PY3``, urllib3 1.26's relatively imported vendored six);
    # 0.9 imports urllib.quote unguarded, 1.0 (a wheel) and 1.1 (a src/ sdist, nothing to compile) only
    # where the flag says Python 2
    flagged = {"compatflag/__init__.py": "", "compatflag/compat.py": "import sys\n\nPY3 = sys.version_info[0] == 3\n",
               "compatflag/totp.py": COMPAT_TOTP, "compatflag/packages/__init__.py": "",
               "compatflag/packages/six.py": "import sys\n\nPY2 = sys.version_info[0] == 2\n",
               "compatflag/util/__init__.py": "", "compatflag/util/queue.py": COMPAT_QUEUE}
    add("compatflag", *_pure("compatflag", "0.9", {**flagged, "compatflag/totp.py": "from urllib import quote\n"}))
    add("compatflag", *_pure("compatflag", "1.0", flagged))
    add("compatflag", "compatflag-1.1.tar.gz", sdist("compatflag", "1.1", {
        "setup.py": SETUP_PY, **{f"src/{path}": text for path, text in flagged.items()}}))
    # floored: Python 2's __div__ calling operator.div, which no Python 3 calls (dask 2021.8.1, >=3.7):
    # 1.0 declares Requires-Python >=3.7, 1.1 (an sdist) Python 3 classifiers only; 0.9 Python 2 and 3.7
    div = {"floored/__init__.py": "", "floored/array.py": FLOORED_DIV}
    add("floored", "floored-0.9-py2.py3-none-any.whl", wheel("floored", "0.9", div, "py2.py3-none-any",
        "Classifier: Programming Language :: Python :: 2.7\nClassifier: Programming Language :: Python :: 3.7\n"))
    # 0.8 declares Python 2 only; 0.7 Python 2 and 3.7 (Requires-Python), and imp, removed in 3.12
    add("floored", "floored-0.8-py2.py3-none-any.whl", wheel("floored", "0.8", div, "py2.py3-none-any",
        "Classifier: Programming Language :: Python :: 2.7\n"))
    add("floored", "floored-0.7-py2.py3-none-any.whl", wheel("floored", "0.7", {
        **div, "floored/loader.py": "import imp\n"}, "py2.py3-none-any",
        "Requires-Python: >=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*, !=3.6.*\n"))
    add("floored", "floored-1.0-py3-none-any.whl", wheel("floored", "1.0", div, headers="Requires-Python: >=3.7\n"))
    add("floored", "floored-1.1.tar.gz", sdist("floored", "1.1", {
        "PKG-INFO": "Metadata-Version: 2.1\nName: floored\nVersion: 1.1\n"
                    "Classifier: Programming Language :: Python :: 3 :: Only\n"
                    "Classifier: Programming Language :: Python :: 3.8\n\nimport operator\n", **div}))
    # selftested: its unittest suite is a module named test.py (django-environ 0.4.5's environ/test.py
    # calls unittest.makeSuite), a Django app's tests.py uses imp, and keyring 25.7.0's testing/util.py,
    # helpers for backends' test suites, puts a finder with find_module alone on sys.meta_path
    # (ImportKiller, which kills no import from 3.12): none is library code
    add("selftested", *_pure("selftested", "1.0", {
        "selftested/__init__.py": "from selftested.core import run\n", "selftested/core.py": CLEAN,
        "selftested/test.py": "import unittest\n\n\ndef load(case):\n    return unittest.makeSuite(case)\n",
        "selftested/app/tests.py": "import imp\n",
        "selftested/testing/util.py": "import sys\n\n\nclass ImportKiller:\n    def __init__(self, *names):\n"
                                      "        self.names = names\n\n    def find_module(self, fullname, path=None):\n"
                                      "        if fullname in self.names:\n            return self\n\n"
                                      "    def load_module(self, fullname):\n        raise ImportError(fullname)\n\n"
                                      "    def __enter__(self):\n        sys.meta_path.insert(0, self)\n\n"
                                      "    def __exit__(self, *args):\n        sys.meta_path.remove(self)\n"}))
    # venvinside: graphene-federation 0.1.0's sdist ships a virtual environment inside its package,
    # below directories no dotted name can name (python3.6, site-packages): never imported
    add("venvinside", "venvinside-1.0.tar.gz", sdist("venvinside", "1.0", {
        "setup.py": SETUP_PY, "venvinside/__init__.py": CLEAN,
        "venvinside/venv/lib/python3.6/site-packages/old/__init__.py": IMP_LOADER}))
    # setuptools: the backport of distutils; its own copy imports distutils in a method (84.2.1's
    # _distutils/compilers/C/base.py: from distutils.debug import DEBUG), which is its shim there
    add("setuptools", *_pure("setuptools", "60.0", {"setuptools/__init__.py": ""}))  # no distutils yet
    add("setuptools", *_pure("setuptools", "99.0", {
        "setuptools/__init__.py": "", "setuptools/_distutils/__init__.py": "",
        "setuptools/_distutils/base.py": "def debug_print(msg):\n    from distutils.debug import DEBUG\n\n"
                                         "    if DEBUG:\n        print(msg)\n"}))
    # noqaed: its removed import carries a # noqa written for its own linter (celery 3.1's five.py).
    add("noqaed", *_pure("noqaed", "1.0", {"noqaed/five.py": NOQAED}))
    # guarded: the only use of imp is a guarded import.
    add("guarded", *_pure("guarded", "1.0", {"guarded/__init__.py": GUARDED}))
    # compiled: a platform wheel whose binary dwarfs its Python; its .py members use imp.
    import os
    binary = os.urandom(400_000)  # incompressible: the download is as big as it looks
    for version, loader in (("1.0", IMP_LOADER), ("2.0", CLEAN)):
        tag = "cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64"
        add("compiled", f"compiled-{version}-{tag}.whl", wheel("compiled", version, {
            "compiled/_speedups.cpython-313-x86_64-linux-gnu.so": binary,
            "compiled/__init__.py": "from compiled._speedups import *\n",
            "compiled/loader.py": loader,
            "compiled/include/compiled.h": "#include <Python.h>\n"}, tag))
    # norange: served by a server that ignores Range.
    add("norange", *_pure("norange", "1.0", {"norange/loader.py": IMP_LOADER}))
    # truncated: the wheel is cut in half.
    whole = wheel("truncated", "1.0", {"truncated/loader.py": IMP_LOADER,
                                       "truncated/data.py": f"X = {os.urandom(20_000).hex()!r}\n"})
    add("truncated", "truncated-1.0-py3-none-any.whl", whole[: len(whole) // 2])
    # zipbomb: a 'source' member that inflates to 64 MiB, beside a real offender.
    add("zipbomb", *_pure("zipbomb", "1.0", {"zipbomb/huge.py": b"#" * (64 * 1024 * 1024),
                                              "zipbomb/loader.py": IMP_LOADER}))
    # traversal: a member whose name climbs out of the archive.
    add("traversal", "traversal-1.0-py3-none-any.whl",
        zipped({"traversal/__init__.py": "", "../../evil.py": "import imp\n"}))
    # sdistimp: no wheel; the package uses imp, setup.py and the tests do too (they do not count).
    add("sdistimp", "sdistimp-1.0.tar.gz", sdist("sdistimp", "1.0", {
        "setup.py": SETUP_PY, "sdistimp/__init__.py": "", "sdistimp/loader.py": IMP_LOADER,
        "tests/test_loader.py": TEST_USING_IMP, "docs/conf.py": "import imp\n"}))
    add("sdistclean", "sdistclean-1.0.tar.gz", sdist("sdistclean", "1.0", {
        "setup.py": SETUP_PY, "src/sdistclean/__init__.py": CLEAN,
        "tests/test_loader.py": TEST_USING_IMP}))
    # sdistnative: no wheel, a C extension to compile; sdistfix: 1.0 pure and using imp, 1.1 clean
    # and compiling (a Rust crate), 1.2 clean and pure
    add("sdistnative", "sdistnative-1.0.tar.gz", sdist("sdistnative", "1.0", {
        "setup.py": SETUP_PY, "sdistnative/__init__.py": CLEAN, "sdistnative/_speedups.c": "#include <Python.h>\n",
        "tests/test_x.c": ""}))
    for version, members in (("1.0", {"sdistfix/loader.py": IMP_LOADER}),
                             ("1.1", {"sdistfix/loader.py": CLEAN, "Cargo.toml": "[package]\n", "src/lib.rs": ""}),
                             ("1.2", {"sdistfix/loader.py": CLEAN, "docs/speedups.c": ""})):
        add("sdistfix", f"sdistfix-{version}.tar.gz", sdist("sdistfix", version, {"sdistfix/__init__.py": "", **members}))
    # optionalext: no wheel, a C speed-up that no longer compiles on 3.13 (Py_TRASHCAN_SAFE_BEGIN),
    # beside its pure-Python code; 1.0's setup.py lets the extension's build fail (pyrsistent
    # 0.17.3's custom_build_ext), 0.9's does not (the handler raises again), 0.8's retries setup()
    # without it (simplejson's BuildFailed), 0.7 the same under a top-level if (MarkupSafe 1.1.1)
    trashcan = ("#include <Python.h>\nstatic void dealloc(PyObject *self) {\n    Py_TRASHCAN_SAFE_BEGIN(self)\n"
                "    Py_TRASHCAN_SAFE_END(self)\n}\n")
    build = ("from setuptools import setup, Extension\nfrom setuptools.command.build_ext import build_ext\n"
             "import sys\n\n\nclass BuildFailed(Exception):\n    pass\n\n\n"
             "class custom_build_ext(build_ext):\n    def run(self):\n        try:\n            build_ext.run(self)\n"
             "        except Exception:\n{}\n\n\n{}\n")
    once = "setup(name='optionalext', ext_modules=[Extension('optionalext._c', ['optionalext/_c.c'])],\n" \
           "      cmdclass={'build_ext': custom_build_ext})"
    retry = ("def run_setup(with_ext):\n    setup(name='optionalext', cmdclass={'build_ext': custom_build_ext},\n"
             "          ext_modules=[Extension('optionalext._c', ['optionalext/_c.c'])] if with_ext else [])\n\n\n"
             "try:\n    run_setup(True)\nexcept BuildFailed:\n    run_setup(False)")
    # 0.7 retries under a top-level if (MarkupSafe 1.1.1: if not (is_pypy or is_jython): try: ...)
    retry_if = ("is_pypy = hasattr(sys, 'pypy_version_info')\n\n\n" + retry.split("try:")[0]
               + "if not is_pypy:\n    try:\n        run_setup(True)\n    except BuildFailed:\n"
               "        run_setup(False)\nelse:\n    run_setup(False)")
    for version, handler, call in (("0.7", "            raise BuildFailed()", retry_if),
                                   ("0.8", "            raise BuildFailed()", retry),
                                   ("0.9", "            sys.stderr.write('no C')\n            raise", once),
                                   ("1.0", "            sys.stderr.write('no C, pure Python')", once)):
        add("optionalext", f"optionalext-{version}.tar.gz", sdist("optionalext", version, {
            "setup.py": build.format(handler, call), "optionalext/__init__.py": CLEAN, "optionalext/_c.c": trashcan}))
    # cp39ext: the same sdist as optionalext 0.7 beside cp39 wheels, no wheel for the target (MarkupSafe 1.1.1,
    # simplejson 3.17.2); 1.1's code imports cgi
    for version, code in (("1.0", CLEAN), ("1.1", "import cgi\n")):
        add("cp39ext", f"cp39ext-{version}-cp39-cp39-manylinux_2_17_x86_64.whl",
            wheel("cp39ext", version, {"cp39ext/__init__.py": code}, "cp39-cp39-manylinux_2_17_x86_64"))
        add("cp39ext", f"cp39ext-{version}.tar.gz", sdist("cp39ext", version, {
            "setup.py": build.format("            raise BuildFailed()", retry_if).replace("optionalext", "cp39ext"),
            "cp39ext/__init__.py": code, "cp39ext/_c.c": trashcan}))
    # 1.2: the same with 6 MiB of test data, past the 4 MiB that was read before (SQLAlchemy 1.3.24's
    # sdist is 6.3 MB): random bytes, so the archive stays that large
    blob = random.Random(1324).randbytes(1024 * 1024)
    add("cp39ext", "cp39ext-1.2-cp39-cp39-manylinux_2_17_x86_64.whl",
        wheel("cp39ext", "1.2", {"cp39ext/__init__.py": CLEAN}, "cp39-cp39-manylinux_2_17_x86_64"))
    add("cp39ext", "cp39ext-1.2.tar.gz", sdist("cp39ext", "1.2", {
        "setup.py": build.format("            raise BuildFailed()", retry_if).replace("optionalext", "cp39ext"),
        "cp39ext/__init__.py": CLEAN, "cp39ext/_c.c": trashcan,
        **{f"test/data/blob{n}.bin": blob[n:] + blob[:n] for n in range(6)}}))
    # optflag: tornado 6.5.4's shape: abi3 wheels, none for the free-threaded build, and an sdist whose one
    # Extension is optional unless an environment variable asks otherwise (1.0: optional with it unset,
    # as pip builds; 1.1: mandatory unless it is set); the C uses what 3.13 removed
    for version, test in (("1.0", "!="), ("1.1", "==")):
        add("optflag", f"optflag-{version}-cp39-abi3-manylinux_2_17_x86_64.whl",
            wheel("optflag", version, {"optflag/__init__.py": CLEAN}, "cp39-abi3-manylinux_2_17_x86_64"))
        add("optflag", f"optflag-{version}.tar.gz", sdist("optflag", version, {
            "setup.py": "import os\nimport setuptools\n\nkwargs = {}\nif os.environ.get('OPTFLAG_EXTENSION') != '0':\n"
                        "    kwargs['ext_modules'] = [setuptools.Extension('optflag.speedups', sources=['optflag/speedups.c'],\n"
                        f"        optional=os.environ.get('OPTFLAG_EXTENSION') {test} '1')]\n\n"
                        "setuptools.setup(name='optflag', packages=['optflag'], **kwargs)\n",
            "optflag/__init__.py": CLEAN, "optflag/speedups.c": trashcan}))
    # yamlext: PyYAML 5.3.1's shape, trimmed: cp39 wheels, an sdist whose setup.py installs lib3/ on
    # Python 3 (lib/ on 2, Python 2 code) and whose build_ext, distutils' imported as _build_ext (or
    # Cython's when the build has it), raises only under an if (--with-libyaml) and falls back to pure
    # Python; 1.1 requires Cython to build (PyYAML 5.4.1, which Cython 3 fails); 1.2's lib3 code uses
    # collections.Hashable (PyYAML 3.12)
    for version, code, extra in (("1.0", CLEAN, {}),
                                 ("1.1", CLEAN, {"pyproject.toml": "[build-system]\nrequires = ['setuptools', 'Cython']\n"}),
                                 ("1.2", "import collections\n\n\ndef hashable(key):\n"
                                         "    return isinstance(key, collections.Hashable)\n", {})):
        add("yamlext", f"yamlext-{version}-cp39-cp39-manylinux_2_17_x86_64.whl",
            wheel("yamlext", version, {"yamlext/__init__.py": CLEAN}, "cp39-cp39-manylinux_2_17_x86_64"))
        add("yamlext", f"yamlext-{version}.tar.gz", sdist("yamlext", version, {
            "setup.py": YAML_SETUP.format(name="yamlext"), "lib/yamlext/__init__.py": "import imp\nprint 'Python 2'\n",
            "lib3/yamlext/__init__.py": code, "ext/_yamlext.c": trashcan, **extra}))
    # cp39build: cp39 wheels and an sdist whose setup.py imports pkg_resources, which the setuptools pip
    # builds with on the target lacks (pandas 1.1.5, scikit-learn 0.23.2); 1.1's is in a try that goes on
    for version, head in (("1.0", "import pkg_resources\n"),
                          ("1.1", "try:\n    import pkg_resources\nexcept ImportError:\n    pkg_resources = None\n")):
        add("cp39build", f"cp39build-{version}-cp39-cp39-manylinux_2_17_x86_64.whl",
            wheel("cp39build", version, {"cp39build/__init__.py": CLEAN}, "cp39-cp39-manylinux_2_17_x86_64"))
        add("cp39build", f"cp39build-{version}.tar.gz", sdist("cp39build", version, {
            "setup.py": head + "from setuptools import setup, Extension\n\nsetup(name='cp39build', "
                               "ext_modules=[Extension('cp39build._c', ['cp39build/_c.c'])])\n",
            "cp39build/__init__.py": CLEAN, "cp39build/_c.c": "int f(void) { return 1; }\n"}))
    # 1.2: uvloop 0.14.0's shape (wheels up to cp38): its 6.9 MB loop.c, generated by Cython 0.29.13, past
    # the 4 MiB read of a member, is what pip compiles on the target, and fails to; its build_ext imports
    # Cython only under a flag false where the .c ships (need_cythonize), which the build never reaches
    uvloop_build = ("import os\nfrom setuptools import setup, Extension\n"
                    "from setuptools.command.build_ext import build_ext\n\n\n"
                    "class BuildExt(build_ext):\n    def finalize_options(self):\n"
                    "        need_cythonize = not os.path.exists('cp39build/_c.c')\n        if need_cythonize:\n"
                    "            try:\n                import Cython\n            except ImportError:\n"
                    "                raise RuntimeError('please install Cython')\n        super().finalize_options()\n\n\n"
                    "setup(name='cp39build', cmdclass={'build_ext': BuildExt},\n"
                    "      ext_modules=[Extension('cp39build._c', ['cp39build/_c.pyx'])])\n")
    # 1.3: the same, whose build requires Cython>=3, which regenerates the C from the .pyx beside it; 1.4:
    # so in a src/ layout from a .py (gevent 20.5.2: Cython >= 3.0a5, src/gevent/_abstract_linkable.py)
    cython3 = {"pyproject.toml": "[build-system]\nrequires = ['setuptools', 'Cython>=3']\n"}
    for version, extra, root, source in (("1.2", {}, "", ".pyx"), ("1.3", cython3, "", ".pyx"), ("1.4", cython3, "src/", ".py")):
        add("cp39build", f"cp39build-{version}-cp39-cp39-manylinux_2_17_x86_64.whl",
            wheel("cp39build", version, {"cp39build/__init__.py": CLEAN}, "cp39-cp39-manylinux_2_17_x86_64"))
        add("cp39build", f"cp39build-{version}.tar.gz", sdist("cp39build", version, {
            "setup.py": uvloop_build, f"{root}cp39build/__init__.py": CLEAN, f"{root}cp39build/_c{source}": "def f():\n    return 1\n",
            f"{root}cp39build/_c.c": "/* Generated by Cython 0.29.13 */\n" + "static int unused;\n" * 300_000, **extra}))
    # buildhelpers: no wheel, helpers beside setup.py that only its build imports (mysqlclient 1.3.13's
    # setup_posix.py / setup_windows.py, this one with distutils.msvccompiler, both importing setup_common.py;
    # py_modules from setup(**metadata)); 1.1 installs one of them too (py_modules names it): library code
    helpers = ('import os\nfrom setuptools import setup\nif os.name == "posix":\n    from setup_posix import get_config\n'
               'else:\n    from setup_windows import get_config\nmetadata = get_config()\n'
               'setup(name="buildhelpers", packages=["buildhelpers"]{extra}, **metadata)\n')
    windows = "from distutils.msvccompiler import get_build_version\nfrom setup_common import get_metadata\n\n\n" \
              "def get_config():\n    return get_metadata(get_build_version())\n"
    for version, extra in (("1.0", ""), ("1.1", ", py_modules=['setup_windows']")):
        add("buildhelpers", f"buildhelpers-{version}.tar.gz", sdist("buildhelpers", version, {
            "setup.py": helpers.format(extra=extra), "buildhelpers/__init__.py": CLEAN,
            "setup_posix.py": "from setup_common import get_metadata\n\n\ndef get_config():\n    return get_metadata(0)\n",
            "setup_windows.py": windows, "setup_common.py": "import imp\n\n\ndef get_metadata(n):\n    return {}\n"}))
    # mounthook: distlib 0.4.0's Wheel.mount() puts a finder with find_module alone on sys.meta_path
    # (wheel.py:811), in a method importing never runs; 1.1 calls it at its top level
    mount = ("import sys\n\n\nclass Mounter:\n    def find_module(self, fullname, path=None):\n        return None\n\n\n"
             "class Wheel:\n    def mount(self):\n        sys.meta_path.append(Mounter())\n")
    add("mounthook", *_pure("mounthook", "1.0", {"mounthook/__init__.py": "", "mounthook/wheel.py": mount}))
    add("mounthook", *_pure("mounthook", "1.1", {"mounthook/__init__.py": "from mounthook.wheel import Wheel\n\nWheel().mount()\n",
                                                "mounthook/wheel.py": mount}))
    # scriptmain: tornado 6.5.4's autoreload.py, whose main() (pkgutil.get_loader, gone in 3.14) only its
    # `if __name__ == "__main__":` block calls; 1.1 calls it from a __main__.py, as `python -m` runs it
    reload = ('import pkgutil\n\n\ndef main():\n    return pkgutil.get_loader("mod")\n\n\n'
              'if __name__ == "__main__":\n    main()\n')
    add("scriptmain", *_pure("scriptmain", "1.0", {"scriptmain/__init__.py": "", "scriptmain/autoreload.py": reload}))
    add("scriptmain", *_pure("scriptmain", "1.1", {"scriptmain/__init__.py": "", "scriptmain/autoreload.py": reload,
                                                  "scriptmain/__main__.py": "from scriptmain.autoreload import main\n\nmain()\n"}))
    # headeronly: no wheel, C headers it parses as data (pycparser 2.19's utils/fake_libc_include/)
    add("headeronly", "headeronly-1.0.tar.gz", sdist("headeronly", "1.0", {
        "setup.py": SETUP_PY, "headeronly/__init__.py": CLEAN, "utils/fake_libc_include/stdio.h": "#define EOF (-1)\n",
        "utils/fake_libc_include/_fake_defines.pxd": ""}))
    # mainblock: a module regenerating itself in its `if __name__ == "__main__":` block (pygments 2.20's
    # lexers/_sourcemod_builtins.py, with FancyURLopener; telnetlib here); 1.1 imports imp in the else branch,
    # 1.2 in its __main__.py, which python -m runs
    regen = ('FUNCS = ("a", "b")\n\n\nif __name__ == "__main__":\n    import telnetlib\n\n'
             '    telnetlib.Telnet("example.org")\nelse:\n    import imp\n')
    add("mainblock", *_pure("mainblock", "1.0", {"mainblock/__init__.py": "", "mainblock/_builtins.py": regen.replace(
        "else:\n    import imp\n", "")}))
    add("mainblock", *_pure("mainblock", "1.1", {"mainblock/__init__.py": "", "mainblock/_builtins.py": regen}))
    add("mainblock", *_pure("mainblock", "1.2", {"mainblock/__init__.py": "",
                                                 "mainblock/__main__.py": 'if __name__ == "__main__":\n    import imp\n'}))
    # 1.3: the block after functions naming nothing removed (the check leaves their bodies out), one in
    # the block itself, before the removed module's use
    bodies = "".join(f"def f{n}(x):\n" + "".join(f"    x = x * {m} + {n}\n" for m in range(12)) + "    return x\n\n\n"
                     for n in range(20))
    add("mainblock", *_pure("mainblock", "1.3", {"mainblock/__init__.py": "", "mainblock/_builtins.py": bodies + (
        'if __name__ == "__main__":\n    def helper(x):\n' + "".join(f"        x = x + {m}\n" for m in range(12))
        + '        return x\n\n    import telnetlib\n\n    telnetlib.Telnet("example.org")\n')}))
    # pyguard: numba 0.61.2's setup.py, which raises on a Python at or past max_python_version;
    # 1.0 ships wheels up to cp312 and its sdist, 2.0 only an sdist, 3.0 admits 3.14
    for version, top in (("1.0", "3.13"), ("2.0", "3.13"), ("3.0", "3.15")):
        if version == "1.0":
            add("pyguard", f"pyguard-{version}-cp312-cp312-manylinux_2_17_x86_64.whl",
                wheel("pyguard", version, {"pyguard/__init__.py": ""}, "cp312-cp312-manylinux_2_17_x86_64"))
        add("pyguard", f"pyguard-{version}.tar.gz", sdist("pyguard", version, {
            "pyguard/__init__.py": "", "pyguard/_speed.c": "int f(void) { return 1; }\n",
            "setup.py": PYTHON_GUARD.replace("MAXIMUM", top)}))
    # tarbomb: a tar sdist whose members are 20 001 empty files.
    add("tarbomb", "tarbomb-1.0.tar.gz", sdist("tarbomb", "1.0", {f"f{i}.txt": "" for i in range(20_001)}))
    # slowfix: 30 releases; those before 1.17 use imp.
    for minor in range(30):
        add("slowfix", *_pure("slowfix", f"1.{minor}", {
            "slowfix/loader.py": IMP_LOADER if minor < 17 else CLEAN}))
    # metaonly: the page gives no requires-python; its PEP 658 metadata file does.
    add("metaonly", *_pure("metaonly", "1.0", {"metaonly/__init__.py": ""}), **{"core-metadata": True})
    # What a dependency pins (``pinned``): pure wheels whose METADATA requires versions of the
    # tag-only projects oldcore (0.5: cp38 wheels and an sdist; 1.0: cp313) and binonly (1.0:
    # cp38 wheels, no sdist; 2.0: cp313).
    pins = {"pinsold": "oldcore==0.5", "pinscompat": "oldcore~=0.5", "pinsrange": "oldcore<2",
            "pinsbinary": "binonly<2", "pinsfloor": "oldcore>=0.5",
            "pinswindows": "oldcore==0.5; sys_platform == 'win32'", "pinspure": "pureonly==1.0",
            "pinsbuilt": "builtonly==1.0", "pinsextra": "oldcore==0.5; extra == 'old'"}
    for project, line in pins.items():
        add(project, f"{project}-1.0-py3-none-any.whl",
            wheel(project, "1.0", {f"{project}/__init__.py": ""}, headers=f"Requires-Dist: requests>=2\nRequires-Dist: {line}"))
    # pinsbroken: uses imp (breaks from 3.12) and pins oldcore 0.5
    add("pinsbroken", "pinsbroken-1.0-py3-none-any.whl", wheel("pinsbroken", "1.0", {
        "pinsbroken/loader.py": IMP_LOADER}, headers="Requires-Dist: oldcore==0.5"))
    # pureonly and builtonly: sdists alone, pure Python and with a C extension
    add("pureonly", "pureonly-1.0.tar.gz", sdist("pureonly", "1.0", {"pureonly/__init__.py": "", "setup.py": CLEAN}))
    add("builtonly", "builtonly-1.0.tar.gz", sdist("builtonly", "1.0", {
        "builtonly/__init__.py": "", "builtonly/_speed.c": "int f(void) { return 1; }\n", "setup.py": CLEAN}))
    projects, files, norange = {}, {}, {"norange-1.0-py3-none-any.whl"}
    files["metaonly-1.0-py3-none-any.whl.metadata"] = (
        b"Metadata-Version: 2.1\nName: metaonly\nVersion: 1.0\nRequires-Python: <3.12\n")
    for project, entries in made.items():
        projects[project] = [dict(filename=filename, **extra) for filename, _, extra in entries]
        files.update({filename: data for filename, data, _ in entries})
    return projects, files, norange
