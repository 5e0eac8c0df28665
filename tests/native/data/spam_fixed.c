/* spam, ported: the same module written against the C-API of 3.9 to 3.15.
 *
 * Removed APIs are replaced, borrowed references become strong ones (with a compatibility shim
 * for Pythons before 3.13), and multi-phase init declares that the module runs without the GIL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
/* Strong-reference getters added in 3.13 (as pythoncapi-compat provides them). */
static PyObject *
PyList_GetItemRef(PyObject *list, Py_ssize_t index)
{
    PyObject *item = PyList_GetItem(list, index);
    Py_XINCREF(item);
    return item;
}

static int
PyDict_GetItemStringRef(PyObject *mapping, const char *key, PyObject **result)
{
    PyObject *value = PyDict_GetItemString(mapping, key);
    *result = Py_XNewRef(value);
    return value != NULL;
}

static int
PyWeakref_GetRef(PyObject *ref, PyObject **result)
{
    PyObject *obj = PyWeakref_GetObject(ref);
    if (obj == NULL) {
        *result = NULL;
        return -1;
    }
    *result = obj == Py_None ? NULL : Py_NewRef(obj);
    return *result != NULL;
}
#endif

static PyObject *
spam_call(PyObject *self, PyObject *args)
{
    PyObject *func, *arguments;
    if (!PyArg_ParseTuple(args, "OO!", &func, &PyTuple_Type, &arguments))
        return NULL;
    return PyObject_CallObject(func, arguments);
}

static PyObject *
spam_call_kw(PyObject *self, PyObject *args)
{
    PyObject *func, *kwargs;
    if (!PyArg_ParseTuple(args, "OO", &func, &kwargs))
        return NULL;
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL)
        return NULL;
    PyObject *result = PyObject_Call(func, empty, kwargs == Py_None ? NULL : kwargs);
    Py_DECREF(empty);
    return result;
}

static PyObject *
spam_length(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return NULL;
    }
    Py_ssize_t size;
    wchar_t *units = PyUnicode_AsWideCharString(text, &size);
    if (units == NULL)
        return NULL;
    PyMem_Free(units);
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(text));
}

static PyObject *
spam_buffer_size(PyObject *self, PyObject *obj)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t size = view.len;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(size);
}

static PyObject *
spam_first(PyObject *self, PyObject *list)
{
    return PyList_GetItemRef(list, 0);
}

static PyObject *
spam_lookup(PyObject *self, PyObject *args)
{
    PyObject *mapping, *value;
    const char *key;
    if (!PyArg_ParseTuple(args, "O!s", &PyDict_Type, &mapping, &key))
        return NULL;
    if (PyDict_GetItemStringRef(mapping, key, &value) < 0)
        return NULL;
    return value ? value : Py_NewRef(Py_None);
}

static PyObject *
spam_deref(PyObject *self, PyObject *ref)
{
    PyObject *obj;
    if (PyWeakref_GetRef(ref, &obj) < 0)
        return NULL;
    return obj ? obj : Py_NewRef(Py_None);
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

static PyModuleDef_Slot spam_slots[] = {
#if PY_VERSION_HEX >= 0x030C0000
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
#if PY_VERSION_HEX >= 0x030D0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, 0, spam_methods, spam_slots
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    return PyModuleDef_Init(&spam_module);
}
