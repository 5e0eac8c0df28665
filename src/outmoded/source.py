"""Reading Python source files the way the interpreter does: PEP 263 cookies, BOMs, newlines.

Everything that can go wrong with a file becomes a ``SourceError`` with a one-line message, so
the caller can report the file and go on.
"""

from __future__ import annotations

import codecs
import io
import os
import stat

from outmoded.records import Frozen


class SourceError(Exception):
    """A file that cannot be read as Python source; the message says why."""


class Source(Frozen):
    """``text``: decoded, newlines as in the file; ``encoding``: as declared (cookie) or utf-8,
    "utf-8-sig" when there is a BOM; ``newline``: the file's dominant newline ("\\n", "\\r\\n", "\\r")."""

    __slots__ = _fields = ("text", "encoding", "newline")

    def __init__(self, text: str, encoding: str, newline: str):
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "encoding", encoding)
        object.__setattr__(self, "newline", newline)

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)


# Windows opens a descriptor in text mode (newlines translated) unless asked for binary
_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def open_regular(path: str, encoding: str | None = None, errors: str | None = None):
    """``open(path, "rb")`` (or in text with ``encoding``) for a regular file; for anything else
    (a FIFO, a device, a directory) an ``OSError``, raised before a read could block: every file a
    run reads beside the ones it checks (configuration, build files, other modules of the project)
    is opened through this, so a FIFO named ``setup.cfg`` or ``helpers.py`` cannot hang the run."""
    fd = os.open(path, _READ | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"not a regular file: {path}")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return handle if encoding is None else io.TextIOWrapper(handle, encoding=encoding, errors=errors)


def read_regular(path: str) -> bytes:
    """The bytes of the regular file at ``path`` (``open_regular`` then ``read()``: an ``OSError``
    for anything else), read with ``os.read`` into one buffer of the size ``fstat`` gives: a file
    object (``FileIO``, then a ``BufferedReader``, and their ``fstat``, ``ioctl`` and ``lseek``)
    cost twice as much for each of the thousands of files a run reads."""
    fd = os.open(path, _READ | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"not a regular file: {path}")
        return _read_all(fd, info.st_size)
    finally:
        os.close(fd)


def _read_all(fd: int, size: int) -> bytes:
    """What is left to read of ``fd``, ``size`` bytes expected: one more is asked for, and the
    rest read until the end, should the file have grown since."""
    data = os.read(fd, size + 1)
    if not data:
        return data
    chunks = [data]
    while True:
        more = os.read(fd, max(size, 1 << 16))
        if not more:
            return data if len(chunks) == 1 else b"".join(chunks)
        chunks.append(more)


def readable(path: str) -> bool:
    """Would ``read_bytes`` read the file (a regular file this process may read), without reading
    it: for a verdict that needs only to know the file is still there to be checked."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(st.st_mode) and os.access(path, os.R_OK)


def read_bytes(path: str) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SourceError("no such file (or a dangling symlink)") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise SourceError("not a regular file")
    try:
        fd = os.open(path, _READ)
        try:
            return _read_all(fd, st.st_size)
        finally:
            os.close(fd)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def decode(data: bytes, newline: bool = True) -> Source:
    """Decode source bytes as Python would; raise SourceError with the reason.  Without
    ``newline`` (only whether the bytes decode matters) the newline is not counted: ""."""
    if b"\0" in data:
        raise SourceError("contains NUL bytes (binary file?)")
    second = data.find(b"\n", data.find(b"\n") + 1)
    if b"coding" not in data[:second if second >= 0 else len(data)] and not data.startswith(codecs.BOM_UTF8):
        try:  # no cookie, no BOM: UTF-8, without importing tokenize for its reader
            text = data.decode("utf-8")
            return Source(text=text, encoding="utf-8", newline=detect_newline(text) if newline else "")
        except UnicodeDecodeError:
            pass  # tokenize's own message for a first line that is not UTF-8
    encoding = declared(data)
    if encoding is None:  # tokenize's answer, or its message
        import tokenize

        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as exc:
            raise SourceError(f"bad encoding declaration: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    try:
        codecs.lookup(encoding)
        text = data.decode(encoding)
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid {encoding}: byte {exc.start} ({exc.reason})") from None
    if encoding == "utf-8-sig" and text.startswith("\ufeff"):
        text = text[1:]
    return Source(text=text, encoding=encoding, newline=detect_newline(text) if newline else "")


ASCII_SUPERSETS = frozenset(("utf-8", "iso8859-1", "ascii"))  # codecs' names of what ``declared`` answers
_NAME_BYTES = frozenset(b"-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")  # [-\w.], ASCII


def declared(data: bytes) -> str | None:
    """The encoding ``tokenize.detect_encoding`` finds for ``data`` (its cookie, a BOM, or
    utf-8), found without importing ``tokenize`` (~5M instructions in a first-pass worker of
    Twisted 18.9, for its four files saying ``coding: utf-8``): the lines it reads (the first; the
    second after a blank or comment line without a cookie), split where its ``readline`` splits,
    read as its patterns read them (``_cookie``, ``_blank``).  None where tokenize alone can say:
    a line read that is not ASCII (3.14 reads its bytes, earlier versions decode it), an encoding
    ``codecs`` does not know or a BOM with a cookie other than utf-8 (its messages), another codec
    than ``ASCII_SUPERSETS`` (3.14 checks that the lines read decode with it; an ASCII line always
    does in those)."""
    bom = data.startswith(codecs.BOM_UTF8)
    default = "utf-8-sig" if bom else "utf-8"
    start = 3 if bom else 0
    for _ in range(2):  # the first line; the second after a blank or comment line without a cookie
        end = data.find(b"\n", start) + 1 or len(data)
        line = data[start:end]
        if not line:
            return default
        if not line.isascii():
            return None
        cookie = _cookie(line)
        if cookie is not None:
            break
        if not _blank(line):
            return default
        start = end
    else:
        return default
    encoding = _normal_name(cookie)
    try:
        if codecs.lookup(encoding).name not in ASCII_SUPERSETS:
            return None
    except LookupError:
        return None
    if bom:
        return "utf-8-sig" if encoding == "utf-8" else None
    return encoding


def _cookie(line: bytes) -> str | None:
    """The name tokenize's ``cookie_re`` (``^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)``, ASCII)
    takes from ``line`` (one line, its newline last): after a ``#`` opening it, the first
    ``coding`` followed by ``:`` or ``=``, blanks and a name; None without one."""
    body = line.lstrip(b" \t\f")
    if not body.startswith(b"#"):
        return None
    at = body.find(b"coding", 1)
    while at >= 0:
        after = at + 6
        if body[after:after + 1] in (b":", b"="):
            first = after + 1
            while body[first:first + 1] in (b" ", b"\t"):
                first += 1
            last = first
            while last < len(body) and body[last] in _NAME_BYTES:
                last += 1
            if last > first:
                return body[first:last].decode()
        at = body.find(b"coding", at + 1)
    return None


def _blank(line: bytes) -> bool:
    """tokenize's ``blank_re`` (``^[ \\t\\f]*(?:[#\\r\\n]|$)``): blanks, then nothing, a comment or a line end."""
    body = line.lstrip(b" \t\f")
    return not body or body[:1] in (b"#", b"\r", b"\n")


def _normal_name(name: str) -> str:
    """tokenize's ``_get_normal_name`` (the interpreter's ``get_normal_name``)."""
    short = name[:12].lower().replace("_", "-")
    if short == "utf-8" or short.startswith("utf-8-"):
        return "utf-8"
    if short in ("latin-1", "iso-8859-1", "iso-latin-1") or short.startswith(("latin-1-", "iso-8859-1-",
                                                                              "iso-latin-1-")):
        return "iso-8859-1"
    return name


def read_source(path: str) -> Source:
    return decode(read_bytes(path))
