"""``with await lock:`` / ``with (yield from lock):`` on asyncio's locks: a TypeError from 3.9."""

E = "error"
FILLER = "\n".join(f"    def m{i}(self):\n        return {i} * 2\n" for i in range(40))


def test_a_condition_bound_in_init_and_yielded_from_in_methods(project):
    """aiopg 0.15.0's pool.py: ``self._cond = asyncio.Condition(loop=loop)`` in ``__init__``, then
    ``with (yield from self._cond):`` in methods that name no lock (the sieve leaves most bodies out)
    and ``with (yield from pool._cond):`` in ``_create_pool``; not on the class, not under a guard."""
    source = f"""\
import asyncio
import sys


class Pool(asyncio.AbstractServer):
    def __init__(self, loop):
        self._cond = asyncio.Condition(loop=loop)
        self._free = []
        self._lock = None

{FILLER}
    @asyncio.coroutine
    def clear(self):
        with (yield from self._cond):
            while self._free:
                self._free.pop()

    async def release(self, conn):
        with await self._cond:
            self._cond.notify()

    async def modern(self):
        async with self._cond:
            self._cond.notify()

    async def unknown(self):
        with await self._lock:
            pass

    @classmethod
    async def on_the_class(cls):
        with await cls._cond:
            pass


@asyncio.coroutine
def _create_pool(loop):
    pool = Pool(loop)
    with (yield from pool._cond):
        yield from pool._fill_free_pool(False)
    return pool


async def guarded(pool):
    if sys.version_info < (3, 9):
        with await pool._cond:
            pass
"""
    lines = source.splitlines()
    at = [lines.index("        with (yield from self._cond):") + 1, lines.index("        with await self._cond:") + 1,
          lines.index("    with (yield from pool._cond):") + 1]
    assert project.findings(source, target="3.9") == [
        (at[0], "with yield from <asyncio.Condition>", E), (at[1], "with await <asyncio.Condition>", E),
        (at[2], "with yield from <asyncio.Condition>", E)]
    assert project.findings(source, target="3.8", name="old.py") == []


def test_a_name_bound_to_a_lock_or_semaphore(project):
    assert project.findings("""\
        import asyncio
        from asyncio import locks

        lock = asyncio.Lock()


        async def main(pool):
            with await lock:
                pass
            sem = locks.BoundedSemaphore(2)
            with (await sem):
                pass
            with await pool as conn:  # an aioredis 1.x pool: its own __await__
                pass
            async with lock:
                pass
        """, target="3.13") == [(8, "with await <asyncio.Lock>", E), (11, "with await <asyncio.locks.BoundedSemaphore>", E)]


def test_an_attribute_bound_to_anything_else_tells_nothing(project):
    assert project.findings("""\
        import asyncio


        class Client:
            def __init__(self):
                self._lock = asyncio.Lock()

            def reset(self, lock):
                self._lock = lock

            async def send(self):
                with await self._lock:
                    pass


        class Helper:
            def __init__(self):
                self._lock = asyncio.Lock()

            @staticmethod
            async def other(self):
                with await self._lock:
                    pass
        """, target="3.13") == []
