"""Backports: removed modules that a package on the index brings back, as the catalog records them."""

import email
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from realpythons import real_python
from outmoded.catalog import CatalogError, default_catalog, load_catalog
from outmoded.catalog.backports import fixed_by_backports, requirement_for, requirements_for

CATALOG = default_catalog()
PROBE = Path(__file__).resolve().parents[1] / "src" / "outmoded" / "catalog" / "probe.py"


def _entry(name):
    return next(e for e in CATALOG.entries if name in e.names and e.kind != "argument")


def test_a_module_and_the_names_removed_with_it_carry_the_backport():
    assert _entry("cgi").backport_requirement == "legacy-cgi; python_version >= '3.13'"
    assert _entry("cgi.FieldStorage").backport == "legacy-cgi"
    assert _entry("imp.reload").backport_requirement == "zombie-imp; python_version >= '3.12'"
    assert _entry("cgi.parse_qs").backport is None  # gone from cgi in 3.8: the 3.13 copy does not have it
    assert _entry("nis").backport is None  # no maintained copy on the index


def test_backport_is_validated(tmp_path):
    entry = ("- code: OM13001\n  name: {name}\n  kind: {kind}\n  removed_in: '3.13'\n  replacement: x\n"
             "  fix: none\n  reason: x\n  doc: https://docs.python.org\n  backport: {backport}\n")
    (tmp_path / "removed_3_13.yaml").write_text(entry.format(name="cgi.parse", kind="function", backport="legacy-cgi"))
    with pytest.raises(CatalogError, match=r"removed_3_13.yaml: entry 1 \(OM13001\): backport needs kind 'module'"):
        load_catalog(tmp_path)
    (tmp_path / "removed_3_13.yaml").write_text(entry.format(name="cgi", kind="module", backport="'legacy cgi; rm -rf'"))
    with pytest.raises(CatalogError, match="a distribution name"):
        load_catalog(tmp_path)


def test_check_says_which_requirement_brings_the_module_back(project):
    project.write("app.py", "import cgi\nimport nis\nform = cgi.FieldStorage()\n")
    doc = project.check_json("app.py")
    messages = {f["api"]: f["message"] for f in doc["findings"]}
    assert messages["cgi"].endswith(", or add `legacy-cgi; python_version >= '3.13'` to the requirements")
    assert "legacy-cgi" in messages["cgi.FieldStorage"]
    assert "or add" not in messages["nis"]


def test_requirement_lines_for_findings_codes_and_names(project):
    project.write("app.py", "import cgi\nimport imp\nimport audioop\n")
    findings = project.check_json("app.py")["findings"]
    assert requirements_for(findings) == [
        "audioop-lts; python_version >= '3.13'", "legacy-cgi; python_version >= '3.13'",
        "zombie-imp; python_version >= '3.12'"]
    assert fixed_by_backports(findings) == requirements_for(findings)
    assert requirement_for("OM13003") == "legacy-cgi; python_version >= '3.13'"
    assert requirement_for("cgi.parse_header") == "legacy-cgi; python_version >= '3.13'"
    assert requirement_for("cgi.some_helper_not_listed") == "legacy-cgi; python_version >= '3.13'"
    assert requirement_for("cgi.parse_qs") is None
    assert requirement_for("asyncore") == "pyasyncore; python_version >= '3.12'"
    # a dependency whose problems are not all backportable is not fixed by adding backports
    assert fixed_by_backports(["cgi", "nis"]) is None
    assert fixed_by_backports([]) is None


def test_explain_and_rules_show_the_backport(project):
    code, out, _ = project.run("explain", "OM13003")
    assert code == 0 and "add `legacy-cgi; python_version >= '3.13'` to the requirements" in out
    code, out, _ = project.run("rules", "--removed-in", "3.13", "--format", "json")
    rules = {r["code"]: r for r in json.loads(out)}
    assert rules["OM13003"]["backport"] == "legacy-cgi; python_version >= '3.13'"


def _download(package: str, into: Path) -> Path:
    """The wheel for 3.13 of ``package``, a name or a requirement (``setuptools<82``)."""
    from packaging.requirements import Requirement

    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                    "--python-version", "3.13", "--dest", str(into), package], check=True, timeout=300)
    requirement = Requirement(package)
    normalized = requirement.name.replace("-", "_").lower()
    return next(p for p in into.glob("*.whl") if p.name.lower().startswith(normalized + "-")
                and requirement.specifier.contains(p.name.split("-")[1], prereleases=True))


def _install_for_313(package: str, wheels: Path, site: Path, done: set) -> None:
    """Extract the wheel and those of the requirements its markers select on 3.13 (as pip would there)."""
    from packaging.requirements import Requirement

    if package in done:
        return
    done.add(package)
    wheel = zipfile.ZipFile(_download(package, wheels))
    wheel.extractall(site)
    metadata = email.message_from_bytes(wheel.read(next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))))
    for line in metadata.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(
                {"python_version": "3.13", "python_full_version": "3.13.0", "extra": ""}):
            _install_for_313(requirement.name, wheels, site, done)


@pytest.fixture(scope="module")
def backports_site(tmp_path_factory):
    """One directory with every recorded backport installed as on 3.13 (downloaded once per run)."""
    tmp = tmp_path_factory.mktemp("backports")
    site, done = tmp / "site", set()
    providers = {}  # a bound wins: setuptools<82 brings pkg_resources, and distutils as setuptools does
    for e in CATALOG.entries:
        if e.backport and not e.platform and (e.backport_before or e.backport not in providers):
            providers[e.backport] = e.provider
    for package in sorted(providers.values()):
        _install_for_313(package, tmp / "wheels", site, done)
    return site


@pytest.mark.network
@pytest.mark.parametrize("version", ["3.13", "3.14"])
def test_a_windows_only_backport_ships_the_module_for_windows(tmp_path, version):
    """A backport of a module only Windows had (msilib: python-msilib, which cx_Freeze 8.7.3
    requires on Windows from 3.13) has Windows wheels only: its wheel for the version holds the
    module's package, and the names credited to it are bound at its top level (read, not run)."""
    import ast

    credited = [e for e in CATALOG.entries if e.backport and e.platform == "win32"]
    assert credited
    for package in sorted({e.backport for e in credited}):
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                        "--python-version", version, "--platform", "win_amd64", "--dest", str(tmp_path), package],
                       check=True, timeout=300)
        wheel = zipfile.ZipFile(next(tmp_path.glob(package.replace("-", "_") + "-*.whl")))
        for entry in (e for e in credited if e.backport == package):
            for name in entry.names:
                module, _, attr = name.partition(".")
                tree = ast.parse(wheel.read(f"{module}/__init__.py"))
                bound = {t.id for s in tree.body if isinstance(s, ast.Assign) for t in s.targets
                         if isinstance(t, ast.Name)} | {s.name for s in tree.body if isinstance(
                             s, (ast.ClassDef, ast.FunctionDef))} | {a.asname or a.name for s in tree.body
                                                                     if isinstance(s, ast.ImportFrom) for a in s.names}
                assert not attr or attr in bound, name


@pytest.mark.network
@pytest.mark.realpython
@pytest.mark.parametrize("version", ["3.13", "3.15"])
def test_every_backport_provides_every_name_credited_to_it(backports_site, tmp_path, version):
    """Install each recorded backport for the real interpreter and import every catalogued name from it."""
    python = real_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    credited, site = [e for e in CATALOG.entries if e.backport and not e.platform], backports_site
    rows = [[e.code, e.kind, name, e.argument] for e in credited for name in e.names]
    # -S: only the backports' directory, not a system site-packages that may ship setuptools' distutils
    script = (f"import site, sys, runpy; site.addsitedir({str(site)!r}); sys.argv = ['probe'];"
              f" runpy.run_path({str(PROBE)!r}, run_name='__main__')")
    out = subprocess.run([python, "-S", "-c", script], input=json.dumps(rows), capture_output=True, text=True,
                         check=True, timeout=300, cwd=tmp_path).stdout
    answers = json.loads(out)
    assert [key for key, answer in answers.items() if answer != "present"] == []
    where = subprocess.run([python, "-S", "-c", f"import site; site.addsitedir({str(site)!r}); import cgi, audioop,"
                            " imp, distutils.core; print(cgi.__file__, audioop.__file__, imp.__file__,"
                            " distutils.core.__file__)"], capture_output=True, text=True, check=True).stdout
    assert all(path.startswith(str(site)) for path in where.split()), where


@pytest.mark.network
@pytest.mark.realpython
def test_what_a_backport_brings_imports_on_the_real_313(tmp_path):
    """Each distribution of ``BRINGS``, installed alone with what its markers select on 3.13, makes
    every module of the backports credited to it importable on the real 3.13, from its directory."""
    from outmoded.catalog.backports import BRINGS

    python = real_python("3.13")
    if python is None:
        pytest.skip("python3.13 not available (run ../shared/tools/real-pythons)")
    for distribution, backports in BRINGS.items():
        site = tmp_path / distribution
        _install_for_313(distribution, tmp_path / "wheels", site, set())
        modules = sorted({name for e in CATALOG.entries if e.backport in backports and e.kind == "module"
                          for name in e.names})
        assert modules, distribution
        where = subprocess.run([python, "-S", "-c", f"import site, importlib; site.addsitedir({str(site)!r});"
                                f" print(*(importlib.import_module(m).__file__ for m in {modules!r}))"],
                               capture_output=True, text=True, check=True, timeout=120).stdout
        assert all(path.startswith(str(site)) for path in where.split()), (distribution, where)
