from . import JSON_SCHEMA_PATH, render_json_schema

JSON_SCHEMA_PATH.write_text(render_json_schema(), encoding="utf-8")
print(f"wrote {JSON_SCHEMA_PATH}")
