"""One exception hierarchy for the library; the CLI turns these into ``Error: …`` lines."""


class PolicykgError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(PolicykgError):
    """A document could not be read or decoded."""


class EmptyDocument(InputError):
    """A document holds no text once decoded and cleaned."""


class DocumentTooLarge(InputError):
    """A document is larger than the documented limit."""


class ValidationFailed(PolicykgError):
    """Records do not satisfy the JSON contract."""


class StoreError(PolicykgError):
    """The graph database could not be reached or refused an operation."""


class WriteRefused(StoreError):
    """A query would write, and ``--write`` was not given."""


class QueryError(StoreError):
    """A Cypher query failed (syntax, unknown named query, bad parameter)."""


class StoreCorrupt(StoreError):
    """The embedded database's files are damaged (a truncated bucket, an unreadable schema)."""


class OutputError(PolicykgError):
    """An output file could not be written (full disk, permissions); the previous file is kept."""
