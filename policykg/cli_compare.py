"""``policykg compare``: a plan against the plan it implements, or the roll-up of a parent plan
and every plan implementing it (``--parent``). Kept apart so cli.py stays one screenful of commands."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from pipeline.formats import READS
from policykg.output import echo
from schemas.paths import shown


@click.command(epilog=f"Documents: {READS}.")
@click.argument("paths", nargs=-1)
@click.option("--parent", "parent", default=None,
              help="Roll up a parent plan and every plan implementing it: a document (PATHS are the "
                   "documents implementing it, files or folders), or a loaded plan's id, title, doc id "
                   "or 文号 (no PATHS: the plans implementing it in the database).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="report.html, .json or .md (by suffix); a roll-up: .xlsx, .html or .json.")
def compare(paths: tuple[str, ...], parent: Optional[str], output: Path) -> None:
    """Compare CHILD PARENT (aligned targets, ambition, gaps, counterparts), or roll up --parent."""
    if parent is not None:
        from policykg.rollup import rollup_paths

        rolled = rollup_paths(parent, paths, output)
        below = sum(len(level.children) for level in rolled.below)
        echo(f"wrote {shown(output)}: {len(rolled.rows)} parent targets across "
                   f"{len(rolled.children)} plans" + (f" ({below} more a level down)" if below else ""))
        return
    if len(paths) != 2:
        raise click.UsageError("give CHILD PARENT, or --parent PARENT [CHILDREN…]")
    from policykg.jobs import compare_paths

    result = compare_paths(paths[0], paths[1], output)
    s = result.summary
    echo(f"wrote {shown(output)}: {s.aligned} aligned, {s.parent_only} parent-only, {s.child_only} child-only")
