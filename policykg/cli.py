"""The command-line tool: parses arguments, calls one library function, prints."""
import click


@click.group()
def cli() -> None:
    """policykg: Chinese plan documents to a knowledge graph."""


def main() -> None:
    cli()
