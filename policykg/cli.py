"""The command-line tool: each command parses its arguments, calls one library function, prints.

Library errors (schemas.errors.PolicykgError) become one line on stderr, ``Error: [E001] …``, and exit 1;
anything unexpected becomes ``Error: unexpected …`` and exit 2. ``--debug`` shows tracebacks.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

import click

from graph.store.uri import redact
from pipeline.batch import FIRST_LISTED_ENV
from pipeline.formats import READS
from policykg.output import FORMATS, echo, write_rows
from schemas.errors import PolicykgError, describe
from schemas.paths import shown


class _StderrNotice(logging.Handler):
    """The library's notices (``logging.getLogger("policykg")``) as plain lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        echo(redact(record.getMessage()), err=True)


def _os_error(exc: OSError) -> str:
    """``Error: <file>: Permission denied`` (no exception class name, one line)."""
    where = ": ".join(str(f) for f in (exc.filename, exc.filename2) if f is not None)
    return f"{where}: {exc.strerror or exc}" if where else str(exc.strerror or exc)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except PolicykgError as exc:
            if ctx.params.get("debug"):
                raise
            echo(f"Error: {redact(shown(describe(exc)))}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            echo("Error: interrupted", err=True)
            sys.exit(130)
        except OSError as exc:  # a file the tool was not allowed to read or write
            if ctx.params.get("debug"):
                raise
            echo(f"Error: {redact(_os_error(exc))}", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug: one line unless --debug
            if ctx.params.get("debug"):
                raise
            echo(f"Error: unexpected {type(exc).__name__}: {redact(str(exc))} "
                 "(run with --debug for details)", err=True)
            sys.exit(2)


def _progress(outcomes: Iterable, total: int) -> Iterable:
    from tqdm import tqdm

    return tqdm(outcomes, total=total, unit="doc", disable=not sys.stderr.isatty() or total < 2,
                file=sys.stderr)


def _report_failures(failed: list, debug: bool, skipped: Iterable = ()) -> None:
    """List the files skipped in folders and the documents that failed; exit 1 if any failed
    (the good ones are already written)."""
    for s in skipped:
        echo(f"skipped: {s.path}: {s.reason}", err=True)
    for outcome in failed:
        echo(f"failed: {shown(outcome.error)}", err=True)
        if debug and outcome.detail:
            echo(outcome.detail, err=True, lines=True)
    if failed:
        echo(f"Error: {len(failed)} document(s) failed", err=True)
        sys.exit(1)


#: Every command that reads plan documents says which types it reads.
DOCUMENTS_HELP = f"Documents: {READS}."


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
    notices = logging.getLogger("policykg")
    if not any(isinstance(h, _StderrNotice) for h in notices.handlers):
        notices.addHandler(_StderrNotice())
        notices.setLevel(logging.INFO)
        notices.propagate = False
    if first_listed_leads:  # read by the extraction workers (pipeline.batch.extract_many)
        os.environ[FIRST_LISTED_ENV] = "1"


@cli.command(epilog=DOCUMENTS_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A folder (one JSON per document) or a .json file (one document).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Extract again even if the document is unchanged.")
@click.option("--engine", type=click.Choice(["processes", "dask"]), default="processes", show_default=True,
              help="dask: run on a Dask cluster (--scheduler), or a LocalCluster of --workers processes "
                   "(docs/cluster.md).")
@click.option("--scheduler", metavar="ADDR", default=None,
              help="With --engine dask: the scheduler's address (tcp://host:8786).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output: Path, workers: Optional[int],
            no_cache: bool, engine: str, scheduler: Optional[str]) -> None:
    """Extract plan records (targets, milestones, owners, evidence) from documents to JSON."""
    from policykg.jobs import extract_paths

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    result = extract_paths(paths, output, workers, use_cache=not no_cache, progress=_progress,
                           engine=engine, scheduler=scheduler)
    echo(f"extracted {len(result.written)} document(s) to {shown(output)} "
               f"({result.cached} unchanged, {result.seconds:.1f}s)")
    _report_failures(result.failed, ctx.obj["debug"], result.skipped)


@cli.command(epilog=DOCUMENTS_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.pass_context
def load(ctx: click.Context, paths: tuple[str, ...], workers: Optional[int]) -> None:
    """Load documents into the graph database (NEO4J_URI, or the embedded default)."""
    from policykg.jobs import load_paths

    summary, batch = load_paths(paths, workers, progress=_progress)
    if summary.documents or not batch.failed:
        echo(f"loaded {summary.documents} plan(s): {summary.nodes} nodes, "
             f"{summary.relationships} relationships in {summary.seconds:.1f}s")
    for said in batch.replaced:
        echo(f"replaced the earlier version of {shown(said)}")
    _report_failures(batch.failed, ctx.obj["debug"], batch.skipped)


@cli.command()
@click.argument("query", required=False)
@click.option("--param", "params", multiple=True, help="A Cypher parameter, key=value (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Rows are written as they arrive: json as a streamed array, jsonl one row a line.")
@click.option("--write", is_flag=True, help="Allow the query to change the database.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              metavar="SECONDS", help="Give up (and say so) when the query runs longer.")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
def query(query: Optional[str], params: tuple[str, ...], fmt: str, write: bool, timeout: float,
          list_: bool) -> None:
    """Run Cypher, or a named query from graph/store/queries/, read-only unless --write."""
    from graph.store.queries import list_queries
    from policykg.jobs import parse_param, stream_query

    if list_ or not query:
        for q in list_queries():
            extra = f"  (parameters: {', '.join('$' + p for p in q.parameters)})" if q.parameters else ""
            echo(f"{q.name:24} {q.description}{extra}")
        return
    values = dict(parse_param(p) for p in params)
    with stream_query(query, values, write=write, timeout=timeout) as rows:
        write_rows(rows, fmt)


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
    echo(f"wrote {len(written)} file(s): " + ", ".join(map(shown, written[:5])) + (" …" if len(written) > 5 else ""))


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback requires the token.")
@click.option("--port", type=int, default=0, help="Port (default: a free one, printed).")
@click.option("--token", envvar="POLICYKG_TOKEN", help="Access token (made up when needed and not given).")
@click.option("--open", "open_", is_flag=True, help="Open the workbench in the browser.")
def serve(paths: tuple[str, ...], host: str, port: int, token: Optional[str], open_: bool) -> None:
    """The workbench in the browser over the configured database; PATHS: the documents (for evidence)."""
    from policykg.web.server import start

    bound = start(paths or ("corpus",), host, port, token)
    url = bound.url + (f"?token={bound.token}" if bound.token else "")
    click.echo(f"policykg workbench at {url} (Ctrl-C stops it)")
    if open_:
        import webbrowser

        webbrowser.open(url)
    bound.run()


@cli.command(epilog=DOCUMENTS_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="matrix.xlsx, .html, .csv or .md (by suffix).")
@click.option("--by", type=click.Choice(("action", "target", "section")), default="action", show_default=True)
def matrix(paths: tuple[str, ...], output: Path, by: str) -> None:
    """Write the responsibility matrix (bureau × action, lead/support) of one or more plans."""
    from policykg.jobs import matrix_paths

    echo(f"wrote {shown(matrix_paths(paths, output, by))}")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="report.html")
def report(paths: tuple[str, ...], output: Path) -> None:
    """Write one self-contained HTML report (tables, matrix, timeline, graph, highlighted text)."""
    from policykg.jobs import report_paths

    echo(f"wrote {shown(report_paths(paths, output))}")


@cli.command(epilog=DOCUMENTS_HELP)
@click.argument("corpus", default="corpus")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("out"), show_default=True)
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.pass_context
def run(ctx: click.Context, corpus: str, output: Path, workers: Optional[int]) -> None:
    """The main job: extract CORPUS, load the database, write exports, matrix, comparisons, report."""
    from policykg.jobs import run_corpus

    result = run_corpus(corpus, output, workers, progress=_progress)
    b = result.batch
    echo(f"extracted {len(b.records)} document(s) ({b.cached} unchanged) into {shown(output / 'records')}")
    for r in b.records:
        echo(f"  {r.plan.title}: {len(r.actions)} actions, {len(r.targets)} targets, "
                   f"{len(r.milestones)} milestones, {len(r.units)} units, {len(r.warnings)} warnings")
    for child, parent in result.pending_parents:
        echo(f"  {child} implements {parent} — not in the corpus yet")
    for said in result.replaced:
        echo(f"  replaced the earlier version of {said}")
    if result.load:
        echo(f"loaded {result.load.nodes} nodes, {result.load.relationships} relationships "
                   f"into the graph database in {result.load.seconds:.1f}s")
    echo(f"wrote {len(result.outputs)} files under {shown(output)}/")
    for title, rows in result.samples:
        echo()
        echo(f"{title}:")
        write_rows(rows, "table")
    _report_failures(b.failed, ctx.obj["debug"], b.skipped)


from policykg.cli_compare import compare  # noqa: E402  (commands kept in their own modules)
from policykg.cli_corpus import remove, table  # noqa: E402
from policykg.cli_db import db  # noqa: E402

cli.add_command(compare)
cli.add_command(db)
cli.add_command(remove)
cli.add_command(table)


def main() -> None:
    cli(prog_name="policykg")


if __name__ == "__main__":
    main()
