"""Guard notes: what the guard contexts around a finding say about it.

The kinds a finding's stack of ``guardcontext.Context`` records adds up to (``context_of``: "hasattr",
"fallback", "handler", "expected", "skipped", "uncalled", "broken-at-floor"...; a warning, or no
finding at all, where the line may not run or fail on the target) and the guard that keeps ``fix``
away from it (``guard_of``: "probe", "hasattr", the contexts of ``NO_FIX``).  ``GuardNotes`` is the
part of ``contexts.GuardContexts`` that reads the stack; the walk that builds it is in
``contexts``, ``branches``, ``fallbacks``, ``expectations`` and ``scopes``.
"""

from __future__ import annotations

from outmoded import deadmethods
from outmoded.deadmethods import private_name, uncalled_methods, uncalled_private_methods
from outmoded.guardcontext import ANY_ERROR, DOTTED_RE, PROBE_ERRORS, WORD_RE, Context
from outmoded.reach import file_context
from outmoded.uncalled import may_name, uncalled
from outmoded.unreached import unreached

# what a use of a name removed at or before the project's floor is, whatever else it is: the
# contexts that still say the line runs (and fails) on the target
FLOOR_CONTEXTS = frozenset({None, "handler", "raised-handler", "unknown-receiver", "annotation"})

# the scope contexts a use may sit in that only dead code may call, the question that names
# those never called live (asked once per file, at the first finding inside one the third item,
# when given, accepts by its qualified name, and the fourth, when given, says may be in its
# answer; the fifth True: asked with the names the finding sits in, it answers for those only,
# and is asked again for names it was not asked about): a private module function
# (``uncalled.uncalled``), a test module's method, a library module's private method
# (``deadmethods``)
UNCALLED = (("function", uncalled, None, may_name, False),
            ("method", uncalled_methods, None, deadmethods.may_name, True),
            ("method", uncalled_private_methods, private_name, None, False))

# where a fix would change what the code does where it runs: code that runs only on the other
# Pythons the project supports (a package that refuses the target, a directory the build installs
# only for others, a module imported or a private function called only on them, a test skipped on
# the target), a test that expects the failure, a name that fails on every supported Python, a
# test's data file, a setup.py no build runs.  A function deleted before anything calls it ("deleted") never runs anywhere:
# its fix changes nothing
NO_FIX = frozenset({"broken-at-floor", "after-broken", "test-data", "refused", "not-installed", "unreached", "uncalled", "skipped",
                    "expected", "not-run", "rebound"})
# why a branch never runs besides hasattr(): isinstance() decided on the target, a truth test of an
# object always true there (a "dead" context's names)
DEAD_REASONS = frozenset({"isinstance", "truthy"})


class GuardNotes:
    """What the contexts around a finding make of it.

    Expects ``self.contexts`` (the stack), ``self.path``, ``self.text``, ``self.target``,
    ``self.index`` and ``self.project``, and the answers it keeps, ``self._file_context`` (False
    until asked) and ``self._uncalled``, from the classes it is combined with.
    """

    def context_of(self, api: str, errors: frozenset, context: str | None = None,
                   replacement: str = "", removed_in: tuple[int, int] | None = None) -> str | None:
        """Why a use of ``api`` (raising one of ``errors``) here is only a warning, or None.

        A use in a branch that runs only when ``hasattr()`` found the API's own replacement missing
        (``if hasattr(base64, "decodebytes"): ... else: base64.decodestring(v)``) is dead on the
        target like one under ``hasattr()`` of the removed name itself; one in a block a test
        expects to raise that very error (``with self.assertRaises(TypeError):``) is "expected".
        Nothing runs in a package whose ``__init__`` refuses the target ("refused"), in a test's data
        file ("test-data", ``reach``), in a module the project imports only in code that never runs
        on the target ("unreached", ``unreached``), in a private function only such code calls
        ("uncalled", ``uncalled``) or in a function deleted before anything could call it
        ("deleted", ``deleted_before_use``).
        A fallback that only disables what a module no Python promised provides ("optional":
        ``pkg_resources``, setuptools' module, which a Python without setuptools never had) is how
        the code was written to run without it: babel 2.19.0's ``try: from pkg_resources import
        working_set / except ImportError: pass``, pytz 2026.6's ``resource_stream = None``.  A
        fallback that only
        disables the feature ("lost-feature") of a name removed at or before the oldest Python the
        project declares (``index.floor``) lost it long ago: the upgrade breaks nothing there.  Any
        other use of such a name fails on every Python the project supports already
        ("broken-at-floor": ``import urllib2`` in a tools/ script of a project requiring >= 3.9):
        not what the upgrade breaks."""
        if self._file_context is False:
            self._file_context = file_context(self.path, self.text, self.target) or (
                "unreached" if unreached(self.path, self.text, self.index, self.project) else None)
        if self._file_context:
            return self._file_context
        leaf = api.rpartition(".")[2]
        if any(c.kind == "deleted" for c in self.contexts):
            return "deleted"
        if any(c.kind == "rebound" for c in self.contexts):
            return "rebound"
        if any(c.kind == "after-broken" for c in self.contexts):
            return "after-broken"
        for kind, question, asked, may, partial in UNCALLED:
            inside = [c for c in self.contexts if c.kind == kind]
            if inside and (asked is None or any(asked(name) for c in inside for name in c.names)):
                names = frozenset().union(*(c.names for c in inside))
                kept = self._uncalled.get(question)  # (its answer, the names it answers for; None: all)
                if kept is None or (kept[1] is not None and not names <= kept[1]):
                    new = names.difference(kept[1]) if kept else names
                    if may is not None and not may(self, new):
                        if not partial:
                            continue  # none of them can be in the answer: not asked (yet)
                        found = frozenset()
                    else:
                        found = question(self, new) if partial else question(self)
                    kept = self._uncalled[question] = (found.union(kept[0]), kept[1] | new) if kept else (
                        found, new if partial else None)
                if any(c.names & kept[0] for c in inside):
                    return "uncalled"
        if any(c.kind == "expects" and (c.caught & errors or "*" in c.caught) for c in self.contexts):
            return "expected"
        if any(c.kind == "skipped" for c in self.contexts):
            return "skipped"
        caught = False  # by an inner try whose handler goes on: the outer ones never see the error
        for ctx in reversed(self.contexts):
            if ctx.kind == "try" and ctx.caught & (errors | ANY_ERROR):
                # not the other side of a hasattr or isinstance test inside the try, which never
                # runs on the target whatever the handler does (xdoctest 1.3.2's util_import.py: try:
                # if hasattr(zimp_file, 'exec_module'): ... else: zimp_file.load_module(modname))
                # (cffi 2.1: try: from distutils.msvc9compiler import ... / except ImportError: = None)
                if not caught and context != "hasattr" and context not in DEAD_REASONS:
                    context, caught = ctx.fallback, ctx.fallback is not None  # inside a try whose handler raises
                    if context == "lost-feature" and replacement and ctx.names & set(DOTTED_RE.findall(replacement)):
                        context = "fallback"  # the statement after the try calls the replacement
            elif ctx.kind == "dead":
                context = next(iter(ctx.names & DEAD_REASONS), "hasattr")
            elif ctx.kind == "hasattr" and leaf in ctx.names:
                context = "hasattr"
            elif ctx.kind == "replaced" and ((replacement and ctx.names & set(WORD_RE.findall(replacement)))
                                             or api.rpartition(".")[0] in ctx.names):
                context = "hasattr"
            elif ctx.kind == "retried" and api.partition("(")[0] in ctx.names and api.endswith("=)"):
                context = "hasattr"  # the body calls it with a keyword the handler's call lacks (trycalls._keyword_calls)
            elif ctx.kind == "reads" and replacement and ctx.names & set(DOTTED_RE.findall(replacement)):
                context = "hasattr"  # the try body reads the replacement itself (trycalls._present_reads)
            elif ctx.kind == "handler" and context is None:
                context = "raised-handler" if ctx.names else "handler"
        if context == "lost-feature" and getattr(self._removed_prefix(api), "backport_before", None):
            return "optional"  # a module no Python promised (pkg_resources): the handler is the plan
        floor = self.index.floor
        if floor and removed_in and removed_in <= floor:
            if context == "lost-feature":
                return "lost-before-floor"
            if context in FLOOR_CONTEXTS:
                return "broken-at-floor"
        return context

    def guard_of(self, api: str, context: str | None) -> str | None:
        """Does the code here test for the API, so ``fix`` must leave it alone?  "probe" inside the
        body or a handler of a ``try`` catching ImportError/AttributeError, "hasattr" under
        ``hasattr()``, "broken-at-floor" where it fails on every Python the project supports
        (a fix would change what it does there), "test-data" in a test's data file (what the test
        reads: a fix would change what it checks), and the contexts of ``NO_FIX`` (``outmoded.fixability``
        reads it)."""
        if context in NO_FIX:
            return context
        leaf = api.rpartition(".")[2]
        if context in DEAD_REASONS:
            return context
        for c in self.contexts:
            if c.kind == "dead" and c.names & DEAD_REASONS:
                return next(iter(c.names & DEAD_REASONS))
        if context == "hasattr" or any((c.kind == "hasattr" and leaf in c.names) or c.kind == "dead"
                                       for c in self.contexts):
            return "hasattr"
        if context in ("fallback", "handler", "raised-handler") or any(
                c.kind == "probe" or (c.kind == "try" and c.caught & PROBE_ERRORS) for c in self.contexts):
            return "probe"
        if self.index.min_version < (3, 0) and "moves" in self.text and _through_six(api, self.index.aliases):
            return "six-moves"  # on the Python 2 the project supports, six.moves.X is another module
        return None

    def lasting_contexts(self) -> list[Context]:
        # a try block around a def does not catch what the function raises later, nor does
        # assertRaises expect it
        return [c for c in self.contexts if c.kind not in ("try", "expects")]


def _through_six(api: str, aliases: dict) -> bool:
    """Is ``api`` in a module ``six.moves`` stands for on Python 3 (``configparser`` for
    ``six.moves.configparser``)?  Asked only of a file naming ``moves`` in a project that still
    supports Python 2: there the finding may have been reached through six, and six.moves.X is
    Python 2's module (``ConfigParser``, whose ConfigParser is not SafeConfigParser and whose
    parsers have no ``read_file``), so no rewrite through it is safe."""
    return any(api.startswith(module + ".") for alias, module in aliases.items() if alias.startswith("six.moves."))
