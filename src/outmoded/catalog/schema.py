"""The catalog's YAML format, and its validation: the one place that says what an entry may hold.

Each file in ``data/`` is ``removed_3_N.yaml`` (every entry removed in 3.N) or ``classes.yaml``
(class hierarchy hints the scanner needs to tie instance methods to stdlib classes, and
``aliases``: what names reached through compatibility layers such as ``six.moves`` are on
Python 3; ``provided_by``: a removed module a project provides again through a module of its own;
``mirrors``: a third-party module that copies a stdlib module's names, none of those it lost).  Entries:

    - code: OM12001                # stable rule code, unique; usable in --select and noqa
      name: imp                    # dotted name as users write it (or ``names:`` for a family)
      kind: module                 # module | function | class | constant | attribute | method | argument
      removed_in: "3.12"
      deprecated_in: "3.4"         # or null when removed without deprecation
      replacement: importlib       # text shown to users; a dotted name where the fix is mechanical
      fix: none                    # safe | unsafe | none
      fix_reason: ...              # required when fix is unsafe: how behaviour differs
      rewrite: ...                 # optional template for fixes that are not a plain rename
                                   # (an argument: drop, KEYWORD=EXPRESSION, or positional [N]
                                   # for a keyword that became positional-only: int(x=v) -> int(v))
      rewrite_defaults: {prefix: {position: 1, value: test}}  # optional: arguments the rewrite
                                   # drops when they are the literal default (else no fix)
      rename_keywords: {n: value}  # optional: call keywords the replacement spells differently
                                   # (null: it has no such parameter, the keyword is dropped);
                                   # calls without arguments then get no fix (it needs its value)
      safe_with_one_specifier: 0   # optional, for an unsafe fix: a call whose argument 0 is a
                                   # literal %-format with exactly one specifier is a safe fix
      named_in_strings: true       # optional: code hands these names as strings to a getattr of
                                   # its own (ast node classes: bandit's @test.checks("Str"))
      narrowed_by_isinstance: true  # optional, on a method or an attribute read on instances: a
                                   # name isinstance(name, Class) tests is an instance of the class
                                   # where the test holds, for these members (no class in the wild
                                   # derives from it and defines them: the parser makes ast.Constant)
      star_unbound_since: "3.7"    # optional: what the name did before its removal
      calls_replacement_since: "3.7"  # (outmoded.catalog.earlier)
      bytes_argument: 0            # optional, for an unsafe fix: the replacement takes only bytes
                                   # there (frombytes); an argument 0 that is provably bytes makes
                                   # it a safe fix, one that is provably str gets no fix
      fields: [args, varargs, keywords, defaults]  # optional, with replacement_fields, for a rename
      replacement_fields: [args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations]
                                   # whose named tuple differs: the fields a function returns (or
                                   # a class is built from) and the replacement's; a call whose use
                                   # the rename would break gets no fix (fixability.results)
      lost_members: [version, vstring]  # optional, on a function or class with a fix: attributes
                                   # of its result (a class's instance) the replacement's lacks;
                                   # a call whose result is read there gets no fix (fixability.results)
      replacement_since: "3.4"     # optional: first Python that has the replacement
      reason: one line of why it was removed
      doc: https://docs.python.org/3/whatsnew/3.12.html#imp

Probe hints: ``platform`` (only importable there, e.g. win32), ``not_probeable`` (why
introspection cannot see it: an instance attribute, a decorated signature) and ``added_in`` (the name is newer
than the interpreters a probe may run on).  Kind-specific keys: ``argument`` (+ optional ``position``, ``value_contains``) for ``argument``;
``distinctive`` (name is unique enough to report on unknown receivers), ``not_on`` (classes
that define the same method themselves) and ``returned_by`` (the functions whose results are its
only receivers, per ``returns`` in classes.yaml: the prefilter lets a file through only when it
names one or the class, as ``append`` of EntryPoints needs ``entry_points``) for ``method`` (and an
``attribute`` read on instances).

Entries of kind ``capi`` (``capi_*.yaml``) are matched outside Python sources by
``outmoded.native``; their optional ``check`` says which check uses them: ``removed`` (default: a
removed C-API name), ``lvalue`` (a macro that can no longer be assigned to: ``Py_TYPE(o) = t``),
``arity`` (a function called with ``arguments`` arguments, a count it no longer takes:
``PyFloat_FromString(s, NULL)``), ``header`` (a header file of the Include directory the target no
longer has, its ``names`` the paths an ``#include`` writes: ``longintrepr.h``, moved to
``cpython/`` in 3.11; ``outmoded.native.headers``), ``cython-generated`` (C that a Cython release listed in
``cython_versions`` generated: ``outmoded.native.cythonc``), ``system-header`` (a name of the C library
that ``Python.h`` no longer declares: ``gettimeofday`` of ``<sys/time.h>`` from 3.13, with
``limited_api`` only where the file defines ``Py_LIMITED_API``; ``outmoded.native.stdheaders``),
``borrowed-ref`` (returns a borrowed reference, unsafe on free-threaded builds),
``module-gil`` (extension module re-enables the GIL), ``runtime-flag`` (experimental runtime flag in
deployment/CI configuration) or ``ci-matrix`` (CI never tests the target).  For checks other than
``removed``, ``removed_in`` is the first Python the rule concerns.  ``limited_api: true`` marks a
name removed from the limited C API only (``PY_TIMEOUT_MAX`` in 3.13): it breaks only sources that
define ``Py_LIMITED_API``; with ``limited_since`` (``"3.11"``), only those that define it to that
version or a later one (``Py_MEMCPY``: ``#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 <
0x030b0000``).  ``internal_header`` names the internal header (``internal/pycore_setobject.h``)
that still declares a name moved out of the public headers, up to ``internal_until`` (the first
version whose internal headers lost it too), where the interpreter still exports it: a source
including it, as it must with ``Py_BUILD_CORE`` defined, still compiles and imports (numba's
``_PySet_NextEntry``); a name declared there ``extern`` only fails at import and has none.  ``member_of`` marks a struct member whose name alone says little
(``frame``, ``recursion_depth``): the spellings of its struct's type (``[PyThreadState, _ts]``).
It is reported only after ``->`` or ``.`` on a receiver known to be one: a variable the file
declares with that type, a call of a function ``returned_by`` names (``PyThreadState_Get``), or a
member ``returned_by`` names as ``Type.member`` (``PyThreadState.frame`` holds a ``PyFrameObject``);
the ``returned_by`` of every entry of one type count for all of them.

``opt_in`` marks advice rather than breakage, left out of a plain check (``Settings.wants``):
``free-threading`` (shown with ``--free-threading``/``free-threading = true``, or when selected by
a prefix naming its group, ``--select OMF``) or ``select`` (only when selected that way).  The
group is the code's letters and the first digit of its number unless that is 0
(``models.opt_in_family``: ``OMF`` for OMF001, ``OMT1`` for OMT101); ``--select OM`` names none.

A removed module with a maintained copy on the package index names it in ``backport`` (the
distribution's name, e.g. ``legacy-cgi`` for ``cgi``); the loader gives the same ``backport`` to the
entries for names inside that module removed with it (``cgi.FieldStorage``), so a finding can say
"or add ``legacy-cgi; python_version >= '3.13'``".  ``outmoded.catalog.backports`` answers which
requirement lines fix a set of findings.  ``backport_before`` is the backport's first release that no
longer provides the module (``pkg_resources``: setuptools ``"82"``): only a requirement whose versions
all lie below it brings the module back (``setuptools<82``), and the finding asks for such a line.

Entries whose ``removed_in`` is newer than ``LATEST_RELEASE`` are pending removals.

``outmoded.catalog.loader`` reads the files and hands their data to ``file_entries`` here and
to ``outmoded.catalog.hints`` (classes.yaml's tables); the keys of a behaviour entry's signature
are described and checked in ``outmoded.catalog.signatures``, which ``_entry`` asks.
"""

from __future__ import annotations

import re

from outmoded.catalog import earlier
from outmoded.catalog.models import CatalogError, Entry, format_version, parse_version

KINDS = {"module", "function", "class", "constant", "attribute", "method", "argument", "capi", "behaviour"}
FIX_SAFETY = {"safe", "unsafe", "none"}
CODE_RE = re.compile(r"^OM[A-Z]?\d{3,5}$")
VERSION_RE = re.compile(r"^3\.\d{1,2}$")
DOTTED_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
INTERNAL_HEADER_RE = re.compile(r"^internal/pycore_\w+\.h$")
PACKAGE_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")  # a distribution name (PEP 508)
REQUIRED = ("code", "kind", "removed_in", "replacement", "fix", "reason", "doc")
OPTIONAL = {
    "name", "names", "deprecated_in", "fix_reason", "rewrite", "replacement_since", "argument",
    "position", "value_contains", "distinctive", "not_on", "example", "note", "platform", "added_in", "not_probeable",
    "check", "backport", "backport_before", "rewrite_defaults", "rename_keywords", "safe_with_one_specifier", "bytes_argument", "fields",
    "replacement_fields", "lost_members", "limited_api", "named_in_strings", "narrowed_by_isinstance",
    *earlier.KEYS, "opt_in", "signature", "matches", "unless", "proof", "raises", "accepts", "accepted_before", "instead_of",
    "returned_by",
    "member_of", "limited_since", "internal_header", "internal_until", "arguments", "cython_versions",
    "node_fields", "pass_through",
}
OPT_IN = {"free-threading", "select"}  # how an opt-in rule is asked for (Settings.wants)
CHECKS = {"removed", "borrowed-ref", "module-gil", "runtime-flag", "ci-matrix", "lvalue", "arity",
          "cython-generated", "header", "system-header"}  # kind capi only
HEADER_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*\.h$")  # a header of Include/ itself, as #include writes it



def _fail(source: str, where: str, message: str) -> CatalogError:
    return CatalogError(f"{source}: {where}: {message}")


def _version(raw: object, source: str, where: str, key: str) -> tuple[int, int]:
    if not isinstance(raw, str) or not VERSION_RE.match(raw):
        raise _fail(source, where, f"{key} must be a string like \"3.12\", got {raw!r}")
    return parse_version(raw)


def _cython_versions(raw: dict, source: str, where: str) -> tuple:
    """``cython_versions``: the Cython releases whose generated C the entry's Python cannot compile,
    as ranges ``{from: "3.0a1", through: "3.0.0b2", fixed: "3.0.0"}`` (``from`` left out: every
    earlier release), each with the first release that fixed it; -> ((from or None, through, fixed), ...)."""
    if "cython_versions" not in raw:
        return ()
    from packaging.version import InvalidVersion, Version

    ranges = raw["cython_versions"]
    message = "cython_versions needs a list of {from (optional), through, fixed} Cython versions, from <= through < fixed"
    if not isinstance(ranges, list) or not ranges:
        raise _fail(source, where, message)
    found = []
    for item in ranges:
        if not isinstance(item, dict) or not {"through", "fixed"} <= item.keys() <= {"from", "through", "fixed"}:
            raise _fail(source, where, message)
        try:
            start, through, fixed = (None if item.get(k) is None else Version(str(item[k]))
                                     for k in ("from", "through", "fixed"))
        except InvalidVersion:
            raise _fail(source, where, message) from None
        if not all(isinstance(item.get(k), (str, type(None))) for k in ("from", "through", "fixed")) \
                or through is None or fixed is None or not (start is None or start <= through) or not through < fixed:
            raise _fail(source, where, message)
        found.append((item.get("from"), item["through"], item["fixed"]))
    return tuple(found)


def _earlier(raw: dict, key: str, source: str, where: str) -> tuple[int, int] | None:
    """A key of ``outmoded.catalog.earlier`` (what the name did before its removal), validated there."""
    if raw.get(key) is None:
        return None
    since = _version(raw[key], source, where, key)
    why = earlier.problem(key, raw, since, parse_version(raw["removed_in"]), _names(raw, source, where))
    if why:
        raise _fail(source, where, why)
    return since


def _names(raw: dict, source: str, where: str) -> tuple[str, ...]:
    if raw.get("signature") == "node-fields" and isinstance(raw.get("node_fields"), dict):
        if "name" in raw or "names" in raw:
            raise _fail(source, where, "a node-fields entry's names are its node_fields' classes")
        return tuple(raw["node_fields"])
    if ("name" in raw) == ("names" in raw):
        raise _fail(source, where, "needs exactly one of 'name' or 'names'")
    names = [raw["name"]] if "name" in raw else raw["names"]
    if not isinstance(names, list) or not names:
        raise _fail(source, where, "'names' must be a non-empty list")
    header = raw.get("check") == "header"
    for name in names:
        if header and not (isinstance(name, str) and HEADER_RE.match(name)):
            raise _fail(source, where, f"name {name!r} is not a header file name (longintrepr.h)")
        if not header and not (isinstance(name, str) and DOTTED_RE.match(name)):
            raise _fail(source, where, f"name {name!r} is not a dotted Python name")
    return tuple(names)


def _check_keys(raw: dict, source: str, where: str) -> None:
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise _fail(source, where, f"missing key(s): {', '.join(missing)}")
    unknown = sorted(set(raw) - set(REQUIRED) - OPTIONAL)
    if unknown:
        raise _fail(source, where, f"unknown key(s): {', '.join(unknown)}")
    for key in ("replacement", "reason", "doc"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise _fail(source, where, f"{key} must be a non-empty string")


def _entry(raw: object, source: str, index: int) -> Entry:
    where = f"entry {index + 1}"
    if not isinstance(raw, dict):
        raise _fail(source, where, "must be a mapping")
    where = f"entry {index + 1} ({raw.get('code') or raw.get('name') or '?'})"
    _check_keys(raw, source, where)
    if not isinstance(raw["code"], str) or not CODE_RE.match(raw["code"]):
        raise _fail(source, where, f"code {raw['code']!r} must look like OM12001")
    if raw["kind"] not in KINDS:
        raise _fail(source, where, f"kind must be one of {sorted(KINDS)}, got {raw['kind']!r}")
    if raw["fix"] not in FIX_SAFETY:
        raise _fail(source, where, f"fix must be one of {sorted(FIX_SAFETY)}, got {raw['fix']!r}")
    if raw["fix"] == "unsafe" and not raw.get("fix_reason"):
        raise _fail(source, where, "an unsafe fix needs a fix_reason saying how behaviour differs")
    if "check" in raw and (raw["kind"] != "capi" or raw["check"] not in CHECKS):
        raise _fail(source, where, f"check needs kind 'capi' and one of {sorted(CHECKS)}, got {raw['check']!r}")
    if "backport" in raw and (raw["kind"] != "module" or not isinstance(raw["backport"], str)
                              or not PACKAGE_RE.match(raw["backport"])):
        raise _fail(source, where, f"backport needs kind 'module' and a distribution name, got {raw['backport']!r}")
    if "backport_before" in raw and ("backport" not in raw or not isinstance(raw["backport_before"], str)
                                     or not re.fullmatch(r"\d+(\.\d+)*", raw["backport_before"])):
        raise _fail(source, where, "backport_before needs backport and the backport's first release without the module "
                                   f"(\"82\"), got {raw['backport_before']!r}")
    if raw.get("check") == "header" and raw.keys() & {"limited_api", "member_of", "internal_header", "returned_by"}:
        raise _fail(source, where, "a header entry takes none of limited_api, member_of, internal_header, returned_by")
    if "limited_api" in raw and (raw["kind"] != "capi" or raw.get("check", "removed") not in ("removed", "system-header")
                                 or not isinstance(raw["limited_api"], bool)):
        raise _fail(source, where, "limited_api needs kind 'capi' (a removed name) and true or false")
    if "opt_in" in raw and raw["opt_in"] not in OPT_IN:
        raise _fail(source, where, f"opt_in must be one of {sorted(OPT_IN)}, got {raw['opt_in']!r}")
    if "named_in_strings" in raw and (raw["kind"] not in ("class", "function", "constant", "attribute")
                                      or not isinstance(raw["named_in_strings"], bool)):
        raise _fail(source, where, "named_in_strings needs a removed class, function, constant or attribute and true or false")
    if "narrowed_by_isinstance" in raw and (raw["kind"] not in ("method", "attribute")
                                            or not isinstance(raw["narrowed_by_isinstance"], bool)):
        raise _fail(source, where, "narrowed_by_isinstance needs a removed method or attribute and true or false")
    if "limited_since" in raw and raw.get("limited_api") is not True:
        raise _fail(source, where, "limited_since needs limited_api: true")
    if "member_of" in raw and (raw["kind"] != "capi" or raw.get("check", "removed") != "removed"
                               or not isinstance(raw["member_of"], list) or not raw["member_of"]
                               or not all(isinstance(n, str) and n.isidentifier() for n in raw["member_of"])):
        raise _fail(source, where, "member_of needs kind 'capi' (a removed member) and a list of C type names")
    if "internal_header" in raw and (raw["kind"] != "capi" or raw.get("check", "removed") != "removed"
                                     or raw.get("limited_api") or not isinstance(raw["internal_header"], str)
                                     or not INTERNAL_HEADER_RE.match(raw["internal_header"])):
        raise _fail(source, where, "internal_header needs kind 'capi' (a removed name) and internal/pycore_NAME.h")
    if (raw.get("check") == "arity") != ("arguments" in raw) or ("arguments" in raw and (
            not isinstance(raw["arguments"], int) or isinstance(raw["arguments"], bool) or raw["arguments"] < 0)):
        raise _fail(source, where, "check 'arity' needs arguments (the argument count that no longer compiles), and only it")
    if (raw.get("check") == "cython-generated") != ("cython_versions" in raw):
        raise _fail(source, where, "check 'cython-generated' needs cython_versions, and only it")
    if "internal_until" in raw and "internal_header" not in raw:
        raise _fail(source, where, "internal_until needs internal_header")
    if "returned_by" in raw and "member_of" in raw:
        if not isinstance(raw["returned_by"], list) or not all(
                isinstance(n, str) and DOTTED_RE.match(n) and n.count(".") <= 1 for n in raw["returned_by"]):
            raise _fail(source, where, "returned_by of a member needs C function names or Type.member")
    elif "returned_by" in raw and (raw["kind"] not in ("method", "attribute") or not isinstance(raw["returned_by"], list) or not all(
            isinstance(n, str) and DOTTED_RE.match(n) and "." in n for n in raw["returned_by"])):
        raise _fail(source, where, "returned_by needs kind 'method' or 'attribute' and a list of dotted function names")
    if ("fields" in raw) != ("replacement_fields" in raw) or ("fields" in raw and (
            raw["kind"] not in ("function", "class") or raw["fix"] == "none" or not all(
                isinstance(f, list) and f and all(isinstance(n, str) and n.isidentifier() for n in f)
                for f in (raw["fields"], raw["replacement_fields"])))):
        raise _fail(source, where, "fields and replacement_fields go together, on a function or class with a fix, "
                                   "each a list of field names")
    if "lost_members" in raw and (raw["kind"] not in ("function", "class") or raw["fix"] == "none" or not (
            isinstance(raw["lost_members"], list) and raw["lost_members"]
            and all(isinstance(n, str) and n.isidentifier() for n in raw["lost_members"]))):
        raise _fail(source, where, "lost_members goes on a function or class with a fix, a list of attribute names")
    if raw["kind"] == "argument" and not raw.get("argument"):
        raise _fail(source, where, "kind 'argument' needs the 'argument' key")
    if (raw["kind"] == "behaviour") != ("signature" in raw):
        raise _fail(source, where, "kind 'behaviour' and 'signature' go together")
    if raw["kind"] == "behaviour":
        from outmoded.catalog.signatures import behaviour_problem

        problem = behaviour_problem(raw)
        if problem:
            raise _fail(source, where, problem)
    removed = _version(raw["removed_in"], source, where, "removed_in")
    deprecated = raw.get("deprecated_in")
    deprecated = None if deprecated is None else _version(deprecated, source, where, "deprecated_in")
    if deprecated and deprecated > removed:
        raise _fail(source, where, "deprecated_in is after removed_in")
    since = raw.get("replacement_since")
    return Entry(
        code=raw["code"],
        names=_names(raw, source, where),
        kind=raw["kind"],
        removed_in=removed,
        deprecated_in=deprecated,
        replacement=raw["replacement"].strip(),
        fix=raw["fix"],
        reason=raw["reason"].strip(),
        doc=raw["doc"],
        fix_reason=raw.get("fix_reason"),
        rewrite=raw.get("rewrite"),
        replacement_since=None if since is None else _version(since, source, where, "replacement_since"),
        argument=raw["argument"][0] if isinstance(raw.get("argument"), list) else raw.get("argument"),
        position=raw["position"][0] if isinstance(raw.get("position"), list) else raw.get("position"),
        argument_positions=_behaviour_arguments(raw),
        raises=tuple(raw.get("raises") or ()),
        accepts=raw.get("accepts"),
        accepted_before=raw.get("accepted_before"),
        node_fields=tuple((raw.get("node_fields") or {}).items()),
        instead_of=tuple(raw.get("instead_of") or ()),
        returned_by=tuple(raw.get("returned_by") or ()),
        member_of=tuple(raw.get("member_of") or ()),
        limited_since=None if raw.get("limited_since") is None else _version(
            raw["limited_since"], source, where, "limited_since"),
        internal_header=raw.get("internal_header"),
        arguments=raw.get("arguments"),
        cython_versions=_cython_versions(raw, source, where),
        internal_until=None if raw.get("internal_until") is None else _version(
            raw["internal_until"], source, where, "internal_until"),
        value_contains=raw.get("value_contains"),
        distinctive=bool(raw.get("distinctive", False)),
        not_on=tuple(raw.get("not_on") or ()),
        example=raw.get("example"),
        platform=raw.get("platform"),
        check=raw.get("check"),
        signature=raw.get("signature"),
        matches=raw.get("matches"),
        unless=tuple(raw.get("unless") or ()),
        pass_through=tuple(raw.get("pass_through") or ()),
        proof=raw.get("proof"),
        backport=raw.get("backport"),
        backport_before=raw.get("backport_before"),
        limited_api=raw.get("limited_api", False),
        named_in_strings=raw.get("named_in_strings", False),
        narrowed_by_isinstance=raw.get("narrowed_by_isinstance", False),
        star_unbound_since=_earlier(raw, "star_unbound_since", source, where),
        calls_replacement_since=_earlier(raw, "calls_replacement_since", source, where),
        opt_in=raw.get("opt_in"),
        not_probeable=raw.get("not_probeable"),
        added_in=None if raw.get("added_in") is None else _version(raw["added_in"], source, where, "added_in"),
        rewrite_defaults=tuple((k, (v or {}).get("position"), (v or {}).get("value"))
                               for k, v in _mapping(raw, "rewrite_defaults", source, where).items()),
        rename_keywords=tuple(_mapping(raw, "rename_keywords", source, where).items()),
        safe_with_one_specifier=raw.get("safe_with_one_specifier"),
        bytes_argument=raw.get("bytes_argument"),
        fields=tuple(raw.get("fields") or ()),
        replacement_fields=tuple(raw.get("replacement_fields") or ()),
        lost_members=tuple(raw.get("lost_members") or ()),
        source=source,
    )


def _behaviour_arguments(raw: dict) -> tuple:
    if raw["kind"] != "behaviour":
        return ()
    from outmoded.catalog.signatures import argument_positions

    return argument_positions(raw)


def _mapping(raw: dict, key: str, source: str, where: str) -> dict:
    found = raw.get(key) or {}
    if not isinstance(found, dict):
        raise _fail(source, where, f"{key} must be a mapping")
    return found


def file_entries(data: object, name: str) -> list[Entry]:
    """The entries of the catalog file ``name`` (``removed_3_13.yaml``), its YAML ``data`` validated."""
    if not isinstance(data, list):
        raise CatalogError(f"{name}: must be a list of entries")
    entries = [_entry(raw, name, i) for i, raw in enumerate(data)]
    expected = _file_version(name)
    for i, entry in enumerate(entries):
        if entry.kind != "capi" and expected and entry.removed_in != expected:
            raise _fail(name, f"entry {i + 1} ({entry.code})",
                        f"removed_in {format_version(entry.removed_in)} does not match the file")
    return entries


def _file_version(name: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"removed_(\d+)_(\d+)\.yaml", name)
    return (int(match[1]), int(match[2])) if match else None


def check_unique_codes(entries: list[Entry]) -> None:
    """Each rule code belongs to one entry, across every file."""
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.code in seen:
            raise CatalogError(f"{entry.source}: code {entry.code} is also used in {seen[entry.code]}")
        seen[entry.code] = entry.source

