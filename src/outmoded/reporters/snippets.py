"""The source lines findings point at, read once per file, for the reports that show or hash them
(the ``full`` format's snippet, SARIF and GitLab fingerprints, the baseline).

Files are decoded as Python decodes them (coding cookie, BOM); a file that cannot be read gives no
lines, so the report still renders.  Text read from stdin is registered with ``add``.
"""

from __future__ import annotations

from outmoded.newlines import split_lines


class SourceLines:
    def __init__(self, preloaded: dict | None = None):
        self.files: dict[str, list[str]] = {}
        for path, text in (preloaded or {}).items():
            self.add(path, text)

    def add(self, path: str, text: str) -> None:
        self.files[path] = split_lines(text)

    def lines(self, path: str) -> list[str]:
        if path not in self.files:
            from outmoded.source import SourceError, decode, read_bytes

            try:
                data = read_bytes(path)
                try:
                    text = decode(data).text
                except SourceError:
                    text = data.decode("utf-8", "replace")
                self.add(path, text)
            except (SourceError, OSError):
                self.files[path] = []
        return self.files[path]

    def line(self, path: str, number: int) -> str | None:
        lines = self.lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else None

    def normalised(self, path: str, number: int) -> str:
        """The line with runs of whitespace folded: indentation changes do not matter."""
        return " ".join((self.line(path, number) or "").split())
