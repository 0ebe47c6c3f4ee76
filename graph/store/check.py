"""``check_store``: the embedded database's files look whole before a server opens them.

Why: ArcadeDB opens a truncated bucket or a broken ``schema.json`` without a word and then
answers with 0 nodes or orphan targets. A bucket or index file is a whole number of pages (the
page size is in its name: ``Plan_0.1.65536.v0.bucket``), and every bucket the schema names exists.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from schemas.errors import StoreCorrupt

_PAGED = re.compile(r"^(?P<name>.+)\.(?P<file_id>\d+)\.(?P<page>\d+)\.v\d+\.(?P<kind>\w+)$")


def store_problems(db_dir: Path) -> list[str]:
    """What is wrong with the database folder ``db_dir``, one line each (empty: nothing found).
    A folder that does not exist yet is a database not created yet, not a problem."""
    db_dir = Path(db_dir)
    if not db_dir.exists():
        return []
    problems: list[str] = []
    files: dict[str, Path] = {}
    for path in sorted(db_dir.iterdir()):
        match = _PAGED.match(path.name)
        if not match or not path.is_file():
            continue
        files[match["name"]] = path
        size, page = path.stat().st_size, int(match["page"])
        if page and size % page:
            problems.append(f"{path.name} is truncated ({size} bytes, not a whole number of "
                            f"{page}-byte pages)")
    schema = db_dir / "schema.json"
    if not files and not schema.exists():
        return problems
    try:
        types = json.loads(schema.read_text(encoding="utf-8"))["types"]
        buckets = [b for t in types.values() for b in t.get("buckets", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        return problems + [f"schema.json cannot be read ({reason})"]
    problems += [f"bucket {b} named in schema.json has no file" for b in buckets if b not in files]
    return problems


def check_store(db_dir: Path) -> None:
    """Raise StoreCorrupt, in one line naming the folder and the first problems, if any."""
    problems = store_problems(db_dir)
    if problems:
        more = f" (and {len(problems) - 2} more)" if len(problems) > 2 else ""
        raise StoreCorrupt(f"the embedded database in {db_dir} is damaged: "
                           + "; ".join(problems[:2]) + more
                           + "; restore it from a backup, or delete the folder to start empty")
