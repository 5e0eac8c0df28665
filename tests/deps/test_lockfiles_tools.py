"""The real tools, run again: a lock file uv, Poetry, PDM or pipenv writes today for the projects
in ``data/locks`` reads with the same direct dependencies and the same "pulled in by" edges as
the committed one (versions may have moved on). Marked ``network``; skipped when the tool is not
installed or the public index cannot be reached."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from outmoded.deps import platforms, sources

LOCKS = Path(__file__).parent / "data" / "locks"
CHOSEN = (platforms.PLATFORMS["manylinux_x86_64"], platforms.PLATFORMS["win_amd64"])

TOOLS = {
    "uv": (["uv", "lock"], "pyproject.toml", "uv.lock"),
    "uv-pylock": (["uv", "export", "--format", "pylock.toml", "--all-extras", "--all-groups", "-o",
                   "pylock.toml"], "pyproject.toml", "pylock.toml"),
    "poetry": (["poetry", "lock"], "pyproject.toml", "poetry.lock"),
    "pdm": (["pdm", "lock", "-G", ":all"], "pyproject.toml", "pdm.lock"),
    "pipenv": (["pipenv", "lock"], "Pipfile", "Pipfile.lock"),
}


def shape(path: Path) -> dict:
    found = sources.gather([str(path)], (3, 13), CHOSEN)
    return {d.name.lower(): (d.direct, d.required_by, tuple(p.name for p in d.platforms))
            for d in found.deps}


@pytest.mark.network
@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_a_fresh_lock_reads_like_the_committed_one(tool, tmp_path, public_index):
    command, manifest, lock = TOOLS[tool]
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    folder = LOCKS / tool.split("-")[0]
    shutil.copy(folder / manifest, tmp_path)
    env = {**os.environ, "PIPENV_IGNORE_VIRTUALENVS": "1", "WORKON_HOME": str(tmp_path / "venvs"),
           "PIPENV_VENV_IN_PROJECT": "", "PDM_IGNORE_SAVED_PYTHON": "1"}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shape(tmp_path / lock) == shape(folder / lock)
