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
