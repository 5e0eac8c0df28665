"""The source lines findings point at, read once per file, for the reports that show or hash them
(the ``full`` format's snippet, SARIF and GitLab fingerprints, the baseline).

Files are decoded as Python decodes them (coding cookie, BOM); a file that cannot be read gives no
lines, so the report still renders.  Text read from stdin is registered with ``add``.  A file is
split into lines only as far as a finding asks (``line``): a report of Twisted 18.9 at 3.13 asks
83 lines of 51 files holding 1.8 MB, the last step of a run, with the other core idle.
"""

from __future__ import annotations

from outmoded.newlines import NEWLINE_RE, split_lines


class SourceLines:
    def __init__(self, preloaded: dict | None = None):
        self.files: dict[str, list[str]] = {}
        self._rest: dict[str, str] = {}  # path -> its text after the lines split so far
        for path, text in (preloaded or {}).items():
            self.add(path, text)

    def add(self, path: str, text: str) -> None:
        self.files[path] = split_lines(text)
        self._rest.pop(path, None)

    def lines(self, path: str) -> list[str]:
        self._split(path, -1)
        return self.files[path]

    def line(self, path: str, number: int) -> str | None:
        lines = self.files.get(path)
        if lines is None or number > len(lines):
            lines = self._split(path, number - len(lines) if lines else number)
        return lines[number - 1] if 0 < number <= len(lines) else None

    def _split(self, path: str, more: int) -> list[str]:
        """The file's lines, ``more`` more of them split if there are (all with -1)."""
        if path not in self.files:
            self.files[path], self._rest[path] = [], self._text(path)
        rest = self._rest.pop(path, None)
        lines = self.files[path]
        if rest is not None and more:
            pieces = NEWLINE_RE.split(rest, max(more, 0)) if "\r" in rest else rest.split("\n", more)
            if len(pieces) == more + 1:  # the last piece is the text after them
                self._rest[path] = pieces.pop()
            lines += pieces
        elif rest is not None:
            self._rest[path] = rest
        return lines

    @staticmethod
    def _text(path: str) -> str | None:
        from outmoded.source import SourceError, decode, read_bytes

        try:
            data = read_bytes(path)
        except (SourceError, OSError):
            return None
        try:
            return decode(data, newline=False).text  # which newline the file uses: not asked
        except SourceError:
            return data.decode("utf-8", "replace")

    def normalised(self, path: str, number: int) -> str:
        """The line with runs of whitespace folded: indentation changes do not matter."""
        return " ".join((self.line(path, number) or "").split())
