"""Plain record classes, in place of ``dataclasses`` on the start-up path.

Importing ``dataclasses`` pulls in ``inspect`` (and with it ``dis``, ``tokenize``, ``linecache``),
and every decorated class generates its methods with ``exec`` at import: together ~20 ms of
every run, for classes that are simple records.  A ``Record`` lists its fields in ``_fields``
and gets what the dataclasses gave: equality over the fields, a ``repr``, pickling (findings
cross process boundaries), and ``replace``/``fields``/``asdict`` as module functions.  Classes
built often write their own ``__init__``; the generic one below takes positional or keyword
arguments and ``_defaults`` (mutable defaults as factories: ``list``, ``dict``, ``set``).

``Frozen`` records refuse assignment and hash by their fields, like ``frozen=True``.  A record
class either declares ``__slots__ = _fields`` or keeps an instance ``__dict__`` (the compiled
catalog fills one directly).
"""

from __future__ import annotations

_FACTORIES = (list, dict, set)


class Record:
    __slots__ = ()
    _fields: tuple = ()
    _defaults: dict = {}

    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError(f"{type(self).__name__}() takes {len(self._fields)} arguments, got {len(args)}")
        values = dict(zip(self._fields, args))
        for name, value in kwargs.items():
            if name not in self._fields or name in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated argument {name!r}")
            values[name] = value
        for name in self._fields:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
                default = self._defaults[name]
                values[name] = default() if default in _FACTORIES else default
            object.__setattr__(self, name, values[name])

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # equal by value and mutable: unhashable, as a dataclass

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self):  # whatever its __init__ takes: the fields, set as they are
        return _restore, (type(self), self._values())


class Frozen(Record):
    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __hash__(self):
        return hash(self._values())


def _restore(cls: type, values: tuple) -> Record:
    """Unpickle a record: its fields set directly, as the compiled catalog does."""
    record = object.__new__(cls)
    for name, value in zip(cls._fields, values):
        object.__setattr__(record, name, value)
    return record


def replace(record: Record, **changes) -> Record:
    """A copy of ``record`` with some fields changed (``dataclasses.replace``, which it calls for
    a dataclass)."""
    if not isinstance(record, Record):
        import dataclasses

        return dataclasses.replace(record, **changes)
    unknown = set(changes) - set(record._fields)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {sorted(unknown)[0]!r}")
    values = {name: getattr(record, name) for name in record._fields}
    values.update(changes)
    return type(record)(**values)


def fields(record) -> tuple[str, ...]:
    """The field names, in order."""
    return record._fields


def asdict(record) -> dict:
    """Field name -> value (one level: the records here hold plain values)."""
    return {name: getattr(record, name) for name in record._fields}
