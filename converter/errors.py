"""Errors that stop a conversion. Problems that do not stop it are findings.

    ConversionError              the root: anything that makes a file unconvertible
    ├── InputError               the input cannot be read as a filing
    │   ├── NotFoundError        no such file
    │   ├── NotAFileError        a directory or a device where a file was expected
    │   ├── TooLargeError        above --max-bytes; refused from its size, before reading
    │   ├── EmptyInputError      nothing but white space
    │   ├── BinaryInputError     a PDF, an image, an archive, a Word file...
    │   ├── NoDocumentError      a submission none of whose documents holds statements
    │   └── NoTablesError        no financial table was found
    │       └── NoNumbersError   tables, but not one number in them
    └── OutputError              an output could not be written

Each error says where (`source`, and `line` when one applies), what was wrong
(`message`) and what to do (`hint`, a default per class). `code` is a stable
dotted name, as findings have, for `--json-errors`.
"""

from __future__ import annotations

# The largest input convert_file reads unless told otherwise (`--max-bytes`): the biggest
# 1990s 10-K submissions are a few megabytes, so 64 MiB is room to spare, not a filing.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class ConversionError(Exception):
    """A file could not be converted. `source` names it and `line` points into it."""

    code = "error"
    default_hint: str | None = None

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint if hint is not None else self.default_hint

    @property
    def where(self) -> str:
        where = self.source or "<input>"
        return f"{where}:{self.line}" if self.line is not None else where

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(ConversionError):
    code = "input"
    default_hint = "give a plain-text release or EDGAR submission (.txt)"


class NotFoundError(InputError):
    code = "input.not_found"
    default_hint = "check the path"


class NotAFileError(InputError):
    code = "input.not_a_file"
    default_hint = "give one release file; a folder, glob or archive is read in batch mode"


class TooLargeError(InputError):
    code = "input.too_large"
    default_hint = "raise the limit with --max-bytes if the file really is one filing"


class EmptyInputError(InputError):
    code = "input.empty"
    default_hint = "give a release or an EDGAR submission"


class BinaryInputError(InputError):
    code = "input.binary"
    default_hint = "convert takes plain-text EDGAR filings; extract the text first"


class NoDocumentError(InputError):
    code = "input.no_document"
    default_hint = "for an 8-K the statements are in the EX-99 exhibits; check the submission"


class NoTablesError(InputError):
    code = "input.no_tables"
    default_hint = "tables are <TABLE> blocks or columns of aligned numbers"


class NoNumbersError(NoTablesError):
    code = "input.no_numbers"
    default_hint = "a financial table needs figures in aligned columns"


class OutputError(ConversionError):
    code = "output"
    default_hint = "choose a writable folder with -o"
