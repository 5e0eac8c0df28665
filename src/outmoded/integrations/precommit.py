"""Entry point of the pre-commit hooks in ``.pre-commit-hooks.yaml``:

    outmoded-precommit check|fix [OPTIONS] [FILES]     (or python -m outmoded.integrations.precommit ...)

pre-commit always names the files to check.  When it names none (a hook configured with
``always_run``, or every file excluded), there is nothing to do, whereas ``outmoded check`` with
no paths would check the whole directory: so this exits 0 without running.  Otherwise it is
exactly ``outmoded check|fix --force-exclude [OPTIONS] FILES``: ``exclude`` settings apply to
the named files, as with ruff's hook.
``fix`` runs with ``--hook``: it lists the files it fixed and exits 0 unless fixing failed, since
pre-commit fails a hook that changed files and the check hook reports what remains.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from outmoded.cli import _reliable_streams, command_of, execute, parse

    _reliable_streams()
    argv = sys.argv[1:] if argv is None else argv
    command = command_of(argv)
    if command in ("check", "fix") and argv[0] == command:
        argv = [command, "--force-exclude", *argv[1:]]
    if command == "fix" and argv[0] == command:  # print what was fixed, not the findings the check hook prints
        argv = [command, "--hook", *argv[1:]]
    parser, args = parse(argv)  # parsed once, with only that command's options
    if not getattr(args, "paths", None) and getattr(args, "run", None):
        return 0
    return execute(parser, args)


if __name__ == "__main__":
    raise SystemExit(main())
