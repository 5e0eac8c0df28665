"""The step's inputs as the runner passes them: ``INPUT_<NAME>``, the name upper-cased and a hyphen
kept (``INPUT_TARGET-VERSION``).  The defaults here match action.yml, so the image also works as
``uses: docker://IMAGE``, where action.yml's defaults do not apply (and where ``with: args:``
arrives as the container's arguments instead of ``INPUT_ARGS``).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Mapping, Optional

FAIL_ON = ("error", "warning", "never")
TRUE, FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0", ""}


class InputError(Exception):
    """An input the action cannot use; the message names it."""


@dataclass(frozen=True)
class Inputs:
    paths: list[str] = field(default_factory=lambda: ["."])
    target_version: str = ""
    args: list[str] = field(default_factory=list)
    fail_on: str = "error"
    changed_only: bool = False
    sarif: str = ""
    fix: bool = False
    deps: bool = False
    deps_args: list[str] = field(default_factory=list)

    def options(self) -> list[str]:
        """Options for ``outmoded check``/``fix``: the target first, then the user's ``args``."""
        target = ["--target-version", self.target_version] if self.target_version else []
        return target + self.args


def raw(env: Mapping[str, str], name: str) -> str:
    return env.get(f"INPUT_{name.upper()}", "").strip()


def boolean(env: Mapping[str, str], name: str) -> bool:
    value = raw(env, name).lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise InputError(f"input {name!r} must be true or false, got {value!r}")


def words(env: Mapping[str, str], name: str) -> list[str]:
    try:
        return shlex.split(raw(env, name))
    except ValueError as exc:
        raise InputError(f"input {name!r} cannot be split into words: {exc}") from None


def read_inputs(env: Mapping[str, str], argv: Optional[list[str]] = None) -> Inputs:
    fail_on = raw(env, "fail-on").lower() or "error"
    if fail_on not in FAIL_ON:
        raise InputError(f"input 'fail-on' must be one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    return Inputs(
        paths=words(env, "paths") or ["."],
        target_version=raw(env, "target-version"),
        args=list(argv) if argv else words(env, "args"),
        fail_on=fail_on,
        changed_only=boolean(env, "changed-only"),
        sarif=raw(env, "sarif"),
        fix=boolean(env, "fix"),
        deps=boolean(env, "deps"),
        deps_args=words(env, "deps-args"),
    )
