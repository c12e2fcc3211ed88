"""``bxmlkit.vocabulary``: generated from the XSD, never edited; the facts every face reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bxmlkit import schema, vocabulary
from bxmlkit.schema import generate

from .conftest import REPO


def test_vocabulary_is_what_the_xsd_generates() -> None:
    on_disk = generate.TARGET.read_text(encoding="utf-8")
    assert on_disk == generate.generate(), (
        "bxmlkit/vocabulary.py is stale: run python -m bxmlkit.schema.generate"
    )


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bxmlkit.schema.generate", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_changed_xsd_changes_the_vocabulary(tmp_path: Path) -> None:
    xsd = schema.schema_path()
    copy = tmp_path / "bxml.xsd"
    (tmp_path / "xml.xsd").write_bytes((xsd.parent / "xml.xsd").read_bytes())
    text = xsd.read_text(encoding="utf-8")
    copy.write_text(
        text.replace('"bxmlkit:max-document-bytes">65536<', '"bxmlkit:max-document-bytes">32768<'),
        encoding="utf-8",
    )
    generated = generate.generate(copy)
    assert "MAX_DOCUMENT_BYTES: Final = 32768" in generated
    assert generated != generate.generate()


def test_vocabulary_agrees_with_the_catalogue() -> None:
    catalogue = schema.element_catalogue()
    assert set(vocabulary.ELEMENTS) == set(catalogue)
    assert schema.root_names() == vocabulary.ROOTS
    for name, element in vocabulary.ELEMENTS.items():
        spec = catalogue[name]
        assert element.category == spec.category
        assert element.children == tuple(spec.children)
        assert set(element.attributes) == set(spec.attributes)
        for attribute, declared in element.attributes.items():
            assert declared.value.expected == spec.attributes[attribute].value.expected()
            assert declared.required == spec.attributes[attribute].required


def test_facts_from_the_appinfo() -> None:
    assert vocabulary.MAX_DOCUMENT_BYTES == 64 * 1024
    assert set(vocabulary.DTMF_ALPHABET) == set("0123456789*#abcdABCD,wW")
    assert "Gather" not in vocabulary.CONFERENCE_VERBS
    assert "SpeakSentence" in vocabulary.CONFERENCE_VERBS
    assert {
        "Bridge",
        "Conference",
        "Forward",
        "Transfer",
    } == vocabulary.TRANSFER_ANSWER_FORBIDDEN_VERBS
    gather = vocabulary.ELEMENTS["Gather"].attributes
    assert gather["gatherUrl"].value.kind == "url"
    assert gather["partialResultCallback"].value.kind == "url"
    assert gather["interDigitTimeout"].value.kind == "duration"
    assert vocabulary.ELEMENTS["PhoneNumber"].text is not None
    assert vocabulary.ELEMENTS["PhoneNumber"].text.kind == "phone-number"
    assert vocabulary.VARIANTS[("SipUri", "Refer")].attributes == {}


def test_soft_facts_the_linter_reads_are_the_references() -> None:
    """BX110 (uui encodings), BX111 (SSML values) and BX202 (prompts) read these from the
    vocabulary; each is the reference's (tests/data/reference/bxml-v2.json) wording."""
    import json
    import re

    reference = json.loads((REPO / "tests/data/reference/bxml-v2.json").read_text("utf-8"))
    (speak,) = [e for e in reference["elements"] if e["name"] == "SpeakSentence"]
    ssml = speak["ssml"]
    prosody = vocabulary.ELEMENTS["prosody"].attributes
    for name in ("pitch", "rate", "volume"):
        documented = ssml["prosody"]["attributes"][name]  # "x-low|low|... or relative %, ..."
        words = tuple(documented.split(" or ")[0].split("|"))
        assert prosody[name].soft_values == words, name
        assert (prosody[name].soft_expected or "").startswith(", ".join(words) + " or "), name
        examples = re.findall(r"[+-]?\d+(?:\.\d+)?(?:%|dB)", documented)
        pattern = prosody[name].soft_pattern or "(?!)"
        assert examples and all(re.fullmatch(pattern, e) for e in examples), (name, examples)
    assert "max 10 s" in ssml["break"]["attributes"]["time"]
    assert vocabulary.ELEMENTS["break"].attributes["time"].soft_maximum == "10s"
    uui = [
        attribute["notes"]
        for element in reference["elements"]
        for attribute in element["attributes"]
        if attribute["name"] == "uui"
    ]
    assert any("only base64 and jwt encodings are allowed" in note for note in uui)
    assert vocabulary.UUI_ENCODINGS == ("base64", "jwt")
    assert vocabulary.GATHER_MAX_PROMPTS == 20
    assert vocabulary.ELEMENTS["Gather"].children == ("SpeakSentence", "PlayAudio")


def test_vocabulary_imports_neither_pydantic_nor_lxml() -> None:
    code = (
        "import sys, bxmlkit.vocabulary\n"
        "assert 'pydantic' not in sys.modules and 'lxml' not in sys.modules, sorted(sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
