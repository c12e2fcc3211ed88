"""BXML v1 (Catapult) verbs and attributes still found in real documents, with the v2 way.

Source: the v1 reference (ap-docs and the v1 SDKs) compared with BXML v2.  ``rename`` marks
the attributes that ``--fix`` renames mechanically (same meaning, new name).  Plain data:
``bxmlkit._messages`` words the advice for every face, lint's BX401/BX402 report it.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["LEGACY_ATTRIBUTES", "LEGACY_VERBS", "LegacyAttribute"]

#: v1 verbs that v2 removed -> what to do instead.
LEGACY_VERBS: dict[str, str] = {
    "SendMessage": "BXML v2 cannot send messages; send an SMS with the Messaging API "
    "(POST /users/{accountId}/messages) from your webhook handler",
    "Reject": "use <Hangup/>: on an unanswered inbound call it rejects the call",
    "Call": "create outbound calls with the Voice API (POST /accounts/{accountId}/calls) "
    "and bridge them with <Bridge>, or dial with <Transfer>",
}


class LegacyAttribute(NamedTuple):
    """A v1 attribute: its v2 replacement (None when there is none) and advice."""

    replacement: str | None
    advice: str
    rename: bool = False


_REQUEST_URL = (
    "BXML v2 sends each event to its own URL (v1 requestUrl callbacks were GET; v2 webhooks "
    "are POST with a JSON body unless the *Method attribute says GET)"
)
_TIMEOUT = (
    "BXML v2 has no per-verb webhook timeout; set callbackTimeout when creating the call "
    "(or in the application)"
)

#: (element, attribute) -> LegacyAttribute.
LEGACY_ATTRIBUTES: dict[tuple[str, str], LegacyAttribute] = {
    ("Pause", "length"): LegacyAttribute("duration", "<Pause> takes duration (seconds)", True),
    ("Gather", "requestUrl"): LegacyAttribute("gatherUrl", _REQUEST_URL, True),
    ("Redirect", "requestUrl"): LegacyAttribute("redirectUrl", _REQUEST_URL, True),
    ("Record", "requestUrl"): LegacyAttribute("recordCompleteUrl", _REQUEST_URL, True),
    ("Transfer", "requestUrl"): LegacyAttribute("transferCompleteUrl", _REQUEST_URL, True),
    ("Gather", "requestUrlTimeout"): LegacyAttribute(None, _TIMEOUT),
    ("Redirect", "requestUrlTimeout"): LegacyAttribute(None, _TIMEOUT),
    ("Record", "requestUrlTimeout"): LegacyAttribute(None, _TIMEOUT),
    ("Transfer", "requestUrlTimeout"): LegacyAttribute(None, _TIMEOUT),
    ("Gather", "bargeable"): LegacyAttribute(
        None, "prompts inside <Gather> are always interruptible by a digit in v2"
    ),
    ("Record", "transcribeCallbackUrl"): LegacyAttribute(
        "transcriptionAvailableUrl", "the transcription webhook is transcriptionAvailableUrl", True
    ),
    ("Record", "silenceThreshold"): LegacyAttribute(None, "v2 has no silence threshold"),
    ("SpeakSentence", "sentence"): LegacyAttribute(
        None,
        "move the text inside the element: <SpeakSentence>text</SpeakSentence> (the v1 "
        "SDKs wrote it as an attribute)",
    ),
    ("Transfer", "transferTo"): LegacyAttribute(
        None, "put each destination in a <PhoneNumber> or <SipUri> child of <Transfer>"
    ),
    ("Transfer", "recordingEnabled"): LegacyAttribute(
        None, "record with <StartRecording/> before <Transfer>"
    ),
    ("SpeakSentence", "volume"): LegacyAttribute(
        None, 'v2 has no volume; use SSML <prosody volume="loud"> inside <SpeakSentence>'
    ),
    ("PlayAudio", "volume"): LegacyAttribute(None, "v2 plays audio at its recorded volume"),
    ("PlayAudio", "repeatCount"): LegacyAttribute(
        None, "repeat prompts with <Gather repeatCount=...> around the <PlayAudio>"
    ),
    ("PlayAudio", "delayBeforeRepeat"): LegacyAttribute(None, "v2 has no repeat delay"),
    ("PlayAudio", "digits"): LegacyAttribute(None, "play digits with <SendDtmf>"),
    ("Conference", "from"): LegacyAttribute(None, "v2 conferences need no hosting number"),
    ("Conference", "statusCallbackUrl"): LegacyAttribute(
        "conferenceEventUrl", "conference events go to conferenceEventUrl", True
    ),
    ("Conference", "joinTone"): LegacyAttribute(None, "v2 plays no join tone"),
    ("Conference", "leavingTone"): LegacyAttribute(None, "v2 plays no leaving tone"),
}
