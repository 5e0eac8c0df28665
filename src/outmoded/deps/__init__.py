"""``outmoded deps``: are the project's dependencies installable on the target Python?

Modules, one concern each: ``requirements`` and ``pyproject`` read dependency files, ``sources``
finds them, ``target`` and ``platforms`` describe what we judge for, ``cache`` and ``index`` talk
HTTP to the package index, ``simple`` parses its answers, ``readiness`` decides from wheel tags,
``check`` ties them together, ``report`` prints, ``command`` is the CLI.
"""
