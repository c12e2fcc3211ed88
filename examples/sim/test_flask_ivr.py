"""The Flask IVR, driven through the simulator (the bxml_sim fixture comes from bxmlkit)."""

from __future__ import annotations

from typing import Any

import pytest
from flask_ivr import MENU, create_app

from bxmlkit.sim import Simulator, callee, hangup, press, say, silence

CALL: dict[str, Any] = {
    "initiate_url": "/voice/initiate",
    "disconnect_url": "/voice/disconnect",
}


@pytest.fixture
def bxml_app() -> Any:
    return create_app()


def test_opening_hours(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[press("1")], **CALL)
    assert result.heard == [
        "Welcome to Example Books.",
        MENU,
        "We are open from nine to five. Goodbye.",
    ]
    result.assert_ok()


def test_a_message_is_recorded_and_announced(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[press("2"), say("please call me back"), press("#")], **CALL)
    assert result.heard[-1] == "Thank you, your message was saved. Goodbye."
    assert [d.event_type for d in result.webhooks] == [
        "initiate",
        "gather",
        "recordingAvailable",
        "recordingComplete",
        "disconnect",
    ]
    result.assert_ok()


def test_the_operator_answers_and_later_hangs_up(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[press("0"), callee(answer_after=4, talk=60)], **CALL)
    assert result.heard[-2:] == [
        "Connecting you to the operator.",
        "The operator has left the call. Goodbye.",
    ]
    assert result.events("transferComplete")[0].event.get("cause") == "hangup"
    result.assert_ok()


def test_the_operator_is_busy(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[press("0"), callee(outcome="busy")], **CALL)
    assert result.events("transferComplete")[0].event.get("cause") == "busy"


def test_silence_replays_the_menu_then_says_goodbye(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[silence()], **CALL)
    assert result.heard == [
        "Welcome to Example Books.",
        MENU,
        MENU,
        "We did not hear a choice. Goodbye.",
    ]
    result.assert_ok()


def test_a_wrong_key_goes_back_to_the_menu(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[press("7"), press("1")], **CALL)
    assert "That is not an option." in result.heard
    assert result.heard[-1] == "We are open from nine to five. Goodbye."
    result.assert_ok()


def test_the_caller_hangs_up_during_the_welcome(bxml_sim: Simulator) -> None:
    result = bxml_sim.call(script=[hangup(after=1)], **CALL)
    assert (result.cause, result.heard) == ("hangup", ["Welcome to Example Books."])
