"""CLI commands of the embedded database: start, stop, reset, status, check.

A plain group: the tool's group (``policykg.cli``) turns errors into one line, with ``--debug``.
"""
from __future__ import annotations

import json
import sys

import click

from policykg.output import echo


@click.group()
def db() -> None:
    """Start, stop or inspect the embedded graph database."""


@db.command("start")
def db_start() -> None:
    """Start the embedded database (it also starts by itself when needed)."""
    from graph.store.embedded import ensure_server

    conn = ensure_server()
    echo(f"embedded database listening at {conn.uri}")


@db.command("stop")
def db_stop() -> None:
    """Stop the embedded database."""
    from graph.store.embedded import stop_server

    echo("stopped" if stop_server() else "not running")


@db.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_reset(yes: bool) -> None:
    """Delete every plan, bureau and relationship from the graph database."""
    from policykg.corpus import reset

    if not yes:
        click.confirm("Delete everything in the graph database?", abort=True)
    reset()
    echo("the graph database is empty")


@db.command("status")
def db_status() -> None:
    """Say whether the embedded database runs, and where."""
    from graph.store.embedded import server_status

    state = server_status()
    echo("not running" if not state else json.dumps(
        {k: v for k, v in state.items() if "pass" not in k.lower()}, ensure_ascii=False, allow_nan=False))


@db.command("check")
def db_check() -> None:
    """Check the embedded database's files (truncated buckets, unreadable schema)."""
    from graph.store.check import store_problems
    from graph.store.embedded import DATABASE, default_home

    folder = default_home().expanduser().resolve() / "arcadedb" / "databases" / DATABASE
    problems = store_problems(folder)
    for problem in problems:
        echo(f"damaged: {problem}", err=True)
    if problems:
        echo(f"Error: the embedded database in {folder} is damaged ({len(problems)} problem(s))", err=True)
        sys.exit(1)
    echo(f"{folder}: no damage found" if folder.exists() else f"{folder}: no database yet")
