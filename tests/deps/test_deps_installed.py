"""``outmoded deps --installed``: an environment judged offline from the files on disk.

The environments are real directory trees with ``*.dist-info`` (METADATA, WHEEL, RECORD) as pip
writes them; the index URL points at a closed port, so any network use would show.
"""

from __future__ import annotations

import json
import stat

from outmoded.cli import main

NOWHERE = ("--index-url", "http://127.0.0.1:9/simple/", "--timeout", "0.2", "--retries", "0")
MARKER = "/tmp/outmoded-installed-interpreter-ran"


def install(site, name, version, files, tag="py3-none-any", requires_python=None, requires=()):
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    if requires_python:
        metadata += f"Requires-Python: {requires_python}\n"
    metadata += "".join(f"Requires-Dist: {line}\n" for line in requires)
    (info / "METADATA").write_text(metadata)
    (info / "WHEEL").write_text(f"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: {tag}\n")
    record = []
    for path, content in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode() if isinstance(content, str) else content)
        record.append(f"{path},,")
    record += [f"{info.name}/{n},," for n in ("METADATA", "WHEEL", "RECORD")]
    (info / "RECORD").write_text("\n".join(record) + "\n")


def venv(tmp_path):
    root = tmp_path / "venv"
    site = root / "lib" / "python3.11" / "site-packages"
    install(site, "legacy", "1.0", {
        "legacy/__init__.py": "", "legacy/loader.py": "import imp\n\nfind = imp.find_module\n",
        "legacy/tests/test_loader.py": "import imp\n", "../../bin/legacy-tool": "#!/bin/sh\n"})
    install(site, "clean", "2.0", {"clean/__init__.py": "import importlib\n"})
    install(site, "fast", "1.0", {"fast/__init__.py": "", "fast/_c.cpython-311-x86_64-linux-gnu.so": b"\x7fELF"},
            tag="cp311-cp311-manylinux_2_17_x86_64")
    install(site, "oldonly", "1.0", {"oldonly.py": ""}, requires_python="<3.12")
    # a version flag from the distribution's own compat module guards the Python 2 import
    install(site, "flagged", "1.0", {
        "flagged/compat.py": "import sys\nPY2 = sys.version_info[0] == 2\n",
        "flagged/__init__.py": "from flagged.compat import PY2\nif PY2:\n    import cPickle as pickle\n"
                               "else:\n    import pickle\n"})
    (root / "pyvenv.cfg").write_text("home = /usr/bin\n")
    python = root / "bin" / "python"
    python.parent.mkdir()
    python.write_text(f"#!/bin/sh\necho ran > {MARKER}\n")  # must never run: site-packages is on disk
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    return root


def run(capsys, *args):
    capsys.readouterr()
    code = main(["deps", *NOWHERE, "--target-version", "3.13", "--platform", "manylinux_x86_64",
                 "--format", "json", *args])
    document = json.loads(capsys.readouterr().out)
    return code, {d["name"]: d for d in document["dependencies"]}, document


def test_an_environment_is_judged_from_its_files(tmp_path, capsys):
    code, found, document = run(capsys, "--installed", str(venv(tmp_path)))
    assert code == 1
    assert document["installed"] == str(tmp_path / "venv")
    legacy = found["legacy"]
    assert legacy["status"] == "breaks" and "legacy/loader.py:1 imp" in legacy["message"]
    assert {f["path"] for f in legacy["code"]["findings"]} == {"legacy/loader.py"}  # not its tests
    assert (found["clean"]["status"], found["clean"]["version"]) == ("ok", "2.0")
    assert (found["fast"]["status"], found["fast"]["reason"]) == ("unknown", "installed-build")
    assert "cp311-cp311-manylinux_2_17_x86_64" in found["fast"]["message"]
    assert found["oldonly"]["status"] == "incompatible"
    assert found["flagged"]["status"] == "ok"  # the project model sees compat.PY2 on disk


def test_an_interpreter_path_reads_its_site_packages_without_running_it(tmp_path, capsys):
    import os

    if os.path.exists(MARKER):
        os.unlink(MARKER)
    root = venv(tmp_path)
    _, found, _ = run(capsys, "--installed", str(root / "bin" / "python"))
    assert found["legacy"]["status"] == "breaks"
    assert not os.path.exists(MARKER)


def test_a_site_packages_directory_can_be_named(tmp_path, capsys):
    site = venv(tmp_path) / "lib" / "python3.11" / "site-packages"
    _, found, _ = run(capsys, "--installed", str(site))
    assert set(found) == {"legacy", "clean", "fast", "oldonly", "flagged"}


def test_the_current_environment_answers_offline(capsys):
    code, found, document = run(capsys, "--installed")
    assert code in (0, 1, 3)
    assert "packaging" in {name.lower() for name in found}
    assert document["installed"] == "this environment"
    assert all(d["status"] in ("ok", "breaks", "unknown", "incompatible") for d in found.values())


def test_a_missing_environment_is_a_usage_error(tmp_path, capsys):
    code = main(["deps", "--installed", str(tmp_path / "nothing")])
    assert code == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_a_backport_the_distribution_requires_is_there_with_it(tmp_path, capsys):
    site = tmp_path / "site-packages"
    uses = {"ftpd/__init__.py": "", "ftpd/handlers.py": "import asynchat\n\nChannel = asynchat.async_chat\n"}
    install(site, "ftpd", "2.2", uses, requires=['pyasynchat; python_version >= "3.12"'])
    install(site, "oldftpd", "1.5", {k.replace("ftpd", "oldftpd"): v for k, v in uses.items()},
            requires=['pyasynchat; python_version < "3.12"'])
    _, found, _ = run(capsys, "--installed", str(site))
    assert found["ftpd"]["status"] == "ok"
    assert found["oldftpd"]["status"] == "breaks" and "oldftpd/handlers.py:1 asynchat" in found["oldftpd"]["message"]
