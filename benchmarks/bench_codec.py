"""Benchmark bxmlkit's codec against hand-written lxml and the vendors' SDKs.

Run from the repository root::

    .venv/bin/python benchmarks/bench_codec.py --save

It prints Markdown (progress goes to stderr); ``--save`` also writes it to
``benchmarks/results/codec.md``.  Four tables, each measured side by side in
this one run (rounds interleaved, median of several rounds):

1. build + serialize a 12-element IVR document from scratch: hand-written lxml, bxmlkit
   (models + ``to_xml``), bandwidth-sdk's BXML classes, twilio's ``VoiceResponse`` (the
   equivalent TwiML) and plivo's XML elements (the equivalent Plivo XML);
2. parse those bytes: ``lxml.etree.fromstring`` against ``bxmlkit.codec.from_xml``;
3. the same for a ~1000-element document (the IVR verbs repeated), per element;
4. import time in a fresh interpreter, over the empty-interpreter baseline.

Peers that are not installed are reported as such; ``pip install -e '.[bench]'`` adds them.
This is a script, not a test: it never fails on a missed target, it reports it.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from _common import (  # first: sets sys.path
    REPO_ROOT,
    _relative,
    environment,
    markdown_table,
    median_times,
)
from lxml import etree

import bxmlkit
from bxmlkit._parser import parse as hardened_parse
from bxmlkit.codec import from_xml, to_xml
from bxmlkit.models import (
    Gather,
    Hangup,
    Pause,
    PhoneNumber,
    PlayAudio,
    Record,
    Redirect,
    Response,
    SpeakSentence,
    Transfer,
)

NOT_INSTALLED = "not installed (pip install -e '.[bench]')"
RESULTS = REPO_ROOT / "benchmarks" / "results" / "codec.md"

# The document's content, shared by every builder.
WELCOME = "Welcome to Example Corp."
MENU = "Press 1 for sales or 2 for support."
MENU_AUDIO = "https://example.com/audio/menu.wav"
GATHER_URL = "https://example.com/bxml/gather"
CALLER_ID = "+15555550100"
SALES = "+15555550101"
SUPPORT = "+15555550102"
RECORD_URL = "https://example.com/bxml/recorded"
NEXT_URL = "https://example.com/bxml/next"

#: Elements in one copy of the IVR verbs (the root not counted).
ELEMENTS_PER_COPY = 11
#: Copies of the IVR verbs in the large document: 1 + 91 * 11 = 1002 elements (~56 KB).
LARGE_COPIES = 91

#: How long one timed round lasts (seconds) for the small document and for the large one.
ROUND_SECONDS = 0.03
LARGE_ROUND_SECONDS = 0.05

Builder = Callable[[int], bytes]


# --------------------------------------------------------------------------------------------
# The builders: each makes the whole document from scratch on every call and returns bytes.
# --------------------------------------------------------------------------------------------


def build_lxml(copies: int = 1) -> bytes:
    """Hand-written lxml: Element / SubElement, attributes as strings, then tostring."""
    sub = etree.SubElement
    root = etree.Element("Response")
    for _ in range(copies):
        sub(root, "SpeakSentence", voice="julie").text = WELCOME
        gather = sub(
            root,
            "Gather",
            gatherUrl=GATHER_URL,
            terminatingDigits="#",
            maxDigits="1",
            firstDigitTimeout="5",
        )
        sub(gather, "SpeakSentence").text = MENU
        sub(gather, "PlayAudio").text = MENU_AUDIO
        sub(root, "Pause", duration="2")
        transfer = sub(root, "Transfer", transferCallerId=CALLER_ID, callTimeout="30")
        sub(transfer, "PhoneNumber").text = SALES
        sub(transfer, "PhoneNumber").text = SUPPORT
        sub(root, "Record", recordCompleteUrl=RECORD_URL, maxDuration="60")
        sub(root, "Redirect", redirectUrl=NEXT_URL)
        sub(root, "Hangup")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def bxmlkit_document(copies: int = 1) -> Response:
    verbs: list[object] = []
    for _ in range(copies):
        verbs += [
            SpeakSentence(WELCOME, voice="julie"),
            Gather(
                SpeakSentence(MENU),
                PlayAudio(MENU_AUDIO),
                gather_url=GATHER_URL,
                max_digits=1,
                terminating_digits="#",
                first_digit_timeout=5,
            ),
            Pause(duration=2),
            Transfer(
                PhoneNumber(SALES),
                PhoneNumber(SUPPORT),
                transfer_caller_id=CALLER_ID,
                call_timeout=30,
            ),
            Record(record_complete_url=RECORD_URL, max_duration=60),
            Redirect(redirect_url=NEXT_URL),
            Hangup(),
        ]
    return Response(*verbs)


def build_bxmlkit(copies: int = 1) -> bytes:
    """bxmlkit: validated pydantic models, then ``to_xml``."""
    return to_xml(bxmlkit_document(copies))


def _bandwidth_builder() -> Builder:
    from bandwidth.models import bxml as bw

    def build_bandwidth(copies: int = 1) -> bytes:
        verbs = []
        for _ in range(copies):
            verbs += [
                bw.SpeakSentence(WELCOME, voice="julie"),
                bw.Gather(
                    audio_verbs=[bw.SpeakSentence(MENU), bw.PlayAudio(MENU_AUDIO)],
                    gather_url=GATHER_URL,
                    terminating_digits="#",
                    max_digits=1,
                    first_digit_timeout=5,
                ),
                bw.Pause(duration=2),
                bw.Transfer(
                    transfer_to=[bw.PhoneNumber(SALES), bw.PhoneNumber(SUPPORT)],
                    transfer_caller_id=CALLER_ID,
                    call_timeout=30,
                ),
                bw.Record(record_complete_url=RECORD_URL, max_duration=60),
                bw.Redirect(redirect_url=NEXT_URL),
                bw.Hangup(),
            ]
        return bw.Response(verbs).to_bxml().encode("utf-8")

    return build_bandwidth


def _twilio_builder() -> Builder:
    from twilio.twiml.voice_response import VoiceResponse

    def build_twilio(copies: int = 1) -> bytes:
        response = VoiceResponse()
        for _ in range(copies):
            response.say(WELCOME, voice="alice")
            gather = response.gather(action=GATHER_URL, num_digits=1, finish_on_key="#", timeout=5)
            gather.say(MENU)
            gather.play(MENU_AUDIO)
            response.pause(length=2)
            dial = response.dial(caller_id=CALLER_ID, timeout=30)
            dial.number(SALES)
            dial.number(SUPPORT)
            response.record(action=RECORD_URL, max_length=60)
            response.redirect(NEXT_URL)
            response.hangup()
        return response.to_xml().encode("utf-8")

    return build_twilio


def _plivo_builder() -> Builder:
    from plivo import plivoxml

    def build_plivo(copies: int = 1) -> bytes:
        response = plivoxml.ResponseElement()
        for _ in range(copies):
            response.add(plivoxml.SpeakElement(WELCOME, voice="WOMAN"))
            gather = plivoxml.GetDigitsElement(
                action=GATHER_URL, num_digits=1, finish_on_key="#", timeout=5
            )
            gather.add(plivoxml.SpeakElement(MENU))
            gather.add(plivoxml.PlayElement(MENU_AUDIO))
            response.add(gather)
            response.add(plivoxml.WaitElement(length=2))
            dial = plivoxml.DialElement(caller_id=CALLER_ID, timeout=30)
            dial.add(plivoxml.NumberElement(SALES))
            dial.add(plivoxml.NumberElement(SUPPORT))
            response.add(dial)
            response.add(plivoxml.RecordElement(action=RECORD_URL, max_length=60))
            response.add(plivoxml.RedirectElement(NEXT_URL))
            response.add(plivoxml.HangupElement())
        return response.to_string(pretty=False).encode("utf-8")

    return build_plivo


@dataclass
class Candidate:
    label: str
    builder: Builder | None
    #: "bxml": must give the same tree as hand-written lxml; "peer": the equivalent document
    #: in another dialect (element count checked only).
    kind: str
    note: str = ""


def candidates() -> list[Candidate]:
    found = [
        Candidate("hand-written lxml (Element/SubElement + tostring)", build_lxml, "bxml"),
        Candidate("bxmlkit (models + codec.to_xml)", build_bxmlkit, "bxml"),
    ]
    peers: list[tuple[str, str, Callable[[], Builder], str]] = [
        ("bandwidth-sdk (bandwidth.models.bxml)", "bandwidth-sdk", _bandwidth_builder, "bxml"),
        ("twilio (VoiceResponse, TwiML)", "twilio", _twilio_builder, "peer"),
        ("plivo (plivoxml, Plivo XML)", "plivo", _plivo_builder, "peer"),
    ]
    for label, distribution, factory, kind in peers:
        try:
            builder = factory()
            version = importlib.metadata.version(distribution)
        except Exception as exc:  # an SDK that fails to import for any reason is skipped
            reason = NOT_INSTALLED if isinstance(exc, ImportError) else f"import failed: {exc!r}"
            found.append(Candidate(label, None, kind, reason))
            continue
        found.append(Candidate(f"{label} {version}", builder, kind))
    return found


# --------------------------------------------------------------------------------------------
# Checks: every builder must produce the document it claims to (or the row says why not).
# --------------------------------------------------------------------------------------------


def canonical(data: bytes) -> bytes:
    """C14N of the document: attribute order and the XML declaration do not matter."""
    return etree.tostring(etree.fromstring(data), method="c14n")


def check(candidate: Candidate, reference: bytes) -> str:
    assert candidate.builder is not None
    try:
        data = candidate.builder(1)
        root = etree.fromstring(data)
    except Exception as exc:
        return f"error: {exc!r}"
    count = sum(1 for _ in root.iter())
    if candidate.kind == "bxml":
        if canonical(data) == reference:
            return "same document as lxml (C14N)"
        return "DIFFERENT document from lxml"
    return f"equivalent, {count} elements"


# --------------------------------------------------------------------------------------------
# Reporting helpers
# --------------------------------------------------------------------------------------------


def us(seconds: float) -> str:
    value = seconds * 1e6
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x"


def spread(value: float) -> str:
    return f"±{value * 100:.0f}%"


def verdict(ok: bool) -> str:
    return "MET" if ok else "MISSED"


def judge(value: float, limit: float, noise: float) -> str:
    """MET / MISSED for ``value <= limit``, or TOO CLOSE TO CALL when ``value`` is within the
    relative ``noise`` (the two figures' round spreads added) of ``limit``."""
    if value <= limit * (1 - noise):
        return "MET"
    if value > limit * (1 + noise):
        return "MISSED"
    return "TOO CLOSE TO CALL"


def progress(message: str) -> None:
    print(f"[bench_codec] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# 1. build + serialize
# --------------------------------------------------------------------------------------------


def section_build(rounds: int) -> list[str]:
    progress("build + serialize (12 elements)")
    found = candidates()
    reference = canonical(build_lxml(1))
    runnable = {c.label: c for c in found if c.builder is not None}
    checks = {label: check(c, reference) for label, c in runnable.items()}
    fns = {label: (lambda b=c.builder: b(1)) for label, c in runnable.items()}
    timings = median_times(fns, rounds=rounds, seconds=ROUND_SECONDS)
    lxml_label = found[0].label
    bxmlkit_label = found[1].label
    base, base_noise = timings[lxml_label]
    ours, our_noise = timings[bxmlkit_label]
    within_2x = judge(ours / base, 2.0, our_noise + base_noise)
    per_peer = {
        c.label: judge(ours / timings[c.label][0], 1.0, our_noise + timings[c.label][1])
        for c in found[2:]
        if c.builder is not None
    }
    if not per_peer:
        beats_peers = "no peer installed, cannot tell"
    elif "MISSED" in per_peer.values():
        beats_peers = "MISSED"
    elif "TOO CLOSE TO CALL" in per_peer.values():
        beats_peers = "TOO CLOSE TO CALL"
    else:
        beats_peers = "MET"
    not_beaten = [label for label, result in per_peer.items() if result != "MET"]
    peer_verdict = f"**{beats_peers}**" + (
        f" (not clearly faster than: {', '.join(not_beaten)})" if not_beaten else ""
    )
    our_target = f"<= 2x lxml: **{within_2x}**"
    if per_peer:
        our_target += f"; faster than every peer: **{beats_peers}**"
    targets = {lxml_label: "(the baseline)", bxmlkit_label: our_target}
    rows = []
    for c in found:
        if c.builder is None:
            rows.append([c.label, "-", "-", "-", "", c.note])
            continue
        seconds, noise = timings[c.label]
        rows.append(
            [
                c.label,
                us(seconds),
                ratio(seconds, base),
                spread(noise),
                targets.get(c.label, ""),
                checks[c.label],
            ]
        )
    headers = ["implementation", "µs / document", "vs lxml", "round spread", "target"]
    return [
        "## 1. Build + serialize the 12-element IVR document (from scratch each time)",
        "",
        markdown_table([*headers, "output check"], rows),
        "",
        f"- Target: bxmlkit build+serialize <= 2x hand-written lxml: "
        f"**{within_2x}** ({ours / base:.2f}x).",
        f"- Target: bxmlkit faster than every peer: {peer_verdict}.",
        "- twilio and plivo write their own dialects (TwiML, Plivo XML) of the same call flow, "
        "so their output is only checked for its element count; plivo's has no XML "
        "declaration. bandwidth-sdk builds an `xml.etree` tree, serializes it and runs a "
        "regular expression over the result; twilio builds an `xml.etree` tree with sorted "
        "attributes; plivo builds an lxml tree.",
        "",
    ]


# --------------------------------------------------------------------------------------------
# 2. parse
# --------------------------------------------------------------------------------------------


def section_parse(rounds: int) -> list[str]:
    progress("parse (12 elements)")
    data = build_bxmlkit(1)
    assert from_xml(data) == bxmlkit_document(1), "from_xml(to_xml(doc)) != doc"
    fns = {
        "lxml.etree.fromstring(data)": lambda: etree.fromstring(data),
        "bxmlkit._parser.parse(data) (hardened parse only, no models; informational)": (
            lambda: hardened_parse(data)
        ),
        "bxmlkit.codec.from_xml(data)": lambda: from_xml(data),
    }
    timings = median_times(fns, rounds=rounds, seconds=ROUND_SECONDS)
    base, base_noise = timings["lxml.etree.fromstring(data)"]
    ours, our_noise = timings["bxmlkit.codec.from_xml(data)"]
    within_6x = judge(ours / base, 6.0, our_noise + base_noise)
    target = f"<= 6x lxml: **{within_6x}**"
    rows = [
        [
            label,
            us(seconds),
            ratio(seconds, base),
            spread(noise),
            target if label == "bxmlkit.codec.from_xml(data)" else "",
        ]
        for label, (seconds, noise) in timings.items()
    ]
    return [
        f"## 2. Parse the same {len(data)} bytes (bxmlkit's output for table 1)",
        "",
        markdown_table(["parser", "µs / document", "vs lxml", "round spread", "target"], rows),
        "",
        f"- Target: bxmlkit.codec.from_xml <= 6x lxml.etree.fromstring: "
        f"**{within_6x}** ({ours / base:.2f}x).",
        "",
    ]


# --------------------------------------------------------------------------------------------
# 3. ~1000 elements
# --------------------------------------------------------------------------------------------


def section_scaling(rounds: int) -> list[str]:
    copies = LARGE_COPIES
    large_elements = 1 + copies * ELEMENTS_PER_COPY
    small_elements = 1 + ELEMENTS_PER_COPY
    progress(f"scaling ({small_elements} and {large_elements} elements)")
    small_data = build_bxmlkit(1)
    data = build_bxmlkit(copies)
    assert canonical(build_lxml(copies)) == canonical(data)
    assert sum(1 for _ in etree.fromstring(data).iter()) == large_elements
    operations: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "build: lxml": (lambda: build_lxml(1), lambda: build_lxml(copies)),
        "build: bxmlkit": (lambda: build_bxmlkit(1), lambda: build_bxmlkit(copies)),
        "parse: lxml.etree.fromstring": (
            lambda: etree.fromstring(small_data),
            lambda: etree.fromstring(data),
        ),
        "parse: bxmlkit.codec.from_xml": (lambda: from_xml(small_data), lambda: from_xml(data)),
    }
    fns = {}
    for label, (small_fn, large_fn) in operations.items():
        fns[f"{label} small"] = small_fn
        fns[f"{label} large"] = large_fn
    timings = median_times(fns, rounds=rounds, seconds=LARGE_ROUND_SECONDS)
    lxml_of = {
        "build: lxml": "build: lxml",
        "build: bxmlkit": "build: lxml",
        "parse: lxml.etree.fromstring": "parse: lxml.etree.fromstring",
        "parse: bxmlkit.codec.from_xml": "parse: lxml.etree.fromstring",
    }
    rows = []
    growth = {}
    for label in operations:
        small, small_noise = timings[f"{label} small"]
        large, large_noise = timings[f"{label} large"]
        per_small = small / small_elements
        per_large = large / large_elements
        growth[label] = per_large / per_small
        rows.append(
            [
                label,
                us(small),
                us(per_small),
                us(large),
                us(per_large),
                f"{growth[label]:.2f}x",
                ratio(large, timings[f"{lxml_of[label]} large"][0]),
                f"{spread(small_noise)} / {spread(large_noise)}",
            ]
        )
    linear = all(value <= 1.5 for value in growth.values())
    small_tag = f"{small_elements}-el doc"
    large_tag = f"{large_elements}-el doc"
    return [
        f"## 3. Scaling: {small_elements} vs {large_elements} elements "
        f"(the IVR verbs repeated {copies} times: {len(small_data):,} vs {len(data):,} bytes)",
        "",
        markdown_table(
            [
                "operation",
                f"µs / document ({small_tag})",
                f"µs / element ({small_tag})",
                f"µs / document ({large_tag})",
                f"µs / element ({large_tag})",
                "per-element growth",
                f"vs lxml ({large_tag})",
                "round spread (small / large)",
            ],
            rows,
        ),
        "",
        "- Both sizes are measured here, their rounds interleaved, so that the growth compares "
        "like with like; per-element growth = large-doc µs/element ÷ small-doc µs/element "
        "(below 1: fixed per-document costs amortised).",
        f"- Roughly linear (this script's reading: every growth <= 1.5x): **{verdict(linear)}**.",
        "",
    ]


# --------------------------------------------------------------------------------------------
# 4. import time
# --------------------------------------------------------------------------------------------

IMPORTS = ["import lxml.etree", "import bxmlkit", "import bxmlkit.models", "import bxmlkit.codec"]


def _run(statement: str, env: dict[str, str], *flags: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *flags, "-c", statement],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=REPO_ROOT,  # `-c` puts the current folder on sys.path: the working tree's bxmlkit
    )
    return time.perf_counter() - start, done.stderr


def _importtime_total(stderr: str, baseline_modules: set[str]) -> float:
    """Sum of the top-level cumulative times (µs) ``-X importtime`` reports for modules that
    the empty interpreter does not import (site and its friends are left out)."""
    total = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        fields = line[len("import time:") :].split("|")
        name = fields[2]
        if name.startswith("  ") or name.strip() in baseline_modules:
            continue
        total += int(fields[1])
    return total / 1e6


def _modules(stderr: str) -> set[str]:
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "cumulative" not in line:
            names.add(line.split("|")[2].strip())
    return names


def section_imports(runs: int) -> list[str]:
    progress(f"import time ({runs} runs each)")
    # Warm bytecode caches, as an installed wheel has them, kept out of the working tree: a
    # private cache folder, written even when PYTHONDONTWRITEBYTECODE is set (as it is in some
    # sandboxes, where a source checkout would otherwise compile bxmlkit on every import).
    cache = tempfile.mkdtemp(prefix="bxmlkit-bench-pycache-")
    env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        statements = ["pass", *IMPORTS]
        for statement in statements:  # fill the cache; not counted
            _run(statement, env)
        wall: dict[str, list[float]] = {s: [] for s in statements}
        reported: dict[str, list[float]] = {s: [] for s in IMPORTS}
        baseline_modules = _modules(_run("pass", env, "-X", "importtime")[1])
        for _ in range(runs):
            for statement in statements:
                wall[statement].append(_run(statement, env)[0])
            for statement in IMPORTS:
                stderr = _run(statement, env, "-X", "importtime")[1]
                reported[statement].append(_importtime_total(stderr, baseline_modules))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    baseline = statistics.median(wall["pass"])
    rows = [["empty interpreter (`-c pass`), absolute", f"{baseline * 1e3:.1f}", "-", "-"]]
    for statement in IMPORTS:
        median = statistics.median(wall[statement])
        rows.append(
            [
                f"`{statement}`",
                f"{(median - baseline) * 1e3:.1f}",
                f"{statistics.median(reported[statement]) * 1e3:.1f}",
                f"{(max(wall[statement]) - min(wall[statement])) * 1e3:.1f}",
            ]
        )
    return [
        "## 4. Import time in a fresh interpreter",
        "",
        markdown_table(
            [
                "statement",
                "ms over empty interpreter (wall clock)",
                "ms per `-X importtime`",
                "wall-clock range (ms)",
            ],
            rows,
        ),
        "",
        f"- Each figure is the median of {runs} runs of `{os.path.basename(sys.executable)} "
        '-c "<statement>"` in a new process, timed from outside with perf_counter; the median '
        "of the empty interpreter's run (`-c pass`) is subtracted from the wall-clock column.",
        "- The `-X importtime` column sums the top-level cumulative times the interpreter "
        "reports for modules the empty interpreter does not import (process start-up excluded).",
        "- Bytecode caches were warm (`PYTHONPYCACHEPREFIX` pointed at a private temporary "
        "folder, filled by one unmeasured run of each statement).",
        "",
    ]


# --------------------------------------------------------------------------------------------


def versions() -> str:
    found = [f"bxmlkit {bxmlkit.__version__} ({_relative(os.path.dirname(bxmlkit.__file__))})"]
    for distribution in ("lxml", "pydantic", "pydantic-core"):
        try:
            found.append(f"{distribution} {importlib.metadata.version(distribution)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{distribution} (not installed)")
    return ", ".join(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds per figure (15)")
    parser.add_argument("--import-runs", type=int, default=5, help="processes per import (5)")
    parser.add_argument("--save", action="store_true", help=f"also write {RESULTS}")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    command = shlex.join([os.path.relpath(sys.executable), *sys.argv])
    setting = environment(command)  # before the run: date and load average at the start
    build_lines = section_build(args.rounds)
    parse_lines = section_parse(args.rounds)
    scaling_lines = section_scaling(args.rounds)
    import_lines = section_imports(args.import_runs)
    out = [
        "# bxmlkit codec benchmarks",
        "",
        *setting,
        f"- Libraries: {versions()}",
        "",
        f"Method: every figure is the median over {args.rounds} rounds; a round is a loop of "
        f"N calls (N picked so a round lasts about {ROUND_SECONDS * 1e3:.0f} ms, "
        f"{LARGE_ROUND_SECONDS * 1e3:.0f} ms in table 3) timed with `time.perf_counter`, the "
        "garbage collector off during a round as `timeit` does. The rounds of the candidates "
        "in one table are interleaved. 'round spread' is ±half the interquartile range of "
        "the rounds, relative to the median; a target whose margin is smaller than the two "
        "figures' spreads added is reported as TOO CLOSE TO CALL. Builders produce the whole "
        "document from scratch on every call and return UTF-8 bytes (`.encode()` added where a "
        "library returns `str`).",
        "",
        *build_lines,
        *parse_lines,
        *scaling_lines,
        *import_lines,
        f"Total benchmark time: {time.perf_counter() - started:.0f} s.",
    ]
    report = "\n".join(out) + "\n"
    sys.stdout.write(report)
    if args.save:
        RESULTS.write_text(report, encoding="utf-8")
        progress(f"wrote {RESULTS.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
