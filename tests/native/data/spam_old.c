/* spam: a small extension module written for CPython 3.11.
 *
 * It builds and works on 3.11, but uses C-API that later releases removed, returns borrowed
 * references, and uses single-phase init without declaring free-threading support.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* PyEval_CallObject in a comment is not a use */
static const char *about = "spam: PyEval_CallObject(func, args) in a string is not a use";

static PyObject *
spam_call(PyObject *self, PyObject *args)
{
    PyObject *func, *arguments;
    if (!PyArg_ParseTuple(args, "OO!", &func, &PyTuple_Type, &arguments))
        return NULL;
    if (!PyEval_ThreadsInitialized())
        return NULL;
    return PyEval_CallObject(func, arguments);
}

static PyObject *
spam_call_kw(PyObject *self, PyObject *args)
{
    PyObject *func, *kwargs;
    if (!PyArg_ParseTuple(args, "OO", &func, &kwargs))
        return NULL;
    return PyEval_CallObjectWithKeywords(func, NULL, kwargs);
}

static PyObject *
spam_length(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return NULL;
    }
    Py_UNICODE *units = PyUnicode_AS_UNICODE(text);
    if (units == NULL)
        return NULL;
    return PyLong_FromSsize_t(PyUnicode_GET_SIZE(text));
}

static PyObject *
spam_buffer_size(PyObject *self, PyObject *obj)
{
    const void *data;
    Py_ssize_t size;
    if (PyObject_AsReadBuffer(obj, &data, &size) < 0)
        return NULL;
    return PyLong_FromSsize_t(size);
}

static PyObject *
spam_first(PyObject *self, PyObject *list)
{
    PyObject *item = PyList_GetItem(list, 0);
    if (item == NULL)
        return NULL;
    Py_INCREF(item);
    return item;
}

static PyObject *
spam_lookup(PyObject *self, PyObject *args)
{
    PyObject *mapping;
    const char *key;
    if (!PyArg_ParseTuple(args, "O!s", &PyDict_Type, &mapping, &key))
        return NULL;
    PyObject *value = PyDict_GetItemString(mapping, key);
    return Py_NewRef(value ? value : Py_None);
}

static PyObject *
spam_deref(PyObject *self, PyObject *ref)
{
    PyObject *obj = PyWeakref_GetObject(ref);
    if (obj == NULL)
        return NULL;
    return Py_NewRef(obj);
}

static PyMethodDef spam_methods[] = {
    {"call", spam_call, METH_VARARGS, NULL},
    {"call_kw", spam_call_kw, METH_VARARGS, NULL},
    {"length", spam_length, METH_O, NULL},
    {"buffer_size", spam_buffer_size, METH_O, NULL},
    {"first", spam_first, METH_O, NULL},
    {"lookup", spam_lookup, METH_VARARGS, NULL},
    {"deref", spam_deref, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, spam_methods
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    return PyModule_Create(&spam_module);
}
