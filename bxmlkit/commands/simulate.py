"""``bxmlkit simulate``: run call flows offline against a webhook app.

::

    bxmlkit simulate --app myapp:app --initiate-url /voice/initiate --script "press 1; hangup@30"
    bxmlkit simulate --url http://127.0.0.1:8000 --scenarios flows.toml
    bxmlkit simulate --app myapp:app --initiate-url /voice/initiate --explore --out flow/

Prints each call's transcript.  Exit codes: 0 every call ran clean (and met its scenario's
expectations); 1 a flow problem (invalid BXML, an app error, a failed expectation, an unused
script step...); 2 usage: bad arguments, an app that cannot be imported, a bad scenario file.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``simulate`` subcommand."""
    parser = subparsers.add_parser(
        "simulate",
        help="run call flows offline against a webhook app (--app module:attr or --url)",
        description=(
            "Simulate Bandwidth calls against your webhook app, in-process (--app "
            "module:attr, a WSGI or ASGI app) or at a running server (--url). Exit codes: "
            "0 clean, 1 flow problems, 2 usage or scenario-file errors."
        ),
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--app", metavar="MODULE:ATTR", help="a WSGI or ASGI app to import")
    target.add_argument("--url", metavar="URL", help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--from", dest="from_", default="+15551112222", help="caller number")
    parser.add_argument("--to", default="+15553334444", help="called number")
    first = parser.add_mutually_exclusive_group()
    first.add_argument("--initiate-url", help="inbound call: where the initiate event goes")
    first.add_argument("--answer-url", help="outbound call: where the answer event goes")
    parser.add_argument("--disconnect-url", help="where the disconnect event goes")
    parser.add_argument(
        "--script", default="", help='what the caller does: "press 1; silence; hangup@30"'
    )
    parser.add_argument("--scenarios", metavar="FILE", help="a TOML file of scenarios")
    parser.add_argument("--seed", type=int, default=0, help="seed for ids, times and shuffles")
    parser.add_argument(
        "--shuffle-async",
        action="store_true",
        help="deliver asynchronous events in a seeded random order",
    )
    parser.add_argument("--transcripts", metavar="DIR", help="also write each transcript here")
    parser.add_argument(
        "--explore",
        action="store_true",
        help="walk every Gather branch and write a flow map (Mermaid + HTML)",
    )
    parser.add_argument("--depth", type=int, default=4, help="--explore: inputs per call (4)")
    parser.add_argument("--max-calls", type=int, default=200, help="--explore: calls at most (200)")
    parser.add_argument(
        "--out",
        metavar="DIR",
        default="flowmap",
        help="--explore: where flow.mmd and flow.html go (flowmap/)",
    )
    parser.set_defaults(func=run)


def _usage(message: str) -> int:
    print(f"bxmlkit simulate: {message}", file=sys.stderr)
    return 2


def _import_app(spec: str) -> Any:
    import importlib
    import os

    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"--app needs MODULE:ATTR (e.g. myapp:app), got {spec!r}")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise ValueError(f"cannot import {module_name!r}: {type(exc).__name__}: {exc}") from None
    value: Any = module
    for part in attr.split("."):
        if not hasattr(value, part):
            raise ValueError(f"module {module_name!r} has no attribute {attr!r}")
        value = getattr(value, part)
    if not callable(value):
        raise ValueError(f"{spec} is not a WSGI or ASGI app (not callable)")
    return value


def run(args: argparse.Namespace) -> int:
    """Run the calls; returns the exit code."""
    from pathlib import Path

    from bxmlkit.sim import Simulator
    from bxmlkit.sim.scenarios import Scenario, ScenarioError, check, load_scenarios
    from bxmlkit.sim.script import ScriptError, parse_script

    options: dict[str, Any] = {}
    scenarios: list[Scenario] = []
    if args.scenarios:
        try:
            scenarios, options = load_scenarios(args.scenarios)
        except ScenarioError as exc:
            return _usage(str(exc))
        except OSError as exc:
            return _usage(f"{args.scenarios}: cannot read: {exc.strerror or exc}")
    else:
        if not (args.initiate_url or args.answer_url):
            return _usage("give --initiate-url or --answer-url (or --scenarios FILE)")
        try:
            script = parse_script(args.script)
        except ScriptError as exc:
            return _usage(f"--script: {exc}")
        call = {"from_": args.from_, "to": args.to}
        for key in ("initiate_url", "answer_url", "disconnect_url"):
            if getattr(args, key):
                call[key] = getattr(args, key)
        scenarios = [Scenario("call", script, call)]
    options.setdefault("seed", args.seed)
    if args.shuffle_async:
        options["shuffle_async"] = True
    try:
        target: dict[str, Any] = {"app": _import_app(args.app)} if args.app else {"url": args.url}
        sim = Simulator(**target, **options)
    except (ValueError, TypeError) as exc:
        return _usage(str(exc))
    out = sys.stdout
    status = 0
    results = []
    with sim:
        if args.explore:
            from bxmlkit.sim.explore import explore
            from bxmlkit.sim.flowmap import write_flow_map

            first = scenarios[0].call
            flow = explore(
                sim,
                first,
                depth=args.depth,
                max_calls=args.max_calls,
                scenarios=[(s.script, s.call) for s in scenarios if args.scenarios],
            )
            paths = write_flow_map(flow, Path(args.out))
            out.write(flow.summary() + "\n")
            for path in paths:
                out.write(f"wrote {path}\n")
            return 1 if flow.problem_count else 0
        for scenario in scenarios:
            result = sim.call(script=scenario.script, seed=scenario.seed, **scenario.call)
            results.append(result)
            failures = check(scenario, result.heard, result.cause)
            out.write(f"== {scenario.name}\n{result.to_text()}")
            for failure in failures:
                out.write(f"expectation failed: {failure}\n")
            ok = result.ok and not failures
            out.write(("ok" if ok else "FAILED") + f": {scenario.name}\n")
            if not ok:
                status = 1
            if args.transcripts:
                folder = Path(args.transcripts)
                folder.mkdir(parents=True, exist_ok=True)
                safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in scenario.name)
                (folder / f"{safe}.txt").write_text(result.to_text(), encoding="utf-8")
    bad = sum(1 for r in results if not r.ok)
    out.write(f"{len(results)} call(s), {bad} with problems\n")
    return status
