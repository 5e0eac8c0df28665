"""A real package index on 127.0.0.1 for the deps tests, serving PEP 691 JSON pages built from
realistic file lists, plus endpoints that misbehave (HTML, 500, a hang, bad JSON).

Every file a page lists is served under ``/files/`` with its sha256 on the page: the real bytes
from ``FILES`` when a test built them (``release_files.py``), else a clean generated archive.  Files
honour single ``Range`` requests; those under ``/norange/`` ignore ``Range`` like some mirrors.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from release_files import code_projects, default_file, pyyaml_601

from outmoded.cli import main

JSON_TYPE = "application/vnd.pypi.simple.v1+json"
PLATFORMS = ("manylinux_2_17_x86_64.manylinux2014_x86_64", "macosx_11_0_arm64", "win_amd64")


def wheels(name, version, abis, platforms=PLATFORMS, **extra):
    """cp3XX wheels for every abi and platform: ``abis`` like ["cp312", "cp313t", "cp38-abi3"]."""
    files = []
    for abi in abis:
        interpreter, _, tag_abi = abi.partition("-")
        tag_abi = tag_abi or abi
        interpreter = interpreter.rstrip("t")
        files += [dict(filename=f"{name}-{version}-{interpreter}-{tag_abi}-{plat}.whl", **extra)
                  for plat in platforms]
    return files


def sdist(name, version, **extra):
    return [dict(filename=f"{name}-{version}.tar.gz", **extra)]


def pure(name, version, **extra):
    return [dict(filename=f"{name}-{version}-py3-none-any.whl", **extra)]


CP310_312 = ["cp310", "cp311", "cp312"]

PROJECTS = {
    # numpy: 1.26.4 stops at cp312; 2.1.0 is the first with cp313 and cp313t.
    "numpy": (sdist("numpy", "1.25.2") + wheels("numpy", "1.25.2", ["cp39"] + CP310_312[:2])
              + sdist("numpy", "1.26.4", **{"requires-python": ">=3.9"})
              + wheels("numpy", "1.26.4", CP310_312, **{"requires-python": ">=3.9"})
              + sdist("numpy", "2.1.0", **{"requires-python": ">=3.10"})
              + wheels("numpy", "2.1.0", CP310_312 + ["cp313", "cp313t"],
                       **{"requires-python": ">=3.10"})
              + sdist("numpy", "2.2.0rc1") + wheels("numpy", "2.2.0rc1", ["cp314", "cp314t"])),
    "pandas": (sdist("pandas", "2.2.2") + wheels("pandas", "2.2.2", ["cp39"] + CP310_312)
               + sdist("pandas", "2.2.3") + wheels("pandas", "2.2.3", CP310_312 + ["cp313", "cp313t"])),
    # pillow: 10.4.0 has cp313 but no cp313t; 11.0.0 has both.
    "pillow": (sdist("pillow", "10.4.0") + wheels("pillow", "10.4.0", ["cp38", "cp39"] + CP310_312 + ["cp313"])
               + sdist("pillow", "11.0.0") + wheels("pillow", "11.0.0", CP310_312 + ["cp313", "cp313t"])),
    "cryptography": sdist("cryptography", "43.0.0") + wheels("cryptography", "43.0.0", ["cp37-abi3", "cp39-abi3"]),
    "futureabi": sdist("futureabi", "1.0") + wheels("futureabi", "1.0", ["cp314-abi3"]),
    # PEP 803: one wheel for both builds of 3.15 (abi3.abi3t), and an abi3t-only one.
    "stableft": sdist("stableft", "1.0") + wheels("stableft", "1.0", ["cp315-abi3.abi3t"]),
    "threadabi": sdist("threadabi", "1.0") + wheels("threadabi", "1.0", ["cp313-abi3t"]),
    "requests": (sdist("requests", "2.32.3") + pure("requests", "2.32.3", **{"requires-python": ">=3.8"})),
    "sdistonly": sdist("sdistonly", "1.0") + sdist("sdistonly", "2.0"),
    "yanky": (pure("yanky", "1.0") + pure("yanky", "1.1", yanked="broken metadata")),
    "yankfix": (wheels("yankfix", "1.0", ["cp312"]) + sdist("yankfix", "1.0")
                + wheels("yankfix", "1.1", ["cp313"], yanked=True) + wheels("yankfix", "1.2", ["cp313"])),
    "oldpy": pure("oldpy", "1.0", **{"requires-python": ">=3.6,<3.13"}),
    "dropper": (pure("dropper", "1.0") + pure("dropper", "2.0", **{"requires-python": ">=3.14"})),
    "linuxonly": sdist("linuxonly", "1.0") + wheels("linuxonly", "1.0", ["cp313"], PLATFORMS[:1]),
    "winonly": wheels("winonly", "1.0", ["cp313"], ("win_amd64",)),
    "oldcore": (sdist("oldcore", "0.5") + wheels("oldcore", "0.5", ["cp38"])
                + sdist("oldcore", "1.0") + wheels("oldcore", "1.0", ["cp313"])),
    "binonly": wheels("binonly", "1.0", ["cp38"]) + wheels("binonly", "2.0", ["cp313"]),
    # failing_releases.yaml: 1.10.8 ships a pure wheel beside compiled ones up to cp311, and fails
    # on the real 3.13 (ForwardRef._evaluate); 1.10.16 is the first that runs there.
    "pydantic": (sdist("pydantic", "1.10.8") + wheels("pydantic", "1.10.8", ["cp310", "cp311"]) + pure("pydantic", "1.10.8")
                 + sdist("pydantic", "1.10.15") + pure("pydantic", "1.10.15")
                 + sdist("pydantic", "1.10.16") + pure("pydantic", "1.10.16")),
    "sqlalchemy": (pure("SQLAlchemy", "2.0.15") + pure("SQLAlchemy", "2.0.31")),
    "typing-extensions": (pure("typing_extensions", "4.10.0") + pure("typing_extensions", "4.12.0")),
    # py 1.5.4 (yui's Pipfile.lock of 2018): py.path.local fails on the real 3.13-3.15; 1.11.0 runs
    "py": (pure("py", "1.5.4") + pure("py", "1.11.0")),
    # APScheduler 3.6.3 (python-telegram-bot 13.15's requirements.txt): import apscheduler fails on the real
    # 3.13-3.15 beside the setuptools pip installs for it (84.2.1, without pkg_resources); 3.10.2 runs
    "apscheduler": (pure("APScheduler", "3.6.3") + pure("APScheduler", "3.10.2")),
    # protobuf 4.23.4 (huma-signals' poetry.lock of 2023-09): abi3 wheels whose upb extension fails on the real
    # 3.14 and 3.15; 5.27.0 runs
    "protobuf": (sdist("protobuf", "4.23.4") + wheels("protobuf", "4.23.4", ["cp37-abi3"])
                 + sdist("protobuf", "5.27.0") + wheels("protobuf", "5.27.0", ["cp38-abi3"])),
    # 5.4.1's and 6.0's sdists fail to build with Cython 3; 6.0.1 pins Cython<3.0, whose build falls
    # back to pure Python where its C fails (its sdist: PYYAML_601); 6.0.2 ships cp313 wheels
    "pyyaml": (sdist("PyYAML", "5.4.1") + wheels("PyYAML", "5.4.1", ["cp38", "cp39"])
               + sdist("PyYAML", "6.0") + wheels("PyYAML", "6.0", ["cp310", "cp311"])
               + sdist("PyYAML", "6.0.1") + wheels("PyYAML", "6.0.1", ["cp310", "cp311", "cp312"])
               + sdist("PyYAML", "6.0.2") + wheels("PyYAML", "6.0.2", ["cp311", "cp312", "cp313"])),
    # orjson 3.13.0's shape: its only cp315 manylinux wheel needs glibc 2.39; cp314's, numpy
    # 2.3.4's: glibc 2.28 (manylinux_2_27 / 2_28)
    "glibcfloor": (sdist("glibcfloor", "1.0")
                   + wheels("glibcfloor", "1.0", ["cp314"], ("manylinux_2_27_x86_64.manylinux_2_28_x86_64",))
                   + wheels("glibcfloor", "1.0", ["cp315"], ("manylinux_2_39_x86_64", "macosx_11_0_arm64"))),
    "cached": pure("cached", "1.0"),
    "fresh": pure("fresh", "1.0"),
}

IOS = ("ios_13_0_arm64_iphoneos", "ios_13_0_arm64_iphonesimulator", "ios_13_0_x86_64_iphonesimulator")
ANDROID_24 = ("android_24_arm64_v8a", "android_24_x86_64")
PROJECTS.update({
    # iOS device wheels only in 1.0 (no simulator wheel); 2.0 adds the simulators and Android
    # (API 24); 3.0 ships an Android API 21 wheel too.
    "mobilekit": (sdist("mobilekit", "1.0") + wheels("mobilekit", "1.0", ["cp313"], PLATFORMS[:1] + IOS[:1])
                  + sdist("mobilekit", "2.0") + wheels("mobilekit", "2.0", ["cp313"], PLATFORMS[:1] + IOS + ANDROID_24)
                  + sdist("mobilekit", "3.0")
                  + wheels("mobilekit", "3.0", ["cp313"],
                           PLATFORMS[:1] + IOS + ("android_21_arm64_v8a", "android_21_x86_64"))),
    "abi3mobile": wheels("abi3mobile", "1.0", ["cp39-abi3"], IOS + ANDROID_24),
    "newios": wheels("newios", "1.0", ["cp313"], ("ios_15_0_arm64_iphoneos",)),
    "linuxwheels": wheels("linuxwheels", "1.0", ["cp313"], PLATFORMS[:1]),  # and no sdist
})

LEGACY_HTML = b"""<!DOCTYPE html><html><body>
<a href="../../files/legacy-1.0.tar.gz#sha256=00">legacy-1.0.tar.gz</a>
<a href="../../files/legacy-1.0-py3-none-any.whl" data-requires-python="&gt;=3.8">legacy-1.0-py3-none-any.whl</a>
<a href="../../files/legacy-2.0-py3-none-any.whl" data-yanked="">legacy-2.0-py3-none-any.whl</a>
</body></html>"""
LOGIN_HTML = b"<html><head><title>Sign in</title></head><body><form>password</form></body></html>"


FILES = {}  # filename -> bytes, for the files tests build; others come from default_file
NO_RANGE = set()  # filenames served from /norange/ (the server ignores Range there)
_projects, _files, _norange = code_projects()
PROJECTS.update(_projects)
FILES.update(_files)
FILES["PyYAML-6.0.1.tar.gz"] = pyyaml_601()
NO_RANGE.update(_norange)
RANGE_RE = re.compile(r"bytes=(\d*)-(\d*)$")


def file_bytes(filename):
    if filename not in FILES:
        FILES[filename] = default_file(filename)
    return FILES[filename]


def page(name):
    files = []
    for f in PROJECTS[name]:
        data = file_bytes(f["filename"])
        where = "norange" if f["filename"] in NO_RANGE else "files"
        files.append({"url": f"../../{where}/{f['filename']}",
                      "hashes": {"sha256": hashlib.sha256(data).hexdigest()}, "size": len(data), **f})
    return json.dumps({"meta": {"api-version": "1.1"}, "name": name, "files": files}).encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        self.server.log.append((self.path, dict(self.headers)))
        if self.path.startswith(("/files/", "/norange/")):
            return self.serve_file()
        name = self.path.strip("/").split("/")[-1]
        special = getattr(self, f"serve_{name}", None)
        if special:
            return special()
        if name in PROJECTS and (self.server.only is None or name in self.server.only):
            return self.send(200, page(name), JSON_TYPE)
        self.send(404, b"not found", "text/plain")

    def send(self, status, body, content_type, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self):
        where, _, filename = self.path.strip("/").partition("/")
        data = file_bytes(filename)
        wanted = RANGE_RE.match(self.headers.get("Range", ""))
        if where == "norange" or not wanted or not any(wanted.groups()):
            self.server.sent += len(data)
            return self.send(200, data, "application/octet-stream")
        first, last = wanted.groups()
        start = max(0, len(data) - int(last)) if not first else int(first)
        end = min(len(data) - 1, int(last)) if first and last else len(data) - 1
        body = data[start:end + 1]
        self.server.sent += len(body)
        self.send(206, body, "application/octet-stream",
                  [("Content-Range", f"bytes {start}-{end}/{len(data)}")])

    def serve_legacy(self):
        self.send(200, LEGACY_HTML, "text/html; charset=utf-8")

    def serve_loginpage(self):
        self.send(200, LOGIN_HTML, "text/html")

    def serve_broken(self):
        self.send(500, b"Internal Server Error", "text/plain")

    def serve_badjson(self):
        self.send(200, b"{not json", JSON_TYPE)

    def serve_deepjson(self):  # nested past the JSON decoder's recursion limit
        self.send(200, b'{"files": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", JSON_TYPE)

    def serve_plaintext(self):
        self.send(200, b"hello", "text/plain")

    def serve_hangs(self):
        self.server.release.wait(10)  # longer than any client timeout in the tests

    def serve_cached(self):
        # Revalidate every time (max-age=0): a matching If-None-Match gets a 304.
        headers = [("ETag", '"v1"'), ("Cache-Control", "max-age=0")]
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            return
        self.send(200, page("cached"), JSON_TYPE, headers)

    def serve_fresh(self):
        self.send(200, page("fresh"), JSON_TYPE, [("Cache-Control", "max-age=600, public")])


class Index:
    def __init__(self, only=None):
        """``only``: the projects this index has (a second index, as PyTorch's), else all."""
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.log, self.server.release = [], threading.Event()
        self.server.only = only
        self.server.sent = 0  # bytes of release files sent
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/simple/"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    files = FILES  # the bytes of every release file served

    @property
    def log(self):
        return self.server.log

    def requests_for(self, name):
        return [headers for path, headers in self.log if path.rstrip("/").endswith("/" + name)]

    def downloads(self, prefix=""):
        """Paths of release files asked for (ranges included), optionally of one project."""
        return [path for path, _ in self.log
                if path.startswith(("/files/", "/norange/")) and path.split("/")[-1].startswith(prefix)]

    def close(self):
        self.server.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def index():
    server = Index()
    yield server
    server.close()


@pytest.fixture
def second_index():
    """Another index on 127.0.0.1 that has legacyimp only, as PyTorch's has torch."""
    server = Index(only={"legacyimp"})
    yield server
    server.close()


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test: its own cache and working directory, no index from the environment."""
    monkeypatch.setenv("OUTMODED_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PIP_INDEX_URL", raising=False)
    monkeypatch.delenv("OUTMODED_OUTPUT_FORMAT", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def deps(index, capsys):
    """Run ``outmoded deps`` against the test index: returns (exit code, stdout, stderr)."""
    def run(*args, url=None):
        capsys.readouterr()
        code = main(["deps", "--index-url", url or index.url, "--timeout", "0.5",
                     "--retries", "0", *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def deps_json(deps):
    """Run with ``--format json``: returns (exit code, {name: dependency dict}, document)."""
    def run(*args, **kwargs):
        code, out, err = deps("--format", "json", *args, **kwargs)
        assert "Traceback" not in err
        document = json.loads(out)
        return code, {d["name"]: d for d in document["dependencies"]}, document
    return run



PYPI = "https://pypi.org/simple/"


@pytest.fixture
def public_index():
    request = urllib.request.Request(PYPI + "requests/",
                                     headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read(1)
    except OSError as exc:  # URLError, timeouts, TLS trouble: all mean "offline" here
        pytest.skip(f"public index unreachable: {exc}")
