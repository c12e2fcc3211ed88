"""BX205 verb-not-allowed-in-context."""

from __future__ import annotations

from typing import Any

import pytest


def test_conference_allows_only_six_verbs(check: Any, messages: Any) -> None:
    xml = "<Response>\n  <SpeakSentence>hi</SpeakSentence>\n  <Gather/>\n</Response>"
    diagnostics = check(xml, context="conference", problem=(3, 3, "BX205"))
    assert "conference BXML" in messages(diagnostics, "BX205")[0]


@pytest.mark.parametrize(
    "verb",
    [
        "<Transfer><PhoneNumber>+15555550100</PhoneNumber></Transfer>",
        "<Bridge>c-1</Bridge>",
        '<Forward to="+15555550100"/>',
        "<Conference>c</Conference>",
    ],
)
def test_transfer_answer_forbids(verb: str, check: Any) -> None:
    check(f"<Response>{verb}</Response>", context="transfer-answer", problem=(1, 11, "BX205"))


def test_context_from_config(check: Any) -> None:
    check("<Response><Hangup/></Response>", {"context": "conference"}, problem=(1, 11, "BX205"))


def test_context_from_comment(check: Any) -> None:
    check(
        "<!-- bxmlkit: context=conference -->\n<Response><Hangup/></Response>",
        problem=(2, 11, "BX205"),
    )


def test_per_file_context() -> None:
    config = {"per-file-context": {"*.xml": "conference"}}
    from bxmlkit.lint import lint
    from bxmlkit.lint.config import config_from_mapping

    cfg = config_from_mapping(config, source="test")
    assert cfg.context_for("conf/a.xml") == "conference"
    assert lint("<Response><Hangup/></Response>", config=cfg) == []  # "<string>" matches nothing


@pytest.mark.parametrize(
    ("context", "others"),
    [
        ("auto", []),
        ("webhook", []),
        ("update-call", [(1, 1, "BX602")]),  # a <Response> root is for webhook replies
    ],
)
def test_other_contexts_allow_everything(
    context: str, others: list[tuple[int, int, str]], check: Any
) -> None:
    check("<Response><Gather/><Hangup/></Response>", context=context, clean="BX205", also=others)


def test_allowed_conference_verbs_are_clean(check: Any) -> None:
    check(
        "<Bxml><PlayAudio>a.wav</PlayAudio><StopRecording/></Bxml>",
        context="conference",
        clean="BX205",
    )
