"""Paused stretches of a background recording do not count in its duration."""

from __future__ import annotations

from bxmlkit.sim import Simulator
from tests.sim.apps import Recorder, bxml


def test_paused_time_is_left_out_of_the_recording() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<StartRecording recordingAvailableUrl="/ra"/><Pause duration="2"/>'
                '<PauseRecording/><Pause duration="3"/><ResumeRecording/><Pause duration="1"/>'
                "<StopRecording/><PauseRecording/>"
            ),
            "/ra": lambda p: None,
        }
    )
    result = Simulator(app=app).call(initiate_url="/i")
    assert result.events("recordingAvailable")[0].event.get("duration") == "PT3S"
    text = result.to_text()
    assert "recording paused" in text and "recording resumed" in text
    assert "<PauseRecording>: no recording running (no effect)" in text
    result.assert_ok()
