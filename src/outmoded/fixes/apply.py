"""Apply a file's edits, verify the result, and fall back rule by rule when something breaks.

All edits are tried together first.  If the result fails a check (``verify.problem``) or a fix
raises, each rule's edits are tried in turn on top of the ones already accepted, and a rule that
breaks the module is dropped and reported as an internal error: a bug in one fix must never cost
the user the others, nor a broken file.
"""

from __future__ import annotations

import ast

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from outmoded.fixes import chunks, imports
from outmoded.fixes.bindings import Bindings, collect
from outmoded.fixes.chunks import Reduced
from outmoded.fixes.env import Env
from outmoded.fixes.keywords import through_edits
from outmoded.fixes.plain import Outcome
from outmoded.fixes.plan import Edit
from outmoded.fixes.renames import plan_call_rewrites, plan_renames
from outmoded.fixes.transformer import FixTransformer, inside
from outmoded.fixes.verify import problem, restore_newlines


class FixFailed(Exception):
    """The fixes tried together broke the module; the message says how."""


STATEMENT_LEVEL = (cst.Module, cst.BaseStatement, cst.BaseSuite, cst.BaseSmallStatement, cst.ExceptHandler,
                   cst.Else, cst.Finally, cst.ExceptStarHandler, cst.MatchCase)


class _ImportStatements(cst.CSTVisitor):
    """The ``from`` imports that contain findings, with those findings."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, edits: list[Edit]):
        super().__init__()
        self.edits = [e for e in edits if e.shape in ("dotted", "template")]
        self.found: list[tuple[cst.ImportFrom, list[Edit]]] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        super().on_visit(node)
        # imports are small statements inside statement lines and blocks: expressions hold none
        return bool(self.edits) and isinstance(node, STATEMENT_LEVEL)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        where = self.get_metadata(PositionProvider, node)
        contained = [e for e in self.edits if inside(e, where)]
        if contained:
            self.found.append((node, contained))


def _transform(module: cst.Module, edits: list[Edit], bindings: Bindings, reduced: Reduced,
               path: str | None = None) -> tuple[str, set]:
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)  # the module is not used elsewhere
    env = Env(wrapper.module, bindings, mentioned=reduced.mentioned)
    statements = _ImportStatements(edits)
    wrapper.visit(statements)
    plan_renames(wrapper, statements.found, env)
    plan_call_rewrites(wrapper, statements.found, env)
    positions = wrapper.resolve(PositionProvider)
    lines = set()
    for start, end in [(e.start[0], e.end[0]) for e in edits] + [
            (positions[n].start.line, positions[n].end.line) for n in [*env.renames, *env.call_rewrites]]:
        lines.update(range(start, end + 1))
    transformer = FixTransformer(edits, env, sorted(lines))
    tree = wrapper.visit(transformer)
    _keywords_went_with_their_renames(edits, transformer)
    code = imports.apply(tree, env.imports, reduced, path).code
    retired = {e for e in transformer.retiring if e.api in env.imports.retired}
    return code, transformer.applied | retired


def _keywords_went_with_their_renames(edits: list[Edit], transformer: FixTransformer) -> None:
    """Raise unless the keywords at calls through a renamed reference (``keywords.through_edits``)
    were all renamed, and every rename of their rule with them: ``read(fp, source=x)`` beside an
    unrenamed ``read = parser.readfp`` fails on every Python, as the reverse does."""
    wanted = [e for e in edits if e.shape == "keyword"]
    codes = {e.code for e in wanted}
    if wanted and (len(transformer.keywords) != len(wanted) or any(
            e.shape == "dotted" and e.code in codes and e.entry.rename_keywords and e not in transformer.applied
            for e in edits)):
        raise ValueError("the keywords at the calls through a renamed reference were not all renamed with it")


def _attempt(text: str, module: cst.Module, edits: list[Edit], bindings: Bindings, path: str,
             reduced: Reduced) -> Outcome:
    try:
        small, applied = _transform(module, edits, bindings, reduced, path)
    except Exception as exc:  # a bug in a fix: report it, never crash the run
        raise FixFailed(f"{type(exc).__name__}: {exc}") from None
    new = reduced.expand(small)
    if new is None:
        raise FixFailed("a statement set aside for speed went missing")
    new = restore_newlines(text, new)
    # the statements set aside come back verbatim: comments are compared on the small module
    why = problem(text, new, path, (reduced.text, small)) if new != text else None
    if why:
        raise FixFailed(why)
    return Outcome(new, {reduced.back[e] for e in applied})


def _by_rule(edits: list[Edit]) -> dict[str, list[Edit]]:
    groups: dict[str, list[Edit]] = {}
    for edit in edits:
        groups.setdefault(edit.code, []).append(edit)
    return groups


class CannotParse(Exception):
    """LibCST cannot handle this file (the message says how); nothing was changed."""


def _parse(reduced: Reduced) -> cst.Module:
    try:
        module = cst.parse_module(reduced.text)
    except Exception as exc:  # LibCST lags behind new syntax
        raise CannotParse(f"not fixed: LibCST cannot parse this file ({type(exc).__name__})") from None
    if module.code != reduced.text:  # a LibCST bug would rewrite more than the fixes
        raise CannotParse("not fixed: LibCST does not reproduce this file exactly")
    return module


def fix_text(text: str, edits: list[Edit], path: str) -> Outcome:
    """Apply ``edits`` to ``text``: LibCST sees only the statements that change (``chunks``)."""
    tree = ast.parse(text)
    bindings = collect(tree, text)
    edits = edits + through_edits(tree, text, edits)
    reduced = chunks.reduce(text, tree, edits)
    module = _parse(reduced)
    moved = {original: new for new, original in reduced.back.items()}
    try:
        return _attempt(text, module, reduced.edits, bindings, path, reduced)
    except FixFailed:
        pass
    accepted, best, failures = [], Outcome(text), {}
    for code, group in _by_rule(edits).items():
        try:
            best = _attempt(text, module, accepted + [moved[e] for e in group], bindings, path, reduced)
            accepted += [moved[e] for e in group]
        except FixFailed as exc:
            failures[code] = str(exc)
    best.failures = failures
    return best
