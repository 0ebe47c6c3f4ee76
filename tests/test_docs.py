"""Every CLI command has help text and appears in the README (sqlite-utils' test_docs habit)."""
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from policykg.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield prefix + name, command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + name + " ")


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_docs_command_has_help_and_is_in_readme(name, command):
    assert command.help and command.help.strip()
    result = CliRunner().invoke(cli, name.split() + ["--help"])
    assert result.exit_code == 0, result.output
    top = name.split()[0]
    assert f"policykg {top}" in README


def test_docs_readme_opens_with_the_two_commands():
    head = README[:400]
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize("name", ["extract", "load", "run"])
def test_docs_help_lists_every_document_type(name):
    from pipeline.formats import DOCUMENT_SUFFIXES

    shown = CliRunner().invoke(cli, [name, "--help"]).output
    for suffix in DOCUMENT_SUFFIXES:
        assert suffix in shown, suffix
        assert f"`{suffix}`" in README, suffix
