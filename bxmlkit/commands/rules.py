"""``bxmlkit rules`` lists every lint rule; ``bxmlkit rule CODE`` prints one rule's doc."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run_rule", "run_rules"]


def register(subparsers: Any) -> None:
    """Add the ``rules`` and ``rule`` subcommands."""
    rules = subparsers.add_parser("rules", help="list the lint rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(func=run_rules)
    rule = subparsers.add_parser("rule", help="show the documentation of a lint rule")
    rule.add_argument("code", metavar="CODE", help="a rule code (BX103) or name")
    rule.set_defaults(func=run_rule)


def run_rules(args: argparse.Namespace) -> int:
    """Print the rule table."""
    from bxmlkit.lint.rules import REGISTRY

    if args.format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": r.default_severity.value,
                "enabled": r.enabled_by_default,
                "fixable": r.fixable,
                "summary": r.summary,
            }
            for r in REGISTRY.values()
        ]
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(r.name) for r in REGISTRY.values())
    for r in REGISTRY.values():
        flags = ("*" if r.fixable else " ") + (" " if r.enabled_by_default else "-")
        print(f"{r.code}  {r.name:<{width}}  {r.default_severity.value:<7}  {flags} {r.summary}")
    print("\n* fixable with --fix; - off by default (select it to enable)")
    return 0


def run_rule(args: argparse.Namespace) -> int:
    """Print one rule's documentation."""
    from bxmlkit.lint.rules import lookup, unknown_rule_hint

    rule = lookup(args.code)
    if rule is None:
        hint = unknown_rule_hint(args.code)
        print(f"bxmlkit rule: unknown rule {args.code!r}; {hint}", file=sys.stderr)
        return 2
    header = f"{rule.code} {rule.name} ({rule.category}, default severity {rule.default_severity})"
    if rule.fixable:
        header += ", fixable"
    if not rule.enabled_by_default:
        header += ", off by default"
    print(header)
    print()
    print(rule.doc())
    return 0
