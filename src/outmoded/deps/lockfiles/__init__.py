"""Lock files, one module per format (``uv``, ``poetry``, ``pdm``, ``pipfile``), each building a
``graph.Lock`` that ``graph.walk`` turns into the packages the target installs and which direct
dependency pulls each in. ``outmoded.deps.sources`` picks the reader by file name."""
