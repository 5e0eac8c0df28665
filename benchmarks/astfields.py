"""The table of ``ast`` node constructors the catalog's ``node-fields`` entry holds, from the running
interpreter (run it on the real 3.15: ``python3.15 benchmarks/astfields.py``).

For each concrete node class (a subclass of ``ast.AST`` that ``ast`` exports, with no subclass
of its own, not ``Index`` / ``ExtSlice``, whose own ``__new__`` returns what they are given): its ``_fields`` in order, a required one ending in ``!``, then ``|`` and its
``_attributes`` (the position keywords).  A field is required where the constructor, given every
other field, raises TypeError naming it: asked of the interpreter, not read from ``_field_types``.
Prints the YAML mapping ``node_fields`` of behaviour.yaml; tests/realpython/test_astfields.py
compares the catalog's table with this one when a real 3.15 is on PATH.
"""

import ast
import warnings


def node_classes() -> list:
    """The concrete node classes ``ast`` exports, by name."""
    found = []
    for name in sorted(vars(ast)):
        cls = getattr(ast, name)
        if isinstance(cls, type) and issubclass(cls, ast.AST) and cls is not ast.AST \
                and not cls.__subclasses__() and getattr(cls, "_fields", None) is not None \
                and not vars(cls).keys() & {"__new__", "__init__"}:  # ast.Index(v) returns v
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                try:
                    cls(**{f: None for f in cls._fields})
                except DeprecationWarning:
                    continue  # an abstract or deprecated class (3.15 warns for those)
                except TypeError:
                    pass
            found.append(name)
    return found


def required(cls) -> list:
    """The fields the constructor raises TypeError without."""
    needed = []
    for field in cls._fields:
        given = {f: None for f in cls._fields if f != field}
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                cls(**given)
            except (TypeError, DeprecationWarning) as exc:
                if repr(field) in str(exc):
                    needed.append(field)
    return needed


def table() -> dict:
    """``{"ast.Name": "id! ctx | lineno col_offset end_lineno end_col_offset", ...}``."""
    rows = {}
    for name in node_classes():
        cls = getattr(ast, name)
        needed = set(required(cls))
        text = " ".join(f + ("!" if f in needed else "") for f in cls._fields)
        if cls._attributes:
            text = f"{text} | {' '.join(cls._attributes)}".strip()
        rows[f"ast.{name}"] = text
    return rows


if __name__ == "__main__":
    for key, value in table().items():
        print(f'    {key}: "{value}"')
