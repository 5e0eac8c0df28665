"""What a dependency installs with itself on the target: the distributions its own metadata
requires there.  A removed module whose backport it requires is importable wherever it is
installed: pyftpdlib 2.2.0 requires ``pyasynchat; python_version >= "3.12"``, so its ``import
asynchat`` works on 3.13, and it is ready, not broken (the check of a project's own code reads its
pyproject.toml / setup.py / setup.cfg for the same question: ``testenv.install_requirements``).

Read as data, never run: a wheel's ``*.dist-info/METADATA`` and an sdist's ``PKG-INFO``
(``Requires-Dist`` headers, up to the first blank line), else, when an sdist's ``PKG-INFO``
lists none (sdists made before metadata 2.1 carry them only in their egg-info), its
``*.egg-info/requires.txt`` (setuptools' own format: the lines before the first section, and
those of a ``[:marker]`` section whose marker holds; ``[extra]`` and ``[extra:marker]`` sections
are the extras'), else its ``pyproject.toml``'s ``[project] dependencies`` unless they are
``dynamic``; an installed distribution's ``Requires-Dist`` (``installed``).  A requirement counts
when its marker holds on the target with no extra asked for.
"""

from __future__ import annotations

from outmoded.testenv import egg_requires, installed_name, installed_names  # noqa: F401 (installed_name: optionalext reads it here)

EGG_REQUIRES = "requires.txt"  # in an sdist's name.egg-info/ or src/name.egg-info/
# at an sdist's top (requires.txt below it); a wheel's: *.dist-info/METADATA
METADATA_FILES = ("PKG-INFO", "pyproject.toml", EGG_REQUIRES)


def is_metadata(filename: str, member: str) -> bool:
    """Is ``member`` of the release file ``filename`` the metadata ``provided`` reads?"""
    parts = member.split("/")
    if filename.endswith(".whl"):
        return len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] == "METADATA"
    if parts[-1] == EGG_REQUIRES:
        return len(parts) in (3, 4) and parts[-2].endswith(".egg-info") and (len(parts) == 3 or parts[1] == "src")
    return len(parts) == 2 and parts[1] in METADATA_FILES


def provided(filename: str, members: list, target: tuple[int, int]) -> frozenset:
    """The canonical names of the distributions the release file's metadata members (``(member,
    bytes)`` pairs) require on the target."""
    return names(requirement_lines(filename, members), target)


def requirement_lines(filename: str, members: list) -> list:
    """The requirement lines the release file's metadata members declare, markers and all."""
    found: dict = {}
    for member, data in members:
        if is_metadata(filename, member):
            found.setdefault(member.rsplit("/", 1)[-1], data)
    lines = _requires_dist(found.get("METADATA") or found.get("PKG-INFO") or b"")
    if not lines and not filename.endswith(".whl"):
        lines = egg_requires(found.get(EGG_REQUIRES) or b"")
        if not lines and "pyproject.toml" in found:
            lines = _static_dependencies(found["pyproject.toml"])
    return lines


def names(lines, target: tuple[int, int]) -> frozenset:
    """The canonical names the requirement lines install on the target."""
    return frozenset(name for line in lines if isinstance(line, str) for name in installed_names(line.strip(), target))


def _requires_dist(data: bytes) -> list[str]:
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    header = text.split("\n\n", 1)[0]
    return [line.split(":", 1)[1].strip() for line in header.split("\n")
            if line[:14].lower() == "requires-dist:"]


def _static_dependencies(data: bytes) -> list:
    from outmoded.tomldata import loads

    project = loads(data).get("project")
    if not isinstance(project, dict) or "dependencies" in (project.get("dynamic") or ()):
        return []
    dependencies = project.get("dependencies")
    return dependencies if isinstance(dependencies, list) else []
