# cython: language_level=3
# A Cython module written for 3.11: no freethreading_compatible directive.
from cpython.list cimport PyList_GetItem
from cpython.unicode cimport (
    PyUnicode_GET_SIZE,
)

cdef extern from "Python.h":
    object PyEval_CallObject(object callable, object args)


def size(text):
    # PyUnicode_GET_SIZE in a comment is not a use
    return PyUnicode_GET_SIZE(text)


def first(list items):
    return <object>PyList_GetItem(items, 0)


def call(f, tuple args):
    return PyEval_CallObject(f, args) if "PyEval_CallObject" else None
