"""The common command lines parsed without argparse: what a pre-commit run on a few files pays.

Importing argparse (with gettext and locale, which its messages look up) and building a command's
parser costs ~12 ms of a ~60 ms run.  A command's ``add_arguments`` is given a ``Recorder``
instead of a parser: it records each option as argparse would define it.  ``parse`` then reads
an argument list made only of what it can read exactly as argparse does: the command first, then
options spelled in full (``--format json``, ``--format=json``, ``-q``), values that do not start
with ``-``, and the paths in one run.  Anything else (help, an abbreviation, an unknown or
malformed option, a bad value, ``--``, joined short options) returns None, and ``cli`` parses the
list with argparse: its messages, help and errors are argparse's own.  The namespace is the one
argparse gives (``tests/cli/test_quickargs.py`` compares them).
"""

from __future__ import annotations

import sys

SUPPRESS = "==SUPPRESS=="  # argparse.SUPPRESS: no default, no help line
BOOLEAN = "boolean_optional"  # action name cli registers for argparse.BooleanOptionalAction (--x / --no-x)
_ACTIONS = (None, "store", "store_true", "append", BOOLEAN)
_KEYWORDS = {"action", "dest", "type", "choices", "default", "help", "metavar"}


class Namespace:
    """argparse.Namespace's behaviour: attributes, equality by them, ``in``."""

    def __init__(self, **values):
        self.__dict__.update(values)

    def __eq__(self, other):
        return vars(self) == vars(other) if hasattr(other, "__dict__") else NotImplemented

    def __contains__(self, key: str) -> bool:
        return key in self.__dict__

    def __repr__(self) -> str:
        return f"Namespace({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


class Option:
    __slots__ = ("dest", "action", "type", "choices", "default")

    def __init__(self, dest, action, type, choices, default):
        self.dest, self.action, self.type, self.choices, self.default = dest, action, type, choices, default


class Recorder:
    """Takes a command's ``add_argument`` calls (and its groups') in place of an argparse parser.
    ``readable`` turns False at the first definition ``parse`` could not read like argparse."""

    def __init__(self):
        self.flags: dict[str, Option] = {}
        self.paths: Option | None = None  # the one positional: nargs="*"
        self.defaults: dict = {}
        self.readable = True

    def add_argument_group(self, *args, **kwargs) -> Recorder:
        return self

    def add_mutually_exclusive_group(self, *args, **kwargs) -> Recorder:
        self.readable = False
        return self

    def set_defaults(self, **values) -> None:
        self.defaults.update(values)

    def add_argument(self, *names: str, **kwargs) -> None:
        action = kwargs.get("action")
        if action not in _ACTIONS or set(kwargs) - _KEYWORDS - {"nargs"} or not names:
            self.readable = False
            return
        default = kwargs.get("default", False if action == "store_true" else None)
        if isinstance(default, str) and kwargs.get("type") is not None:
            self.readable = False  # argparse converts string defaults: not done here
        if not names[0].startswith("-"):  # a positional: only ``paths`` (nargs="*") is read here
            if self.paths is not None or kwargs.get("nargs") != "*" or action is not None or len(names) > 1:
                self.readable = False
                return
            self.paths = Option(kwargs.get("dest", names[0]), None, kwargs.get("type"), kwargs.get("choices"),
                                kwargs.get("default"))
            return
        if "nargs" in kwargs:
            self.readable = False
            return
        longs = [n for n in names if n.startswith("--")]
        dest = kwargs.get("dest") or (longs[0] if longs else names[0]).lstrip("-").replace("-", "_")
        option = Option(dest, action, kwargs.get("type"), kwargs.get("choices"), default)
        for name in names:
            if len(name) < 2 or (not name.startswith("--") and len(name) != 2):
                self.readable = False
            self.flags[name] = option
            if action == BOOLEAN:
                if not name.startswith("--"):
                    self.readable = False
                self.flags["--no-" + name[2:]] = option

    def namespace(self, command: str) -> Namespace:
        """What argparse sets before reading any argument: each option's default."""
        values = {"command": command}
        if self.paths is not None:
            values[self.paths.dest] = self.paths.default
        for option in self.flags.values():
            if option.default is not SUPPRESS:
                values.setdefault(option.dest, option.default)
        values.update(self.defaults)
        return Namespace(**values)


_RECORDED: dict[str, Recorder] = {}


def recorded(command: str, module_name: str) -> Recorder:
    if command not in _RECORDED:
        recorder = Recorder()
        __import__(module_name)  # importlib.import_module, without importing importlib
        sys.modules[module_name].add_arguments(recorder)
        _RECORDED[command] = recorder
    return _RECORDED[command]


def parse(argv: list[str], commands: dict) -> Namespace | None:
    """The namespace argparse would give for ``argv``, or None when it is not a line read here
    (then argparse reads it: help, errors and every unusual spelling are its own)."""
    if not argv or argv[0] not in commands:
        return None
    try:
        recorder = recorded(argv[0], commands[argv[0]][0])
    except ModuleNotFoundError:
        return None  # a command not built yet: argparse leaves it out
    if not recorder.readable:
        return None
    args = recorder.namespace(argv[0])
    paths: list[str] = []
    runs = 0  # runs of consecutive paths: argparse takes only the first
    previous_was_path = False
    position = 1
    while position < len(argv):
        arg = argv[position]
        position += 1
        if not arg.startswith("-") or arg == "-":
            if recorder.paths is None:
                return None
            if not previous_was_path:
                runs += 1
            paths.append(arg)
            previous_was_path = True
            continue
        if arg == "--":  # the rest are paths (the integrations' `check OPTIONS -- NAMES`)
            rest = argv[position:]
            if recorder.paths is None or paths or not rest or "--" in rest:
                return None  # argparse's readings of these differ between versions
            paths.extend(rest)
            runs += 1
            break
        previous_was_path = False
        name, joined, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = recorder.flags.get(name)
        if option is None:
            return None  # help, an abbreviation, an unknown option, joined short options, `--`
        if option.action == BOOLEAN or option.action == "store_true":
            if joined:
                return None
            setattr(args, option.dest, option.action == "store_true" or not name.startswith("--no-"))
            continue
        if not joined:
            if position >= len(argv):
                return None
            value = argv[position]
            position += 1
        if not value or value.startswith("-"):
            return None  # argparse's rules for values that look like options differ
        if option.type is not None:
            try:
                value = option.type(value)
            except Exception:
                return None
        if option.choices is not None and value not in option.choices:
            return None
        if option.action == "append":
            current = getattr(args, option.dest)
            setattr(args, option.dest, [*(current or ()), value])
        else:
            setattr(args, option.dest, value)
    if runs > 1:
        return None
    if recorder.paths is not None and paths:
        setattr(args, recorder.paths.dest, paths)
    elif recorder.paths is not None and recorder.paths.default is None:
        setattr(args, recorder.paths.dest, [])
    return args
