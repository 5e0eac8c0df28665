"""The ways into outmoded from outside the command line, each a thin layer over the commands:
the GitHub Action (``action``: inputs, annotations, job summary, SARIF, changed lines), the
pre-commit framework's hooks (``precommit``, the ``outmoded-precommit`` script) and the plain git
hook (``githook``, the ``outmoded-githook`` script ``hooks/pre-commit`` runs).  ``hooks/`` at the
repository's root holds their entry points, which only call in here."""
