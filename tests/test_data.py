"""The reference data the tests read is in the repository, and matches its source."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "reference"
COPIES = ("bxml-v2.json", "messaging-api-v2.json", "voice-api-v2.json", "voice-callbacks-v2.json")


def _shared_reference() -> Path | None:
    """``shared/reference`` beside the checkout (or one of its parents), when there is one."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "reference"
        if candidate.is_dir():
            return candidate
    return None


def test_copies_are_complete_json() -> None:
    bxml = json.loads((DATA / "bxml-v2.json").read_text(encoding="utf-8"))
    assert {"Response", "Bxml"} <= set(bxml["roots"])
    assert len(bxml["elements"]) > 25
    callbacks = json.loads((DATA / "voice-callbacks-v2.json").read_text(encoding="utf-8"))
    assert len(callbacks["events"]) > 10


def test_copies_match_the_shared_reference_where_it_exists() -> None:
    shared = _shared_reference()
    for name in COPIES:
        copy = (DATA / name).read_bytes()
        if shared is not None:  # a clone without the workspace around it has only the copy
            assert copy == (shared / name).read_bytes(), f"refresh tests/data/reference/{name}"


def test_no_test_reads_shared_directly() -> None:
    tests = Path(__file__).parent
    for path in (p for p in tests.rglob("*.py") if p.name != "test_data.py"):
        text = path.read_text(encoding="utf-8")
        assert '"shared" / "reference"' not in text.replace("'", '"'), path
