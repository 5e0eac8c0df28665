"""Forked worker processes fed over pipes: the pool a parallel run's passes go through (``workers``).

``concurrent.futures.ProcessPoolExecutor`` with ``multiprocessing``'s fork context did this, but
importing the two costs ~90 M instructions before a cold run's first fork (with its feeder and
manager threads in the parent besides).  Here the workers are ``os.fork``-ed; a task (a function
of a module and its argument, pickled, its length in front) goes into one pipe all the workers
read from, one at a time (a one-byte token in a second pipe is the lock that keeps a task's bytes
together), so a worker done with a task takes the next without waiting for this process, which
may be busy (``workers.run_then``'s ``took``).  Each worker answers in a pipe of its own; this
process writes tasks without ever blocking and reads answers when it submits or waits, so neither
side can wait on the other for ever.  An exception raised by a task is raised by its ``result()``;
a worker that dies makes the waiting one raise ``BrokenPool``.
"""

from __future__ import annotations

import os
import select

try:  # the C pickler alone: ``pickle`` re-exports its dumps and loads, and importing pickle.py
    # (its Python pickler's classes, its probe for Jython's ``org.python.core``) was 4.2M instructions of a
    # parallel run's serial start-up
    from _pickle import dumps, loads
except ImportError:  # pragma: no cover - an interpreter without it (pickle.py's own fallback)
    from pickle import dumps, loads

from outmoded import timeline

_HEADER = 8  # bytes of a message's length, little-endian
_PROTOCOL = -1  # pickle's highest protocol
_LOCK_TOKEN = b"."


class BrokenPool(RuntimeError):
    """A worker died before answering."""


class Task:
    """A submitted call: ``result()`` waits for its worker's answer."""

    __slots__ = ("done", "error", "pool", "value")

    def __init__(self, pool: Pool):
        self.pool, self.done, self.value, self.error = pool, False, None, None

    def result(self):
        while not self.done:
            self.pool._pump(block=True)
        if self.error is not None:
            raise self.error
        return self.value


class Pool:
    """``count`` forked workers running the tasks submitted, in the order submitted."""

    def __init__(self, count: int):
        self._tasks: dict = {}  # task number -> Task, until answered
        self._next = 0
        self._outbox = bytearray()  # tasks not yet in the pipe (it was full)
        self._answers: dict = {}  # answer pipe -> worker's pid
        self._closed = False
        tasks_read, self._tasks_write = os.pipe()
        lock_read, lock_write = os.pipe()
        os.write(lock_write, _LOCK_TOKEN)
        for _ in range(count):
            answers_read, answers_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the worker (coverage does not follow forks)
                code = 1
                try:
                    os.close(self._tasks_write)
                    os.close(answers_read)
                    for other in self._answers:
                        os.close(other)
                    _serve(tasks_read, lock_read, lock_write, answers_write)
                    code = 0
                finally:
                    os._exit(code)
            os.close(answers_write)
            self._answers[answers_read] = pid
        for fd in (tasks_read, lock_read, lock_write):
            os.close(fd)
        os.set_blocking(self._tasks_write, False)

    def submit(self, function, argument) -> Task:
        """Run ``function(argument)`` in a worker (``function`` of a module: pickled by name)."""
        task = Task(self)
        self._tasks[self._next] = task
        body = dumps((self._next, function, argument), _PROTOCOL)
        self._next += 1
        self._outbox += len(body).to_bytes(_HEADER, "little") + body
        self._pump(block=False)
        return task

    def map(self, function, arguments: list, chunksize: int = 1):
        """``function`` over ``arguments``, in chunks of ``chunksize`` a task: the results in order."""
        tasks = [self.submit(_each, (function, arguments[start:start + chunksize]))
                 for start in range(0, len(arguments), chunksize)]
        return (result for task in tasks for result in task.result())

    def wait(self) -> None:
        """Until at least one more answer is in."""
        self._pump(block=True)

    def shutdown(self, cancel_futures: bool = False) -> None:
        """No more tasks: the workers stop once the pipe is empty (at once with ``cancel_futures``
        or when a worker died) and are waited for."""
        if self._closed:
            return
        self._closed = True
        if cancel_futures or any(not task.done for task in self._tasks.values()):
            self._kill()
        try:
            os.close(self._tasks_write)  # the workers read the end of the tasks, and stop
        finally:
            for fd, pid in list(self._answers.items()):
                os.close(fd)
                _reap(pid)
            self._answers.clear()

    def _kill(self) -> None:
        import signal

        for pid in self._answers.values():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def _pump(self, block: bool) -> None:
        """Write what the tasks pipe takes, read the answers there are; with ``block``, wait
        until at least one answer is read."""
        while True:
            writing = [self._tasks_write] if self._outbox else []
            if block and not self._answers:
                raise BrokenPool("no worker left to answer")
            ready, writable, _ = select.select(list(self._answers), writing, [], None if block else 0)
            if writable:
                try:
                    written = os.write(self._tasks_write, self._outbox)
                except BlockingIOError:
                    written = 0
                del self._outbox[:written]
            for fd in ready:
                self._receive(fd)
            if ready or not block:
                return

    def _receive(self, fd: int) -> None:
        header = _read(fd, _HEADER)
        if header is None:
            pid = self._answers.pop(fd)
            os.close(fd)
            _reap(pid)
            if any(not task.done for task in self._tasks.values()):
                self._kill()
                raise BrokenPool("a worker process died before answering (out of memory?)")
            return
        body = _read(fd, int.from_bytes(header, "little"))
        if body is None:
            raise BrokenPool("a worker process died while answering")
        number, ok, value = loads(body)
        task = self._tasks.pop(number)
        task.done = True
        if ok:
            task.value = value
        else:
            task.error = value


def _each(job: tuple) -> list:
    function, arguments = job
    return [function(argument) for argument in arguments]


def _serve(tasks: int, lock_read: int, lock_write: int, answers: int) -> None:  # pragma: no cover
    """A worker's loop: take a task (holding the lock while reading its bytes), answer it; stop
    at the end of the tasks pipe."""
    timeline.mark("worker")
    while True:
        os.read(lock_read, 1)
        try:
            header = _read(tasks, _HEADER)
            body = _read(tasks, int.from_bytes(header, "little")) if header is not None else None
        finally:
            os.write(lock_write, _LOCK_TOKEN)  # the next worker reads the next task (or the end)
        if body is None:
            timeline.mark("end")
            return
        number, function, argument = loads(body)
        if timeline.DIRECTORY is not None:
            timeline.mark(f"task {getattr(function, '__name__', '?')}")
        try:
            answer = (number, True, function(argument))
        except Exception as exc:  # raised again by the task's result() in the parent
            answer = (number, False, exc)
        try:
            data = dumps(answer, _PROTOCOL)
        except Exception as exc:  # an answer that does not pickle
            data = dumps((number, False, RuntimeError(f"a worker's answer did not pickle: {exc!r}")), _PROTOCOL)
        timeline.mark("done")
        view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
        while view:
            view = view[os.write(answers, view):]


def _read(fd: int, size: int) -> bytes | None:
    """``size`` bytes from a blocking pipe, or None at its end."""
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
