"""The simulator's engine against plain WSGI apps: verbs, timing, failures, determinism."""

from __future__ import annotations

import base64
import struct
from typing import Any

import pytest

from bxmlkit.callbacks import DisconnectEvent, GatherEvent, InitiateEvent
from bxmlkit.models import Response
from bxmlkit.sim import Simulator, callee, hangup, press, say, silence
from tests.sim.apps import Recorder, bxml

MENU = bxml(
    '<Gather gatherUrl="/gather" maxDigits="1" firstDigitTimeout="4">'
    "<SpeakSentence>Press one for sales.</SpeakSentence></Gather>"
)


def ivr() -> Recorder:
    def gather(p: dict[str, Any]) -> str:
        if p["digits"] == "1":
            return bxml("<SpeakSentence>Sales.</SpeakSentence><Hangup/>")
        return bxml("<SpeakSentence>Nothing chosen.</SpeakSentence><Hangup/>")

    return Recorder({"/initiate": lambda p: MENU, "/gather": gather, "/disconnect": lambda p: None})


def test_a_menu_call_hears_the_prompt_and_the_branch() -> None:
    app = ivr()
    result = Simulator(app=app).call(
        initiate_url="/initiate", disconnect_url="/disconnect", script=[press("1")]
    )
    assert result.heard == ["Press one for sales.", "Sales."]
    assert result.cause == "hangup"
    assert [d.event_type for d in result.webhooks] == ["initiate", "gather", "disconnect"]
    assert isinstance(result.webhooks[0].event, InitiateEvent)
    assert isinstance(result.webhooks[1].event, GatherEvent)
    assert result.webhooks[1].event.get("digits") == "1"
    assert isinstance(result.webhooks[2].event, DisconnectEvent)
    assert result.webhooks[2].event.get("cause") == "hangup"
    assert isinstance(result.webhooks[0].document, Response)
    assert [d.status for d in result.webhooks] == [200, 200, 204]
    assert app.paths() == ["/initiate", "/gather", "/disconnect"]
    assert app.requests[0]["content_type"] == "application/json"
    result.assert_ok()


def test_silence_times_out_after_the_prompts_and_posts_empty_digits() -> None:
    result = Simulator(app=ivr()).call(initiate_url="/initiate", script=[silence()])
    gather = result.events("gather")[0]
    assert gather.event.get("digits") == ""
    assert gather.time == pytest.approx(5.6)  # 4 words (1.6 s) + firstDigitTimeout 4 s
    assert result.heard == ["Press one for sales.", "Nothing chosen."]


def test_the_transcript_is_byte_identical_across_runs_and_changes_with_the_seed() -> None:
    def run(seed: int) -> str:
        return (
            Simulator(app=ivr(), seed=seed)
            .call(initiate_url="/initiate", script=[press("1")])
            .to_text()
        )

    assert run(3) == run(3)
    assert run(3) != run(4)
    assert "presses 1" in run(3)


def _gather_app(attributes: str, prompts: str = "") -> Recorder:
    return Recorder(
        {
            "/i": lambda p: bxml(f'<Gather gatherUrl="/g" {attributes}>{prompts}</Gather>'),
            "/g": lambda p: bxml("<Hangup/>"),
        }
    )


@pytest.mark.parametrize(
    ("attributes", "script", "digits", "terminator", "at"),
    [
        pytest.param(
            'terminatingDigits="#"', [press("42#")], "42", "#", 1.0, id="terminator-excluded"
        ),
        pytest.param('maxDigits="2"', [press("4")], "4", None, 5.0, id="inter-digit-timeout"),
        pytest.param('maxDigits="3"', [press("123")], "123", None, 1.0, id="max-digits"),
        pytest.param('firstDigitTimeout="2"', [silence()], "", None, 2.0, id="first-digit-timeout"),
        pytest.param(
            'maxDigits="3" interDigitTimeout="1"',
            [press("12", gap=2)],
            "1",
            None,
            1.0,
            id="gap-over-inter-digit",
        ),
    ],
)
def test_gather_ends_as_bandwidth_documents(
    attributes: str, script: list[Any], digits: str, terminator: str | None, at: float
) -> None:
    result = Simulator(app=_gather_app(attributes)).call(initiate_url="/i", script=script)
    event = result.events("gather")[0].event
    assert event.get("digits") == digits
    assert event.get("terminatingDigit") == terminator
    assert result.events("gather")[0].time == pytest.approx(at)


def test_keys_left_over_after_max_digits_are_a_script_problem() -> None:
    result = Simulator(app=_gather_app('maxDigits="1"')).call(
        initiate_url="/i", script=[press("12")]
    )
    assert result.events("gather")[0].event.get("digits") == "1"
    assert [p.kind for p in result.problems] == ["script"]
    with pytest.raises(AssertionError, match="came after the Gather had ended"):
        result.assert_ok()


def test_prompts_repeat_until_a_key_and_a_press_interrupts_them() -> None:
    prompt = "<SpeakSentence>one two three four five</SpeakSentence>"  # 2 s
    app = _gather_app('repeatCount="3" firstDigitTimeout="1"', prompt)
    silent = Simulator(app=app).call(initiate_url="/i", script=[silence()])
    assert silent.heard == ["one two three four five"] * 3
    assert silent.events("gather")[0].time == pytest.approx(7.0)
    early = Simulator(app=app).call(initiate_url="/i", script=[press("5", after=1)])
    assert early.heard == ["one two three four five"]
    assert early.events("gather")[0].time == pytest.approx(6.0)  # 1 s + interDigitTimeout 5


def test_without_gather_url_execution_continues_after_the_gather() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Gather maxDigits="1"><SpeakSentence>Hi.</SpeakSentence></Gather>'
                "<SpeakSentence>After.</SpeakSentence>"
            )
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[press("3")])
    assert result.heard == ["Hi.", "After."]
    assert result.cause == "hangup"
    assert len(result.webhooks) == 1


def test_the_webhook_example_bug_is_visible_the_fallthrough_is_never_spoken() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Gather gatherUrl="/g" maxDigits="1"><SpeakSentence>Press.</SpeakSentence></Gather>'
                "<SpeakSentence>No key pressed.</SpeakSentence><Hangup/>"
            ),
            "/g": lambda p: bxml("<Hangup/>"),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[silence()])
    assert "No key pressed." not in result.heard
    assert [(p.kind, p.code, p.line) for p in result.problems] == [("lint", "BX201", 2)]


def test_invalid_bxml_ends_the_call_with_a_located_problem() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml("<SpeakSentence>Hi</SpeakSentence>\n<Gather maxdigits='1'/>"),
            "/d": lambda p: None,
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", disconnect_url="/d")
    assert result.cause == "invalid-bxml"
    assert result.heard == []
    [problem] = result.problems
    assert (problem.kind, problem.url, problem.line) == ("invalid-bxml", "http://app.local/i", 3)
    assert problem.column > 0
    assert "maxdigits" in problem.message
    disconnect = result.events("disconnect")[0].event
    assert disconnect.get("cause") == "invalid-bxml"
    assert disconnect.get("error_message")


def test_an_empty_reply_to_a_bxml_event_is_invalid_bxml() -> None:
    result = Simulator(app=Recorder({"/i": lambda p: None})).call(initiate_url="/i")
    assert result.cause == "invalid-bxml"
    assert "no BXML" in result.problems[0].message


def test_context_lint_rejects_verbs_not_allowed_in_transfer_answer_bxml() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Transfer><PhoneNumber transferAnswerUrl="/ta">+15554443333</PhoneNumber></Transfer>'
            ),
            "/ta": lambda p: bxml("<Forward to='+15550001111'/>"),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[callee()])
    assert result.cause == "invalid-bxml"
    assert [p.code for p in result.problems] == ["BX205"]
    assert result.problems[0].url == "http://app.local/ta"


def test_a_failing_primary_url_is_retried_at_the_fallback_with_its_credentials() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Redirect redirectUrl="/broken" redirectFallbackUrl="/backup" username="u" '
                'password="p" fallbackUsername="fu" fallbackPassword="fp"/>'
            ),
            "/broken": lambda p: (500, "oops"),
            "/backup": lambda p: bxml("<SpeakSentence>Backup.</SpeakSentence>"),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i")
    assert app.paths() == ["/i", "/broken", "/backup"]
    assert app.requests[1]["auth"] == "Basic " + base64.b64encode(b"u:p").decode()
    assert app.requests[2]["auth"] == "Basic " + base64.b64encode(b"fu:fp").decode()
    assert result.heard == ["Backup."]
    assert [d.fallback for d in result.webhooks] == [False, False, True]
    assert result.cause == "hangup"


def test_when_primary_and_fallback_fail_the_call_ends_with_callback_error() -> None:
    app = Recorder(
        {"/i": lambda p: bxml('<Redirect redirectUrl="/nope" redirectFallbackUrl="/gone"/>')}
    )
    result = Simulator(app=app).call(initiate_url="/i")
    assert result.cause == "callback-error"
    assert [p.kind for p in result.problems] == ["callback-error"]
    assert "HTTP 404" in result.problems[0].message


def test_an_exception_in_the_app_is_located_in_the_app_source() -> None:
    def boom(p: dict[str, Any]) -> str:
        raise KeyError("digits")

    result = Simulator(app=Recorder({"/i": boom})).call(initiate_url="/i")
    assert result.cause == "callback-error"
    app_error = next(p for p in result.problems if p.kind == "app-error")
    assert app_error.url == __file__
    assert app_error.line > 0
    assert "KeyError" in app_error.message


def test_a_slow_answer_over_callback_timeout_goes_to_the_fallback() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml('<Redirect redirectUrl="/slow" redirectFallbackUrl="/fast"/>'),
            "/slow": lambda p: bxml("<SpeakSentence>Slow.</SpeakSentence>"),
            "/fast": lambda p: bxml("<SpeakSentence>Fast.</SpeakSentence>"),
        }
    )
    result = Simulator(app=app, latency={"/slow": 20}, callback_timeout=10).call(initiate_url="/i")
    assert result.heard == ["Fast."]
    assert result.webhooks[2].time == pytest.approx(10.0)


def test_get_methods_send_a_query_string_and_relative_urls_resolve_against_the_document() -> None:
    app = Recorder(
        {
            "/voice/i": lambda p: bxml('<Redirect redirectUrl="next" redirectMethod="GET"/>'),
            "/voice/next": lambda p: bxml("<Hangup/>"),
        }
    )
    result = Simulator(app=app).call(initiate_url="/voice/i")
    assert app.requests[1]["method"] == "GET"
    assert app.requests[1]["path"] == "/voice/next"
    assert app.requests[1]["payload"]["eventType"] == "redirect"
    assert result.webhooks[1].method == "GET"
    assert result.webhooks[1].url == "http://app.local/voice/next"


def test_tags_propagate_into_later_callbacks_until_cleared() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml('<Tag>first</Tag><Redirect redirectUrl="/a"/>'),
            "/a": lambda p: bxml('<Redirect redirectUrl="/b" tag="second"/>'),
            "/b": lambda p: bxml('<Tag></Tag><Redirect redirectUrl="/c"/>'),
            "/c": lambda p: bxml("<Hangup/>"),
            "/d": lambda p: None,
        }
    )
    Simulator(app=app).call(initiate_url="/i", disconnect_url="/d")
    tags = [r["payload"].get("tag") for r in app.requests]
    assert tags == [None, "first", "second", None, None]


def test_timing_of_pause_ring_send_dtmf_and_ssml_breaks() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Pause duration="2"/><Ring duration="3"/><SendDtmf toneDuration="100" toneInterval="100">12w</SendDtmf>'
                '<SpeakSentence>Hello <break time="2s"/> there</SpeakSentence><Redirect redirectUrl="/end"/>'
            ),
            "/end": lambda p: bxml("<Hangup/>"),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i")
    # 2 + 3 + (0.2 + 0.2 + 0.5) + (2 words 0.8 + break 2)
    assert result.webhooks[1].time == pytest.approx(8.7)
    assert result.heard == ["Hello there"]


def _wav(seconds: float) -> bytes:
    rate = 8000
    data = b"\x00" * int(rate * seconds)
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate, 1, 8)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + len(data))
        + b"WAVEfmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + struct.pack("<I", len(data))
        + data
    )


def test_audio_length_comes_from_the_media_table_the_served_wav_or_a_default() -> None:
    wav = _wav(3.0)
    app = Recorder(
        {
            "/i": lambda p: bxml(
                "<PlayAudio>/hello.wav</PlayAudio><PlayAudio>https://cdn.example/x.mp3</PlayAudio>"
                "<PlayAudio>https://cdn.example/y.mp3</PlayAudio><Redirect redirectUrl='/end'/>"
            ),
            "/hello.wav": lambda p: wav,
            "/end": lambda p: bxml("<Hangup/>"),
        }
    )
    result = Simulator(app=app, media={"https://cdn.example/x.mp3": 10}).call(initiate_url="/i")
    assert result.heard == ["/hello.wav", "https://cdn.example/x.mp3", "https://cdn.example/y.mp3"]
    assert result.webhooks[1].time == pytest.approx(3 + 10 + 5)
    assert "length unknown" in result.to_text()


def test_hangup_after_interrupts_whatever_plays() -> None:
    app = Recorder({"/i": lambda p: bxml('<Pause duration="100"/>'), "/d": lambda p: None})
    result = Simulator(app=app).call(
        initiate_url="/i", disconnect_url="/d", script=[hangup(after=30)]
    )
    assert result.cause == "hangup"
    assert result.duration == pytest.approx(30.0)
    result.assert_ok()


def test_unused_script_steps_fail_assert_ok() -> None:
    app = Recorder({"/i": lambda p: bxml("<Hangup/>")})
    result = Simulator(app=app).call(initiate_url="/i", script=[press("1")])
    assert result.unused == [press("1")]
    with pytest.raises(AssertionError, match="unused script step: press 1"):
        result.assert_ok()


def test_a_loop_without_progress_is_reported_with_its_cycle() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml('<Redirect redirectUrl="/a"/>'),
            "/a": lambda p: bxml('<Pause duration="1"/><Redirect redirectUrl="/b"/>'),
            "/b": lambda p: bxml('<Redirect redirectUrl="/a"/>'),
        }
    )
    result = Simulator(app=app, loop_limit=3).call(initiate_url="/i")
    [problem] = result.problems
    assert problem.kind == "loop"
    assert "redirect /a" in problem.message
    assert "redirect /b" in problem.message
    assert len(result.webhooks) < 12


def test_caps_on_webhooks_and_virtual_time() -> None:
    counter = {"n": 0}

    def step(p: dict[str, Any]) -> str:
        counter["n"] += 1
        return bxml(f'<Pause duration="{counter["n"]}"/><Redirect redirectUrl="/i"/>')

    result = Simulator(app=Recorder({"/i": step}), max_webhooks=20).call(initiate_url="/i")
    assert (result.cause, [p.kind for p in result.problems]) == ("timeout", ["cap"])
    result = Simulator(
        app=Recorder({"/i": lambda p: bxml('<Pause duration="100"/><Redirect redirectUrl="/i"/>')}),
        max_seconds=350,
        loop_limit=99,
    ).call(initiate_url="/i")
    assert (result.cause, [p.kind for p in result.problems]) == ("timeout", ["cap"])
    assert result.duration == pytest.approx(350.0, abs=100)


def test_record_sends_record_complete_then_recording_and_transcription_available() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Record recordCompleteUrl="/rc" recordingAvailableUrl="/ra" transcribe="true" '
                'transcriptionAvailableUrl="/ta" maxDuration="30" silenceTimeout="3"/>'
            ),
            "/rc": lambda p: bxml("<SpeakSentence>Thanks.</SpeakSentence>"),
            "/ra": lambda p: bxml("<Hangup/>"),  # ignored: asynchronous
            "/ta": lambda p: None,
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[say("please call me back")])
    assert [d.event_type for d in result.webhooks] == [
        "initiate",
        "recordingAvailable",
        "transcriptionAvailable",
        "recordingComplete",
    ]
    complete = result.events("recordingComplete")[0].event
    assert complete.get("duration") == "PT4.6S"  # 4 words 1.6 s + silenceTimeout 3 s
    transcription = result.events("transcriptionAvailable")[0].event
    assert transcription.get("transcription").text == "please call me back"
    assert result.heard == ["Thanks."]
    result.assert_ok()


def test_record_ends_on_its_terminating_digit_and_a_hangup_skips_record_complete() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml('<Record recordCompleteUrl="/rc" recordingAvailableUrl="/ra"/>'),
            "/rc": lambda p: bxml("<Hangup/>"),
            "/ra": lambda p: None,
        }
    )
    pressed = Simulator(app=app).call(initiate_url="/i", script=[say("hi"), press("#")])
    assert [d.event_type for d in pressed.webhooks] == [
        "initiate",
        "recordingAvailable",
        "recordingComplete",
    ]
    hung = Simulator(app=app).call(initiate_url="/i", script=[say("hi"), hangup()])
    assert [d.event_type for d in hung.webhooks] == ["initiate", "recordingAvailable"]
    assert hung.cause == "hangup"


def test_start_recording_and_start_gather_run_in_the_background() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<StartRecording recordingAvailableUrl="/ra"/><StartGather dtmfUrl="/dtmf"/>'
                '<Pause duration="10"/><StopGather/><StopRecording/><Redirect redirectUrl="/end"/>'
            ),
            "/ra": lambda p: None,
            "/dtmf": lambda p: None,
            "/end": lambda p: bxml("<Hangup/>"),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[press("12", after=4)])
    assert [d.event_type for d in result.webhooks] == [
        "initiate",
        "dtmf",
        "dtmf",
        "recordingAvailable",
        "redirect",
    ]
    assert [d.event.get("digit") for d in result.events("dtmf")] == ["1", "2"]
    assert result.events("recordingAvailable")[0].event.get("duration") == "PT10S"
    result.assert_ok()


def test_asynchronous_events_can_be_shuffled_by_seed_and_disconnect_comes_last() -> None:
    verbs = "".join(
        f'<StartStream name="s{i}" destination="wss://x.example/{i}" streamEventUrl="/ev"/>'
        for i in range(5)
    )
    app = Recorder(
        {
            "/i": lambda p: bxml(verbs, '<Pause duration="1"/>'),
            "/ev": lambda p: None,
            "/d": lambda p: None,
        }
    )

    def order(seed: int, shuffle: bool) -> list[str]:
        result = Simulator(app=app, seed=seed, shuffle_async=shuffle).call(
            initiate_url="/i", disconnect_url="/d"
        )
        assert result.webhooks[-1].event_type == "disconnect"
        return [f"{d.event_type}:{d.event.get('media_stream').name}" for d in result.webhooks[1:-1]]

    plain = order(1, False)
    assert plain[:5] == [f"mediaStreamStarted:s{i}" for i in range(5)]
    shuffled = order(1, True)
    assert sorted(shuffled) == sorted(plain)
    assert shuffled != plain
    assert order(1, True) == shuffled


def test_transfer_runs_transfer_answer_bxml_on_the_callee_then_complete_and_disconnect() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Transfer transferCompleteUrl="/tc" transferCallerId="+15550009999">'
                '<PhoneNumber transferAnswerUrl="/ta" transferDisconnectUrl="/td">+15554443333</PhoneNumber></Transfer>'
            ),
            "/ta": lambda p: bxml(
                '<Gather gatherUrl="/accept" maxDigits="1"><SpeakSentence>Press 1 to accept.</SpeakSentence></Gather>'
            ),
            "/accept": lambda p: (
                bxml("<SpeakSentence>Connecting.</SpeakSentence>")
                if p["digits"] == "1"
                else bxml("<Hangup/>")
            ),
            "/td": lambda p: None,
            "/tc": lambda p: bxml("<SpeakSentence>The other party hung up.</SpeakSentence>"),
        }
    )
    result = Simulator(app=app).call(
        initiate_url="/i", script=[callee(answer_after=3, talk=20, script=[press("1")])]
    )
    kinds = [(d.event_type, d.leg) for d in result.webhooks]
    assert kinds == [
        ("initiate", "caller"),
        ("transferAnswer", "callee"),
        ("gather", "callee"),
        ("transferDisconnect", "callee"),
        ("transferComplete", "caller"),
    ]
    answer = result.events("transferAnswer")[0].event
    assert (answer.get("transfer_to"), answer.get("transfer_caller_id")) == (
        "+15554443333",
        "+15550009999",
    )
    assert result.events("gather")[0].event.get("parent_call_id") == result.call_id
    assert result.events("transferComplete")[0].event.get("cause") == "hangup"
    assert result.heard == ["The other party hung up."]
    result.assert_ok()


@pytest.mark.parametrize(
    ("outcome", "cause"),
    [("busy", "busy"), ("no-answer", "timeout"), ("reject", "rejected")],
)
def test_transfer_failures_reach_transfer_complete_with_the_cause(outcome: Any, cause: str) -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<Transfer transferCompleteUrl="/tc"><PhoneNumber transferDisconnectUrl="/td">+15554443333</PhoneNumber></Transfer>'
            ),
            "/tc": lambda p: bxml(f"<SpeakSentence>Failed {p['cause']}.</SpeakSentence>"),
            "/td": lambda p: None,
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[callee(outcome=outcome)])
    assert result.heard == [f"Failed {cause}."]
    assert result.events("transferDisconnect")[0].event.get("cause") == cause


def test_conference_events_run_conference_bxml_and_complete() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml('<Conference conferenceEventUrl="/conf">room-1</Conference>'),
            "/conf": lambda p: (
                bxml("<SpeakSentence>Welcome to the room.</SpeakSentence>")
                if p["eventType"] == "conferenceCreated"
                else None
            ),
        }
    )
    result = Simulator(app=app).call(
        initiate_url="/i", script=[callee(answer_after=2, talk=5), hangup(after=20)]
    )
    assert [d.event_type for d in result.webhooks] == [
        "initiate",
        "conferenceCreated",
        "conferenceMemberJoin",
        "conferenceMemberJoin",
        "conferenceMemberExit",
        "conferenceMemberExit",
        "conferenceCompleted",
    ]
    assert result.heard == ["Welcome to the room."]
    assert result.events("conferenceCreated")[0].event.get("name") == "room-1"
    result.assert_ok()


def test_conference_bxml_with_other_verbs_is_rejected() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml('<Conference conferenceEventUrl="/conf">room-1</Conference>'),
            "/conf": lambda p: bxml('<Gather gatherUrl="/g"/>'),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i")
    assert result.cause == "invalid-bxml"
    assert [p.code for p in result.problems] == ["BX205"]


def test_bridge_forward_and_refer_outcomes() -> None:
    app = Recorder(
        {
            "/bridge": lambda p: bxml('<Bridge bridgeCompleteUrl="/bc">c-1234</Bridge>'),
            "/bc": lambda p: bxml(f"<SpeakSentence>Bridge {p['cause']}.</SpeakSentence>"),
            "/forward": lambda p: bxml('<Forward to="+15554443333"/>'),
            "/refer": lambda p: bxml(
                '<Refer referCompleteUrl="/rc"><SipUri>sip:a@b.example</SipUri></Refer>'
            ),
            "/rc": lambda p: bxml("<SpeakSentence>Refer failed.</SpeakSentence>"),
        }
    )
    sim = Simulator(app=app)
    bridged = sim.call(initiate_url="/bridge", script=[callee(talk=12)])
    assert bridged.heard == ["Bridge hangup."]
    assert bridged.events("bridgeComplete")[0].time == pytest.approx(12)
    failed = sim.call(initiate_url="/bridge", script=[callee(outcome="no-answer")])
    assert failed.heard == ["Bridge error."]
    assert sim.call(initiate_url="/forward", script=[callee(outcome="busy")]).cause == "busy"
    forwarded = sim.call(initiate_url="/forward", script=[callee(answer_after=2, talk=8)])
    assert (forwarded.cause, forwarded.duration) == ("hangup", 10)
    ok = sim.call(initiate_url="/refer", script=[callee()])
    assert (
        ok.heard == [] and ok.events("referComplete")[0].event.get("refer_call_status") == "success"
    )
    refused = sim.call(initiate_url="/refer", script=[callee(outcome="reject")])
    assert refused.heard == ["Refer failed."]


def test_shallow_verbs_send_their_signalling_and_say_so() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                '<StartTranscription name="t1" transcriptionEventUrl="/ev"/><StartStream name="s1" '
                'destination="wss://x.example" streamEventUrl="/ev"/><StopStream name="s1"/>'
                "<Connect><Endpoint>e-1</Endpoint></Connect>"
            ),
            "/ev": lambda p: None,
        }
    )
    result = Simulator(app=app).call(initiate_url="/i")
    assert [d.event_type for d in result.webhooks] == [
        "initiate",
        "realTimeTranscriptionStarted",
        "mediaStreamStarted",
        "mediaStreamStopped",
        "realTimeTranscriptionStopped",
    ]
    assert result.to_text().count("shallow") == 3


def test_speech_gather_and_outbound_calls() -> None:
    app = Recorder(
        {
            "/answer": lambda p: bxml(
                '<Gather gatherUrl="/g" input="speech"><SpeakSentence>Say something.</SpeakSentence></Gather>'
            ),
            "/g": lambda p: bxml(f"<SpeakSentence>You said {p['transcript']}.</SpeakSentence>"),
        }
    )
    result = Simulator(app=app).call(answer_url="/answer", script=[say("billing")])
    answer = result.webhooks[0].event
    assert (answer.get("direction"), answer.declared_type) == ("outbound", "answer")
    assert result.heard == ["Say something.", "You said billing."]


def test_handler_functions_receive_typed_events() -> None:
    seen: list[str] = []

    def handler(event: Any) -> Response | None:
        seen.append(type(event).__name__)
        from bxmlkit.models import Hangup, SpeakSentence

        if event.expects_bxml:
            return Response(verbs=[SpeakSentence(content=["Hi from a handler."]), Hangup()])
        return None

    result = Simulator(handler=handler).call(initiate_url="/i", disconnect_url="/d")
    assert seen == ["InitiateEvent", "DisconnectEvent"]
    assert result.heard == ["Hi from a handler."]


def test_bad_arguments_are_refused_clearly() -> None:
    with pytest.raises(TypeError, match="exactly one of app="):
        Simulator()
    with pytest.raises(TypeError, match="initiate_url"):
        Simulator(handler=lambda e: None).call()
    with pytest.raises(ValueError, match="DTMF keys"):
        press("1x")
    with pytest.raises(ValueError, match="outcome"):
        callee(outcome="maybe")  # type: ignore[arg-type]


def test_comments_in_replies_are_kept_by_the_codec_and_never_executed() -> None:
    app = Recorder(
        {
            "/i": lambda p: bxml(
                "<!-- greeting --><SpeakSentence>Hi <!-- inline --> there.</SpeakSentence>"
                '<Gather gatherUrl="/g" maxDigits="1"><!-- prompt --><SpeakSentence>Press.</SpeakSentence></Gather>'
            ),
            "/g": lambda p: bxml(
                "<Transfer><!-- who --><PhoneNumber>+15554443333</PhoneNumber></Transfer>"
            ),
        }
    )
    result = Simulator(app=app).call(initiate_url="/i", script=[press("1"), callee(talk=5)])
    assert result.heard == ["Hi there.", "Press."]
    assert "dialling +15554443333" in result.to_text()
    result.assert_ok()
