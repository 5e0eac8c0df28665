"""Finding a path's project (a directory with pyproject.toml, setup.cfg or setup.py), its
configuration and its Python requirement, and the ``python_requires`` a setuptools project
declares (setup.cfg's ``[options]``, or a literal ``setup(python_requires=...)`` read with ``ast``,
never run, or an sdist's ``PKG-INFO``).

What a file is checked with (``locate``), hierarchically, as ruff finds its configuration:

- its configuration is the nearest pyproject.toml above it holding a ``[tool.outmoded]`` table
  (ruff counts only a pyproject.toml with ``[tool.ruff]``); a project saying nothing of outmoded
  (a vendored package's setup.py, a test fixture, a pyproject.toml for the build only) does not
  hide the configuration of the project around it;
- its Python requirement is the nearest one declared on the way up to that configuration
  (``requires-python``, ``python_requires``, ``PKG-INFO``): unlike a tool's preference, it is what
  the code itself says it runs on, so each package of a monorepo keeps its own target and floor
  under one ``[tool.outmoded]`` (ruff ignores a nested ``requires-python`` without ``[tool.ruff]``).
"""

from __future__ import annotations

import os

from outmoded.config.settings import ConfigError
from outmoded.source import open_regular

PROJECT_FILES = ("pyproject.toml", "setup.cfg", "setup.py")


class Location:
    """Where the settings of the files in a directory come from: ``config``, the pyproject.toml
    with ``[tool.outmoded]`` (None without one); ``requirement``, the directory whose project
    declares the Python requirement, when it is nearer than ``config``; ``nearest``, the nearest
    project's configuration file (pyproject.toml, else setup.cfg, else setup.py)."""

    __slots__ = ("config", "requirement", "nearest")

    def __init__(self, config: str | None, requirement: str | None, nearest: str | None):
        self.config, self.requirement, self.nearest = config, requirement, nearest

    def key(self) -> tuple:
        return self.config, self.requirement, self.nearest


def project_file(directory: str) -> str | None:
    """``directory``'s pyproject.toml, else its setup.cfg, else its setup.py: the file that makes
    it a project, or None."""
    for name in PROJECT_FILES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    return None


def own_config(directory: str) -> str | None:
    """``directory``'s pyproject.toml when it holds a ``[tool.outmoded]`` table (empty or not)."""
    path = os.path.join(directory, "pyproject.toml")
    if not os.path.isfile(path):
        return None
    return path if "outmoded" in (_document(path).get("tool") or {}) else None


def declared_requirement(directory: str) -> str | None:
    """The Python requirement the project in ``directory`` declares: ``[project] requires-python``
    of its pyproject.toml, else its setuptools ``python_requires`` (``setup_python_requires``)."""
    path = os.path.join(directory, "pyproject.toml")
    if os.path.isfile(path):
        requires = (_document(path).get("project") or {}).get("requires-python")
        if requires is not None and not isinstance(requires, str):
            raise ConfigError(f"{path}: [project] requires-python must be a string")
        if requires is not None:
            return requires
    return setup_python_requires(directory)


def _document(path: str) -> dict:
    """The pyproject.toml at ``path``, read once per run (``settings_cache.pyproject``); a broken
    one is a ConfigError naming it."""
    from outmoded import settings_cache
    from outmoded.config.parsing import _load_toml

    return settings_cache.pyproject(path, _load_toml)


def locate(start: str, memo: dict | None = None) -> Location:
    """The ``Location`` of the settings of files in ``start`` (an absolute, real directory):
    the nearest ``[tool.outmoded]`` above, and the nearest Python requirement below it.
    ``memo``: directory -> what it says, shared by the calls of one command about many paths."""
    directory, nearest, requirement = start, None, None
    memo = {} if memo is None else memo
    while True:
        said = memo.get(directory)
        if said is None:
            said = memo[directory] = _says(directory)
        found, config, declares = said
        if found is not None:
            nearest = nearest or found
            if config is not None:
                return Location(config, requirement, nearest)
            if requirement is None and declares():
                requirement = directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return Location(None, requirement, nearest)
        directory = parent


def _says(directory: str) -> tuple:
    """(project file, pyproject.toml with ``[tool.outmoded]``, whether it declares a Python
    requirement: asked only when needed, then remembered) of ``directory``."""
    found = project_file(directory)
    if found is None:
        return None, None, None
    config = own_config(directory) if found.endswith("pyproject.toml") else None
    answer: list = []

    def declares() -> bool:
        if not answer:
            answer.append(declared_requirement(directory) is not None)
        return answer[0]
    return found, config, declares


def project_start(path: str) -> str:
    """Where the search for ``path``'s project begins, symlinks resolved: the directory itself,
    or a file's folder."""
    absolute = os.path.abspath(path)
    return os.path.realpath(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))


def _setup_cfg_requires(path: str) -> str | None:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {str(exc).splitlines()[0]}") from None
    value = parser.get("options", "python_requires", fallback=None)
    return value.strip() if value and value.strip() else None


def _setup_py_requires(path: str) -> str | None:
    """``python_requires`` of a ``setup(...)`` call when it is a string literal; setup.py is parsed
    with ``ast``, never run."""
    import ast
    import warnings

    from outmoded.setupcall import setup_calls

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with open_regular(path) as handle:
                tree = ast.parse(handle.read(), filename=path)
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # an unreadable setup.py says nothing about the project's Pythons
    for call in setup_calls(tree):
        for keyword in call.keywords:
            if keyword.arg == "python_requires" and isinstance(keyword.value, ast.Constant) \
                    and isinstance(keyword.value.value, str):
                return keyword.value.value
    return None


def _pkg_info_requires(path: str) -> str | None:
    """``Requires-Python`` of a ``PKG-INFO`` (the metadata an sdist carries beside its setup.py):
    what a setup.py that computes ``python_requires`` (grpcio's ``f">={MIN_PYTHON_VERSION}"``)
    declared when the sdist was built; without one, the oldest Python its ``Programming Language ::
    Python :: X.Y`` classifiers name (buildbot 4.3.0: 3.9 to 3.13, so its contrib/ scripts'
    ``import httplib`` fails on every Python it supports; tornado 4.5.3: 2.7 to 3.6, so no fix
    writes ``assertRaisesRegex`` into code 2.7 still runs).  Only the header, up to the first blank
    line, is read."""
    try:
        with open_regular(path) as handle:
            data = handle.read(1 << 16)
    except OSError:
        return None
    return metadata_requires(data)


def metadata_requires(data: bytes) -> str | None:
    """What ``_pkg_info_requires`` reads in core metadata's bytes (a ``PKG-INFO``, a wheel's
    ``METADATA``): its ``Requires-Python``, else the oldest version its ``Programming Language ::
    Python :: X.Y`` classifiers name (``>=2.7`` when they name Python 2 without a minor version)."""
    requires, minors, majors = metadata_pythons(data)
    if requires is not None:
        return requires or None
    if 2 in majors:  # Python 2 is supported: fixes must keep working there (as python_requires >=2.7 says)
        return ">=" + ".".join(map(str, min([m for m in minors if m[0] == 2] or [(2, 7)])))
    if minors:
        return f">=3.{min(minors)[1]}"  # classifiers naming Python 3 versions: the oldest is the floor
    return None


def metadata_pythons(data: bytes) -> tuple[str | None, list, set]:
    """Core metadata's ``Requires-Python`` (None when absent; the first one wins, as the header is
    read before the classifiers), else the ``(major, minor)`` versions and the majors its
    ``Programming Language :: Python :: X[.Y]`` classifiers name (the headers only: the body is
    the description)."""
    minors, majors = [], set()
    for line in data.split(b"\n\n", 1)[0].splitlines():
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"requires-python":
            return value.strip().decode("utf-8", "replace"), minors, majors
        if name == b"classifier":
            parts = [p.strip() for p in value.split(b"::")]
            if parts[:2] == [b"Programming Language", b"Python"] and len(parts) > 2:
                version = parts[2].split(b".")
                if version[0] in (b"2", b"3"):
                    majors.add(int(version[0]))
                    if len(version) == 2 and version[1].isdigit():
                        minors.append((int(version[0]), int(version[1])))
    return None, minors, majors


def setup_python_requires(directory: str) -> str | None:
    """``python_requires`` of a setuptools project in ``directory``: setup.cfg's ``[options]``,
    else a literal in setup.py (parsed, never run), else the ``Requires-Python`` of a ``PKG-INFO``
    beside them; remembered while the three files are unchanged."""
    from outmoded import settings_cache

    return settings_cache.setup_requires(directory, _setup_python_requires)


def _setup_python_requires(directory: str) -> str | None:
    for name, reader in (("setup.cfg", _setup_cfg_requires), ("setup.py", _setup_py_requires),
                         ("PKG-INFO", _pkg_info_requires)):
        if os.path.isfile(os.path.join(directory, name)):
            found = reader(os.path.join(directory, name))
            if found:
                return found
    return None


def requirement_source(root: str, config_file: str | None, value: str) -> str | None:
    """The file that declares the Python requirement ``value`` of the project at ``root`` (its
    configuration file, or the setup.cfg, setup.py or PKG-INFO beside it), for a message about it;
    read again only then."""
    if config_file and os.path.basename(config_file) == "pyproject.toml":
        from outmoded import settings_cache
        from outmoded.config.parsing import _load_toml

        try:
            document = settings_cache.pyproject(config_file, _load_toml)
        except ConfigError:
            document = {}
        if (document.get("project") or {}).get("requires-python") == value:
            return config_file
    for name, reader in (("setup.cfg", _setup_cfg_requires), ("setup.py", _setup_py_requires),
                         ("PKG-INFO", _pkg_info_requires)):
        path = os.path.join(root, name)
        try:
            if os.path.isfile(path) and reader(path) == value:
                shown = os.path.join(os.path.dirname(config_file), name) if config_file else path
                return shown
        except ConfigError:
            continue
    return config_file
