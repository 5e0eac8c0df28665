"""outmoded: find and fix uses of standard-library APIs removed in newer Python releases."""

__version__ = "0.1.0"
