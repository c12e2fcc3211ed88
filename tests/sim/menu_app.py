"""A three-level IVR as a plain WSGI app (used by the command, explore and browser tests)."""

from __future__ import annotations

from typing import Any

from tests.sim.apps import Recorder, bxml


def _menu(url: str, prompt: str) -> str:
    return bxml(
        f'<Gather gatherUrl="{url}" maxDigits="1" firstDigitTimeout="3">'
        f"<SpeakSentence>{prompt}</SpeakSentence></Gather>"
    )


def _top(p: dict[str, Any]) -> str:
    return _menu("/l1", "Main menu. Press 1 or 2.")


def _level(path: str, last: bool) -> Any:
    def route(p: dict[str, Any]) -> str:
        digits = p["digits"]
        if digits in ("1", "2"):
            if last:
                return bxml(f"<SpeakSentence>You chose {path}/{digits}.</SpeakSentence><Hangup/>")
            return _menu(f"{path}/{digits}", f"Menu {path}/{digits}. Press 1 or 2.")
        if digits == "":
            return bxml("<SpeakSentence>Goodbye.</SpeakSentence>")
        return bxml('<SpeakSentence>Not a choice.</SpeakSentence><Redirect redirectUrl="/top"/>')

    return route


def make_app() -> Recorder:
    routes: dict[str, Any] = {"/top": _top, "/l1": _level("/l1", False), "/bye": lambda p: None}
    for first in "12":
        routes[f"/l1/{first}"] = _level(f"/l1/{first}", False)
        for second in "12":
            routes[f"/l1/{first}/{second}"] = _level(f"/l1/{first}/{second}", True)
    return Recorder(routes)


app = make_app()
