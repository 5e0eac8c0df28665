"""lazyre.word_re: the pattern of a word written alone, as ``\\bword\\b`` finds it, starting with the
word itself so that sre skips to it (the fix decisions, the sieve and the whole-tree questions look
names up with it); lazyre.quoted_re, a name written alone in quotes, likewise."""

import re

import pytest

from outmoded.lazyre import quoted, quoted_re, word_re, word_starts, words_in
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
