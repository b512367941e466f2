"""Errors a user can act on. The CLI prints them as one line, without a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in the user's input or configuration; the message says what to do next."""


class InputError(UserError):
    """An input file or record cannot be used."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.source = source
        self.line = line


class ConfigError(UserError):
    """An option, schema or registry file is wrong."""


class JobSubmitted(Exception):  # not an error: the work goes on in a scheduler
    """The per-article work was handed to a batch scheduler (Slurm); the message says how to finish."""
