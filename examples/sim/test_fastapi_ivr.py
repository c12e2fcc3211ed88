"""The FastAPI reminder, driven through the simulator: sync call() and await acall()."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fastapi_ivr import QUESTION, app

from bxmlkit.sim import Simulator, press, say, silence

CALL: dict[str, Any] = {
    "answer_url": "/reminder/answer",
    "disconnect_url": "/reminder/disconnect",
    "from_": "+15550002000",
    "to": "+15551234567",
}


@pytest.fixture
def bxml_app() -> Any:
    return app


def test_confirm_by_key(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[press("1")], **CALL)
    assert result.heard == [QUESTION, "Thank you, see you tomorrow."]
    assert result.webhooks[0].event.get("direction") == "outbound"
    result.assert_ok()


def test_confirm_by_voice(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[say("yes")], **CALL)
    assert result.heard[-1] == "Thank you, see you tomorrow."
    result.assert_ok()


def test_cancel_and_no_answer(bxml_sim: Simulator) -> None:
    assert bxml_sim.call(script=[press("2")], **CALL).heard[-1] == "Your appointment is cancelled."
    silent = bxml_sim.call(script=[silence()], **CALL)
    assert silent.heard[-1] == "We will call you again later."
    silent.assert_ok()


def test_the_same_call_awaited() -> None:
    async def run() -> str:
        result = await Simulator(asgi=app).acall(script=[press("1")], **CALL)
        result.assert_ok()
        return result.to_text()

    assert asyncio.run(run()) == Simulator(asgi=app).call(script=[press("1")], **CALL).to_text()
