"""The git hook's old place: a ``hooks/pre-commit`` copied into a repository before the
integrations moved to ``outmoded.integrations`` imports ``outmoded.githook``; it keeps working."""

from outmoded.integrations.githook import main  # noqa: F401
