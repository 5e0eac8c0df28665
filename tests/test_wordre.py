"""lazyre.word_re: the pattern of a word written alone, as ``\\bword\\b`` finds it, starting with the
word itself so that sre skips to it (the fix decisions, the sieve and the whole-tree questions look
names up with it); lazyre.quoted_re, a name written alone in quotes, likewise; lazyre.search_near,
a search on the lines holding what every match holds, as a search of the whole text finds."""

import random
import re

import pytest

from outmoded.lazyre import quoted, quoted_re, search_near, word_re, word_starts, words_in
from outmoded.newlines import NEWLINE_RE, line_offsets, split_lines

TEXTS = ["os os.path pos os_ _os 1os os1 (os) os", "é os éos osé", "naïve naïveté xnaïve naïve_", "a.b xa.b a.bc a.b",
         "K \u212a k", "\u0131mport import", "x-y x-yz -x", "", "os",
         "os\u0301 os\u00b2 os\u0663 \u00b2os \u2160os os\u2160 \u00aaos os\u00b7 os\u203f ¹os osos os"]


@pytest.mark.parametrize("word", ["os", "naïve", "a.b", "x-y", "-x", "_", "K", "é", "import"])
def test_finds_what_word_boundaries_find(word):
    old = re.compile(r"\b" + re.escape(word) + r"\b")
    old_bytes = re.compile(rb"\b" + re.escape(word.encode()) + rb"\b")
    for text in TEXTS:
        assert [m.span() for m in word_re(word).finditer(text)] == [m.span() for m in old.finditer(text)], text
        starts = [m.start() for m in old.finditer(text)]
        assert list(word_starts(word, text)) == starts, text  # found with str.find, not compiled
        assert [words_in(word, text, enough) for enough in range(4)] == [min(len(starts), n) for n in range(4)]
        data = text.encode()
        assert [m.span() for m in word_re(word.encode()).finditer(data)] == [
            m.span() for m in old_bytes.finditer(data)], text


QUOTED = ['getattr(self, "helper")', "x = 'helper'", "'helper\"", '"helper', 'helper"', "''helper''", "'xhelper'",
          "'helperx'", "f'{helper}'", "'helper'helper'", "\"é\" 'é'", "", "'helper"]


@pytest.mark.parametrize("name", ["helper", "é", "a.b", "_"])
def test_quoted_finds_what_the_quote_pattern_finds(name):
    old = re.compile(r"""['"]%s['"]""" % re.escape(name))
    for text in QUOTED + [f"'{name}'", f'x("{name}")', f"'{name}\"", f"{name}'"]:
        found, expected = quoted_re(name).search(text), old.search(text)  # what the callers ask: is there one?
        assert (found and found.start() - 1) == (expected and expected.start()), text
        assert quoted(name, text) == (expected is not None), text


@pytest.mark.parametrize("text", ["a\nb\r\nc\rd", "a\nb\n", "\r\r\n\n", "no newline", "", "x\n"])
def test_lines_split_at_the_parsers_newlines(text):
    assert split_lines(text) == NEWLINE_RE.split(text)
    assert line_offsets(text) == [0, *(m.end() for m in NEWLINE_RE.finditer(text)), len(text)]


def _unreached_patterns(stem: bytes, module: bytes, package: bytes) -> list:
    """unreached's patterns naming a module (``quoted``, ``quoted_outside``, ``spelled``, ``top_level``,
    ``importing``), each with what its matches hold and whether they may start on an earlier line."""
    name = re.escape(stem)
    return [
        (re.compile(rb"""['"][\w.:/-]*\b%s\b|\b%s\.py\b""" % (name, name)), stem, False),
        (re.compile(rb"""['"]%s[.:/][\w.:/-]*\b%s\b|\b%s\.py\b""" % (re.escape(package), name, name)), stem, False),
        (re.compile(rb"""(['"])%s[.:]\w+\1""" % re.escape(module)), module, False),
        (re.compile(rb"^(?:from|import)[ \t][^\n(]*(?:\b%s\b|\([^)]*\b%s\b)" % (name, name), re.M), stem, True),
        (re.compile(rb"^[ \t]*(?:from|import)[ \t][^\n(]*(?:\b%s\b|\([^)]*\b%s\b)|\\\r?\n[^\n]*\b%s\b"
                    % (name, name, name), re.M), stem, True),
    ]


NEAR = [b"", b"news", b"import news", b"x = 1\nimport news\n", b"  import news", b"ximport news", b"from a import (b,\n  news)",
        b"from a import (b,)\nx(news)", b"from a import (\n(b,\n\n news)", b"x = y + \\\nnews", b"x = y + \\\r\nnews",
        b"\\\nnews", b"y\\ \nnews", b"'pkg.news'", b"'pkg/x/news.py'", b"news.py", b"newsy.py 'newsy' anews",
        b"'pkg.news.tap'", b"\"pkg.news:main\"", b"'pkg.news.tap\"", b"'pkg.news.\ntap'", b"(\nimport news",
        b"import news\r\n", b"x = \\\r\nf() + news", b"x = \\\nf() + news",
        b"from x import (\r\n news)", b"'x\nnews'", b"import x, \\\n  news", b"news news\nnews"]


def test_search_near_finds_what_a_whole_search_finds():
    patterns = _unreached_patterns(b"news", b"pkg.news", b"pkg")
    texts = NEAR + [a + b"\n" + b for a in NEAR for b in NEAR]
    pieces = [b"news", b"pkg.news", b"pkg", b".", b":", b"/", b"-", b"'", b'"', b"(", b")", b"\n", b"\r\n", b"\\",
              b" ", b"\t", b"from", b"import", b"x", b"_", b".py", b"newsy", b"anews", b"#", b"\\\n", b"[", b"]"]
    chosen = random.Random(13)
    texts += [b"".join(chosen.choice(pieces) for _ in range(chosen.randint(0, 30))) for _ in range(3000)]
    found = 0
    for text in texts:
        for pattern, needle, over_lines in patterns:
            expected = pattern.search(text) is not None
            assert search_near(pattern, text, needle, over_lines) == expected, (pattern.pattern, text)
            found += expected
    assert found > 1000  # the cases match, not only miss
