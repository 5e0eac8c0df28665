"""Finding a path's project: the nearest directory with pyproject.toml, setup.cfg or setup.py
(as ruff finds its configuration), and the ``python_requires`` a setuptools project declares
(setup.cfg's ``[options]``, or a literal ``setup(python_requires=...)`` read with ``ast``, never run,
or an sdist's ``PKG-INFO``).
"""

from __future__ import annotations

import os

from outmoded.config.settings import ConfigError
from outmoded.source import open_regular

PROJECT_FILES = ("pyproject.toml", "setup.cfg", "setup.py")


def find_pyproject(start: str) -> str | None:
    """The configuration file of the nearest project at or above the directory ``start`` (an
    absolute path): its pyproject.toml, else its setup.cfg, else its setup.py (a project is a
    directory holding any of them)."""
    directory = start
    while True:
        for name in PROJECT_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


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
    declared when the sdist was built.  Only the header, up to the first blank line, is read."""
    try:
        with open_regular(path) as handle:
            data = handle.read(1 << 16)
    except OSError:
        return None
    for line in data.split(b"\n\n", 1)[0].splitlines():
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"requires-python":
            return value.strip().decode("utf-8", "replace") or None
    return None


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
