"""Every code block of the client/webhooks README section runs, against the fake server.

The section lives in ``readme_client_section.md`` beside this file until it is merged into
README.md; once README.md has the section, its blocks must be the same as these.
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
    if not README.exists() or HEADING not in README.read_text():
        pytest.skip("README.md does not have the client section yet")
    text = README.read_text()
    merged = text[text.index(HEADING) :]
    assert _blocks(merged)[: len(SECTION_BLOCKS)] == SECTION_BLOCKS
