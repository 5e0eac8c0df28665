"""Entry point of the pre-commit hooks in ``.pre-commit-hooks.yaml``:

    python -m outmoded.precommit check|fix [OPTIONS] [FILES]

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
from typing import Optional


def main(argv: Optional[list[str]] = None) -> int:
    from outmoded.cli import build_parser, main as cli_main, parse_args

    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(build_parser(), argv)
    if not getattr(args, "paths", None) and getattr(args, "run", None):
        return 0
    if args.command in ("check", "fix"):
        argv = [argv[0], "--force-exclude", *argv[1:]]
    if args.command == "fix":  # print what was fixed, not the findings the check hook prints
        argv = [argv[0], "--hook", *argv[1:]]
    return cli_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
