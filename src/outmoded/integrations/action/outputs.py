"""Step outputs, written to ``GITHUB_OUTPUT`` in the heredoc form (``name<<DELIMITER``) with a
random delimiter, so no value (a path with a newline, say) can end its entry early or add one."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import IO, Mapping


def entry(name: str, value: str) -> str:
    import secrets  # here: counts() is all the git hook needs, and secrets imports hashlib (OpenSSL)

    delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
    while delimiter in value:  # pragma: no cover - 128 random bits
        delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
    return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def write(handle: IO[str] | None, values: Mapping[str, object]) -> None:
    if handle is None:
        return
    handle.write("".join(entry(name, str(value)) for name, value in values.items()))
    handle.flush()


def counts(report) -> dict[str, int]:
    """``findings``: all reported; ``errors``: those at error level plus files that could not be
    checked; ``fixable``: findings with a safe automatic fix."""
    errors = sum(f.severity == "error" for f in report.findings) + len(report.errors)
    return {"findings": len(report.findings), "errors": errors,
            "fixable": sum(f.fix == "safe" for f in report.findings)}
