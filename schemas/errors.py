"""Every error the library raises on purpose, in one catalogue (spaCy's ``errors.py`` habit).

Each class has a stable ``code`` a user can search for; the CLI prints ``Error: [E012] message``
(``describe``). Codes are never reused or renumbered: a new error takes the next free number.
tests/test_errors.py checks that codes are unique, that every class has a docstring, and that no
module outside ``schemas`` defines an exception class.
"""
from __future__ import annotations

from typing import ClassVar


class PolicykgError(Exception):
    """Base class of every error the library raises on purpose."""

    code: ClassVar[str] = "E000"


def describe(exc: PolicykgError) -> str:
    """``[E012] message``: the one line the CLI shows (the docstring when the message is empty)."""
    message = str(exc) or (type(exc).__doc__ or type(exc).__name__).strip().splitlines()[0]
    return f"[{exc.code}] {message}"


# Input: reading documents (pipeline.decode, pipeline.batch, policykg.jobs).


class InputError(PolicykgError):
    """A document could not be read or decoded."""

    code = "E001"


class EmptyDocument(InputError):
    """A document holds no text once decoded and cleaned."""

    code = "E002"


class DocumentTooLarge(InputError):
    """A document is larger than the documented limit."""

    code = "E003"


class NoTextLayer(InputError):
    """A PDF whose pages hold no text, only images (a scan): it needs OCR before policykg can read it."""

    code = "E005"


class ConverterMissing(InputError):
    """A document needs an outside converter (antiword, LibreOffice) that is not installed."""

    code = "E006"


class SegmenterError(PolicykgError):
    """The tokenizer produced a Doc whose text differs from the normalized text."""

    code = "E004"


# Contracts.


class ValidationFailed(PolicykgError):
    """Records do not satisfy the JSON contract."""

    code = "E010"


class ArgumentError(PolicykgError):
    """A library function was called with arguments that do not fit together (the caller's mistake)."""

    code = "E011"


# The database (graph.store).


class StoreError(PolicykgError):
    """The graph database could not be reached or refused an operation."""

    code = "E020"


class WriteRefused(StoreError):
    """A query would write, and ``--write`` was not given."""

    code = "E021"


class QueryError(StoreError):
    """A Cypher query failed (syntax, unknown named query, bad parameter)."""

    code = "E022"


# Answers and what writes them out (graph.answers, graph.render).


class MatrixError(PolicykgError):
    """A matrix cannot be built or written as asked (unknown grouping or format)."""

    code = "E030"


class ReportError(PolicykgError):
    """The report could not be built (e.g. the vendored graph library is missing)."""

    code = "E031"


class UnknownFormat(PolicykgError):
    """An output format the writer does not know (comparisons: json, md, html; exports: graphml, json,
    csv, cypher)."""

    code = "E032"


class ExportError(PolicykgError):
    """The graph holds something the export format cannot express (a NUL in a Cypher name)."""

    code = "E033"



class BadURI(StoreError):
    """NEO4J_URI is not a usable database address (scheme, host, port, characters, credentials)."""

    code = "E024"


class StoreCorrupt(StoreError):
    """The embedded database's files are damaged (a truncated bucket, an unreadable schema)."""

    code = "E023"


class OutputError(PolicykgError):
    """An output file could not be written (full disk, permissions); the previous file is kept."""

    code = "E034"


# Running extraction elsewhere (pipeline.cluster).


class ClusterError(PolicykgError):
    """The distributed engine cannot be reached or started (a scheduler address, dask missing)."""

    code = "E040"
