"""``changed-only``: annotate only lines a pull request changed, from ``git diff`` against its base."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from ghrunner import git, run_action
from outmoded.integrations.action.changed import ChangedError, changed_lines, parse_diff, unquote


@pytest.fixture
def repo(tmp_path):
    """main: a.py with an old finding; feature: adds a finding to a.py and a new file c.py."""
    path = tmp_path / "workspace"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    (path / "a.py").write_text("import imp\nx = 1\n")
    (path / "b.py").write_text("import asyncore\n")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "base")
    base = git(path, "rev-parse", "HEAD").strip()
    git(path, "checkout", "-q", "-b", "feature")
    (path / "a.py").write_text("import imp\nx = 2\nimport asynchat\n")
    (path / "c d.py").write_text("import imp\n")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "feature")
    return path, base


def event(base):
    return {"pull_request": {"base": {"sha": base, "ref": "main"}}}


def annotated(result):
    return sorted((c.properties["file"], c.properties["line"]) for c in result.annotations("error", "warning"))


def test_only_changed_lines_from_the_event_payload(repo, tmp_path):
    path, base = repo
    result = run_action(path, tmp_path / "runner", inputs={"changed-only": "true", "sarif": "o.sarif"},
                        event=event(base), env_extra={"GITHUB_BASE_REF": "main"})
    assert annotated(result) == [("a.py", "3"), ("c d.py", "1")]
    assert result.code == 1 and result.outputs["findings"] == "2"
    assert "Only lines changed since" in result.summary and base[:12] in result.summary
    sarif = json.loads((path / "o.sarif").read_text())
    assert len(sarif["runs"][0]["results"]) == 4  # SARIF keeps everything for code scanning


def test_base_from_github_base_ref(repo, tmp_path):
    path, base = repo
    git(path, "update-ref", "refs/remotes/origin/main", base)
    git(path, "branch", "-q", "-D", "main")
    result = run_action(path, tmp_path / "runner", inputs={"changed-only": "true"},
                        env_extra={"GITHUB_BASE_REF": "main"})
    assert annotated(result) == [("a.py", "3"), ("c d.py", "1")]


def test_merge_commit_checkout_reports_only_the_pull_request(repo, tmp_path):
    """actions/checkout on pull_request checks out the merge commit; main moved on meanwhile."""
    path, base = repo
    git(path, "checkout", "-q", "main")
    (path / "d.py").write_text("import imp\n")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "main moves on")
    tip = git(path, "rev-parse", "HEAD").strip()
    git(path, "merge", "-q", "--no-ff", "-m", "merge", "feature")
    result = run_action(path, tmp_path / "runner", inputs={"changed-only": "true"}, event=event(tip))
    assert annotated(result) == [("a.py", "3"), ("c d.py", "1")]


def test_unchanged_findings_do_not_fail(repo, tmp_path):
    path, _ = repo
    git(path, "checkout", "-q", "main")
    git(path, "checkout", "-q", "-b", "docs")
    (path / "b.py").write_text("import asyncore\n# comment\n")
    git(path, "commit", "-q", "-am", "comment")
    main = git(path, "rev-parse", "main").strip()
    result = run_action(path, tmp_path / "runner", inputs={"changed-only": "true"}, event=event(main))
    assert result.code == 0 and annotated(result) == []


def test_missing_base_warns_and_reports_everything(repo, tmp_path):
    path, _ = repo
    result = run_action(path, tmp_path / "runner", inputs={"changed-only": "true"}, event=event("0" * 39 + "1"))
    warnings = [c for c in result.commands if c.name == "warning" and "file" not in c.properties]
    assert len(warnings) == 1 and "fetch-depth: 0" in warnings[0].message
    assert len(annotated(result)) == 4


def test_hostile_names_in_the_diff(tmp_path):
    path = tmp_path / "workspace"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "commit", "-q", "--allow-empty", "-m", "base")
    base = git(path, "rev-parse", "HEAD").strip()
    names = ["tab\there.py", "new\nline.py", 'quote".py', "é.py", "back\\slash.py"]
    for name in names:
        (path / name).write_text("import imp\n")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "add")
    result = run_action(path, tmp_path / "runner", inputs={"changed-only": "true"}, event=event(base))
    assert sorted(c.properties["file"] for c in result.annotations()) == sorted(names)


def test_unquote_and_parse():
    assert unquote(b'"a\\tb\\303\\251\\"\\\\"') == 'a\tbé"\\'.encode()
    diff = (b"diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1,0 +2,2 @@\n+++ not a header\n+y\n"
            b"@@ -5 +7 @@\n-a\n+b\n@@ -9,2 +10,0 @@\n-gone\n-gone\n")
    changed = parse_diff(diff, "/top")
    assert changed == {os.path.join(os.path.realpath("/top"), "x.py"): {2, 3, 7}}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_workspace_owned_by_another_user(repo, tmp_path):
    """In the container the checkout belongs to the runner's user: git needs safe.directory."""
    path, base = repo
    shutil.chown(path, 65534, 65534)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), 65534, 65534)
    env = {"GITHUB_EVENT_PATH": str(tmp_path / "e.json")}
    (tmp_path / "e.json").write_text(json.dumps(event(base)))
    _, changed = changed_lines(str(path), env)
    assert {os.path.basename(p): sorted(n) for p, n in changed.items()} == {"a.py": [2, 3], "c d.py": [1]}


def test_no_base_at_all(tmp_path):
    path = tmp_path / "workspace"
    path.mkdir()
    git(path, "init", "-q")
    with pytest.raises(ChangedError, match="no base"):
        changed_lines(str(path), {})
