"""Ask a real interpreter which catalog names exist on it.

Runs standalone on any CPython 3.x (no third-party imports), so the catalog tests can run it under
real 3.13/3.14/3.15 interpreters:  ``python3.13 probe.py < names.json``.  Input: a JSON list of
``[code, kind, name, argument]``; output: a JSON object ``{code + ":" + name: "present" | "absent"
| "unknown"}``.  ``unknown`` means the question cannot be answered by import and getattr alone
(an argument whose signature is not introspectable).

An argument is present when a call can pass it by keyword: a positional-only parameter of that name
(``float(x=0, /)`` from 3.7, ``os.path.basename(p, /)`` from 3.15) is absent.  A builtin whose
signature is not introspectable (``int`` on every 3.x) is called with the keyword alone: a
``TypeError`` that rejects the keyword (``'x' is an invalid keyword argument for int()``) proves it
absent; any other outcome (``int(x=None)``: a value of the wrong type) proves it accepted.
"""

import importlib
import inspect
import json
import re
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


# how CPython 3.x rejects a keyword argument (C argument parsing, Argument Clinic, Python functions)
KEYWORD_REJECTED = re.compile(r"keyword argument|takes no keyword|does not take keyword")


def _called_with_keyword(func, argument):
    """Call a builtin with the keyword alone (and the value None): True if the keyword is accepted."""
    if getattr(func, "__module__", None) != "builtins" or not callable(func):
        return None  # only builtins: calling anything else may do what it does
    try:
        func(**{argument: None})
    except TypeError as error:
        return not KEYWORD_REJECTED.search(str(error))
    except Exception:
        return True
    return True


def _has_argument(func, argument):
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return _called_with_keyword(func, argument)
    if argument in params:
        if params[argument].kind == inspect.Parameter.POSITIONAL_ONLY:
            return None if any(p.kind == p.VAR_KEYWORD for p in params.values()) else False
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
