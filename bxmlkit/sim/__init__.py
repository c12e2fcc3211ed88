"""Run a whole Bandwidth call flow offline against your own webhook app.

::

    from bxmlkit.sim import Simulator, press, silence, hangup

    sim = Simulator(app=wsgi_app)        # or asgi=, handler=, url="http://127.0.0.1:8000"
    result = sim.call(initiate_url="/voice/initiate", disconnect_url="/voice/disconnect",
                      script=[press("1"), silence(), hangup(after=30)])
    result.heard          # sentences spoken and audio URLs played, in order
    result.webhooks       # every delivery: .event, .method, .url, .status, .document, .problems
    result.cause          # "hangup", "invalid-bxml", "callback-error", "timeout", ...
    result.problems       # located problems (invalid BXML, lint findings, app errors, loops)
    print(result.to_text())
    result.assert_ok()

Everything runs on a virtual clock (nothing sleeps) with seeded ids and timestamps, so a
transcript is the same byte for byte on every run.  See ``docs/guides/simulator.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bxmlkit.sim.result import CallResult, Delivery, Line, Problem
from bxmlkit.sim.script import (
    Callee,
    Hangup,
    Press,
    Say,
    Silence,
    Step,
    callee,
    hangup,
    press,
    say,
    silence,
)

if TYPE_CHECKING:
    from bxmlkit.sim.simulator import Simulator

__all__ = [
    "CallResult",
    "Callee",
    "Delivery",
    "Hangup",
    "Line",
    "Press",
    "Problem",
    "Say",
    "Silence",
    "Simulator",
    "Step",
    "callee",
    "hangup",
    "press",
    "say",
    "silence",
]


def __getattr__(name: str) -> Any:
    # Simulator pulls in httpx and the engine: loaded on first use, so that the pytest
    # plugin (and ``import bxmlkit.sim`` for the step helpers) stays light.
    if name == "Simulator":
        from bxmlkit.sim.simulator import Simulator

        globals()["Simulator"] = Simulator
        return Simulator
    raise AttributeError(f"module 'bxmlkit.sim' has no attribute {name!r}")
