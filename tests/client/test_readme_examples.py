"""Every code block of the client/webhooks README section runs, against the fake server.

The section lives in ``readme_client_section.md`` beside this file; while README.md has the
section, its blocks must be the same as these (the README now links to the guides instead).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fake_bandwidth import ACCOUNT, CLIENT_ID, CLIENT_SECRET, FakeBandwidth

SECTION = Path(__file__).with_name("readme_client_section.md")
README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "## REST client and webhooks"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _blocks(text: str) -> list[str]:
    return BLOCK.findall(text)


SECTION_BLOCKS = _blocks(SECTION.read_text())


@pytest.fixture
def environment(fake: FakeBandwidth, monkeypatch: pytest.MonkeyPatch) -> FakeBandwidth:
    monkeypatch.setenv("BW_ACCOUNT_ID", ACCOUNT)
    monkeypatch.setenv("BW_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("BW_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("BW_VOICE_BASE_URL", fake.voice_url)
    monkeypatch.setenv("BW_MESSAGING_BASE_URL", fake.messaging_url)
    monkeypatch.setenv("BW_TOKEN_URL", fake.token_url)
    return fake


def test_the_section_has_examples() -> None:
    assert len(SECTION_BLOCKS) == 5


@pytest.mark.parametrize("index", range(len(SECTION_BLOCKS)), ids=lambda i: f"block-{i + 1}")
def test_readme_block_runs(
    index: int, environment: FakeBandwidth, capsys: pytest.CaptureFixture[str]
) -> None:
    code = SECTION_BLOCKS[index]
    exec(compile(code, f"{SECTION.name}[block {index + 1}]", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    if "send_message" in code:
        assert environment.messages
        assert environment.bxml
        assert "c-" in out
    if "hangup(" in code:
        assert out.startswith("no such call: Call [c-15ac29a2")


def test_readme_matches_the_section_once_merged() -> None:
    text = README.read_text()
    if HEADING in text:
        merged = text[text.index(HEADING) :]
        assert _blocks(merged)[: len(SECTION_BLOCKS)] == SECTION_BLOCKS
    else:
        # the README shrank to a newcomer's page: no partial copy of these blocks is left in
        # it, and it points to the client, the callbacks and the runnable examples instead
        assert not any(block in text for block in SECTION_BLOCKS)
        assert "bxmlkit.client" in text and "bxmlkit.callbacks" in text
        assert "](examples/webhook_server.py)" in text
        for guide in ("client.md", "webhooks.md"):
            if (README.parent / "docs" / "guides" / guide).is_file():
                assert f"](docs/guides/{guide})" in text
