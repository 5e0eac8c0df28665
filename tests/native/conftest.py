"""Fixtures shared by the tests of outmoded.native."""

import pytest


@pytest.fixture
def errors(project):
    """``errors(name, target)``: the APIs a check of the file ``name`` of the scratch project
    reports as errors at ``target`` (a set), or with ``lines=True`` (line, api) of each, sorted.
    The check itself must meet no file it cannot read."""

    def found(name, target="3.13", lines=False):
        doc = project.check_json(name, target=target)
        assert doc["errors"] == []
        reported = [(f["line"], f["api"]) for f in doc["findings"] if f["severity"] == "error"]
        return sorted(reported) if lines else {api for _, api in reported}

    return found
