"""The JSON bodies the simulator posts: one field list per event, in the reference's names.

``FIELDS`` holds, per ``eventType``, the fields of ``voice-callbacks-v2.json`` that a
simulated call can fill, in the reference's order; :func:`payload` picks them from what the
call knows and leaves out what is unknown (``tag`` only while a tag is set, as Bandwidth
does; ``enqueuedTime`` only on outbound calls, which the API queues).  A conformance test
checks every list against the reference, field by field.

Decision where the reference is silent: the final result of a speech ``<Gather>`` has no
documented field (see the reference's known discrepancies); the simulator sends it as
``transcript`` and ``confidence`` on the gather event, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["FIELDS", "SPEECH_FIELDS", "payload"]

_CALL = (
    "eventType",
    "eventTime",
    "accountId",
    "applicationId",
    "from",
    "to",
    "direction",
    "callId",
    "callUrl",
)
_TIMES = ("enqueuedTime", "startTime", "answerTime")
_TRANSFER = ("parentCallId", "transferCallerId", "transferTo")
_FAILURE = ("cause", "errorMessage", "errorId")
_RECORDING = ("recordingId", "mediaUrl", "endTime", "duration", "fileFormat")
_CONFERENCE = ("eventType", "eventTime", "conferenceId", "name", "tag")
_STREAM = (*_CALL, *_TIMES, "tag")

FIELDS: dict[str, tuple[str, ...]] = {
    "initiate": (*_CALL, "startTime"),
    "answer": (*_CALL, *_TIMES, "tag"),
    "bridgeComplete": (*_CALL, *_TIMES, "tag", *_FAILURE),
    "bridgeTargetComplete": (*_CALL, *_TIMES, "tag"),
    "conferenceCreated": _CONFERENCE,
    "conferenceMemberJoin": (*_CONFERENCE, "from", "to", "callId"),
    "conferenceMemberExit": (*_CONFERENCE, "from", "to", "callId"),
    "conferenceCompleted": _CONFERENCE,
    "conferenceRecordingAvailable": (
        *_CONFERENCE,
        "accountId",
        "startTime",
        *_RECORDING,
        "channels",
        "status",
    ),
    "disconnect": (*_CALL, *_TIMES, "endTime", *_FAILURE, "tag"),
    "dtmf": (*_CALL, "digit", *_TIMES, *_TRANSFER, "tag"),
    "gather": (*_CALL, "digits", *_TIMES, "terminatingDigit", *_TRANSFER, "tag"),
    "recordingComplete": (*_CALL, *_TIMES, *_RECORDING, "channels", *_TRANSFER, "tag"),
    "recordingAvailable": (
        *_CALL,
        "enqueuedTime",
        "startTime",
        *_RECORDING,
        "channels",
        "status",
        *_TRANSFER,
        "tag",
    ),
    "redirect": (*_CALL, *_TIMES, *_TRANSFER, "tag"),
    "transcriptionAvailable": (
        *_CALL,
        "enqueuedTime",
        "startTime",
        *_RECORDING,
        "transcription",
        *_TRANSFER,
        "tag",
    ),
    "transferAnswer": (*_CALL, *_TIMES, "tag", "transferCallerId", "transferTo"),
    "transferComplete": (*_CALL, *_TIMES, "tag", "transferCallerId", "transferTo", *_FAILURE),
    "transferDisconnect": (
        *_CALL,
        *_TIMES,
        "endTime",
        "tag",
        *_TRANSFER,
        *_FAILURE,
    ),
    "referComplete": (
        *_CALL,
        "startTime",
        "answerTime",
        "tag",
        "referCallStatus",
        "referSipResponseCode",
        "notifySipResponseCode",
    ),
    "partialgather": _CALL[:8],
    "mediaStreamStarted": (*_STREAM, "mediaStream"),
    "mediaStreamStopped": (*_STREAM, "mediaStream", "cause", "errorMessage"),
    "realTimeTranscriptionStarted": (*_STREAM, "realTimeTranscription"),
    "realTimeTranscriptionStopped": (*_STREAM, "realTimeTranscription", "cause", "errorMessage"),
}

#: The two fields of the gather event that carry a speech result (see the module docstring).
SPEECH_FIELDS = ("transcript", "confidence")


def payload(event_type: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The body of ``event_type``: its reference fields that ``values`` has (not None)."""
    body: dict[str, Any] = {}
    for name in FIELDS[event_type]:
        if name == "eventType":
            body[name] = event_type
            continue
        value = values.get(name)
        if value is not None and name not in body:
            body[name] = value
    if event_type == "gather":
        for name in SPEECH_FIELDS:
            if values.get(name) is not None:
                body[name] = values[name]
    return body
