"""CLI commands over the whole corpus: the tidy tables, removing a plan."""
from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("plan")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def remove(plan: str, yes: bool) -> None:
    """Remove one loaded plan (by id, title, doc id or 文号) and what its document said."""
    from policykg.corpus import remove as remove_job

    if not yes:
        click.confirm(f"Remove the plan {plan!r} from the graph database?", abort=True)
    row = remove_job(plan)
    click.echo(f"removed {row['title']} ({row['id']})")


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A folder (targets/responsibilities/milestones .csv and .parquet, tables.xlsx) or a .xlsx file.")
@click.option("--format", "formats", type=click.Choice(("csv", "xlsx", "parquet")), multiple=True,
              help="Only these formats (repeatable; default all three).")
def table(paths: tuple[str, ...], output: Path, formats: tuple[str, ...]) -> None:
    """Tidy tables for pandas, R, Stata and Excel: one row per target, responsibility and milestone.

    With no PATHS, of every plan in the graph database; else of the documents or records given."""
    from graph.render.tables import FORMATS
    from policykg.corpus import write_corpus_tables

    written, counts, failed = write_corpus_tables(output, paths, formats or FORMATS)
    click.echo(", ".join(f"{n} {name}" for name, n in counts.items()) + f"; wrote {len(written)} file(s) under {output}")
    for error in failed:
        click.echo(f"failed: {error}", err=True)
    if failed:
        click.echo(f"Error: {len(failed)} input(s) failed", err=True)
        sys.exit(1)
