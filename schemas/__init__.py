"""Contracts: typed records, their JSON Schema, the graph schema and the error hierarchy."""
import json
from pathlib import Path

from .records import SCHEMA_VERSION, DocumentRecords

JSON_SCHEMA_PATH = Path(__file__).with_name("document.schema.json")


def json_schema() -> dict:
    """The JSON Schema of one document's records, generated from the pydantic models."""
    schema = DocumentRecords.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://policykg.invalid/schemas/document-{SCHEMA_VERSION}.json"
    return schema


def render_json_schema() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


