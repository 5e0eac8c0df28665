"""``outmoded deps``'s output formats: which one a run writes, and its GitHub Actions annotations.

The format is ``--output-format`` (``--format``), else ``OUTMODED_OUTPUT_FORMAT``, as ``check``
chooses its own, else text.  ``deps`` writes ``text``, ``json`` and ``github``; from the
environment, ``check``'s human formats (``full``, ``concise``, ``grouped``) are its text, and a
format only ``check`` writes (``sarif``, ``gitlab``, ...) is said on stderr and text is written,
as one variable set for a whole CI job serves both commands; a value neither writes is a usage
error, as it is for ``check``.

``github`` writes one workflow command per dependency that is not ready (``::error``) or could
not be checked (``::warning``), at the line of the file that names it, escaped as ``check``'s
annotations are (``reporters.github``); and one per project whose own Python requirement
excludes the target.  Nothing else, as ``check --format github`` writes nothing else.
"""

from __future__ import annotations

import os

FORMATS = ("text", "json", "github")


def chosen(option: str | None, stderr) -> str:
    """The format to write: the option, else ``OUTMODED_OUTPUT_FORMAT``, else text."""
    from outmoded import reporters
    from outmoded.cli import UsageError
    from outmoded.commands.options import FORMAT_ALIASES

    if option:
        return option
    value = os.environ.get("OUTMODED_OUTPUT_FORMAT")
    if not value:
        return "text"
    if value in FORMATS:
        return value
    if FORMAT_ALIASES.get(value, value) in reporters.HUMAN:
        return "text"
    if value in reporters.FORMATS:
        stderr.write(f"note: OUTMODED_OUTPUT_FORMAT={value} is a format of outmoded check; "
                     f"deps writes {', '.join(FORMATS)}: writing text\n")
        return "text"
    raise UsageError(f"unknown output format {value!r} in OUTMODED_OUTPUT_FORMAT "
                     f"(outmoded deps writes {', '.join(FORMATS)})")


def write_github(results: list, skipped: list, context: dict, stream) -> None:
    from outmoded.reporters.github import command

    target = context["target_version"]
    for result in sorted(results, key=lambda r: 0 if not r.unchecked else 1):
        if result.ready:
            continue
        stream.write(_annotation(command, result, target) + "\n")
    for own in context.get("project_excludes_target", ()):
        stream.write(command("error", _place(own["file"], own.get("line"), "outmoded deps: the project itself"),
                             f"The project itself is not ready: {own['message']}") + "\n")


def _annotation(command, result, target: str) -> str:
    from outmoded.deps.report import upgrade

    dep = result.dependency
    name = dep.name + (f" {result.version}" if result.version else "")
    if result.unchecked:
        kind, said = "warning", f"{name} could not be checked for Python {target}"
    else:
        kind, said = "error", f"{name} is not ready for Python {target}"
    statuses = [f"{result.status}"] + ([f"free-threaded: {result.free_threading}"]
                                      if result.free_threading not in (None, "ok") else [])
    message = f"{said} ({', '.join(statuses)}): {result.message.removeprefix(f'{result.version}: ')}"
    if (up := upgrade(result)) and up != "none yet":
        message += f". Upgrade to {dep.name}{up}"
    return command(kind, _place(dep.file, dep.line, f"outmoded deps: {dep.name}"), message)


def _place(file: str | None, line: int | None, title: str) -> dict:
    from outmoded.pathquote import utf8_name
    from outmoded.reporters.github import workspace_path

    props = {"file": utf8_name(workspace_path(file))} if file and os.path.exists(file) else {}
    if props and line:
        props["line"] = line
    return {**props, "title": title}
