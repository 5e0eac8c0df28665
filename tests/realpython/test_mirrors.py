"""The catalog's ``mirrors``, proven: on the real 3.13 and 3.15, each third-party module listed
there lacks every name the catalog says its stdlib module lost (so ``hasattr(gevent.socket,
'ssl')`` is false as ``hasattr(socket, 'ssl')`` is), and gevent's ``monkey.patch_all()`` gives
none of them back.  The wheels are installed from the package index into a temporary directory."""

import json
import os
import subprocess
import sys

import pytest

from outmoded.catalog import default_catalog
from realpythons import real_python

pytestmark = [pytest.mark.realpython, pytest.mark.network]
DISTRIBUTIONS = {"gevent": "gevent==26.9.0"}


@pytest.mark.parametrize("version", ["3.13", "3.15"])
def test_each_mirror_lacks_what_its_stdlib_module_lost(version, tmp_path):
    python = real_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    catalog = default_catalog()
    mirrors = catalog.mirrors
    assert mirrors and all(m.split(".")[0] in DISTRIBUTIONS for m in mirrors)
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--target", str(tmp_path), "--python-version", version,
         "--only-binary", ":all:", *DISTRIBUTIONS.values()], capture_output=True, text=True, timeout=600)
    if install.returncode != 0:
        pytest.skip(f"cannot install wheels for {version}: {install.stderr.strip()[-300:]}")
    target = tuple(map(int, version.split(".")))
    lost = {mirror: sorted(e.name.rpartition(".")[2] for e in catalog.entries
                           if e.kind not in ("capi", "behaviour", "argument") and e.removed_in <= target
                           and e.name.rpartition(".")[0] == module)
            for mirror, module in mirrors.items()}
    probe = ("import importlib, json, sys\n"
             "from gevent import monkey; monkey.patch_all()\n"
             "lost = json.loads(sys.argv[1])\n"
             "kept = {m: [n for n in names if hasattr(importlib.import_module(m), n)] for m, names in lost.items()}\n"
             "kept.update({'stdlib ' + s: [n for n in names if hasattr(importlib.import_module(s), n)]\n"
             "             for s, names in zip(json.loads(sys.argv[2]), lost.values())})\n"
             "print(json.dumps(kept))\n")
    run = subprocess.run([python, "-c", probe, json.dumps(lost), json.dumps(list(mirrors.values()))],
                         capture_output=True, text=True, timeout=120, env=dict(os.environ, PYTHONPATH=str(tmp_path)))
    assert run.returncode == 0, run.stderr[-600:]
    assert all(kept == [] for kept in json.loads(run.stdout).values()), run.stdout
    assert any(lost.values())  # socket.ssl at least: the proof proves something
