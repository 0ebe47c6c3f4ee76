"""The command-line tool: each command parses its arguments, calls one library function, prints.

Library errors (schemas.errors.PolicykgError) become one line on stderr, ``Error: [E001] …``, and exit 1;
anything unexpected becomes ``Error: unexpected …`` and exit 2. ``--debug`` shows tracebacks.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

import click

from pipeline.batch import FIRST_LISTED_ENV
from schemas.errors import PolicykgError, describe

FORMATS = ("table", "json", "csv")


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except PolicykgError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: {describe(exc)}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: one line unless --debug
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
            sys.exit(2)


def _progress(outcomes: Iterable, total: int) -> Iterable:
    from tqdm import tqdm

    return tqdm(outcomes, total=total, unit="doc", disable=not sys.stderr.isatty() or total < 2,
                file=sys.stderr)


def _report_failures(failed: list, debug: bool) -> None:
    """List the documents that failed; exit 1 if any did (the good ones are already written)."""
    for outcome in failed:
        click.echo(f"failed: {outcome.error}", err=True)
        if debug and outcome.detail:
            click.echo(outcome.detail, err=True)
    if failed:
        click.echo(f"Error: {len(failed)} document(s) failed", err=True)
        sys.exit(1)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("--first-listed-leads", is_flag=True,
              help="Where a clause names no roles (责任单位：A、B), take the first unit as the lead and the "
                   "others as supporting (the records say so: basis first_listed, a roles_inferred warning). "
                   "Without it such units are 负责 (responsible), unless the document states the rule.")
@click.version_option(package_name="policykg")
@click.pass_context
def cli(ctx: click.Context, debug: bool, first_listed_leads: bool) -> None:
    """policykg: Chinese plan documents to a knowledge graph of targets, deadlines and owners."""
    ctx.obj = {"debug": debug}
    if first_listed_leads:  # read by the extraction workers (pipeline.batch.extract_many)
        os.environ[FIRST_LISTED_ENV] = "1"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A folder (one JSON per document) or a .json file (one document).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Extract again even if the document is unchanged.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output: Path, workers: Optional[int],
            no_cache: bool) -> None:
    """Extract plan records (targets, milestones, owners, evidence) from documents to JSON."""
    from policykg.jobs import extract_paths

    result = extract_paths(paths, output, workers, use_cache=not no_cache, progress=_progress)
    click.echo(f"extracted {len(result.written)} document(s) to {output} "
               f"({result.cached} unchanged, {result.seconds:.1f}s)")
    _report_skipped(result.skipped)
    _report_failures(result.failed, ctx.obj["debug"])


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.pass_context
def load(ctx: click.Context, paths: tuple[str, ...], workers: Optional[int]) -> None:
    """Load documents into the graph database (NEO4J_URI, or the embedded default)."""
    from policykg.jobs import load_paths

    summary, batch = load_paths(paths, workers, progress=_progress)
    click.echo(f"loaded {summary.documents} plan(s): {summary.nodes} nodes, "
               f"{summary.relationships} relationships in {summary.seconds:.1f}s")
    for said in batch.replaced:
        click.echo(f"replaced the earlier version of {said}")
    _report_skipped(batch.skipped)
    _report_failures(batch.failed, ctx.obj["debug"])


def _report_skipped(skipped: list[tuple[str, str]]) -> None:
    for path, why in skipped:
        click.echo(f"skipped: {path}: {why}", err=True)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":  # a BOM, so Excel and WPS read the Chinese; lists as 、-joined text
        sys.stdout.write("\ufeff")
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["、".join(map(str, v)) if isinstance(v, list) else
                             json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
                             for v in row.values()])
        return
    from tabulate import tabulate

    def cell(v: Any) -> Any:
        return json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict)) else v

    click.echo(tabulate([[cell(v) for v in r.values()] for r in rows], headers=columns) if rows else "(no rows)")


@cli.command()
@click.argument("query", required=False)
@click.option("--param", "params", multiple=True, help="A Cypher parameter, key=value (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow the query to change the database.")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
def query(query: Optional[str], params: tuple[str, ...], fmt: str, write: bool, list_: bool) -> None:
    """Run Cypher, or a named query from graph/store/queries/, read-only unless --write."""
    from graph.store.queries import list_queries
    from policykg.jobs import parse_param, run_query

    if list_ or not query:
        for q in list_queries():
            extra = f"  (parameters: {', '.join('$' + p for p in q.parameters)})" if q.parameters else ""
            click.echo(f"{q.name:24} {q.description}{extra}")
        return
    rows = run_query(query, dict(parse_param(p) for p in params), write=write)
    _print_rows(rows, fmt)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(("graphml", "json", "csv", "cypher", "table")), required=True,
              help="table: the tidy tables (targets, responsibilities, milestones) as CSV, XLSX and Parquet.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A file (graphml, json, cypher) or a folder (csv, table).")
def export(paths: tuple[str, ...], fmt: str, output: Path) -> None:
    """Export the graph of documents (default: corpus/) as GraphML, JSON, CSV, Cypher or tables."""
    from policykg.jobs import export_paths

    if fmt == "table":
        from policykg.corpus import write_corpus_tables

        written, _counts, _failed = write_corpus_tables(output, paths or ("corpus",))
    else:
        written = export_paths(paths or ("corpus",), fmt, output)
    click.echo(f"wrote {len(written)} file(s): " + ", ".join(map(str, written[:5])) + (" …" if len(written) > 5 else ""))


@cli.group(cls=_Group)
def db() -> None:
    """Start, stop or inspect the embedded graph database."""


@db.command("start")
def db_start() -> None:
    """Start the embedded database (it also starts by itself when needed)."""
    from graph.store.embedded import ensure_server

    conn = ensure_server()
    click.echo(f"embedded database listening at {conn.uri}")


@db.command("stop")
def db_stop() -> None:
    """Stop the embedded database."""
    from graph.store.embedded import stop_server

    click.echo("stopped" if stop_server() else "not running")


@db.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_reset(yes: bool) -> None:
    """Delete every plan, bureau and relationship from the graph database."""
    from policykg.corpus import reset

    if not yes:
        click.confirm("Delete everything in the graph database?", abort=True)
    reset()
    click.echo("the graph database is empty")


@db.command("status")
def db_status() -> None:
    """Say whether the embedded database runs, and where."""
    from graph.store.embedded import server_status

    state = server_status()
    click.echo("not running" if not state else json.dumps(
        {k: v for k, v in state.items() if "pass" not in k.lower()}, ensure_ascii=False))




@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="matrix.xlsx, .html, .csv or .md (by suffix).")
@click.option("--by", type=click.Choice(("action", "target", "section")), default="action", show_default=True)
def matrix(paths: tuple[str, ...], output: Path, by: str) -> None:
    """Write the responsibility matrix (bureau × action, lead/support) of one or more plans."""
    from policykg.jobs import matrix_paths

    click.echo(f"wrote {matrix_paths(paths, output, by)}")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="report.html")
def report(paths: tuple[str, ...], output: Path) -> None:
    """Write one self-contained HTML report (tables, matrix, timeline, graph, highlighted text)."""
    from policykg.jobs import report_paths

    click.echo(f"wrote {report_paths(paths, output)}")


@cli.command()
@click.argument("corpus", default="corpus")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("out"), show_default=True)
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.pass_context
def run(ctx: click.Context, corpus: str, output: Path, workers: Optional[int]) -> None:
    """The main job: extract CORPUS, load the database, write exports, matrix, comparisons, report."""
    from policykg.jobs import run_corpus

    result = run_corpus(corpus, output, workers, progress=_progress)
    b = result.batch
    click.echo(f"extracted {len(b.records)} document(s) ({b.cached} unchanged) into {output / 'records'}")
    for r in b.records:
        real = [t for t in r.targets if t.kind != "baseline"]
        click.echo(f"  {r.plan.title}: {len(r.actions)} actions, {len(real)} targets, "
                   f"{len(r.milestones)} milestones, {len(r.units)} units, {len(r.warnings)} warnings")
    for child, parent in result.pending_parents:
        click.echo(f"  {child} implements {parent} — not in the corpus yet")
    for said in result.replaced:
        click.echo(f"  replaced the earlier version of {said}")
    if result.load:
        click.echo(f"loaded {result.load.nodes} nodes, {result.load.relationships} relationships "
                   f"into the graph database in {result.load.seconds:.1f}s")
    click.echo(f"wrote {len(result.outputs)} files under {output}/")
    for title, rows in result.samples:
        click.echo(f"\n{title}:")
        _print_rows(rows, "table")
    _report_failures(b.failed, ctx.obj["debug"])


from policykg.cli_compare import compare  # noqa: E402  (commands kept in their own modules)
from policykg.cli_corpus import remove, table  # noqa: E402

cli.add_command(compare)
cli.add_command(remove)
cli.add_command(table)


def main() -> None:
    cli(prog_name="policykg")


if __name__ == "__main__":
    main()
