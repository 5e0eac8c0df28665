"""What a lock or a requirements file installs beside each of its releases: a backport it names is
there for all of them.

A lock (``uv.lock``, ``poetry.lock``, ``pdm.lock``, ``Pipfile.lock``, ``pylock.toml``, a hashed or
resolver-written requirements file) is the whole set its tool installs into one environment, and
``pip install -r`` installs every line of a requirements file and of the files it includes into
one, locked or not.  A removed module whose backport such a file installs on the target
(``legacy-cgi``, ``standard-imghdr``, ``pyasyncore``, setuptools from 66.1 for ``distutils``:
``catalog.backports``) is importable by every release installed with it, whoever required the
backport, so a finding on it is no breakage there, and the message does not ask to add what the
file already installs.

The code verdict of a release file is judged and cached once (``code.judge_file``), with the
backports its own metadata requires; ``beside`` narrows it to one lock's environment.
"""

from __future__ import annotations

from dataclasses import replace

from outmoded.deps.verdict import CodeVerdict


def installed_by(deps: list, together: dict, target: tuple[int, int]) -> dict:
    """Per file installed as one environment (a key of ``together``: a lock, a requirements file,
    each with the files installed with it, ``sources.Collected.together``), the canonical names its
    dependencies install on the target: their requirement's marker holds there and, for a
    distribution that provides its modules only from some release on (setuptools' distutils from
    66.1), the release named is such a one (``testenv.installed_names``)."""
    from outmoded.testenv import installed_names

    named: dict = {}
    wanted = set().union(*together.values()) if together else set()
    for dep in deps:
        if dep.file in wanted and dep.requirement is not None and not dep.error:
            names = installed_names(str(dep.requirement), target)  # setuptools==81.0.0: and setuptools<82
            if names:
                named.setdefault(dep.file, set()).update(names)
    found = {file: frozenset().union(*(named.get(other, ()) for other in files)) for file, files in together.items()}
    return {file: names for file, names in found.items() if names}


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
