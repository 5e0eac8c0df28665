"""Syntax no Python 3.7+ parses is reported as the file's error, even in a file that names nothing
of the catalog, and even where it sits in a function body the sieve would leave out."""

import subprocess

import pytest

from realpythons import older_python, real_python

# each of these fails at import on the target; none names anything of the catalog
BROKEN = {
    "py2_raise.py": "def check(x):\n    if x:\n        raise ValueError, 'bad %r' % x\n",  # no print: a library module
    "py2_print.py": "import os\n\n\ndef main():\n    print 'hello', os.getcwd()\n",
    "py2_exec.py": "def run(code):\n    exec code in {}\n",
    "async_attr.py": "import asyncio\n\n\ndef start(c):\n    return asyncio.async(c)\n",  # pysnmp 4.3
    "async_keyword.py": "def send(conn):\n    conn.write(b'x', async=True)\n",
    "async_def.py": "def async(f):\n    return f\n",
    # kazoo 2.4.0's recipe/watchers.py, recipe/partitioner.py: async as a parameter and as a name
    # read (SyntaxError on the real 3.13); a module naming nothing of the catalog was cleared unparsed
    "async_parameter.py": "def _children_watcher(self, async, event):\n    if async:\n        return event\n",
    "async_argument.py": "def watch(f, flag):\n    return f(flag, async)\n",
    "async_tuple.py": "flags = 1\nasync = (1, 2)\n",  # an assignment of a bracketed value
    # celery 3.1.26's celery/worker/components.py & co. import kombu 3.0's kombu/async/ (SyntaxError
    # on the real 3.13); gunicorn 19.9's examples: from gunicorn.workers.async import ...
    "async_module.py": "from kombu.async import Hub as _Hub, get_event_loop\n",
    "async_relative.py": "from .async import hub\n",
    "async_import.py": "import kombu.async.timer\n",
    # amqp 1.4.9's and billiard 3.3.0.23's docs/conf.py (Sphinx 1): no Python 3 parses a ur'' string
    "py2_ur.py": "latex_documents = [\n  ('index', 'x.tex', ur'X Documentation', 'manual'),\n]\n",
    "py2_ur_upper.py": "PATTERN = (\n    UR\"\\d+\"\n)\n",
    # a statement after strings and comments holding quotes and the statement itself: still one
    "py2_print_after_strings.py": "'''Docs.\n\nprint x\n'''\ns = \"it's \\\"quoted\\\" ''' no docstring\"\n"
                                  "# a comment's ''' quote\nprint 'x'\n",
    "py2_raise_after_strings.py": 'def f():\n    """\n    raise E, V\n    """\n    r"\\"" ; u\'\\\\\'\n'
                                  "    raise ValueError, 'x'\n",
    # an f-string nesting its quotes (3.12): where it ends is not vouched for, nor anything after
    "py2_raise_after_fstring.py": 'd = {}\ns = f"{d["\'\'\'"]}"\nraise ValueError, s\n# \'\'\'\n',
    # a string left open runs to the end: what follows fails to parse whatever it is
    "py2_print_after_unterminated.py": "s = 1\n'''\nprint x\n",
}
# Python 3 code that looks like it in a line's text: must stay silent
FINE = {
    "modern_async.py": "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n    return await (asyncio.sleep(0))\n",
    "modern_print.py": 'def main():\n    """Print the result.\n\n    print the value, exec it\n    """\n'
                       "    print ('x')\n    print('y', end='')\n    print >> 2\n    exec('1')\n",
    "modern_except.py": "try:\n    pass\nexcept (ValueError, TypeError):\n    raise\n",
    "modern_words.py": "# with async=True the old API ran this; asyncio.async( was renamed\nx = 'print x'\n",
    "modern_dotted.py": "import pytest\n\n\n@pytest.mark.asyncio\nasync def test_x(self):\n    self.async_ok = 1\n"
                        "    await self.await_all()\n    return 'see kombu.async'\n",
    "modern_ur.py": "x = 'your' + \"flavour\"\nd = {'hour': 1, \"four\": 2}\nur = r'raw' + rb'x'.decode()\nprint(ur, 'ur')\n",
    "modern_ur_key.py": 'LANGUAGES = [("uk", "Ukrainian"), ("ur", "Urdu")]\nur = {\'ur\': 1}\n',  # Django's
    "modern_raise.py": "exceptions, raised = [], 0\n\n\ndef f():\n    raise(ValueError)\n"
                       '    """\n    except X, e: was the old spelling\n    """\n',
}
# Python 2's except X, e: parses from 3.14 (PEP 758: except A, B: catches either) and fails before
EXCEPT_COMMA = {
    "py2_except.py": "try:\n    import json\nexcept ImportError, e:\n    json = None\n",
    "py2_except_tuple.py": "def load(f):\n    try:\n        return f()\n    except (IOError, OSError), e:\n        return e\n",
}


def _errors(project, *args):
    doc = project.check_json(*args)
    return {e["path"]: e["message"] for e in doc["errors"]}, doc["findings"]


def test_old_syntax_is_the_files_error_and_python3_code_is_silent(project):
    for name, text in {**BROKEN, **FINE}.items():
        project.write(name, text)
    errors, findings = _errors(project, "--jobs", "1")
    assert set(errors) == set(BROKEN) and not findings
    assert "a Python 2 print statement, which Python 3.0 and later cannot parse" in errors["py2_print.py"]
    assert "exec statement" in errors["py2_exec.py"]
    assert "async or await used as a name, which Python 3.7 and later cannot parse" in errors["async_attr.py"]
    assert "async or await used as a name, which Python 3.7 and later cannot parse" in errors["async_module.py"]
    assert "(line 1): async or await used as a name" in errors["async_parameter.py"]
    assert "(line 2): async or await used as a name" in errors["async_argument.py"]
    assert "(line 2): Python 2's ur'...' string, which Python 3.0 and later cannot parse" in errors["py2_ur.py"]
    assert "(line 2): Python 2's ur'...' string" in errors["py2_ur_upper.py"]
    from outmoded.oldsyntax import ur_string  # Django's ("ur", "Urdu"): parsed for nothing if it were taken

    assert not any(ur_string(FINE[name].encode()) for name in ("modern_ur.py", "modern_ur_key.py"))
    code, out, _ = project.run("check", "--no-cache", "--target-version", "3.13", "async_attr.py")
    assert code == 1 and "async_attr.py" in out


def test_old_syntax_found_by_a_parallel_run_and_in_bodies_the_sieve_leaves_out(project):
    # enough files for the two-pass parallel run; the project's class defines a method named like
    # a removed one, so files naming it wait for the project's needles (pysnmp's dgram/base.py)
    project.write("base.py", "class Transport(object):\n    def assertEquals(self, a, b):\n        pass\n")
    for number in range(70):
        project.write(f"pkg/mod{number}.py", f"x = {number}\n")
    project.write("pkg/named.py", "import asyncio\n\n\ndef f(t):\n    t.assertEquals(1, 1)\n    return asyncio.async(t)\n")
    # a catalog word elsewhere in the file: the sieve parses it without the body holding the syntax
    project.write("pkg/sifted.py", "import imp\n\n\ndef later(loop, c):\n    " + "y = 1\n    " * 40
                  + "return loop.async(c)\n\n\ndef other():\n    return imp\n")
    for name, text in BROKEN.items():
        project.write(f"pkg/{name}", text)
    errors, findings = _errors(project, "--jobs", "2")
    assert set(errors) == {"pkg/named.py", "pkg/sifted.py"} | {f"pkg/{name}" for name in BROKEN}
    assert "(line 6): async or await used as a name" in errors["pkg/named.py"]
    assert "(line 45): async or await used as a name" in errors["pkg/sifted.py"]


# async or await as a name first, then a line that fails also where they are names: the reason
# tells both, and a file no Python parses is said to be one (ruff 0.17.5's invalid test input
# crates/ruff_python_parser/resources/inline/err/comprehension_missing_for_after_async.py)
KEYWORD_NAME_AND_MORE = {
    "nowhere.py": "(async)\n(x async x in iter)\n",
    "async_then_print.py": "def f(loop, c):\n    return loop.async(c)\nprint 'done'\n",
    # what 3.6 parsed: names and keywords side by side, the keyword kept where it stands
    "async_only.py": "async def f():\n    x = [a async for a in b]\n    return await (x)\n\n\n"
                     "def g(async=1):\n    if async:\n        return f.async(await)\n",
}


def test_async_as_a_name_is_said_only_where_it_is_all_that_fails(project):
    for name, text in KEYWORD_NAME_AND_MORE.items():
        project.write(name, text)
    errors, _ = _errors(project, "--jobs", "1")
    # the parser's words for line 2 are the running Python's own
    assert "(line 1): async or await used as a name, and line 2 fails (invalid syntax" in errors["nowhere.py"]
    assert "no Python parses it" in errors["nowhere.py"] and "which Python 3.7 and later" not in errors["nowhere.py"]
    assert errors["async_then_print.py"].endswith(
        "(line 2): async or await used as a name, which Python 3.7 and later cannot parse; and line 3 holds "
        "a Python 2 print statement, which Python 3.0 and later cannot parse")
    assert errors["async_only.py"].endswith(
        "(line 6): async or await used as a name, which Python 3.7 and later cannot parse")


def test_what_the_reasons_say_of_python_3_6_is_true():
    python = older_python("3.6")
    if python is None:
        pytest.skip("no pyenv 3.6 here")
    for name, text in KEYWORD_NAME_AND_MORE.items():
        run = subprocess.run([python, "-c", "import sys; compile(sys.stdin.read(), 'x', 'exec')"], input=text,
                             capture_output=True, text=True)
        assert (run.returncode == 0) == (name == "async_only.py"), (name, run.stderr)
        if name == "nowhere.py":
            assert 'line 2' in run.stderr


@pytest.mark.parametrize("version", ["3.13", "3.15"])
def test_the_reported_files_fail_on_the_real_interpreter_and_the_silent_ones_compile(tmp_path, version):
    python = real_python(version)
    if python is None:
        pytest.skip(f"no real python{version} here")
    for name, text in {**BROKEN, **FINE}.items():
        path = tmp_path / name
        path.write_text(text)
        run = subprocess.run([python, "-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                              str(path)], capture_output=True, text=True)
        assert (run.returncode != 0 and "SyntaxError" in run.stderr) == (name in BROKEN), (name, run.stderr)


def test_a_statement_written_in_a_string_or_comment_is_no_hit():
    # Twisted 18.9's amp.py prints in its docstring, failure.py holds raise E, V in a string it
    # runs, mockdoctest.py in a doctest: each was parsed in the first pass for nothing
    from outmoded.oldsyntax import comma_form, may_fail, ur_string

    assert not may_fail(FINE["modern_print.py"]) and not may_fail(FINE["modern_words.py"])
    assert not comma_form(FINE["modern_raise.py"].encode(), (3, 13))
    assert not comma_form(b'exec("""\ndef f():\n    raise self.type, self.value, self.tb""")\n', (3, 13))
    assert not ur_string(b"# ur'x' was Python 2's\n")
    assert may_fail(BROKEN["py2_print_after_strings.py"]) and may_fail(BROKEN["py2_print_after_unterminated.py"])
    assert comma_form(BROKEN["py2_raise_after_strings.py"].encode(), (3, 13))
    assert comma_form(BROKEN["py2_raise_after_fstring.py"].encode(), (3, 13))


@pytest.mark.parametrize("target", ["3.13", "3.14"])
def test_python2_except_and_raise_in_a_file_naming_nothing_else(project, target):
    """A Python 2 library module need not print: its only Python 2 syntax may be except X, e: or
    raise E, V, in a file the prefilter clears.  It failed to import on the target and was passed."""
    for name, text in {**EXCEPT_COMMA, "py2_raise.py": BROKEN["py2_raise.py"], **FINE}.items():
        project.write(name, text)
    doc = project.check_json("--jobs", "1", target=target)
    errors, findings = {e["path"]: e["message"] for e in doc["errors"]}, doc["findings"]
    expected = {"py2_raise.py"} | (set(EXCEPT_COMMA) if target == "3.13" else set())
    assert set(errors) == expected and not findings
    assert "(line 3): Python 2's raise E, V, which Python 3.0" in errors["py2_raise.py"]
    if target == "3.13":
        assert "(line 4): Python 2's except X, e:, which Python 3.0" in errors["py2_except_tuple.py"]
    # a project that says it needs Python 3 fails on such a file wherever it runs: not searched
    project.write("pyproject.toml", '[project]\nname = "p"\nrequires-python = ">=3.8"\n')
    assert not project.check_json("--jobs", "1", target=target)["errors"]


def test_a_python2_octal_literal_is_named_in_the_error(project):
    # multiprocess 0.70.19's pypy3.10/module/_multiprocess/interp_semaphore.py (RPython, Python 2):
    # sem_open(name, os.O_CREAT | os.O_EXCL, 0600, val); not newer syntax the running Python lacks
    project.write("sem.py", "import os, imp\ndef create(name, val):\n    return os.open(name, os.O_CREAT, 0600)\n")
    project.write("ok.py", "import imp\nx = 00\ny = 0o600\n")
    doc = project.check_json("--jobs", "1")
    assert [f["path"] for f in doc["findings"]] == ["ok.py"]
    errors = {e["path"]: e["message"] for e in doc["errors"]}
    assert errors == {"sem.py": "cannot parse: leading zeros in decimal integer literals are not permitted; use an 0o "
                                "prefix for octal integers (line 3): Python 2's octal literal (0600), which Python "
                                "3.0 and later cannot parse (0o600)"}


@pytest.mark.parametrize("version", ["3.13", "3.14"])
def test_except_comma_fails_on_the_real_interpreter_before_3_14_only(tmp_path, version):
    python = real_python(version)
    if python is None:
        pytest.skip(f"no real python{version} here")
    for name, text in EXCEPT_COMMA.items():
        path = tmp_path / name
        path.write_text(text)
        run = subprocess.run([python, "-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                              str(path)], capture_output=True, text=True)
        assert (run.returncode != 0 and "SyntaxError" in run.stderr) == (version == "3.13"), (name, run.stderr)


def test_a_python2_long_literal_and_tab_indentation_are_named_in_the_error(project):
    # pycrypto 2.6.1's Crypto/Random/random.py: mask = (1L << k) - 1; test_RSA.py: e = 0x11L; boto
    # 2.49.0's tests/mturk/cleanup_tests.py indents with tabs after spaces: not newer syntax
    project.write("rand.py", "import imp\nmask = (1L << 3) - 1\n")
    project.write("rsa.py", "import imp\ne = 0x11L    # public exponent\n")
    project.write("tabs.py", "import imp\nif 1:\n        x = 1\n\ty = 2\n")
    project.write("other.py", "import imp\nx = 10abc\n")  # no long literal: maybe newer syntax
    errors = {e["path"]: e["message"] for e in project.check_json("--jobs", "1")["errors"]}
    long = "Python 2's long integer literal (10L), which Python 3.0 and later cannot parse (10)"
    assert errors["rand.py"] == f"cannot parse: invalid decimal literal (line 2): {long}"
    assert errors["rsa.py"] == f"cannot parse: invalid hexadecimal literal (line 2): {long}"
    assert errors["tabs.py"].startswith("cannot parse: inconsistent use of tabs and spaces in indentation (line 4): "
                                        "indentation mixing tabs and spaces, which Python 2 read")
    assert "outmoded runs on Python" in errors["other.py"]
