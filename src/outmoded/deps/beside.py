"""What a lock installs beside each of its releases: a backport it locks is there for all of them.

A lock (``uv.lock``, ``poetry.lock``, ``pdm.lock``, ``Pipfile.lock``, ``pylock.toml``, a hashed or
resolver-written requirements file) is the whole set its tool installs into one environment.  A
removed module whose backport the lock installs on the target (``legacy-cgi``, ``standard-imghdr``,
``pyasyncore``, setuptools from 66.1 for ``distutils``: ``catalog.backports``) is importable by
every release it holds, whoever required the backport, so a finding on it is no breakage there,
and the message does not ask to add what the lock already installs.

The code verdict of a release file is judged and cached once (``code.judge_file``), with the
backports its own metadata requires; ``beside`` narrows it to one lock's environment.
"""

from __future__ import annotations

from dataclasses import replace

from outmoded.deps.verdict import CodeVerdict


def installed_by(deps: list, locked: frozenset, target: tuple[int, int]) -> dict:
    """Per lock file (a label in ``locked``), the canonical names its dependencies install on the
    target: their requirement's marker holds there and, for a distribution that provides its
    modules only from some release on (setuptools' distutils from 66.1), the locked version is
    such a release (``testenv.installed_name``)."""
    from outmoded.testenv import installed_names

    found: dict = {}
    for dep in deps:
        if dep.file in locked and dep.requirement is not None and not dep.error:
            names = installed_names(str(dep.requirement), target)  # setuptools==81.0.0: and setuptools<82
            if names:
                found.setdefault(dep.file, set()).update(names)
    return {file: frozenset(names) for file, names in found.items()}


def beside(verdict: CodeVerdict | None, installed: frozenset) -> CodeVerdict | None:
    """``verdict`` without the findings a backport among ``installed`` brings back, and without a
    suggestion to add what is installed.  A build failure stays: pip builds an sdist in an
    isolated environment that holds none of the lock's packages.  When more findings were found
    than the verdict keeps and every kept one is brought back, the rest are unknown: it stays."""
    if verdict is None or not installed or verdict.problem or not verdict.findings:
        return verdict
    from outmoded.catalog.backports import brings_back, fixed_by_backports

    kept = [f for f in verdict.findings if not brings_back(f, installed)]
    if len(kept) == len(verdict.findings) or (not kept and verdict.total > len(verdict.findings)):
        return verdict
    total = verdict.total - (len(verdict.findings) - len(kept))
    shown = {f"{f.path}:{f.line}" for f in kept}
    backports = (fixed_by_backports(kept) or []) if verdict.backports else []
    return replace(verdict, findings=kept, total=total, backports=backports,
                   functions={key: name for key, name in verdict.functions.items() if key in shown})
