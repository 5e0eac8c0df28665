"""GitHub Actions workflows (``.github/workflows/*.yml``): runtime flags and CI matrices.

The file is composed with PyYAML (``yaml.compose``), which keeps every node's position, so
findings point at the exact key or value; YAML comments never reach the node tree.

- every scalar value is scanned like a shell line (``run:`` scripts, ``container:`` images,
  ``python-version: 3.13t``, ...) for the flags of ``outmoded.native.flags``, on its source text so
  positions are exact and ``#`` comments inside ``run:`` scripts are skipped;
- ``env:`` entries ``PYTHON_JIT: 1`` and ``PYTHON_GIL: 0`` and setup-python's ``freethreaded: true``
  are reported at the entry;
- OMF004 (information, reported with severity "warning"): a job matrix with a Python-version axis
  (``python-version``, ``python``, ``py``, ...) none of whose values, ``include:`` entries counted,
  is the target version.  Matrices computed by expressions (``${{ fromJSON(...) }}``) are skipped.

``PYTHON_GIL=0`` (OMF002) is not reported inside a job that only runs free-threaded interpreters:
every ``python-version`` its setup steps install (``${{ matrix.NAME }}`` read from the job's
matrix, ``include:`` counted) is a ``3.Nt`` build, or the step says ``freethreaded: true``, or,
without such steps, its ``container:`` image is tagged ``3.Nt`` (``cpython-tsan:3.14t``); nor
inside a matrix ``include:`` entry whose Python version is a ``3.Nt`` build, nor in a step whose
``if:`` runs it only there (``endsWith(matrix.python-version, 't')``, or any condition that holds
only on combinations of the matrix running a free-threaded build: ``outmoded.native.ghexpr``
evaluates it on each).

A file that is no YAML but holds lines that are Jinja statements (``{% for env in tox_environments
%}``) is a template a tool renders into the workflow, not one GitHub runs: tblib 3.2.2's and
lazy-object-proxy 1.13.0's ``ci/templates/.github/workflows/github-actions.yml``, which their
``ci/bootstrap.py`` renders into ``.github/workflows/`` (checked there).  It is neither checked nor
an error.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from outmoded import suppress
from outmoded.catalog import LATEST_RELEASE, format_version
from outmoded.engine import FileResult
from outmoded.findings import WARNING, FileError, Finding
from outmoded.native import ghexpr, make, rules, start
from outmoded.native.ctokens import Lines
from outmoded.native.flags import FLAGS_FROM, Hit, hit_finding, scan_text

VERSION_KEY_RE = re.compile(r"^(?:python|py)(?:[-_ ]?(?:versions?|ver))?$", re.IGNORECASE)
VERSION_VALUE_RE = re.compile(r"^(?:c?python|cpython-)?[~^>=]*3\.(?P<minor>\d+|x)(?:[.\-].*|t)?$", re.IGNORECASE)
FREE_THREADED_VERSION_RE = re.compile(r"^\s*3\.\d{2,}t\s*$")
FREE_THREADED_TAG_RE = re.compile(r"^(?:[\w.]*-)?3\.\d{2,}(?:\.\d+)?t(?:-[\w.]+)?$")  # 3.14t, 3.14t-slim
# a free-threaded build named in a version value: 3.14t, conda-forge's python-freethreading
FREE_THREADED_WORD_RE = re.compile(r"free[-_ ]?thread|nogil|(?<![\w.])3\.\d{2,}t(?![\w.])", re.IGNORECASE)
MATRIX_REFERENCE_RE = re.compile(r"^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$")
# a step's condition that holds for free-threaded builds only: endsWith(matrix.python-version, 't')
# a line that is a Jinja statement ({% for env in tox_environments %}): no YAML has one, a template does
JINJA_STATEMENT_RE = re.compile(r"^[ \t]*\{%-?[ \t]*(?:for|if|set|endfor|endif|macro|block|include)\b[^\n]*%\}", re.M)
ENDS_WITH_T_RE = re.compile(r"(?<![!\w])endsWith\(\s*matrix\.([\w-]+)\s*,\s*'t'\s*\)")
TRUE = {"true", "True", "TRUE", "yes", "on", "1"}
PROSE_KEYS = {"name", "description", "title", "summary", "if"}  # labels and conditions switch nothing on


def _scalars(node) -> Iterator:
    """Every scalar value (not mapping keys) under ``node``, with the key it belongs to."""
    import yaml

    stack, seen = [(node, None)], set()
    while stack:
        current, key = stack.pop()
        if id(current) in seen:  # aliases share nodes, and may even make cycles
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            yield current, key
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, key) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                stack.append((value_node, key_node))


def _mappings(node) -> Iterator:
    import yaml

    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            yield current
            stack.extend(value_node for _key_node, value_node in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def mapping_value(mapping, name: str):
    """The value node of key ``name`` in a composed YAML mapping node, else None (also when
    ``mapping`` is no mapping): the walk every reader of CI YAML shares (deps.cipins too)."""
    import yaml

    if isinstance(mapping, yaml.MappingNode):
        for key_node, value_node in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == name:
                return value_node
    return None


def flag_hits(text: str, root) -> Iterator[Hit]:
    import yaml

    for node, key in _scalars(root):
        if isinstance(key, yaml.ScalarNode) and key.value in PROSE_KEYS:
            continue
        if node.end_mark.index > node.start_mark.index:
            raw = text[node.start_mark.index:node.end_mark.index]
            yield from scan_text(raw, node.start_mark.index)
    for mapping in _mappings(root):
        for key_node, value_node in mapping.value:
            if not (isinstance(key_node, yaml.ScalarNode) and isinstance(value_node, yaml.ScalarNode)):
                continue
            key, value = key_node.value, value_node.value.strip()
            start, end = key_node.start_mark.index, value_node.end_mark.index
            if key == "PYTHON_JIT" and value not in ("0", "") and not value.startswith("$"):
                yield Hit("OMF001", f"{key}={value}", start, end)
            elif key == "PYTHON_GIL" and value == "0":
                yield Hit("OMF002", f"{key}={value}", start, end)
            elif key == "freethreaded" and value in TRUE:
                yield Hit("OMF003", f"freethreaded: {value}", start, end)


def _matrix_values(job, key: str) -> Optional[list]:
    """The scalar values of the job's matrix axis ``key``, ``include:`` entries counted (None: unknown)."""
    import yaml

    matrix = mapping_value(mapping_value(job, "strategy"), "matrix")
    axis = mapping_value(matrix, key)
    values = []
    if isinstance(axis, yaml.SequenceNode):
        if not all(isinstance(n, yaml.ScalarNode) for n in axis.value):
            return None
        values = [n.value for n in axis.value]
    elif axis is not None:
        return None
    include = mapping_value(matrix, "include")
    if isinstance(include, yaml.SequenceNode):
        for item in include.value:
            extra = mapping_value(item, key)
            if isinstance(extra, yaml.ScalarNode):
                values.append(extra.value)
    return values or None


def _free_threaded_only(job) -> bool:
    """Does every Python the job's setup steps install a free-threaded build?"""
    import yaml

    steps = mapping_value(job, "steps")
    if not isinstance(steps, yaml.SequenceNode):
        return False
    versions: list = []
    for step in steps.value:
        inputs = mapping_value(step, "with")
        version = mapping_value(inputs, "python-version")
        if not isinstance(version, yaml.ScalarNode):
            continue
        threaded = mapping_value(inputs, "freethreaded")
        if isinstance(threaded, yaml.ScalarNode) and threaded.value in TRUE:
            versions.append("3.99t")
            continue
        reference = MATRIX_REFERENCE_RE.match(version.value.strip())
        values = _matrix_values(job, reference[1]) if reference else [version.value]
        if values is None:
            return False
        versions.extend(values)
    if not versions:  # no setup step: the job's container runs the Python
        return _free_threaded_image(mapping_value(job, "container"))
    return all(FREE_THREADED_VERSION_RE.match(v) for v in versions)


def _free_threaded_image(container) -> bool:
    """Is the job's ``container:`` (an image, or a mapping with ``image:``) tagged for a
    free-threaded build: pikepdf 10.18.0's tsan.yml, ``image:
    ghcr.io/nascheme/cpython-tsan:3.14t`` (a free-threaded CPython 3.14 built with TSan), whose
    steps ``echo "PYTHON_GIL=0" >> "$GITHUB_ENV"``?"""
    import yaml

    image = mapping_value(container, "image") if isinstance(container, yaml.MappingNode) else container
    if not isinstance(image, yaml.ScalarNode):
        return False
    tag = image.value.strip().rpartition("/")[2].partition(":")[2]
    return bool(FREE_THREADED_TAG_RE.match(tag))


def free_threaded_jobs(root) -> list:
    """(start, end) text offsets of the jobs that run free-threaded interpreters only, and of the
    matrix ``include:`` entries whose Python is a free-threaded build (astropy 8.0.2's weekly
    cron: ``- name: Python 3.14t (free-threading) ... python: '3.14t' ... PYTHON_GIL: 0``, which
    its step reads as ``${{ matrix.PYTHON_GIL }}``)."""
    import yaml

    jobs = mapping_value(root, "jobs")
    if not isinstance(jobs, yaml.MappingNode):
        return []
    spans = [(job.start_mark.index, job.end_mark.index) for _key, job in jobs.value if _free_threaded_only(job)]
    for _key, job in jobs.value:
        steps, combos = mapping_value(job, "steps"), False
        for step in steps.value if isinstance(steps, yaml.SequenceNode) else ():
            condition = mapping_value(step, "if")
            if not isinstance(condition, yaml.ScalarNode):
                continue
            if combos is False:
                combos = ghexpr.combinations(job, mapping_value)
            if _free_threaded_condition(condition.value) or _runs_free_threaded_only(job, condition.value, combos):
                spans.append((step.start_mark.index, step.end_mark.index))
    for _key, job in jobs.value:
        include = mapping_value(mapping_value(mapping_value(job, "strategy"), "matrix"), "include")
        for item in include.value if isinstance(include, yaml.SequenceNode) else ():
            if isinstance(item, yaml.MappingNode) and any(
                    isinstance(k, yaml.ScalarNode) and VERSION_KEY_RE.match(k.value) and isinstance(v, yaml.ScalarNode)
                    and FREE_THREADED_VERSION_RE.match(v.value) for k, v in item.value):
                spans.append((item.start_mark.index, item.end_mark.index))
    return spans


def _free_threaded_condition(expression: str) -> bool:
    """Does a step's ``if:`` hold only where the matrix's Python is a free-threaded build: one
    ``endsWith(matrix.<python axis>, 't')`` joined by ``&&`` alone, never negated (humanize 4.17.0's
    test.yml: ``- name: Set PYTHON_GIL / if: endsWith(matrix.python-version, 't') / run: echo
    "PYTHON_GIL=0" >> "$GITHUB_ENV"``)?"""
    match = ENDS_WITH_T_RE.search(expression)
    return match is not None and bool(VERSION_KEY_RE.match(match[1])) and "||" not in expression \
        and not re.search(r"!\s*\(", expression)


def _runs_free_threaded_only(job, expression: str, combos: Optional[list]) -> bool:
    """Does a step's ``if:`` hold (or may hold) only on combinations of the job's matrix that run a
    free-threaded build (``_free_threaded_combination``)?  uproot 5.7.7's build-test.yml: ``if:
    contains(matrix.python-version, 'python-freethreading')`` over ``python-version: ['3.10',
    '3.14', 3.14 python-freethreading]`` (conda-forge's free-threading build); pyzmq 27.3.0's
    test.yml: ``if: ${{ matrix.free_threading }}``, set only in the include: entry whose
    setup-python step reads ``freethreaded: ${{ matrix.free_threading == 'free_threading' }}``."""
    if not combos:
        return False
    for combination in combos:
        value = ghexpr.evaluate(expression, combination)
        if (value is ghexpr.UNKNOWN or ghexpr.truthy(value)) and not _free_threaded_combination(job, combination):
            return False
    return True


def _free_threaded_combination(job, combination: dict) -> bool:
    """Is the Python of this combination of the job's matrix a free-threaded build: a version axis
    naming one (``3.14t``, ``3.14 python-freethreading``), or every step with a ``python-version``
    or ``freethreaded`` input saying so there?"""
    import yaml

    if any(VERSION_KEY_RE.match(key) and isinstance(value, str) and FREE_THREADED_WORD_RE.search(value)
           for key, value in combination.items()):
        return True
    steps, setups = mapping_value(job, "steps"), 0
    for step in steps.value if isinstance(steps, yaml.SequenceNode) else ():
        inputs = mapping_value(step, "with")
        threaded, version = mapping_value(inputs, "freethreaded"), mapping_value(inputs, "python-version")
        if not (isinstance(threaded, yaml.ScalarNode) or isinstance(version, yaml.ScalarNode)):
            continue
        setups += 1
        if isinstance(threaded, yaml.ScalarNode):
            value = ghexpr.render(threaded.value, combination) if "${{" in threaded.value else threaded.value in TRUE
            if value is not ghexpr.UNKNOWN and ghexpr.truthy(value) and value not in ("false", "False"):
                continue
        value = ghexpr.render(version.value, combination) if isinstance(version, yaml.ScalarNode) else None
        if not (isinstance(value, str) and FREE_THREADED_WORD_RE.search(value)):
            return False
    return setups > 0


def _minor(value: str) -> Optional[object]:
    """3.N -> N, "3.x" -> "x", anything else (pypy, expressions) -> None."""
    match = VERSION_VALUE_RE.match(value.strip())
    if not match:
        return None
    return "x" if match["minor"].lower() == "x" else int(match["minor"])


def matrix_findings(path: str, lines: Lines, root, target: tuple[int, int]) -> list[Finding]:
    import yaml

    findings = []
    jobs = mapping_value(root, "jobs")
    if not isinstance(jobs, yaml.MappingNode):
        return findings
    for _job_key, job in jobs.value:
        matrix = mapping_value(mapping_value(job, "strategy"), "matrix")
        if not isinstance(matrix, yaml.MappingNode):
            continue
        include = mapping_value(matrix, "include")
        for key_node, value_node in matrix.value:
            if not (isinstance(key_node, yaml.ScalarNode) and VERSION_KEY_RE.match(key_node.value)):
                continue
            values = [n.value for n in value_node.value if isinstance(n, yaml.ScalarNode)] \
                if isinstance(value_node, yaml.SequenceNode) else []
            if not isinstance(value_node, yaml.SequenceNode) or len(values) != len(value_node.value):
                continue  # an expression or nested structure: cannot tell
            if isinstance(include, yaml.SequenceNode):
                for item in include.value:
                    extra = mapping_value(item, key_node.value)
                    if isinstance(extra, yaml.ScalarNode):
                        values.append(extra.value)
            minors = [_minor(v) for v in values]
            if not any(isinstance(m, int) for m in minors):
                continue  # not a CPython version axis
            if target[1] in minors or ("x" in minors and target >= LATEST_RELEASE):
                continue
            entry = rules()["OMF004"]
            where = key_node.start_mark
            span = (where.line + 1, where.column + 1, where.line + 1, where.column + 1 + len(key_node.value))
            listed = ", ".join(values)
            message = (f"the CI matrix `{key_node.value}` ({listed}) never tests Python {format_version(target)}, "
                       f"the target version; add it (information, reported as a warning)")
            findings.append(make(path, span, entry, key_node.value, WARNING, message))
    return findings


def check_workflow(path: str, data: bytes, index) -> FileResult:
    """``outmoded.filetypes`` checker for ``.github/workflows/*.yml``/``*.yaml``."""
    import yaml

    result, text = start(path, data)
    if text is None:
        return result
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))  # marks index characters
    except yaml.YAMLError as exc:
        if JINJA_STATEMENT_RE.search(text):
            return result  # a template a tool renders into a workflow, which is checked where it lands
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        result.errors.append(FileError(path, f"cannot parse YAML: {getattr(exc, 'problem', None) or exc}{where}"))
        return result
    result.parsed = True
    lines = Lines(text)
    target = index.target
    findings: list[Finding] = []
    seen = set()
    for root in documents:
        if root is None:
            continue
        if target >= FLAGS_FROM:
            threaded = None  # read at the first PYTHON_GIL=0
            for hit in flag_hits(text, root):
                if hit.code == "OMF002":
                    threaded = free_threaded_jobs(root) if threaded is None else threaded
                    if any(start <= hit.start < end for start, end in threaded):
                        continue  # the GIL can be switched off there
                if (hit.code, hit.start) not in seen:
                    seen.add((hit.code, hit.start))
                    findings.append(hit_finding(path, lines, hit))
        findings.extend(matrix_findings(path, lines, root, target))
    result.findings = suppress.apply(findings, text)
    return result
