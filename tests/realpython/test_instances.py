"""The catalog's ``instances`` (classes.yaml), proven: on each real interpreter at hand, every way
the scanner types an object as the class gives an object whose ``type(obj).__mro__`` is what the
catalog lists for that version, so ``isinstance()`` of a builtin type answers there as the scanner
decides it (sentry-sdk 2.76's ``if isinstance(entry_points(), dict):`` is False from 3.12 on)."""

import json
import subprocess

import pytest

from outmoded.catalog import default_catalog
from realpythons import older_python, real_python

pytestmark = pytest.mark.realpython

# each class of ``instances`` -> the expressions that give such an object (what ``returns`` types so)
MADE_BY = {
    "importlib.metadata.SelectableGroups": ["importlib.metadata.entry_points()",
                                            "importlib.metadata.entry_points(group='console_scripts')"],
}
VERSIONS = ["3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]


def test_every_class_listed_has_its_makers():
    catalog = default_catalog()
    assert set(catalog.instances) == set(MADE_BY)
    for cls, makers in MADE_BY.items():  # every function returns says gives the class is among the makers
        assert {f for f, returned in catalog.returns.items() if returned == cls} \
            <= {m.partition("(")[0] for m in makers}


@pytest.mark.parametrize("version", VERSIONS)
def test_instances_are_what_the_interpreter_makes(version):
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    target = tuple(map(int, version.split(".")))
    catalog = default_catalog()
    probe = ("import importlib, importlib.metadata, json, sys, warnings\n"
             "warnings.simplefilter('ignore')\n"
             "made = {}\n"
             "for cls, makers in json.loads(sys.argv[1]).items():\n"
             "    made[cls] = [[f'{c.__module__}.{c.__qualname__}' for c in type(eval(m)).__mro__] for m in makers]\n"
             "print(json.dumps(made))\n")
    run = subprocess.run([python, "-c", probe, json.dumps(MADE_BY)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-600:]
    made = json.loads(run.stdout)
    checked = 0
    for cls, steps in catalog.instances.items():
        applying = [classes for since, classes in steps if since <= target]
        if applying:
            checked += 1
            assert all(mro == list(applying[-1]) for mro in made[cls]), (cls, made[cls])
    if target >= (3, 12):
        assert checked  # entry_points() at least: the proof proves something


@pytest.mark.parametrize("version", VERSIONS)
def test_truthy_classes_define_no_truth_of_their_own(version):
    # classes.yaml's truthy: an object of one is always true there (stomp.py 9.0.0's if tls_context:
    # after tls_context = ssl.SSLContext(...)), as no class of its MRO but object defines
    # __bool__ or __len__
    python = real_python(version) or older_python(version)
    if python is None:
        pytest.skip(f"python{version} not available (run ../shared/tools/real-pythons)")
    catalog = default_catalog()
    assert catalog.truthy
    probe = ("import importlib, json, sys\n"
             "found = {}\n"
             "for name in json.loads(sys.argv[1]):\n"
             "    module, _, qualname = name.rpartition('.')\n"
             "    cls = getattr(importlib.import_module(module), qualname)\n"
             "    found[name] = [f'{c.__module__}.{c.__qualname__}' for c in cls.__mro__[:-1]\n"
             "                   if '__bool__' in vars(c) or '__len__' in vars(c)]\n"
             "print(json.dumps(found))\n")
    run = subprocess.run([python, "-c", probe, json.dumps(sorted(catalog.truthy))], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-600:]
    assert json.loads(run.stdout) == {name: [] for name in catalog.truthy}
