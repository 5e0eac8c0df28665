"""``tox.ini``: the ``deps =`` of its ``[testenv]`` and ``[testenv:NAME]`` sections, which tox
installs with pip into each environment.

One requirement per line, as tox reads them: ``-r`` and ``-c`` options (``-r{toxinidir}/requirements.txt``,
``{toxinidir}`` is the file's directory), ``#`` comments, another section's value
(``{[min]deps}``, read at its own lines) and factor conditions (``py312: numpy==1.26.4``). What
runs on another Python than the target is left out: a line whose condition names only other
Pythons' factors (``py38: mock==5.1.0``), and an environment whose ``basepython`` or name says
another Python (scrapy's ``[testenv:min]``, ``basepython = python3.10``, pins the oldest
releases it supports there; PyPy's environments too). Other substitutions cannot be read.
"""

from __future__ import annotations

import re
from pathlib import Path

from outmoded.deps.cipins import Installs, read_arguments
from outmoded.native.flags import TOX_CONDITION_RE, code_lines

SECTION_RE = re.compile(r"^\[(?P<name>[^\]]+)\]\s*$")
KEY_RE = re.compile(r"^(?P<key>[\w-]+)\s*[=:]\s*(?P<value>.*)$")
PYTHON_FACTOR_RE = re.compile(r"^(?:py|python)(?P<major>[23])\.?(?P<minor>\d+)t?$")
REFERENCE_RE = re.compile(r"^\{\[(?P<section>[^\]]+)\](?P<key>[\w-]+)\}$")
BASEPYTHON_RE = re.compile(r"^(?P<pypy>pypy)?(?:python)?(?:(?P<major>[23])(?:\.(?P<minor>\d+))?)?t?$")


def sections(text: str) -> dict:
    """{section: {key: [(line number, value line), ...]}}, comments removed."""
    found: dict = {}
    section, key = None, None
    for offset, code in code_lines(text, ini=True):
        number = text.count("\n", 0, offset) + 1
        header = SECTION_RE.match(code.strip())
        if header and not code[:1].isspace():
            section, key = header["name"].strip(), None
            found.setdefault(section, {})
            continue
        if section is None:
            continue
        if code[:1].isspace() and key:
            if code.strip():
                found[section][key].append((number, code.strip()))
            continue
        match = KEY_RE.match(code)
        key = match["key"] if match else None
        if key:
            found[section][key] = [(number, match["value"].strip())] if match["value"].strip() else []
    return found


def _value(found: dict, section: str, key: str, depth: int = 0) -> list:
    """A key's lines, another section's value (``{[min]deps}``) put in place."""
    lines = []
    for number, line in found.get(section, {}).get(key, []):
        reference = REFERENCE_RE.match(line)
        if reference and depth < 8:
            lines += _value(found, reference["section"], reference["key"], depth + 1)
        elif not reference:
            lines.append((number, line))
    return lines


def _other_python(found: dict, section: str, version: tuple) -> bool:
    """Does the environment run another Python than ``version`` (basepython, name factors)?"""
    base = _value(found, section, "basepython")
    if base:
        match = BASEPYTHON_RE.match(base[0][1].strip())
        if match and (match["pypy"] or (match["minor"] and
                                         (int(match["major"]), int(match["minor"])) != version)):
            return True
    for factor in section.partition(":")[2].split("-"):
        match = PYTHON_FACTOR_RE.match(factor)
        if match and (int(match["major"]), int(match["minor"])) != version:
            return True
        if factor.startswith("pypy"):
            return True
    return False


def _runs_on(condition: str, version: tuple) -> bool:
    """Does a factor condition hold in some environment of the target? Only Python factors are
    judged: ``py312,py313: ...`` holds on 3.13, ``py38: ...`` does not, ``!py313: ...`` does not."""
    for alternative in condition.replace("{", "").replace("}", "").split(","):
        factors = [f for f in alternative.split("-") if f]
        pythons = [PYTHON_FACTOR_RE.match(f.lstrip("!")) for f in factors]
        if all((m is None) or (((int(m["major"]), int(m["minor"])) == version) != f.startswith("!"))
               for f, m in zip(factors, pythons)):
            return True
    return False


def read(path: Path, label, version: tuple) -> Installs:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    file, found = label(path), Installs()
    table = sections(text)
    for section in table:
        if not (section == "testenv" or section.startswith("testenv:")) or _other_python(table, section, version):
            continue
        for number, line in _value(table, section, "deps"):
            condition = TOX_CONDITION_RE.match(line)
            if condition:
                if not _runs_on(condition["condition"], version):
                    continue
                line = line[condition.end():].strip()
            for root in ("{toxinidir}", "{tox_root}"):  # the requirements files beside tox.ini
                line = line.replace(root + "/", "").replace(root, ".")
            words = line.split(None, 1) if line[:2] in ("-r", "-c") and " " in line[:3] else [line]
            read_arguments(words, file, number, found, path.parent)
    return found
