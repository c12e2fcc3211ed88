"""Benchmark the call simulator (bxmlkit.sim).

Run from the repository root::

    .venv/bin/python benchmarks/bench_sim.py [--save]

It prints Markdown (``--save`` also writes ``benchmarks/results/sim.md``):

1. one simulated IVR call with six webhooks (initiate, three gathers, a redirect, the
   disconnect) against a minimal WSGI app, ms per call, next to the baseline: the same six
   requests (the same JSON bodies) sent straight through ``httpx.WSGITransport`` (no client)
   five BXML replies parsed by ``from_xml``.  Target: at most 3x the baseline.  The
   simulator also lints each reply in its context, times every verb, types every event and
   writes the transcript;
2. ``--explore`` over a three-level menu (keys 1 and 2 at each level, every other key an
   error branch, and the timeout): the whole walk, median of several.  Target: under 1 s.

A script, not a test: it reports a missed target, it does not fail.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import httpx
from _common import REPO_ROOT, environment, markdown_table, median_times

from bxmlkit.codec import from_xml
from bxmlkit.sim import Simulator, press
from bxmlkit.sim.explore import explore

RESULTS = REPO_ROOT / "benchmarks" / "results" / "sim.md"


def _doc(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Response>' + body + "</Response>").encode()


def _gather(url: str, prompt: str) -> bytes:
    return _doc(
        f'<Gather gatherUrl="{url}" maxDigits="1" firstDigitTimeout="3">'
        f"<SpeakSentence>{prompt}</SpeakSentence></Gather>"
    )


IVR: dict[str, bytes] = {
    "/initiate": _gather("/g1", "Welcome. Press 1 for accounts."),
    "/g1": _gather("/g2", "Press 2 for balances."),
    "/g2": _gather("/g3", "Press 3 to hear your balance."),
    "/g3": _doc('<SpeakSentence>One moment.</SpeakSentence><Redirect redirectUrl="/balance"/>'),
    "/balance": _doc("<SpeakSentence>Your balance is 42 dollars. Goodbye.</SpeakSentence>"),
}


def ivr_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """A minimal WSGI app: one fixed document per path; 204 for the disconnect."""
    environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    body = IVR.get(environ["PATH_INFO"])
    if body is None:
        start_response("204 No Content", [])
        return []
    start_response("200 OK", [("Content-Type", "application/xml")])
    return [body]


def menu_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """Three levels of 'press 1 or 2'; other keys say so and go back to the top."""
    path = environ["PATH_INFO"]
    raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    digits = json.loads(raw).get("digits", "") if raw else ""
    start_response("200 OK", [("Content-Type", "application/xml")])
    if path == "/top":
        return [_gather("/m", "Main menu.")]
    level = path.count("/")
    if digits in ("1", "2"):
        if level >= 3:
            return [_doc(f"<SpeakSentence>You chose {path}/{digits}.</SpeakSentence><Hangup/>")]
        return [_gather(f"{path}/{digits}", f"Menu {path}/{digits}.")]
    if digits == "":
        return [_doc("<SpeakSentence>Goodbye.</SpeakSentence>")]
    return [_doc('<SpeakSentence>Not a choice.</SpeakSentence><Redirect redirectUrl="/top"/>')]


def measure_call(rounds: int) -> list[list[str]]:
    sim = Simulator(app=ivr_app)
    kwargs: dict[str, Any] = {
        "initiate_url": "/initiate",
        "disconnect_url": "/disconnect",
        "script": [press("1"), press("2"), press("3")],
    }
    sample = sim.call(**kwargs)
    assert len(sample.webhooks) == 6, sample.to_text()
    assert sample.ok, sample.to_text()
    requests = [(d.url, d.payload) for d in sample.webhooks]
    transport = httpx.WSGITransport(app=ivr_app)

    def baseline() -> None:
        for url, payload in requests:
            reply = transport.handle_request(httpx.Request("POST", url, json=payload))
            content = reply.read()
            if content:
                from_xml(content)

    def simulated() -> None:
        sim.call(**kwargs)

    times = median_times({"baseline": baseline, "sim": simulated}, rounds=rounds, seconds=0.3)
    base, base_spread = times["baseline"]
    mine, mine_spread = times["sim"]
    ratio = mine / base
    verdict = "**MET**" if ratio <= 3 else "**MISSED**"
    return [
        [
            "the same 6 requests via `httpx.WSGITransport.handle_request` + `from_xml` (baseline)",
            f"{base * 1000:.2f}",
            "1.00x",
            f"±{base_spread:.0%}",
            "",
        ],
        [
            "`Simulator(app=...).call(...)`: 6 webhooks, lint in context, transcript",
            f"{mine * 1000:.2f}",
            f"{ratio:.2f}x",
            f"±{mine_spread:.0%}",
            f"<= 3x: {verdict}",
        ],
    ]


def measure_explore(runs: int) -> tuple[list[list[str]], str]:
    sim = Simulator(app=menu_app)
    times = []
    flow = None
    for _ in range(runs):
        start = time.perf_counter()
        flow = explore(sim, {"initiate_url": "/top"}, depth=4, max_calls=1000)
        times.append(time.perf_counter() - start)
    assert flow is not None
    median = statistics.median(times)
    verdict = "**MET**" if median < 1 else "**MISSED**"
    row = [
        "`explore()` of a three-level menu (keys 1-2 per level, 10 error keys, timeout)",
        str(flow.calls),
        f"{len(flow.nodes)} / {len(flow.edges)}",
        f"{median:.3f}",
        f"< 1 s: {verdict}",
    ]
    return [row], flow.summary()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (15)")
    parser.add_argument("--runs", type=int, default=5, help="explore walks to time (5)")
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/sim.md")
    args = parser.parse_args(argv)
    call_rows = measure_call(args.rounds)
    explore_rows, summary = measure_explore(args.runs)
    command = "benchmarks/bench_sim.py" + (" --save" if args.save else "")
    lines = [
        "# Call simulator benchmark",
        "",
        *environment(command),
        "",
        markdown_table(
            [
                "one IVR call, 6 webhooks (minimal WSGI app)",
                "ms / call",
                "ratio",
                "round spread",
                "target",
            ],
            call_rows,
        ),
        "",
        markdown_table(
            ["--explore, three-level menu", "calls", "nodes / edges", "seconds", "target"],
            explore_rows,
        ),
        "",
        f"Walk: {summary}.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.save:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
