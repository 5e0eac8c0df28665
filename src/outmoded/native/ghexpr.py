"""GitHub Actions expressions evaluated on each combination of a job's matrix: which combinations
run a step (its ``if:``) and what a step's input holds there (``${{ matrix.python }}``).

``combinations(job)`` expands ``strategy.matrix`` as GitHub does: the product of its axes, less
the ``exclude:`` entries, then each ``include:`` entry added to every combination whose original
values it does not overwrite, or made a combination of its own; values keep their YAML types
(``free_threading: true`` is a boolean).  ``evaluate(expression, combination)`` reads literals,
``matrix.KEY``, ``!``, ``&&``, ``||``, ``==``, ``!=``, parentheses and ``contains``,
``startsWith``, ``endsWith`` (strings compared ignoring case, as GitHub does); any other context
(``runner.os``, ``github.event_name``, ``env.X``) or function is ``UNKNOWN``, which ``&&`` and
``||`` carry only where the other operand does not decide.  A matrix computed by an expression
(``${{ fromJSON(...) }}``) or holding mappings has no combinations here (None).
"""

from __future__ import annotations

import re
from itertools import product
from typing import Optional

UNKNOWN = type("Unknown", (), {"__repr__": lambda self: "UNKNOWN"})()
MAX_COMBINATIONS = 512
TOKEN_RE = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?)|(?P<op>&&|\|\||==|!=|[!(),])"
                      r"|(?P<name>[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*))")
TEMPLATE_RE = re.compile(r"\$\{\{(.*?)\}\}", re.S)
FUNCTIONS = {"contains": lambda a, b: b in a, "startswith": str.startswith, "endswith": str.endswith}
YAML_TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}


def _typed(node) -> object:
    """A scalar node's value as GitHub reads it: booleans, null and numbers by their YAML tags."""
    tag = node.tag.rpartition(":")[2]
    if tag == "bool":
        return node.value in YAML_TRUE
    if tag == "null":
        return None
    if tag in ("int", "float"):
        try:
            return float(node.value) if tag == "float" else int(node.value, 0)
        except ValueError:
            return node.value
    return node.value


def _entry(node) -> Optional[dict]:
    """An ``include:``/``exclude:`` mapping of scalars, typed; None if it holds anything else."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    entry = {}
    for key, value in node.value:
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
            return None
        entry[key.value] = _typed(value)
    return entry


def _same(a: object, b: object) -> bool:
    return a.lower() == b.lower() if isinstance(a, str) and isinstance(b, str) else a == b


def combinations(job, mapping_value) -> Optional[list[dict]]:
    """Each combination of the job's matrix, as {key: value}; [{}] without a matrix; None where
    the matrix cannot be read (an expression, a mapping as a value, too many combinations)."""
    import yaml

    matrix = mapping_value(mapping_value(job, "strategy"), "matrix")
    if matrix is None:
        return [{}]
    if not isinstance(matrix, yaml.MappingNode):
        return None
    axes, include, exclude = {}, [], []
    for key, value in matrix.value:
        if not isinstance(key, yaml.ScalarNode):
            return None
        if key.value in ("include", "exclude"):
            if not isinstance(value, yaml.SequenceNode):
                return None
            entries = [_entry(item) for item in value.value]
            if key.value == "include" and None in entries:
                return None
            (include if key.value == "include" else exclude).extend(e for e in entries if e is not None)
        elif isinstance(value, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in value.value):
            axes[key.value] = [_typed(n) for n in value.value]
        else:
            return None
    count = 1
    for values in axes.values():
        count *= len(values)
    if count + len(include) > MAX_COMBINATIONS:
        return None
    if not axes:
        return [dict(entry) for entry in include] or [{}]
    combos = [dict(zip(axes, values)) for values in product(*axes.values())]
    combos = [c for c in combos if not any(all(k in c and _same(c[k], v) for k, v in e.items()) for e in exclude)]
    for entry in include:
        fits = [c for c in combos if all(_same(c[k], v) for k, v in entry.items() if k in axes)]
        for combo in fits:  # GitHub adds to every combination whose original values it keeps
            combo.update(entry)
        if not fits:
            combos.append(dict(entry))
    return combos


def truthy(value: object) -> bool:
    return value not in (None, False, 0, "") if not isinstance(value, float) else value != 0


def _tokens(text: str) -> Optional[list]:
    tokens, position, text = [], 0, text.strip()
    while position < len(text):
        match = TOKEN_RE.match(text, position)
        if match is None or match.end() == position:
            return None
        position = match.end()
        tokens.append((match.lastgroup, match[match.lastgroup]))
    return tokens


class _Parser:
    """A recursive-descent reading of one expression on one combination (``UNKNOWN`` where it
    depends on anything else)."""

    def __init__(self, tokens: list, combination: dict):
        self.tokens, self.at, self.combination = tokens, 0, combination

    def peek(self) -> Optional[tuple]:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, op: str) -> bool:
        if self.peek() == ("op", op):
            self.at += 1
            return True
        return False

    def either(self) -> object:
        left = self.both()
        while self.take("||"):
            right = self.both()
            if left is UNKNOWN:
                left = right if right is not UNKNOWN and truthy(right) else UNKNOWN
            elif not truthy(left):
                left = right
        return left

    def both(self) -> object:
        left = self.equality()
        while self.take("&&"):
            right = self.equality()
            if left is UNKNOWN:
                left = right if right is not UNKNOWN and not truthy(right) else UNKNOWN
            elif truthy(left):
                left = right
        return left

    def equality(self) -> object:
        left = self.unary()
        while self.peek() in (("op", "=="), ("op", "!=")):
            equal = self.tokens[self.at][1] == "=="
            self.at += 1
            right = self.unary()
            if left is UNKNOWN or right is UNKNOWN or type(left) is not type(right):
                left = UNKNOWN  # GitHub coerces mixed types to numbers: not followed here
            else:
                left = _same(left, right) is equal
        return left

    def unary(self) -> object:
        if self.take("!"):
            value = self.unary()
            return UNKNOWN if value is UNKNOWN else not truthy(value)
        if self.take("("):
            value = self.either()
            if not self.take(")"):
                raise ValueError("unclosed (")
            return value
        token = self.peek()
        if token is None:
            raise ValueError("end of expression")
        self.at += 1
        kind, text = token
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text) if "." in text else int(text)
        if kind != "name":
            raise ValueError(text)
        if self.take("("):
            arguments = [] if self.take(")") else [self.either()]
            while arguments and not self.take(")"):
                if not self.take(","):
                    raise ValueError("argument list")
                arguments.append(self.either())
            function = FUNCTIONS.get(text.lower())
            if function is None or len(arguments) != 2 or UNKNOWN in arguments:
                return UNKNOWN
            if not all(isinstance(a, str) for a in arguments):
                return UNKNOWN
            return function(arguments[0].lower(), arguments[1].lower())
        literal = {"true": True, "false": False, "null": None}
        if text in literal:
            return literal[text]
        context, _, key = text.partition(".")
        if context == "matrix" and key and "." not in key:
            return self.combination.get(key)
        return UNKNOWN


def evaluate(expression: str, combination: dict) -> object:
    """The value of a step's ``if:`` (with or without ``${{ }}``) on ``combination``."""
    text = expression.strip()
    if text.startswith("${{") and text.endswith("}}") and text.count("${{") == 1:
        text = text[3:-2]
    elif "${{" in text:
        return UNKNOWN
    tokens = _tokens(text)
    if not tokens:
        return UNKNOWN
    parser = _Parser(tokens, combination)
    try:
        value = parser.either()
    except (ValueError, RecursionError):
        return UNKNOWN
    return value if parser.at == len(tokens) else UNKNOWN


def render(template: str, combination: dict) -> object:
    """A value with ``${{ ... }}`` parts (``python-version: ${{ matrix.python }}``) on
    ``combination``: its text, or the one expression's value, or UNKNOWN."""
    whole = TEMPLATE_RE.fullmatch(template.strip())
    if whole:
        return evaluate(whole[1], combination)
    pieces, parts = TEMPLATE_RE.split(template), []  # text, expression, text, ..., text
    for piece in pieces[1::2]:
        value = evaluate(piece, combination)
        if value is UNKNOWN:
            return UNKNOWN
        parts.append("" if value is None else str(value).lower() if isinstance(value, bool) else str(value))
    return "".join(text + part for text, part in zip(pieces[0::2], parts + [""]))
