"""Entry point of the pre-commit hooks in ``.pre-commit-hooks.yaml``:

    python -m outmoded.precommit check|fix [OPTIONS] [FILES]

pre-commit always names the files to check.  When it names none (a hook configured with
``always_run``, or every file excluded), there is nothing to do, whereas ``outmoded check`` with
no paths would check the whole directory: so this exits 0 without running.  Otherwise it is
exactly ``outmoded check|fix [OPTIONS] FILES`` (``exclude`` settings apply to the named files).
"""

from __future__ import annotations

import sys
from typing import Optional


def main(argv: Optional[list[str]] = None) -> int:
    from outmoded.cli import build_parser, main as cli_main

    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    if not getattr(args, "paths", None) and getattr(args, "run", None):
        return 0
    return cli_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
