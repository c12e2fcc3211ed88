"""BX204 reports an ignored attribute only when its value would change something."""

from __future__ import annotations

import pytest

from bxmlkit.lint import lint

Found = list[tuple[str, int, int, str]]

CASES: list[tuple[str, str, Found]] = [
    (
        "java-sdk-voice-defaults",
        '<Response>\n  <SpeakSentence voice="julie" gender="female" locale="en_US">Hi</SpeakSentence>\n</Response>\n',
        [],
    ),
    (
        "voice-agrees",
        '<Response>\n  <SpeakSentence voice="bernard" gender="male" locale="fr">Salut</SpeakSentence>\n</Response>\n',
        [],
    ),
    (
        "voice-disagrees",
        '<Response>\n  <SpeakSentence voice="julie" gender="male" locale="fr">Hi</SpeakSentence>\n</Response>\n',
        [
            (
                "BX204",
                2,
                32,
                "voice='julie' (female, en_US) decides the voice; gender='male' is ignored",
            ),
            (
                "BX204",
                2,
                46,
                "voice='julie' (female, en_US) decides the voice; locale='fr' is ignored",
            ),
        ],
    ),
    (
        "default-fallback-method",
        '<Response>\n  <Gather gatherUrl="https://example.com/g" gatherFallbackMethod="POST"/>\n</Response>\n',
        [],
    ),
    (
        "non-default-fallback-method",
        '<Response>\n  <Gather gatherUrl="https://example.com/g" gatherFallbackMethod="GET"/>\n</Response>\n',
        [("BX204", 2, 45, "gatherFallbackMethod is ignored without gatherFallbackUrl")],
    ),
    (
        "default-speech-attributes-on-dtmf",
        '<Response>\n  <Gather profanityFilter="true" speechTimeout="5" hints="sales"/>\n</Response>\n',
        [
            (
                "BX204",
                2,
                52,
                'hints only applies to speech input, and input is \'dtmf (the default)\'; set input="speech" or "dtmf_speech"',
            )
        ],
    ),
    (
        "default-diversion-reason",
        '<Response>\n  <Forward to="+15555551212" diversionReason="unknown"/>\n</Response>\n',
        [],
    ),
]


@pytest.mark.parametrize(("xml", "expected"), [pytest.param(x, e, id=n) for n, x, e in CASES])
def test_exact_diagnostics(xml: str, expected: Found) -> None:
    assert [(d.code, d.line, d.column, d.message) for d in lint(xml)] == expected


def test_defaults_are_the_references() -> None:
    """The defaults BX204 treats as "changes nothing" (the vocabulary's, generated from the
    XSD's appinfo) are the reference's documented ones, attribute by attribute."""
    import json
    from pathlib import Path

    from bxmlkit.vocabulary import ELEMENTS

    reference = json.loads(
        (Path(__file__).parents[2] / "data" / "reference" / "bxml-v2.json").read_text(
            encoding="utf-8"
        )
    )
    documented: dict[tuple[str, str], str | None] = {}
    methods: set[str] = set()
    for element in reference["elements"]:
        for attribute in element["attributes"]:
            default = attribute["default"]
            if attribute["name"].endswith("Method"):
                methods.add(str(default))
            value = str(default).lower() if isinstance(default, bool) else default
            documented[element["name"], attribute["name"]] = None if value is None else str(value)
    assert methods == {"POST"}
    used = {
        (tag, name): declared.default
        for tag, declared_element in ELEMENTS.items()
        for name, declared in declared_element.attributes.items()
        if (tag, name) in documented
    }
    assert used == documented
    assert used["SpeakSentence", "gender"] == "female"  # one BX204 relies on (see CASES)
