"""Errors that stop a conversion. Problems that do not stop it are findings.

    ConversionError            the root: anything that makes a file unconvertible
    ├── InputError             the input cannot be read as a filing
    │   ├── EmptyInputError    nothing but whitespace
    │   ├── BinaryInputError   a PDF, an image, an archive...
    │   ├── TooLargeError      above --max-bytes
    │   └── NoTablesError      no financial table was found
    └── OutputError            an output could not be written
"""

from __future__ import annotations


class ConversionError(Exception):
    """A file could not be converted. `source` names it and `line` points into it."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(ConversionError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class NoTablesError(InputError):
    pass


class OutputError(ConversionError):
    pass
