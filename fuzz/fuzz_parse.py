"""Coverage-guided fuzzing of the hardened parser, the codec, the XSD validation and the linter.

Two targets:

* ``parse``: ``from_xml`` and ``schema.validate`` on the input bytes.  Each must return or
  raise a ``BxmlError``; any other exception is a crash.  A document ``from_xml`` accepts must
  be the model that validating it element by element gives (``from_xml`` validates a whole
  document in one call and only reads it again element by element to locate an error), and
  must survive ``to_xml`` -> ``from_xml`` unchanged (the codec is lossless).
* ``lint``: ``lint()`` on the input bytes must return diagnostics, never raise, and never
  report BX900 (a rule that crashed); ``--fix`` (the engine the CLI runs) must never report
  any code more often than before, and must be idempotent.

With atheris installed (``pip install atheris``) the targets run under libFuzzer with
coverage of bxmlkit's Python code; the arguments after the options are libFuzzer's::

    .venv/bin/python fuzz/fuzz_parse.py --target parse fuzz/corpus/parse -max_total_time=300
    .venv/bin/python fuzz/fuzz_parse.py --target lint fuzz/corpus/lint -max_total_time=300

The corpus directory is seeded from ``examples/`` and ``tests/codec/corpus/`` when empty;
libFuzzer adds the inputs that reach new code to it and writes a crashing input to
``crash-<sha1>`` (``-artifact_prefix=DIR/`` to put it elsewhere).  Reproduce one with
``fuzz_parse.py --target T crash-<sha1>``.  Turn every crash into a test in
``tests/hostile/test_fuzz_regressions.py``.

Without atheris (``--engine hypothesis``, chosen automatically when atheris is missing) the
same checks run under Hypothesis for ``-max_total_time`` seconds, mutating the seed corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_DIRS = (ROOT / "examples", ROOT / "examples" / "broken", ROOT / "tests" / "codec" / "corpus")
#: Inputs over this size are not interesting (the parser refuses 10 MB before parsing).
MAX_LEN = 16 * 1024


class FuzzFailure(AssertionError):
    """An invariant broke: this input is a bug."""


def _load() -> tuple[Callable[[bytes], None], Callable[[bytes], None]]:
    """Import bxmlkit (inside atheris' instrumentation when it is active) and build targets."""
    from bxmlkit._parser import parse
    from bxmlkit.codec import _PLANS, _Reader, from_xml, to_xml
    from bxmlkit.errors import BxmlError
    from bxmlkit.lint import lint
    from bxmlkit.schema import validate

    def parse_target(data: bytes) -> None:
        try:
            model = from_xml(data)
        except BxmlError:
            model = None
        with contextlib.suppress(BxmlError):
            validate(data)
        if model is not None:
            document = parse(data)
            reader = _Reader(document)
            outer = reader.outer_comments(document.root)
            one_by_one = reader.element(document.root, _PLANS[model.xml_tag], True, outer)
            if one_by_one != model:
                raise FuzzFailure(f"validating per element differs: {model!r} / {one_by_one!r}")
            again = from_xml(to_xml(model))
            if again != model:
                raise FuzzFailure(f"round trip changed the model: {model!r} -> {again!r}")

    def lint_target(data: bytes) -> None:
        from bxmlkit.lint.config import Config
        from bxmlkit.lint.engine import lint_file

        diagnostics = lint(data)
        crashed = [d for d in diagnostics if d.code == "BX900"]
        if crashed:
            raise FuzzFailure(crashed[0].message)
        if not any(d.fix for d in diagnostics):
            return
        # The engine that `lint --fix` runs (standard input: nothing is written).
        result = lint_file("-", Config(), data=data, fix=True, write=False)
        if result.fixed is None:
            return
        after = result.diagnostics
        # Never worse: no code reported more often than before (so no new BX100 or BX900).
        worse = Counter(d.code for d in after) - Counter(d.code for d in diagnostics)
        if worse:
            raise FuzzFailure(f"--fix made the document worse: more {dict(worse)}")
        # Idempotent: fixing the fixed document changes nothing more.
        fixed = result.fixed[1].encode("utf-8")
        again = lint_file("-", Config(), data=fixed, fix=True, write=False)
        if again.fixed is not None and again.fixed[1] != again.fixed[0]:
            raise FuzzFailure("--fix is not idempotent: a second run changed the document")

    return parse_target, lint_target


def seeds() -> list[bytes]:
    """The seed inputs: every bundled example and codec corpus document."""
    found: list[bytes] = []
    for directory in SEED_DIRS:
        for path in sorted(directory.glob("*.xml")):
            found.append(path.read_bytes())
    return found


def _seed_corpus(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        return
    for data in seeds():
        (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def _run_atheris(target: Callable[[bytes], None], argv: list[str]) -> None:
    import atheris

    def one(data: bytes) -> None:
        target(data)

    atheris.Setup(argv, one)
    atheris.Fuzz()


def _run_hypothesis(target: Callable[[bytes], None], seconds: float, examples: int) -> None:
    """Hypothesis fallback: mutate the seeds (and random bytes) for ``seconds``."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    corpus = seeds()
    fragments = [b"<", b">", b"/>", b"&", b"<!--", b"-->", b"<![CDATA[", b"]]>", b'"', b"=",
                 b"<?x?>", b"<!DOCTYPE R>", b"\x00", b"\xff", b"\xef\xbb\xbf", b"<Hangup/>",
                 b"</Response>", b'xmlns:a="x"', b"&#0;", b"&#x1F600;"]  # fmt: skip

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(corpus)))
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, len(data)))
            action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
            if action == "insert":
                data[position:position] = draw(st.sampled_from(fragments) | st.binary(max_size=8))
            elif action == "delete":
                data[position : position + draw(st.integers(1, 40))] = b""
            else:
                end = min(len(data), position + draw(st.integers(1, 200)))
                data[position:position] = data[position:end]
        return bytes(data[:MAX_LEN])

    deadline = time.monotonic() + seconds
    runs = [0]

    @settings(
        max_examples=min(examples, 200),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(mutated() | st.binary(max_size=512))
    def check(data: bytes) -> None:
        if time.monotonic() > deadline:
            return
        runs[0] += 1
        target(data)

    started = time.monotonic()
    # Batches of at most 200 inputs (each batch a fresh random seed) until the time or the
    # number of inputs is spent: Hypothesis itself has no time budget.
    while time.monotonic() < deadline and runs[0] < examples:
        check()
    print(
        f"hypothesis: {runs[0]} inputs in {time.monotonic() - started:.1f} s, no failure",
        file=sys.stderr,
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=True)
    parser.add_argument("--target", choices=("parse", "lint"), default="parse")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument(
        "--examples", type=int, default=1_000_000, help="hypothesis engine: most inputs"
    )
    options, rest = parser.parse_known_args(args[1:])
    engine = options.engine
    if engine == "auto":
        try:
            import atheris
        except ImportError:
            engine = "hypothesis"
        else:
            del atheris
            engine = "atheris"

    if engine == "atheris":
        import atheris

        # Instrument bxmlkit only: lxml, pydantic and httpx are loaded first, uninstrumented.
        import httpx  # noqa: F401
        import lxml.etree  # noqa: F401
        import pydantic  # noqa: F401

        with atheris.instrument_imports(include=["bxmlkit"]):
            parse_target, lint_target = _load()
        target = parse_target if options.target == "parse" else lint_target
        corpus_dirs = [a for a in rest if not a.startswith("-")]
        for directory in corpus_dirs[:1]:
            path = Path(directory)
            if not path.is_file():
                _seed_corpus(path)
        flags = [a for a in rest if a.startswith("-")]
        if not any(f.startswith("-max_len=") for f in flags):
            rest.append(f"-max_len={MAX_LEN}")
        _run_atheris(target, [args[0], *rest])
        return 0

    seconds = 60.0
    for flag in rest:
        if flag.startswith("-max_total_time="):
            seconds = float(flag.split("=", 1)[1])
    parse_target, lint_target = _load()
    files = [Path(a) for a in rest if not a.startswith("-") and Path(a).is_file()]
    target = parse_target if options.target == "parse" else lint_target
    if files:  # reproduce given inputs
        for path in files:
            target(path.read_bytes())
            print(f"{path}: ok", file=sys.stderr)
        return 0
    _run_hypothesis(target, seconds, options.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
