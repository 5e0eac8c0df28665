/* An extension written for Python 2 only: compiles against 2.7's headers, on no Python 3. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
} Box;

static PyObject *box_name(Box *self, PyObject *args) {
    if (!PyString_Check(self->name))
        return PyString_FromString("?");
    return PyString_FromStringAndSize(PyString_AS_STRING(self->name), PyString_GET_SIZE(self->name));
}

static PyObject *twice(PyObject *self, PyObject *args) {
    PyObject *arg;
    if (!PyArg_ParseTuple(args, "O", &arg))
        return NULL;
    if (PyInt_Check(arg))
        return PyInt_FromLong(2 * PyInt_AsLong(arg));
    PyErr_SetString(PyExc_StandardError, "not an int");
    return NULL;
}

static PyObject *wrap(PyObject *self, PyObject *args) {
    static int payload;
    return PyCObject_FromVoidPtr(&payload, NULL);
}

static PyMethodDef box_methods[] = {{"name", (PyCFunction)box_name, METH_VARARGS, NULL}, {NULL}};

static PyTypeObject BoxType = {
    PyObject_HEAD_INIT(NULL)
    0, "spam.Box", sizeof(Box), 0,
};

static PyMethodDef methods[] = {
    {"twice", twice, METH_VARARGS, NULL},
    {"wrap", wrap, METH_VARARGS, NULL},
    {NULL}
};

PyMODINIT_FUNC initspam(void) {
    PyObject *m;
    BoxType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_ITER | Py_TPFLAGS_CHECKTYPES;
    BoxType.tp_methods = box_methods;
    if (PyType_Ready(&BoxType) < 0)
        return;
    m = Py_InitModule3("spam", methods, "Python 2 only");
    if (m != NULL)
        PyModule_AddObject(m, "Box", (PyObject *)&BoxType);
}
