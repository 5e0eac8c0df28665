"""3.14: ``typing.Union[X, Y]`` and ``Optional[X]`` are ``typing.Union`` instances, which take no
``__module__`` (httpcore 1.0.5's ``__init__`` sets it on every name of ``__all__``, a Union among
them: ``import httpcore`` raises AttributeError on the real 3.14, not on 3.13)."""

from outmoded.catalog import default_catalog
from outmoded.catalog.index import build_index
from outmoded.engine import check_source
from outmoded.prefilter import candidate_words

E = "error"

HTTPCORE_INIT = """\
from ._backends.base import SOCKET_OPTION, NetworkBackend
from ._models import Request

__all__ = [
    "NetworkBackend",
    "Request",
    "SOCKET_OPTION",
]

__version__ = "1.0.5"


__locals = locals()
for __name in __all__:
    if not __name.startswith({skip}):
        setattr(__locals[__name], "__module__", "httpcore")
"""

BASE = """\
import typing

SOCKET_OPTION = typing.Union[
    typing.Tuple[int, int, int],
    typing.Tuple[int, int, None, int],
]


class NetworkBackend:
    pass
"""


def _package(project, skip):
    project.write("httpcore/_backends/__init__.py")
    project.write("httpcore/_backends/base.py", BASE)
    project.write("httpcore/_models.py", "class Request:\n    pass\n")
    project.write("httpcore/__init__.py", HTTPCORE_INIT.replace("{skip}", skip))
    doc = project.check_json("httpcore", target="3.14")
    assert doc["errors"] == []
    return [(f["path"].replace("\\\\", "/").rpartition("httpcore/")[2], f["line"], f["api"]) for f in doc["findings"]]


def test_httpcore_loop_over_all_reaches_a_union_another_module_defines(project):
    assert _package(project, '"__"') == [("__init__.py", 16, "SOCKET_OPTION.__module__")]


def test_the_loop_that_skips_the_union_as_httpcore_1_0_9_does(project):
    assert _package(project, '("__", "SOCKET_OPTION")') == []


def test_union_aliases_set_directly(project):
    source = """\
        import typing
        from typing import Optional, Union

        A = Union[int, str]
        B = Optional[int]
        C = typing.Union[int, None]
        D = Union[int]
        E = typing.List[int]
        F = int | str
        G = Optional[None]
        A.__module__ = "pkg"
        setattr(B, "__module__", "pkg")
        C.__module__ = "pkg"
        D.__module__ = "pkg"
        E.__module__ = "pkg"
        F.__module__ = "pkg"
        G.__module__ = "pkg"
        try:
            A.__module__ = "pkg"
        except AttributeError:
            pass

        def later():
            A.__module__ = "pkg"
        """
    assert project.findings(source, target="3.14") == [(11, "A.__module__", E), (12, "B.__module__", E),
                                                      (13, "C.__module__", E)]
    assert project.findings(source, target="3.13", name="b.py") == []


def test_loops_over_all_that_reach_no_union(project):
    """A loop whose test leaves the alias out, one inside a try (openai, anthropic), one over
    classes only, ``__all__`` not a literal: nothing."""
    source = """\
        from typing import Union
        Alias = Union[int, str]
        class K:
            pass
        __all__ = ["K", "Alias"]
        __locals = locals()
        for __name in __all__:
            if __name != "Alias":
                setattr(__locals[__name], "__module__", "pkg")
        for __name in __all__:
            if not __name.startswith("__"):
                try:
                    __locals[__name].__module__ = "pkg"
                except (TypeError, AttributeError):
                    pass
        for __name in __all__:
            if __name in ("K",):
                globals()[__name].__module__ = "pkg"
        """
    assert project.findings(source, target="3.14") == []
    looped = source.replace('if __name != "Alias"', 'if __name not in ("K",)')
    assert project.findings(looped, target="3.14", name="b.py") == [(9, "Alias.__module__", E)]
    assert project.findings(looped.replace('__all__ = ["K", "Alias"]', '__all__ = names()'),
                            target="3.14", name="c.py") == []


def test_only_files_setting_module_pass_the_prefilter():
    index = build_index(default_catalog(), (3, 14))
    union_only = b"from typing import Union\nAlias = Union[int, str]\nname = Alias.__module__\n"
    assert not candidate_words(union_only, index.words, index.by_anchor, None, None)
    imported = b"from .types import Alias\nAlias.__module__ = 'x'\n"  # set directly: judged on a Union bound here
    assert not candidate_words(imported, index.words, index.by_anchor, None, None)
    setting = b"from typing import Union\nAlias = Union[int, str]\nAlias.__module__ = 'x'\n"
    assert candidate_words(setting, index.words, index.by_anchor, None, None)
    assert [f.api for f in check_source("m.py", setting, index).findings] == ["Alias.__module__"]



def test_the_loop_passes_the_prefilter_however_it_is_spaced(project):
    """A loop written ``for n in  __all__ :`` (two blanks, a tab, a blank before the colon) is
    found as the single-spaced one is: the prefilter must not clear what the scanner reports."""
    project.write("httpcore/_backends/__init__.py")
    project.write("httpcore/_backends/base.py", BASE)
    project.write("httpcore/_models.py", "class Request:\n    pass\n")
    init = HTTPCORE_INIT.replace("{skip}", '"__"')
    for spelling in ("in  __all__:", "in\t__all__ :", "in \t __all__:"):
        project.write("httpcore/__init__.py", init.replace("in __all__:", spelling))
        doc = project.check_json("httpcore", target="3.14")
        assert [f["api"] for f in doc["findings"]] == ["SOCKET_OPTION.__module__"], spelling
