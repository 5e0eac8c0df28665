"""records: the plain classes that replace dataclasses on the start-up path."""

import pickle

import pytest

from outmoded.catalog import default_catalog
from outmoded.catalog.index import index_for
from outmoded.config import Settings
from outmoded.findings import Finding
from outmoded.importlines import Imports
from outmoded.records import Frozen, Record, asdict, fields, replace


class Point(Frozen):
    __slots__ = _fields = ("x", "y")
    _defaults = {"y": 0}


class Bag(Record):
    _fields = ("items", "name")
    _defaults = {"items": list, "name": None}


def test_records_compare_hash_replace_and_show_like_dataclasses():
    assert Point(1) == Point(1, 0) == Point(x=1) and Point(1) != Point(2) and Point(1) != (1, 0)
    assert hash(Point(1, 2)) == hash(Point(1, 2)) and {Point(1), Point(1)} == {Point(1)}
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert replace(Point(1, 2), y=3) == Point(1, 3) and fields(Point(1)) == ("x", "y")
    assert asdict(Point(1, 2)) == {"x": 1, "y": 2}
    with pytest.raises(AttributeError):
        Point(1).x = 2
    with pytest.raises(TypeError):
        replace(Point(1), z=1)
    with pytest.raises(TypeError):
        Point()
    first, second = Bag(), Bag()
    first.items.append(1)
    assert second.items == []  # a factory default: a new list each
    with pytest.raises(TypeError):
        hash(Bag())  # mutable and equal by value: unhashable


def test_records_pickle_whatever_their_init_takes():
    index = index_for((3, 13))
    finding = Finding("a.py", 1, 1, 1, 4, "OM12001", "imp", "3.12", "3.4", "error", "m", "importlib", None)
    imports = Imports()
    imports.roots.add(b"os")
    for record in (finding, Settings(root="/x", select=("OM12",)), imports, Point(1, 2),
                   default_catalog().entries[0]):
        assert pickle.loads(pickle.dumps(record)) == record
    again = pickle.loads(pickle.dumps(index))
    assert again.entries.keys() == index.entries.keys() and again.target == (3, 13)
