"""Parsing and validating settings: ``[tool.outmoded]`` keys (``KEYS``), ``--config`` overrides,
versions as users spell them (``3.13``, ``py313``) and rule codes.  Every error is a
``ConfigError`` naming the file (or option) and the key.
"""

from __future__ import annotations

import sys

from outmoded.catalog import LATEST_RELEASE
from outmoded.config.settings import FAIL_ON, OLDEST_TARGET, ConfigError, Settings
from outmoded.lazyre import LazyPattern
from outmoded.records import replace
from outmoded.source import open_regular

VERSION_RE = LazyPattern(r"^(?:py)?3\.?(\d{1,2})$")
PY2_RE = LazyPattern(r"^(?:py)?2\.?\d{0,2}$")
_ASCII_DIGITS = frozenset("0123456789")


def parse_version(text: str, what: str = "version") -> tuple[int, int]:
    plain = str(text).strip()
    minor = plain[2:]
    if plain[:2] == "3." and 1 <= len(minor) <= 2 and _ASCII_DIGITS.issuperset(minor):
        return 3, int(minor)  # what VERSION_RE reads, without compiling it (and importing re)
    match = VERSION_RE.match(plain)
    if match:
        return 3, int(match.group(1))
    if PY2_RE.match(str(text).strip()):
        raise ConfigError(f"{what} {text}: outmoded checks code for Python 3 targets; "
                          f"give a version such as 3.13")
    raise ConfigError(f"{what} must look like 3.13 (or py313), got {text!r}")


FREE_THREADED_SINCE = (3, 13)


def free_threaded_spelling(text: str | None) -> tuple:
    """(version text, whether it names the free-threaded build): ``3.14t`` (as uv and the
    interpreter's name spell it: ``python3.14t``), ``py314t`` or ``cp314t`` is ``3.14`` with
    ``--free-threading``."""
    plain = (text or "").strip()
    if plain[-1:] in ("t", "T") and plain[:-1][-1:].isdigit():
        body = plain[:-1]
        return (body[2:] if body[:2].lower() == "cp" else body), True
    return text, False


def check_free_threaded(version: tuple[int, int], what: str | None = "target-version") -> None:
    """A free-threaded build of a Python that has none is a mistake, not a plain target (``what``:
    where it was asked for, None for no prefix, as ``deps`` says it)."""
    if version < FREE_THREADED_SINCE:
        raise ConfigError(f"{what + ': ' if what else ''}there is no free-threaded build of Python "
                          f"{version[0]}.{version[1]} (it starts with {FREE_THREADED_SINCE[0]}.{FREE_THREADED_SINCE[1]})")


def check_target(version: tuple[int, int], what: str = "target-version") -> tuple[int, int]:
    """A target outside the Pythons the catalog knows would pass silently: refuse it (newer than
    its newest release, or older than ``OLDEST_TARGET``)."""
    newest = f"{LATEST_RELEASE[0]}.{LATEST_RELEASE[1]}"
    if version > LATEST_RELEASE:
        raise ConfigError(f"{what} {version[0]}.{version[1]} is newer than the newest Python outmoded "
                          f"knows ({newest}); use {newest} (--pending also shows removals scheduled later)")
    if version < OLDEST_TARGET:
        oldest = f"{OLDEST_TARGET[0]}.{OLDEST_TARGET[1]}"
        raise ConfigError(f"{what} {version[0]}.{version[1]} is older than the oldest Python outmoded checks "
                          f"for ({oldest}); give the Python the code must run on, {oldest} to {newest} "
                          f"(3.10 is written \"3.10\")")
    return version


def parse_target(text: str, what: str) -> tuple[tuple[int, int], bool]:
    """A target as written (``3.13``, or ``3.14t`` for its free-threaded build): (the version,
    whether the free-threaded build is named), refused when the catalog does not know the version
    (``check_target``) or that build does not exist (``check_free_threaded``)."""
    plain, free = free_threaded_spelling(text)
    version = check_target(parse_version(plain, what), what)
    if free:
        check_free_threaded(version, what)
    return version, free


def parse_min_version(text: str, what: str = "version") -> tuple[int, int]:
    """Like ``parse_version``, and Python 2 too: a project may still support 2.7."""
    if str(text).strip() in ("2.6", "2.7", "py26", "py27"):
        return 2, int(str(text).strip()[-1])
    if str(text).strip().startswith(("2", "py2")) and PY2_RE.match(str(text).strip()):
        raise ConfigError(f"{what} {text}: the oldest Python outmoded's fixes know is 2.6")
    return parse_version(text, what)


def _load_toml(path: str, data: bytes | None = None) -> dict:
    """The TOML document at ``path`` (``data``: its bytes, when already read)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    try:
        if data is None:
            with open_regular(path) as handle:
                data = handle.read()
        return tomllib.loads(data.decode())  # what tomllib.load does with the handle
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except RecursionError:  # arrays or tables nested past the parser's limit
        raise ConfigError(f"{path}: cannot read: nested too deeply to read") from None


def _strings(value, path, key) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.outmoded] {key} must be a list of strings")
    return tuple(value)


def _path(value, path, key) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f'{path}: [tool.outmoded] {key} must be a path, as a string (such as ".outmoded_cache")')
    return value


def _boolean(value, path, key) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: [tool.outmoded] {key} must be true or false")
    return value


def _per_file_ignores(value, path, key) -> tuple:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [tool.outmoded] {key} must be a table of glob = [codes]")
    return tuple((pattern, tuple(s.upper() for s in _strings(codes, path, f"{key}.{pattern!r}")))
                 for pattern, codes in value.items())


def _choice(choices):
    def parse(value, path, key):
        if value not in choices:
            raise ConfigError(f"{path}: [tool.outmoded] {key} must be one of {', '.join(choices)}, got {value!r}")
        return value
    return parse


def output_formats() -> tuple[str, ...]:
    from outmoded.reporters import FORMATS

    return tuple(FORMATS)


def _version_text(value, path, key) -> str:
    """A version written as a TOML string: as a number, ``3.10`` is read as 3.1 (a target every
    file passes)."""
    if not isinstance(value, str):
        raise ConfigError(f'{path}: [tool.outmoded] {key} must be a string, such as "3.13": '
                          f"TOML reads {value!r} as a number ({key} = 3.10 would mean 3.1)")
    return value


KEYS = {
    "target-version": lambda v, p, k: ("target", parse_target(_version_text(v, p, k), f"{p}: [tool.outmoded] {k}")),
    "min-version": lambda v, p, k: ("min_version", parse_min_version(_version_text(v, p, k),
                                                                     f"{p}: [tool.outmoded] {k}")),
    "select": lambda v, p, k: ("select", tuple(s.upper() for s in _strings(v, p, k))),
    "ignore": lambda v, p, k: ("ignore", tuple(s.upper() for s in _strings(v, p, k))),
    "exclude": lambda v, p, k: ("exclude", _strings(v, p, k)),
    "extend-exclude": lambda v, p, k: ("extend_exclude", _strings(v, p, k)),
    "pending": lambda v, p, k: ("pending", _boolean(v, p, k)),
    "free-threading": lambda v, p, k: ("free_threading", _boolean(v, p, k)),
    "dead-compat": lambda v, p, k: ("dead_compat", _boolean(v, p, k)),
    "unsafe-fixes": lambda v, p, k: ("unsafe_fixes", _boolean(v, p, k)),
    "cache-dir": lambda v, p, k: ("cache_dir", _path(v, p, k)),
    "extend-select": lambda v, p, k: ("extend_select", tuple(s.upper() for s in _strings(v, p, k))),
    "per-file-ignores": lambda v, p, k: ("per_file_ignores", _per_file_ignores(v, p, k)),
    "fail-on": lambda v, p, k: ("fail_on", _choice(FAIL_ON)(v, p, k)),
    "force-exclude": lambda v, p, k: ("force_exclude", _boolean(v, p, k)),
    "respect-gitignore": lambda v, p, k: ("respect_gitignore", _boolean(v, p, k)),
    "output-format": lambda v, p, k: ("output_format", _choice(output_formats())(v, p, k)),
}


def apply_section(settings: Settings, section: dict, where) -> Settings:
    """``settings`` with the keys of a ``[tool.outmoded]`` table applied; ``where`` names its origin."""
    changes = {}
    _one_spelling(section, where)
    for raw_key, value in section.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            raise ConfigError(f"{where}: [tool.outmoded] unknown key {raw_key!r} "
                              f"(known: {', '.join(sorted(KEYS))})")
        attribute, parsed = KEYS[key](value, where, raw_key)
        if key == "target-version":  # (version, whether "3.14t" names the free-threaded build)
            parsed, free = parsed
            if free:
                changes.setdefault("free_threading", True)
        changes[attribute] = parsed
    return replace(settings, **changes)


def _one_spelling(section: dict, where) -> None:
    """A key given twice in one table, spelled both ways (``min_version`` and ``min-version``),
    is refused: one would silently win."""
    spelled: dict = {}
    for raw_key in section:
        key = str(raw_key).replace("_", "-")
        if key in spelled:
            raise ConfigError(f"{where}: [tool.outmoded] {spelled[key]!r} and {raw_key!r} are the same key "
                              f"given twice; keep one ({key!r})")
        spelled[key] = raw_key


def parse_overrides(pairs: list[str]) -> dict:
    """``--config "fail-on = 'warning'"`` (ruff's inline form): TOML ``key = value`` lines."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as tomllib
    table = {}
    for pair in pairs:
        try:
            given = tomllib.loads(pair)
        except ValueError as exc:
            raise ConfigError(f"--config {pair!r}: neither a file nor a TOML `key = value` ({exc})") from None
        _one_spelling(given, f"--config {pair!r}")
        for key, value in given.items():  # a later --config overrides an earlier one, however spelled
            for earlier in [k for k in table if k.replace("_", "-") == key.replace("_", "-")]:
                del table[earlier]
            table[key] = value
    return table


def check_codes(codes, known: set[str], what: str) -> None:
    """Unknown rule codes or prefixes in select/ignore are a usage error, as in ruff.  So is an
    empty one (``ignore = [""]``, ``"tests/*" = [" "]``): every code starts with it, so it
    ignored every rule and the run passed."""
    for code in codes:
        if not code.strip() or not any(k.startswith(code) for k in known):
            raise ConfigError(f"{what}: unknown rule code or prefix {code!r}")
