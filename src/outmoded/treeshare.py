"""The project's tree read once for a cold run's second pass, on the core its gap leaves idle.

Between a cold run's two passes the parent works alone (the text index, the project's needles,
the chains: ``runner``), and the other core idles.  The second pass's whole-tree questions
(``projectfiles.sources``: the bytes of every Python file under the project's top, joined;
``unreached``'s words of the top-level imports there) were answered by each worker for itself:
~35 ms of each worker's CPU on Twisted 18.9, the same answer twice.  A helper forked with the
first pass's workers (``prepare``) is told the top when that pass ends (``begin``), if what the
pass let through says the second pass will ask (``will_ask``); it answers them on the idle core
and leaves the answers in memory shared with the processes forked after it (an anonymous
shared ``mmap``: the joined bytes, and the rest pickled), where a worker asking
about that top takes them (``answer``).  It is stopped when the workers start (``step_aside``)
and let go on by the first one asking: a run asking nothing spends nothing more on it.  The
helper reads files, never runs anything it reads; the run ends it (``stop``).  The questions that
are cheap to answer (the project's requirements, what pytest ignores) are answered in the parent
instead, while it waits on the first pass (``answer_here``): the second pass's workers inherit them.
"""

from __future__ import annotations

import os

HEADER = 8  # bytes of the pickled answers' length, written last: 0 until they are all there
ROOM = 16 << 20  # for the pickled answers: paths, offsets, words, what each answer read
WAIT = 30  # seconds a worker waits for the helper at most before answering for itself
SHARED = None  # the helper of this run (``Helper``), inherited by the workers forked after it


class Helper:
    """A helper process: its pid (in the process that forked it), the shared memory, a pipe it
    holds open until it is done (its end of file says so), the pipe ``begin`` gives it the top
    to answer for by, and that top once given."""

    __slots__ = ("answers", "begun", "done", "memory", "pid", "root", "text")

    def __init__(self, memory, text, done: int, begun: int, pid: int):
        self.memory, self.text, self.done, self.begun, self.pid = memory, text, done, begun, pid
        self.root = None
        self.answers = None  # {question: (value, reads)} once read from the shared memory; {}: none


def prepare() -> None:
    """Fork the helper, waiting for ``begin``: with the first pass's workers, when the parent is
    small, so that its pages the parent writes afterwards are copied once for all of them (a
    helper forked in the gap made the parent copy every page it wrote there: ~7 ms of Twisted
    18.9's gap)."""
    global SHARED
    stop()
    if not hasattr(os, "fork"):
        return
    import mmap

    from outmoded.projectfiles import MAX_TREE_BYTES

    try:  # shared, anonymous: pages are made as written
        memory, text = mmap.mmap(-1, HEADER + ROOM), mmap.mmap(-1, MAX_TREE_BYTES)
    except (OSError, ValueError, OverflowError):
        return
    done, finished = os.pipe()
    told, begun = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the helper (coverage does not follow forks)
        try:
            os.close(done)
            os.close(begun)
            from outmoded import timeline

            timeline.mark("helper")
            root = _told(told)
            timeline.mark("helper told")
            if root is not None:
                _answer(root, memory, text)
                timeline.mark("helper done")
        finally:
            os._exit(0)  # closes ``finished``: the workers see its end of file
    os.close(finished)
    os.close(told)
    SHARED = Helper(memory, text, done, begun, pid)


def begin(root: str) -> None:
    """Let the helper answer the whole-tree questions about ``root`` (the top the second pass's
    files ask about)."""
    helper = SHARED
    if helper is not None and helper.root is None:
        data = os.fsencode(root)
        try:
            os.write(helper.begun, len(data).to_bytes(4, "little") + data)  # a few bytes: never blocks
        except OSError:
            return
        helper.root = root


def will_ask(passed: dict, index) -> bool:
    """Will the second pass ask the whole-tree questions, so that ``begin`` pays?  They are asked
    at a finding (``unreached``, ``uncalled``...), and the first pass tells only which of the
    catalog's words each file it lets through holds (``passed``: path -> ``prefilter.Passed``).
    One of them naming a removed module and nothing else in the catalog (``cPickle``, ``imp``; not
    ``HTMLParser``, also ``html.parser``'s class, nor ``new``, also ``hmac.new``) is a finding
    nearly wherever it holds: then yes.  Django 5.2.8's 18 files hold names of methods and calls
    only (``has_key``, ``random.sample``, ``hmac.new``), none a finding: the helper read its tree
    for nothing (~45 ms of CPU).  A run that asks all the same answers in each worker, as before
    the helper."""
    modules = [word for word in map(bytes.decode, frozenset().union(*passed.values())) if word in index.modules]
    if not modules:
        return False
    # every other name of the catalog, a line each, where a module's name used after a dot is found
    names = "\n".join([*index.names, *index.arguments, *index.behaviour_calls,
                       *(f"{m.cls}.{method}" for method, classes in index.methods.items() for m in classes)]) + "\n"
    return any(f".{module}." not in names and f".{module}\n" not in names for module in modules)


def answer_here(path: str, target: tuple[int, int]) -> None:
    """Answer in this process, while it waits on the first pass's workers, the questions about
    the project a finding in ``path`` (a file the first pass let through, ``will_ask`` holding for
    it) asks that are cheap to answer: what its pytest configuration ignores
    (``reach.file_context``, at a file's first finding), what it installs and what its tests do
    (``testenv.tests_install``, at a finding a backport provides).  Memoized for the run
    (``projectfiles.memo``), they are inherited by the second pass's workers, forked after it,
    where each answered them for itself: 19M instructions each on Twisted 18.9 (configparser for
    its setup.cfg and tox.ini, the syntax tree of its setup.py)."""
    from outmoded.projectfiles import project_root
    from outmoded.reach import pytest_ignores
    from outmoded.testenv import install_requirements, test_requirements

    top = project_root(os.path.dirname(os.path.abspath(path)))
    if top is not None:
        pytest_ignores(top)
        install_requirements(top, target, None)  # as tests_install asks: the memo's key
        test_requirements(top, target, None)


def _told(told: int) -> str | None:  # pragma: no cover - runs in the helper
    """The top ``begin`` gives, or None at the pipe's end (the run asked for none)."""
    chunks, size = b"", None
    while size is None or len(chunks) < 4 + size:
        chunk = os.read(told, 4096)
        if not chunk:
            return None
        chunks += chunk
        if size is None and len(chunks) >= 4:
            size = int.from_bytes(chunks[:4], "little")
    return os.fsdecode(chunks[4:4 + size])


def _answer(root: str, memory, text) -> None:  # pragma: no cover - runs in the helper
    """Compute the answers as a worker would (memoized: ``reads.once``), and write them."""
    from outmoded import reads
    from outmoded.forkpool import dumps  # the C pickler: not pickle.py (``forkpool``)
    from outmoded.projectfiles import sources, top_level_imports

    with reads.recording() as read_tree:
        tree = sources(root)
    with reads.recording() as read_words:
        words = top_level_imports(root)
    size = len(tree.text) if tree is not None else 0
    header = dumps({"sources": ((tree.paths, tree.starts, size) if tree is not None else None, read_tree),
                    "words": (words, read_words)}, -1)  # pickle's highest protocol
    if len(header) > ROOM:
        return
    if tree is not None:
        text[:size] = tree.text
    memory[HEADER:HEADER + len(header)] = header
    memory[:HEADER] = len(header).to_bytes(HEADER, "little")  # last: the answers are complete


def step_aside() -> None:
    """The workers start: the helper, if still at work, is stopped (``SIGSTOP``) so that it takes
    nothing from them (until then it had a core of its own); the first worker asking for its
    answers lets it go on (``answer``), a run asking none never spends more on it."""
    helper = SHARED
    if helper is not None and helper.root is not None:
        import signal

        try:
            os.kill(helper.pid, signal.SIGSTOP)
        except (OSError, AttributeError):
            pass


def answer(question: str, root: str):
    """(value, what computing it read) of ``question`` ("sources": the ``projectfiles.Tree``, or
    None when the tree is too large; "words": ``projectfiles.top_level_imports``') about ``root``,
    as the helper found it (waiting for it to be done); None when there is no helper for
    ``root``, or it failed."""
    helper = SHARED
    if helper is None or helper.root != root:
        return None
    if helper.answers is None:
        helper.answers = _read(helper.memory) if _finished(helper) else {}
    found = helper.answers.get(question)
    if found is not None and question == "sources" and isinstance(found[0], tuple):
        from outmoded.projectfiles import Tree

        paths, starts, size = found[0]
        # searched where the helper left it: a copy would cost each worker half of reading the files
        found = helper.answers[question] = (Tree(paths, starts, helper.text, size), found[1])
    return found


def _finished(helper: Helper) -> bool:
    """Wait for the helper to be done, letting it go on (``step_aside`` stopped it): it has done
    part of the work already, and this worker's core is its while the worker waits."""
    import select
    import signal

    for _ in range(WAIT):
        if select.select([helper.done], [], [], 0)[0]:
            return True
        try:
            os.kill(helper.pid, signal.SIGCONT)
        except (OSError, AttributeError):
            return False
        if select.select([helper.done], [], [], 1)[0]:
            return True
    return False


def _read(memory) -> dict:
    from outmoded.forkpool import loads  # a worker's: imported already

    length = int.from_bytes(memory[:HEADER], "little")
    if not length or length > ROOM:
        return {}  # the helper stopped before it was done (killed, out of memory)
    try:
        return loads(memory[HEADER:HEADER + length])
    except Exception:  # noqa: BLE001 - half-written: answered here instead
        return {}


def stop() -> None:
    """End the run's helper, done or not, and wait for it (in the process that forked it)."""
    global SHARED
    helper, SHARED = SHARED, None
    if helper is None:
        return
    import signal

    try:
        os.kill(helper.pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.waitpid(helper.pid, 0)
    except ChildProcessError:
        pass
    os.close(helper.done)
    os.close(helper.begun)
    for shared in (helper.memory, helper.text):
        try:
            shared.close()
        except BufferError:  # a tree answered here is still viewed: unmapped with it
            pass
