"""One message per mistake: ``from_xml``, ``bxmlkit check``, ``bxmlkit validate`` and lint say
the same thing, at the same line and column, about the same unknown element."""

from __future__ import annotations

from pathlib import Path

import pytest

from bxmlkit._messages import unknown_element
from bxmlkit.cli import main
from bxmlkit.codec import from_xml
from bxmlkit.errors import BxmlStructureError
from bxmlkit.lint import lint
from bxmlkit.schema import validate
from bxmlkit.vocabulary import ELEMENTS

#: (parent, wrong element): habits from other markup, slips, and wrong names inside verbs.
MISTAKES = [
    *[
        ("Response", name)
        for name in (
            "Say",
            "Speak",
            "Play",
            "Dial",
            "Number",
            "Sip",
            "Wait",
            "GetDigits",
            "GetInput",
            "DTMF",
            "Stream",
            "Start",
            "Stop",
            "Enqueue",
            "Leave",
            "Message",
            "Sms",
            "Gathr",
            "Hangp",
            "SpeakSentense",
            "PlayAudo",
            "Pauze",
            "Recrd",
            "Redirct",
            "Transfr",
            "Bridg",
            "Conferense",
            "Forwrd",
            "StartRecordin",
            "StopStrem",
            "Rng",
            "Tagg",
            "speaksentence",
            "hangup",
            "Foo",
        )
    ],
    ("Gather", "Foo"),
    ("Gather", "Say"),
    ("Gather", "SpeakSentense"),
    ("Transfer", "Say"),
    ("Transfer", "PhoneNumbr"),
    ("Transfer", "Sip"),
    ("Hangup", "Foo"),
    ("StartStream", "StreamParm"),
    ("StartTranscription", "CustomParm"),
    ("Connect", "Endpont"),
]

_CHILD = {"Transfer": "<PhoneNumber>+15555550100</PhoneNumber>"}


def _document(parent: str, name: str) -> tuple[str, int, int]:
    """The document, and the line and column of the wrong element."""
    if parent == "Response":
        return f"<Response>\n  <{name}/>\n</Response>\n", 2, 3
    before = _CHILD.get(parent, "")
    attrs = ' destination="wss://example.com/s"' if parent == "StartStream" else ""
    text = f"<Response>\n  <{parent}{attrs}>{before}\n    <{name}/>\n  </{parent}>\n</Response>\n"
    return text, 3, 5


def test_at_least_forty_mistakes() -> None:
    assert len(set(MISTAKES)) == len(MISTAKES) >= 40


@pytest.mark.parametrize(("parent", "name"), MISTAKES, ids=[f"{p}-{n}" for p, n in MISTAKES])
def test_every_face_says_the_same(
    parent: str,
    name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text, line, column = _document(parent, name)
    said = unknown_element(name, parent, ELEMENTS[parent].children)
    assert said.hint, "every unknown element gets advice"

    with pytest.raises(BxmlStructureError) as info:
        from_xml(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert info.value.message == said.core
    assert info.value.hint == said.hint

    found = [v for v in validate(text) if v.kind == "unknown-element"]
    assert [(v.line, v.column, v.message) for v in found] == [(line, column, said.text)]
    assert [v.expected for v in found] == [info.value.expected]

    diagnostics = [d for d in lint(text) if d.code == "BX102"]
    assert [(d.line, d.column, d.message) for d in diagnostics] == [(line, column, said.text)]

    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path)]) == 1
    checked = capsys.readouterr()
    assert f"{path}:{line}:{column}: {said.core}" in checked.out + checked.err
    assert said.hint in checked.out + checked.err
    assert main(["validate", str(path)]) == 1
    validated = capsys.readouterr()
    assert f"{path}:{line}:{column}: {said.text}" in validated.out + validated.err
