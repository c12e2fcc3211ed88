"""examples/webhook_server.py, run through the simulator: every flow it has, end to end."""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bxmlkit.sim import Simulator, hangup, press, silence

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOOK = ("hook-user", "hook-pa55-word")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"sim_example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


webhook_server = _load("webhook_server")


@pytest.fixture
def sim() -> Iterator[Simulator]:
    server = webhook_server.make_server("127.0.0.1", 0, username=HOOK[0], password=HOOK[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        with Simulator(url=server.url, username=HOOK[0], password=HOOK[1]) as simulator:
            yield simulator
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


CALL: dict[str, Any] = {
    "initiate_url": "/callbacks/initiate",
    "disconnect_url": "/callbacks/disconnect",
}


def test_a_key_press_is_read_back(sim: Simulator) -> None:
    result = sim.call(script=[press("7")], **CALL)
    assert result.heard == [
        "Hello from bxmlkit.",
        "Press a key, any key.",
        "You pressed 7. Goodbye.",
    ]
    assert [(d.event_type, d.status) for d in result.webhooks] == [
        ("initiate", 200),
        ("gather", 200),
        ("disconnect", 204),
    ]
    result.assert_ok()


def test_no_key_pressed_is_now_spoken(sim: Simulator) -> None:
    result = sim.call(script=[silence()], **CALL)
    assert result.heard[-1] == "No key pressed. Goodbye."
    assert result.events("gather")[0].event.get("digits") == ""
    result.assert_ok()


def test_the_caller_hanging_up_during_the_prompt(sim: Simulator) -> None:
    result = sim.call(script=[hangup(after=1)], **CALL)
    assert result.heard == ["Hello from bxmlkit."]
    assert [d.event_type for d in result.webhooks] == ["initiate", "disconnect"]
    assert result.events("disconnect")[0].event.get("cause") == "hangup"
    result.assert_ok()


def test_the_old_reply_hides_its_no_key_branch() -> None:
    """The example's former reply: the sentence after the Gather can never be spoken."""
    from bxmlkit.codec import to_xml
    from bxmlkit.models import Gather, Hangup, Response, SpeakSentence

    old = to_xml(
        Response(
            verbs=[
                Gather(
                    prompts=[SpeakSentence(content=["Press a key, any key."])],
                    gather_url="/callbacks/gather",
                    max_digits=1,
                ),
                SpeakSentence(content=["No key pressed. Goodbye."]),
                Hangup(),
            ]
        )
    )

    def handler(event: Any) -> bytes | None:
        if event.declared_type == "initiate":
            return old
        return None

    result = Simulator(handler=handler).call(initiate_url="/callbacks/initiate", script=[silence()])
    assert [p.code for p in result.problems if p.kind == "lint"] == ["BX201"]
    assert "No key pressed. Goodbye." not in result.heard
