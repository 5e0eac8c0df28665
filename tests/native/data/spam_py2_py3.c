/* The same extension ported the way dual-version projects did: Python 2 branches kept under
   PY_MAJOR_VERSION tests and compatibility #defines, compiling against 2.7's and 3.x's headers. */
#include <Python.h>

#if PY_MAJOR_VERSION >= 3
#  define PyInt_Check PyLong_Check
#  define PyInt_FromLong PyLong_FromLong
#  define PyInt_AsLong PyLong_AsLong
#  define IS_PY3K
#endif

#ifndef Py_TPFLAGS_HAVE_ITER
#  define Py_TPFLAGS_HAVE_ITER 0
#endif

typedef struct {
    PyObject_HEAD
    PyObject *name;
} Box;

static PyObject *box_name(Box *self, PyObject *args) {
#if PY_MAJOR_VERSION < 3
    if (!PyString_Check(self->name))
        return PyString_FromString("?");
#else
    if (!PyUnicode_Check(self->name))
        return PyUnicode_FromString("?");
#endif
    Py_INCREF(self->name);
    return self->name;
}

static PyObject *twice(PyObject *self, PyObject *args) {
    PyObject *arg;
    if (!PyArg_ParseTuple(args, "O", &arg))
        return NULL;
    if (PyInt_Check(arg))
        return PyInt_FromLong(2 * PyInt_AsLong(arg));
    PyErr_SetString(PyExc_TypeError, "not an int");
    return NULL;
}

static PyObject *wrap(PyObject *self, PyObject *args) {
    static int payload;
#if PY_VERSION_HEX >= 0x02070000
    return PyCapsule_New(&payload, "spam.payload", NULL);
#else
    return PyCObject_FromVoidPtr(&payload, NULL);
#endif
}

static PyMethodDef box_methods[] = {{"name", (PyCFunction)box_name, METH_VARARGS, NULL}, {NULL}};

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "spam.Box", sizeof(Box), 0,
};

static PyMethodDef methods[] = {
    {"twice", twice, METH_VARARGS, NULL},
    {"wrap", wrap, METH_VARARGS, NULL},
    {NULL}
};

#ifdef IS_PY3K
static struct PyModuleDef spam_module = {PyModuleDef_HEAD_INIT, "spam", "Python 2 and 3", -1, methods};
#  define INIT_ERROR return NULL
PyMODINIT_FUNC PyInit_spam(void)
#else
#  define INIT_ERROR return
PyMODINIT_FUNC initspam(void)
#endif
{
    PyObject *m;
    BoxType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_ITER;
    BoxType.tp_methods = box_methods;
    if (PyType_Ready(&BoxType) < 0)
        INIT_ERROR;
#ifdef IS_PY3K
    m = PyModule_Create(&spam_module);
#else
    m = Py_InitModule3("spam", methods, "Python 2 and 3");
#endif
    if (m == NULL)
        INIT_ERROR;
    PyModule_AddObject(m, "Box", (PyObject *)&BoxType);
#ifdef IS_PY3K
    return m;
#endif
}
