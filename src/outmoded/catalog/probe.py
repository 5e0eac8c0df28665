"""Ask a real interpreter which catalog names exist on it.

Runs standalone on any CPython 3.x (no third-party imports), so the catalog tests can run it under
real 3.13/3.14/3.15 interpreters:  ``python3.13 probe.py < names.json``.  Input: a JSON list of
``[code, kind, name, argument]``; output: a JSON object ``{code + ":" + name: "present" | "absent"
| "unknown"}``.  ``unknown`` means the question cannot be answered by import and getattr alone
(an argument whose signature is not introspectable).
"""

import importlib
import inspect
import json
import sys
import warnings


def _resolve(name):
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        except Exception:  # a module that fails to import for another reason is not usable either
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(name)


def _has_argument(func, argument):
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return None
    if argument in params:
        return True
    if any(p.kind == p.VAR_KEYWORD for p in params.values()):
        return None
    return False


def probe(kind, name, argument):
    try:
        if kind == "module":
            importlib.import_module(name)
            return "present"
        obj = _resolve(name)
    except (ImportError, AttributeError):
        return "absent"
    except Exception:
        return "absent"
    if kind != "argument":
        return "present"
    found = _has_argument(obj, argument)
    return "unknown" if found is None else ("present" if found else "absent")


def main():
    warnings.simplefilter("ignore")
    result = {}
    for code, kind, name, argument in json.load(sys.stdin):
        result[code + ":" + name] = probe(kind, name, argument)
    json.dump(result, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
