"""The catalog's records: an ``Entry`` per rule, the ``Catalog`` holding them, and version helpers.

What the YAML keys mean, and how they are validated, is ``outmoded.catalog.schema``; these
classes are what the loader builds and what the compiled catalog (``outmoded.catalog.compiled``)
stores and rebuilds, so a check that never reads the YAML imports only this.
"""

from __future__ import annotations

from outmoded.records import Frozen

LATEST_RELEASE = (3, 15)


class CatalogError(Exception):
    """Bad catalog data: the message names the file and the entry."""


def parse_version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


def format_version(version: tuple[int, int]) -> str:
    return f"{version[0]}.{version[1]}"


def opt_in_family(code: str) -> str:
    """The shortest prefix that selects the opt-in rule ``code`` by name (``--select``): its
    letters, and the first digit of its number, its group, unless that is 0 -- ``OMF`` for
    OMF001, ``OMT`` for OMT001, ``OMT1`` for OMT101.  ``OM`` never selects an opt-in rule."""
    letters = code.rstrip("0123456789")
    group = code[len(letters):len(letters) + 1]
    return letters if group in ("", "0") else letters + group


def parameters(text: object):
    """``(positional, keyword, required, var_positional, var_keyword)`` of a parameter list written
    as in a ``def`` (``"(database, /, *, timeout=5.0)"``), or None when it is not one:
    ``positional`` the names that may be passed by position, in order, ``keyword`` those that may
    be passed by keyword, ``required`` those without a default."""
    import ast

    if not isinstance(text, str):
        return None
    try:
        tree = ast.parse(f"def f{text.strip()}: pass")
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.FunctionDef):
        return None
    args = tree.body[0].args
    posonly = [a.arg for a in args.posonlyargs]
    ordinary = [a.arg for a in args.args]
    positional = posonly + ordinary
    with_default = positional[len(positional) - len(args.defaults):] if args.defaults else []
    kwonly = [a.arg for a in args.kwonlyargs]
    required = [n for n in positional if n not in with_default] + [
        a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is None]
    return (tuple(positional), frozenset(ordinary + kwonly), frozenset(required),
            args.vararg is not None, args.kwarg is not None)


def node_parameters(text: object):
    """``(positional, keyword, required, var_positional, var_keyword)`` (as ``parameters``) of an
    AST node constructor written as a row of a ``node-fields`` entry's table: its fields in
    order, a required one ending in ``!``, then ``|`` and its attributes (keywords only):
    ``"target! iter! ifs is_async!"``, ``"id! ctx | lineno col_offset end_lineno end_col_offset"``;
    None when it is not one."""
    if not isinstance(text, str) or text.count("|") > 1:
        return None
    fields, _, attributes = text.partition("|")
    names = [f.rstrip("!") for f in fields.split()]
    extra = attributes.split()
    if not all(n.isidentifier() for n in names + extra) or len(set(names + extra)) != len(names + extra) \
            or any(f.count("!") > 1 or "!" in f[:-1] for f in fields.split()):
        return None
    return (tuple(names), frozenset(names + extra), frozenset(f[:-1] for f in fields.split() if f.endswith("!")),
            False, False)


def fits(params: tuple, given: int, keywords: list[str]) -> bool:
    """Do ``given`` positional arguments and these keyword names bind to ``params`` (``parameters``)?"""
    positional, keyword, required, var_positional, var_keyword = params
    if given > len(positional) and not var_positional:
        return False
    bound = set(positional[:given])
    for name in keywords:
        if name in keyword:
            if name in bound:
                return False  # given twice
            bound.add(name)
        elif not var_keyword:
            return False  # positional-only, or unknown
    return required <= bound


class Entry(Frozen):
    """One removal: a rule code, the names it covers, when and why, and what replaces it.

    Fields, in order (the YAML keys of ``outmoded.catalog.schema``; ``source`` is the file):

    - ``code``: str
    - ``names``: tuple[str, ...]
    - ``kind``: str
    - ``removed_in``: tuple[int, int]
    - ``deprecated_in``: tuple[int, int] | None
    - ``replacement``: str
    - ``fix``: str
    - ``reason``: str
    - ``doc``: str
    - ``fix_reason``: str | None = None
    - ``rewrite``: str | None = None
    - ``replacement_since``: tuple[int, int] | None = None
    - ``argument``: str | None = None
    - ``position``: int | None = None
    - ``value_contains``: str | None = None
    - ``distinctive``: bool = False
    - ``not_on``: tuple[str, ...] = ()
    - ``example``: str | None = None
    - ``platform``: str | None = None  # e.g. "win32": only importable there, so probes elsewhere skip it
    - ``added_in``: tuple[int, int] | None = None  # for names newer than 3.0: probes before it expect absence
    - ``not_probeable``: str | None = None  # why import+getattr cannot tell (instance attribute, decorated signature)
    - ``check``: str | None = None  # kind capi only: which outmoded.native check uses the entry (CHECKS)
    - ``signature``: str | None = None  # kind behaviour only (SIGNATURES), with matches, unless and proof
    - ``matches``: str | None = None
    - ``unless``: tuple[str, ...] = ()
    - ``pass_through``: tuple[str, ...] = ()  # signature override: members of unless that do not count where they only hand on (``handon``)
    - ``proof``: str | None = None
    - ``argument_positions``: tuple = ()  # kind behaviour, signature argument: ((argument, position), ...)
    - ``raises``: tuple[str, ...] = ()  # kind behaviour, or an argument's refused value: the exceptions the code raises from removed_in on
    - ``accepts``: str | None = None  # signature parameters: the parameter list from removed_in on ("(a, /, *, b=1)")
    - ``accepted_before``: str | None = None  # signature parameters: the list before removed_in, where known
    - ``node_fields``: tuple = ()  # signature node-fields: ((class, its row: "target! iter! ifs is_async!"), ...)
    - ``instead_of``: tuple[str, ...] = ()  # signature fallback-import: the stdlib names the backport replaces
    - ``returned_by``: tuple[str, ...] = ()  # kind method/attribute: the functions whose results are its only receivers
    - ``member_of``: tuple[str, ...] = ()  # kind capi: the C struct types (spellings) a removed member belongs to
    - ``limited_since``: tuple[int, int] | None = None  # limited_api: hidden from Py_LIMITED_API >= this version only
    - ``internal_header``: str | None = None  # kind capi: the internal header still declaring a removed name
    - ``internal_until``: tuple[int, int] | None = None  # internal_header: the first version whose header lost it
    - ``arguments``: int | None = None  # check arity: the argument count the function no longer takes
    - ``cython_versions``: tuple = ()  # check cython-generated: ((from or None, through, fixed), ...) Cython releases
    - ``backport``: str | None = None  # distribution on the package index that provides the removed module again
    - ``backport_before``: str | None = None  # the backport's first release without the module ("82": setuptools' pkg_resources)
    - ``rewrite_defaults``: tuple = ()  # ((keyword, position, value), ...): arguments a rewrite drops when they equal it
    - ``rename_keywords``: tuple = ()  # ((old, new), ...): call keywords the replacement spells differently
    - ``safe_with_one_specifier``: int | None = None  # position of a %-format argument: one specifier makes it safe
    - ``bytes_argument``: int | None = None  # position of an argument the replacement takes only as bytes
    - ``named_in_strings``: bool = False  # code names them in strings read with getattr (``handedgetattrs``)
    - ``narrowed_by_isinstance``: bool = False  # isinstance(name, Class) types name for these members (``narrowing``)
    - ``calls_replacement_since``: tuple[int, int] | None = None  # kind method: from this Python on the old one returned self.<replacement>(...) (``receivers``)
    - ``star_unbound_since``: tuple[int, int] | None = None  # first Python whose star import of the module binds no such name (``starnames``)
    - ``fields``: tuple[str, ...] = ()  # a renamed function's result (or class's constructor) as a named tuple
    - ``replacement_fields``: tuple[str, ...] = ()  # the replacement's named tuple, when ``fields`` is given
    - ``lost_members``: tuple[str, ...] = ()  # attributes of the result (a class's instance) the replacement's lacks
    - ``limited_api``: bool = False  # kind capi only: removed from the limited C API only (needs Py_LIMITED_API)
    - ``opt_in``: str | None = None  # advice shown only when asked for (OPT_IN)
    - ``source``: str = ""
    """

    _fields = (
        "code", "names", "kind", "removed_in", "deprecated_in", "replacement", "fix", "reason", "doc",
        "fix_reason", "rewrite", "replacement_since", "argument", "position", "value_contains",
        "distinctive", "not_on", "example", "platform", "added_in", "not_probeable", "check", "signature",
        "matches", "unless", "pass_through", "proof", "argument_positions", "raises", "accepts", "accepted_before", "node_fields", "instead_of", "returned_by", "member_of", "limited_since", "internal_header", "internal_until", "arguments", "cython_versions", "backport", "backport_before",
        "rewrite_defaults", "rename_keywords", "safe_with_one_specifier", "bytes_argument", "fields", "replacement_fields", "lost_members",
        "limited_api", "named_in_strings", "narrowed_by_isinstance", "star_unbound_since", "calls_replacement_since", "opt_in", "source",
    )
    _defaults = {
        "fix_reason": None, "rewrite": None, "replacement_since": None, "argument": None, "position": None,
        "value_contains": None, "distinctive": False, "not_on": (), "example": None, "platform": None,
        "added_in": None, "not_probeable": None, "check": None, "signature": None, "matches": None,
        "unless": (), "pass_through": (), "proof": None, "argument_positions": (), "raises": (), "accepts": None, "accepted_before": None, "node_fields": (), "instead_of": (), "returned_by": (), "member_of": (), "limited_since": None, "internal_header": None, "internal_until": None, "arguments": None, "cython_versions": (), "backport": None, "backport_before": None, "rewrite_defaults": (), "rename_keywords": (),
        "safe_with_one_specifier": None, "bytes_argument": None, "fields": (), "replacement_fields": (), "lost_members": (), "limited_api": False, "named_in_strings": False, "narrowed_by_isinstance": False, "star_unbound_since": None, "calls_replacement_since": None, "opt_in": None, "source": "",
    }

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def pending(self) -> bool:
        return self.removed_in > LATEST_RELEASE

    @property
    def provider(self) -> str | None:
        """What a requirement must install to bring the module back: the backport's name, or with
        ``backport_before`` the name and that bound (``setuptools<82``, ``testenv.installed_names``)."""
        if not self.backport:
            return None
        return f"{self.backport}<{self.backport_before}" if self.backport_before else self.backport

    @property
    def backport_requirement(self) -> str | None:
        """The requirement line that brings the removed module back: ``legacy-cgi; python_version >= '3.13'``
        (``setuptools<82; python_version >= '3.12'`` for ``pkg_resources``)."""
        if not self.backport:
            return None
        return f"{self.provider}; python_version >= '{format_version(self.removed_in)}'"

    @property
    def fix_safety(self) -> str | None:
        """``safe``/``unsafe`` as shown in output, ``None`` when there is no fix."""
        return None if self.fix == "none" else self.fix


for _name, _value in Entry._defaults.items():  # defaults as class attributes: an entry's own
    setattr(Entry, _name, _value)  # dict holds what differs, and the compiled catalog only that


class Catalog(Frozen):
    """Every entry, and the class hints: ``bases`` (class -> base classes), ``returns`` (function ->
    class of what it returns), ``aliases`` (six.moves.configparser -> configparser),
    ``provided_by`` (removed module -> project module providing it), ``mirrors`` (gevent.socket ->
    socket: a third-party copy of a stdlib module's names, without those it lost), ``instances``
    (class as typed -> ((version, the classes its objects are instances of from then on), ...)),
    ``truthy`` (the classes whose objects are always true)."""

    _fields = ("entries", "bases", "returns", "aliases", "provided_by", "mirrors", "instances", "truthy")
    _defaults = {"bases": dict, "returns": dict, "aliases": dict, "provided_by": dict, "mirrors": dict,
                 "instances": dict, "truthy": frozenset}

    @property
    def by_code(self) -> dict[str, Entry]:
        return {e.code: e for e in self.entries}
