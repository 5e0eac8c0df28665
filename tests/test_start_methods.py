"""3.14's default start method on Linux (forkserver): a callable handed to a child process must pickle.

Each shape reported here exits 0 on the real 3.13 and fails on the real 3.14 (PicklingError "Can't
pickle local object", or the child's AttributeError for a main block's function); each shape left
alone runs on both, or fails on both, or chooses its start method.
"""

E = "error"


def test_local_callables_handed_to_a_new_process(project):
    """redis 3.5.3's tests/test_multiprocessing.py (a ``def target(conn)`` in the test, then
    ``multiprocessing.Process(target=target, args=(conn,))``), rpyc 4.0.2's utils/factory.py
    (``Process(target=server)`` of a nested ``def server()``), a lambda, a partial of a nested
    function, a pool's and an executor's initializer, and a script's main-block function."""
    source = """\
        import functools
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import Process

        def test_close_connection_in_child(conn):
            def target(conn):
                conn.send_command("ping")
            proc = multiprocessing.Process(target=target, args=(conn,))
            proc.start()
            Process(target=lambda: conn.close()).start()
            Process(None, functools.partial(target, conn)).start()

        def pools():
            def init():
                pass
            with multiprocessing.Pool(2, initializer=init) as pool:
                pool.map(abs, [1])
            with ProcessPoolExecutor(2, initializer=init) as ex:
                ex.submit(abs, 1)

        if __name__ == "__main__":
            def job():
                pass
            multiprocessing.Process(target=job).start()
        """
    assert project.findings(source, target="3.14") == [
        (9, "multiprocessing.Process(target=<local-callable>)", E),
        (11, "multiprocessing.Process(target=<local-callable>)", E),
        (12, "multiprocessing.Process(target=<local-callable>)", E),
        (17, "multiprocessing.Pool(initializer=<local-callable>)", E),
        (19, "concurrent.futures.ProcessPoolExecutor(initializer=<local-callable>)", E),
        (25, "multiprocessing.Process(target=<local-callable>)", E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_picklable_callables_and_chosen_contexts_are_not_reported(project):
    """A module-level function pickles by its name; a context chosen for the call (numba 0.68.1's
    ``mpc = multiprocessing.get_context('fork')`` or ``multiprocessing`` before 3.4, numpy 2.5.5's
    ``ctx = get_context('fork')``, ``mp_context=``) is not the default one; a parameter, a name
    bound twice or a decorated function may be anything."""
    source = """\
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        def work():
            pass

        def ok(target, old):
            def inner():
                pass
            multiprocessing.Process(target=work).start()
            if hasattr(multiprocessing, "get_context"):
                mpc = multiprocessing.get_context("fork")
            else:
                mpc = multiprocessing
            mpc.Process(target=inner).start()
            get_context("fork").Process(target=inner).start()
            ProcessPoolExecutor(2, initializer=inner, mp_context=get_context("fork"))
            multiprocessing.Pool(2, inner, (), None, get_context("fork"))
            multiprocessing.Process(target=target).start()
            def twice():
                pass
            twice = work
            multiprocessing.Process(target=twice).start()
            @staticmethod
            def decorated():
                pass
            multiprocessing.Process(target=decorated).start()
        """
    assert project.findings(source, target="3.14") == []


def test_a_start_method_chosen_anywhere_in_the_project(project):
    """``set_start_method`` is process-wide: a project that calls it (here in its command's
    module) has chosen how its processes start."""
    project.write("pyproject.toml", "[project]\nname = 'p'\n")
    project.write("p/cli.py", "import multiprocessing\n\ndef main():\n    multiprocessing.set_start_method('fork')\n")
    source = """\
        import multiprocessing

        def run():
            def work():
                pass
            multiprocessing.Process(target=work).start()
        """
    assert project.findings(source, target="3.14", name="p/jobs.py") == []


def test_a_main_block_function_handed_to_a_pool_of_the_default_context(project):
    """uvloop 0.19.0's examples/bench/echoclient.py: ``def run_test(n)`` in the main block, then
    ``with concurrent.futures.ProcessPoolExecutor(max_workers=N) as e: e.submit(run_test,
    NMESSAGES)``.  On the real 3.13 it sends its messages; on the real 3.14 each worker dies with
    AttributeError: module '__mp_main__' has no attribute 'run_test', and the script prints a
    rate for messages never sent (uvloop 0.23.0 calls ``set_start_method("fork")`` first).  A
    ``multiprocessing.Pool``'s task is lost the same way and ``map`` waits for ever; a
    ``get_context()`` naming no method is the default context."""
    source = """\
        import concurrent.futures
        import functools
        import multiprocessing

        def main():
            def work():
                pass
            ctx = multiprocessing.get_context()
            ctx.Process(target=work).start()
            multiprocessing.get_context(None).Process(target=lambda: None).start()

        if __name__ == '__main__':
            def run_test(n):
                pass
            with concurrent.futures.ProcessPoolExecutor(max_workers=3) as e:
                e.submit(run_test, 100)
            pool = multiprocessing.Pool(4)
            pool.map(functools.partial(run_test), [1, 2])
            with multiprocessing.get_context().Pool() as pool2:
                pool2.apply_async(run_test, (1,))
        """
    assert project.findings(source, target="3.14") == [
        (9, "multiprocessing.context.BaseContext.Process(target=<local-callable>)", E),
        (10, "multiprocessing.context.BaseContext.Process(target=<local-callable>)", E),
        (16, "concurrent.futures.ProcessPoolExecutor.submit(fn=<main-block-callable>)", E),
        (18, "multiprocessing.pool.Pool.map(func=<main-block-callable>)", E),
        (20, "multiprocessing.pool.Pool.apply_async(func=<main-block-callable>)", E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_pools_that_pickle_on_every_python_or_chose_their_context(project):
    """A pool pickles its tasks on every start method: a local function or a lambda fails on the
    real 3.13 too (not 3.14's change), a module-level function is found by name; a pool given a
    context (``context=``, ``mp_context=``, or positionally), made by ``get_context("fork")``,
    bound twice, or a thread pool (nothing pickled), and a project choosing ``set_start_method``
    are left alone."""
    source = """\
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

        def top(x):
            return x

        def local_ones():
            def local(x):
                return x
            with multiprocessing.Pool(2) as pool:
                pool.map(local, [1])
                pool.map(lambda x: x, [1])

        if __name__ == "__main__":
            def work(x):
                return x
            ctx = multiprocessing.get_context("fork")
            ctx.Process(target=work).start()
            with ctx.Pool(2) as p1:
                p1.map(work, [1])
            with multiprocessing.Pool(2, None, (), None, ctx) as p2:
                p2.map(work, [1])
            with multiprocessing.Pool(2, context=ctx) as p3:
                p3.map(work, [1])
            with ProcessPoolExecutor(2, mp_context=ctx) as e1:
                e1.submit(work, 1)
            with ProcessPoolExecutor(2, ctx) as e2:
                e2.submit(work, 1)
            with ThreadPoolExecutor(2) as e3:
                e3.submit(work, 1)
            with multiprocessing.Pool(2) as p4:
                p4.map(top, [1])
            twice = multiprocessing.Pool(2)
            twice = ctx.Pool(2)
            twice.map(work, [1])
        """
    assert project.findings(source, target="3.14") == []
    chosen = "import multiprocessing\nif __name__ == '__main__':\n    multiprocessing.set_start_method('fork')\n" \
        "    def work(x):\n        return x\n    with multiprocessing.Pool(2) as pool:\n        pool.map(work, [1])\n"
    assert project.findings(chosen, target="3.14", name="c.py") == []
