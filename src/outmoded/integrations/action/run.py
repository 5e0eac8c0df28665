"""The action, step by step: read inputs, open the runner's files, drop root, optionally fix,
check, keep only changed lines if asked, annotate (most important first), write SARIF, the job
summary and the outputs, optionally check dependencies, and exit per ``fail-on``.

Exit codes: 0 pass, 1 fail per ``fail-on``, 2 bad inputs, options or configuration.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Mapping, Optional

from outmoded.integrations.action import engine, outputs, ownership, summary, workflow
from outmoded.integrations.action.changed import ChangedError, changed_lines, only_changed
from outmoded.integrations.action.deps import run_deps
from outmoded.integrations.action.inputs import InputError, Inputs, read_inputs
from outmoded.integrations.action.workflow import annotate, emit
from outmoded.reporters import github, text

RUNNER_LIMIT = 10  # annotations of each kind the runner shows per step


def open_runner_file(env: Mapping[str, str], name: str) -> Optional[IO[str]]:
    path = env.get(name)
    if not path:
        return None
    try:
        return open(path, "a", encoding="utf-8")
    except OSError as exc:
        annotate("warning", f"cannot write ${name}: {exc.strerror or exc}")
        return None


def main(argv: Optional[list[str]] = None, env: Optional[Mapping[str, str]] = None) -> int:
    env = os.environ if env is None else env
    try:
        inputs = read_inputs(env, sys.argv[1:] if argv is None else argv)
    except InputError as exc:
        annotate("error", str(exc))
        return 2
    files = {name: open_runner_file(env, name) for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")}
    try:
        return guarded(lambda: start(inputs, env, files))
    finally:
        for handle in files.values():
            if handle:
                handle.close()


def start(inputs: Inputs, env: Mapping[str, str], files: dict) -> int:
    workspace = os.path.abspath(env.get("GITHUB_WORKSPACE") or os.getcwd())
    os.chdir(workspace)
    ownership.drop_privileges(workspace)  # after opening the runner's files, before reading the checkout
    return run(inputs, env, workspace, files)


def guarded(step) -> int:
    """``step()``, with every failure turned into an annotation and exit code 2."""
    try:
        return step()
    except (engine.EngineError, OSError) as exc:
        annotate("error", str(exc))
    except Exception as exc:  # a bug: show it, but never as raw text that could hold commands
        import traceback

        annotate("error", f"internal error: {type(exc).__name__}: {exc}")
        workflow.show_untrusted("traceback", traceback.format_exc())
    return 2


def run(inputs: Inputs, env: Mapping[str, str], workspace: str, files: dict) -> int:
    check_sarif(inputs.sarif, workspace)
    fixed = run_fix(inputs) if inputs.fix else False
    full = engine.check(inputs.options(), inputs.paths)
    report, since = restrict(full, inputs, workspace, env)
    for line in github.lines(report):
        emit(line)
    limit_notice(report)
    emit(text.summary(report))
    sarif_path = write_sarif(inputs.sarif, full, workspace)
    if files["GITHUB_STEP_SUMMARY"]:
        files["GITHUB_STEP_SUMMARY"].write(summary.render(report, inputs.options(), inputs.paths, since))
    deps = run_deps(inputs, files["GITHUB_STEP_SUMMARY"]) if inputs.deps else 0
    outputs.write(files["GITHUB_OUTPUT"], {**outputs.counts(report), "sarif": sarif_path,
                                           "fixed": "true" if fixed else "false"})
    return exit_code(report, inputs.fail_on, deps)


def run_fix(inputs: Inputs) -> bool:
    """``outmoded fix``; True when it rewrote files.  Its exit code also counts what remains,
    so what changed is read from the files themselves."""
    before = ownership.snapshot(inputs.paths)
    argv = ["fix", "--no-cache", "--force-exclude", *inputs.options(), "--", *inputs.paths]
    code = workflow.captured("outmoded fix", lambda: engine.command(argv))
    rewritten = ownership.changed(before)
    failed = ownership.restore({path: before[path] for path in rewritten})
    if failed:
        annotate("warning", f"could not give {len(failed)} rewritten file(s) back their owner")
    if code not in (0, 1):
        raise engine.EngineError("outmoded fix failed (its output is in the log group above)")
    if rewritten:
        annotate("notice", f"outmoded fix rewrote {len(rewritten)} file(s); the changes are left in the "
                           "workspace for a later step to commit, or to upload as a patch (git diff)")
    return bool(rewritten)


def restrict(report, inputs: Inputs, workspace: str, env: Mapping[str, str]):
    if not inputs.changed_only:
        return report, None
    try:
        base, changed = changed_lines(workspace, env)
    except ChangedError as exc:
        annotate("warning", f"changed-only: {exc}; reporting findings on every line")
        return report, None
    return only_changed(report, changed), base[:12]


def limit_notice(report) -> None:
    errors = sum(f.severity == "error" for f in report.findings) + len(report.errors)
    warnings = len(report.findings) + len(report.errors) - errors
    hidden = max(0, errors - RUNNER_LIMIT) + max(0, warnings - RUNNER_LIMIT)
    if hidden:
        annotate("notice", f"{hidden} more finding(s) are not annotated on the pull request (the runner "
                           f"shows {RUNNER_LIMIT} errors and {RUNNER_LIMIT} warnings per step); "
                           "the job summary lists them all")


def check_sarif(path: str, workspace: str) -> None:
    """Refuse a ``sarif`` input that cannot be written before the run, as ``--output-file`` is
    refused: a directory (``.``) or a path through a file was found only after the whole check
    (and fix), then the step failed with a raw ``[Errno 21] Is a directory``, no outputs and no
    job summary."""
    if not path:
        return
    from outmoded.cli import UsageError
    from outmoded.commands.options import check_output_file

    try:
        check_output_file(os.path.join(workspace, path))
    except UsageError as exc:
        raise engine.EngineError(f"input 'sarif': {str(exc).removeprefix('--output-file ')}") from None


def write_sarif(path: str, report, workspace: str) -> str:
    if not path:
        return ""
    from outmoded.reporters import sarif
    from outmoded.writes import write_text_atomic

    target = os.path.join(workspace, path)
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    write_text_atomic(target, sarif.render(report, None))
    os.chmod(target, 0o644)  # readable by the upload step, which runs as the runner's user
    ownership.restore({os.path.abspath(target): (*_owner(workspace), None)})
    return path


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def exit_code(report, fail_on: str, deps: int) -> int:
    if deps not in (0, 1, 3):  # 3: some dependency could not be checked, which is no pass either
        return 2
    if fail_on == "never":
        return 0
    counts = outputs.counts(report)
    if counts["errors"] or deps or (fail_on == "warning" and counts["findings"]):
        return 1
    return 0
