"""The command-line reference, generated from the argparse parsers of ``bxmlkit.cli``.

Every subcommand registered in :func:`bxmlkit.cli.build_parser` gets a section with its
usage line, help text and a table of its arguments, so a new command appears on the next
build without editing the docs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from docsgen._markdown import cell, code_cell, table

__all__ = ["cli_page", "subcommands"]


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """Subcommand name -> its parser, in the order ``bxmlkit --help`` lists them."""
    from bxmlkit.cli import build_parser

    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            choices: dict[str, argparse.ArgumentParser] = dict(action.choices)
            return choices
    return {}


def _helps() -> dict[str, str]:
    from bxmlkit.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help or "" for a in action._choices_actions}
    return {}


def _usage(parser: argparse.ArgumentParser) -> str:
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal; fix the width
    try:
        return parser.format_usage().strip().removeprefix("usage: ")
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


def _argument_row(action: argparse.Action) -> tuple[str, ...]:
    if action.option_strings:
        name = ", ".join(action.option_strings)
        if action.nargs != 0:
            metavar = action.metavar or action.dest.upper()
            name += f" {metavar if isinstance(metavar, str) else ' '.join(metavar)}"
    else:
        metavar = action.metavar or action.dest
        name = metavar if isinstance(metavar, str) else " ".join(metavar)
        if action.nargs in ("*", "+"):
            name += "..."
    details: list[str] = []
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        details.append("one of " + ", ".join(f"`{c}`" for c in action.choices))
    default: Any = action.default
    if (
        action.option_strings
        and default not in (None, False, argparse.SUPPRESS)
        and action.nargs != 0
    ):
        details.append(f"default `{default}`")
    help_text = (action.help or "") % {"default": default, "prog": "bxmlkit"}
    return (code_cell(name), cell(help_text), cell("; ".join(details)))


def cli_page() -> str:
    """The Markdown of the command-line reference page."""
    from bxmlkit.cli import build_parser

    root = build_parser()
    helps = _helps()
    out = [
        "# Command line\n",
        f"{cell(root.description or '')} Exit codes are the same for every command: "
        "0 success, 1 problems found in the documents, 2 usage, configuration or I/O error. "
        "The commands that read documents take files, directories (searched for `*.xml` and "
        "`*.bxml`) and `-` for standard input; a path that does not exist or a directory "
        "without documents is an error (exit 2), never a clean run. "
        "This page is generated from the command's own argument parsers "
        "(`bxmlkit COMMAND --help` prints the same).\n",
        "```text\n" + _usage(root) + "\n```\n",
        table(
            ("Command", "What it does"),
            [(f"[`{name}`](#{name})", cell(helps.get(name, ""))) for name in subcommands()],
        ),
    ]
    for name, parser in subcommands().items():
        out.append(f"## bxmlkit {name} {{#{name}}}\n")
        description = parser.description or helps.get(name, "")
        if description:
            out.append(cell(description) + "\n")
        out.append("```text\n" + _usage(parser) + "\n```\n")
        rows = [
            _argument_row(action)
            for action in parser._actions
            if not isinstance(action, argparse._HelpAction) and action.help != argparse.SUPPRESS
        ]
        if rows:
            out.append(table(("Argument", "Meaning", "Values"), rows))
    return "\n".join(out)
