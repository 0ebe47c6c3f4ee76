"""Validate JSON against the records contract with messages a person can read."""
from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .errors import ValidationFailed
from .records import DocumentRecords


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def validate_records(data: dict[str, Any]) -> DocumentRecords:
    """Parse ``data`` as DocumentRecords or raise ValidationFailed like
    ``[targets.3.deadline] String should match pattern …``."""
    try:
        return DocumentRecords.model_validate(data)
    except ValidationError as exc:
        lines = [f"[{_where(err['loc'])}] {err['msg']}" for err in exc.errors()]
        raise ValidationFailed("; ".join(lines)) from None


def validate_records_json(text: str) -> DocumentRecords:
    """Like :func:`validate_records`, for JSON text (parsed and checked in one pass)."""
    try:
        return DocumentRecords.model_validate_json(text)
    except ValidationError as exc:
        lines = [f"[{_where(err['loc'])}] {err['msg']}" for err in exc.errors()]
        raise ValidationFailed("; ".join(lines)) from None
