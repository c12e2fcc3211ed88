"""Did-you-mean, once for all of bxmlkit: element, attribute, value and rule names.

Every face (``from_xml`` errors, ``bxmlkit check``, ``bxmlkit validate``, lint, the lint
configuration and ``bxmlkit rule``) asks this module which known name a wrong one meant, so
the same slip gets the same suggestion everywhere.  ``closest`` is the plain similarity
search; ``suggest`` and ``suggest_attribute`` add the advice for habits from other markup.

Three kinds of wrong name reach BXML in real applications:

* *slips*: the right name in the wrong case or with snake_case leaking from an SDK
  (``maxdigits``, ``destination_username``, ``recordCompleteFallback_url``).  They normalise
  to exactly one known name, so ``--fix`` can rename them safely;
* *habits*: names from other platforms' call-control markup (TwiML, Plivo XML) or old SDKs
  (Gather ``timeout``, Transfer ``timeLimit``, StartStream ``url``).  The message names the
  BXML way to say the same thing, or says that BXML has none;
* *typos*: anything else close to a known name, found by similarity.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = [
    "ATTRIBUTE_HABITS",
    "ELEMENT_HABITS",
    "Suggestion",
    "closest",
    "nearest",
    "normalise",
    "suggest",
    "suggest_attribute",
    "suggest_element",
]


class Suggestion(NamedTuple):
    """A suggested replacement: ``name`` (None when BXML has no equivalent) and advice."""

    name: str | None
    advice: str
    #: True when renaming is a safe mechanical fix (a case or snake_case slip).
    safe: bool = False


def _close_matches(word: str, options: Iterable[str], *, cutoff: float) -> list[str]:
    """The most similar option, if any (``difflib``; imported only when a name is wrong, so
    that a clean document's lint does not pay its 1 ms of start-up)."""
    import difflib

    return difflib.get_close_matches(word, options, n=1, cutoff=cutoff)


def normalise(name: str) -> str:
    """``maxDigits``, ``max_digits`` and ``MAXDIGITS`` all normalise to ``maxdigits``."""
    return name.replace("_", "").replace("-", "").lower()


#: (element or "*", attribute) -> (BXML name or None, advice).
ATTRIBUTE_HABITS: dict[tuple[str, str], tuple[str | None, str]] = {
    ("Gather", "timeout"): (
        "firstDigitTimeout",
        "BXML has firstDigitTimeout (for the first digit) and interDigitTimeout (between digits)",
    ),
    ("Gather", "maxWaitTime"): (
        "firstDigitTimeout",
        "BXML has firstDigitTimeout (for the first digit) and interDigitTimeout (between digits)",
    ),
    ("Gather", "inputType"): ("input", 'the kind of input is input="dtmf|speech|dtmf_speech"'),
    ("Gather", "numDigits"): ("maxDigits", "the digit count is maxDigits"),
    ("Gather", "finishOnKey"): ("terminatingDigits", "the end key is terminatingDigits"),
    ("Gather", "action"): ("gatherUrl", "the result goes to gatherUrl"),
    ("Gather", "method"): ("gatherMethod", "the method of gatherUrl is gatherMethod"),
    ("Gather", "callbackUrl"): ("gatherUrl", "the result goes to gatherUrl"),
    ("Gather", "numRetries"): ("repeatCount", "prompt repetitions are repeatCount"),
    ("Gather", "loop"): ("repeatCount", "prompt repetitions are repeatCount"),
    ("Transfer", "timeLimit"): (
        None,
        "BXML has no limit on the length of a transferred call; end it from your application "
        "(for example with a timer and the update-call API)",
    ),
    ("Transfer", "timeout"): ("callTimeout", "the ring timeout is callTimeout"),
    ("Transfer", "callerId"): ("transferCallerId", "the caller id is transferCallerId"),
    ("Transfer", "action"): ("transferCompleteUrl", "the outcome goes to transferCompleteUrl"),
    ("Transfer", "record"): (None, "BXML records with a <StartRecording/> verb before <Transfer>"),
    ("Transfer", "to"): (None, "destinations are <PhoneNumber> or <SipUri> children"),
    ("StartStream", "url"): ("destination", 'the WebSocket URL is destination="wss://..."'),
    ("StartStream", "track"): ("tracks", 'the tracks are tracks="inbound|outbound|both"'),
    ("StartStream", "statusCallback"): ("streamEventUrl", "stream events go to streamEventUrl"),
    ("Record", "callbackUrl"): (
        "recordCompleteUrl",
        "BXML calls recordCompleteUrl when recording ends (recordingAvailableUrl when the file "
        "is ready)",
    ),
    ("Record", "action"): ("recordCompleteUrl", "the outcome goes to recordCompleteUrl"),
    ("Record", "maxLength"): ("maxDuration", "the length limit is maxDuration (seconds)"),
    ("Record", "timeout"): ("silenceTimeout", "the silence limit is silenceTimeout (seconds)"),
    ("Record", "finishOnKey"): ("terminatingDigits", "the end key is terminatingDigits"),
    ("Record", "playBeep"): (None, "BXML plays no beep; play one with <PlayAudio> first"),
    ("Record", "recordingStatusCallback"): (
        "recordingAvailableUrl",
        "the file-ready webhook is recordingAvailableUrl",
    ),
    ("Record", "transcribeCallback"): (
        "transcriptionAvailableUrl",
        "the transcription webhook is transcriptionAvailableUrl",
    ),
    ("Bridge", "targetCall"): (
        None,
        "the call to bridge is the text content: <Bridge>c-...</Bridge>",
    ),
    ("Bridge", "callId"): (None, "the call to bridge is the text content: <Bridge>c-...</Bridge>"),
    ("StartRecording", "uploadCompleteUrl"): (
        "recordingAvailableUrl",
        "the file-ready webhook is recordingAvailableUrl",
    ),
    ("StartRecording", "recordingStatusCallback"): (
        "recordingAvailableUrl",
        "the file-ready webhook is recordingAvailableUrl",
    ),
    ("SpeakSentence", "language"): ("locale", 'the language is locale="en_US"'),
    ("SpeakSentence", "loop"): (
        None,
        "repeat a prompt by writing it again, or use <Gather repeatCount>",
    ),
    ("PlayAudio", "loop"): (
        None,
        "repeat a prompt by writing it again, or use <Gather repeatCount>",
    ),
    ("PlayAudio", "url"): (
        None,
        "the audio URL is the text content: <PlayAudio>https://...</PlayAudio>",
    ),
    ("Conference", "name"): (
        None,
        "the conference name is the text content: <Conference>my-conf</Conference>",
    ),
    ("Forward", "callerId"): ("from", "the caller id is from"),
    ("Redirect", "url"): ("redirectUrl", "the target is redirectUrl"),
    ("Redirect", "method"): ("redirectMethod", "the method is redirectMethod"),
    ("Hangup", "reason"): (None, "BXML's <Hangup> takes no reason"),
    ("Pause", "seconds"): ("duration", "the pause length is duration (seconds)"),
}

#: Element names from other markup (or case slips handled generically) -> (BXML name, advice).
ELEMENT_HABITS: dict[str, tuple[str | None, str]] = {
    "Say": ("SpeakSentence", "text-to-speech is <SpeakSentence>"),
    "Speak": ("SpeakSentence", "text-to-speech is <SpeakSentence>"),
    "Play": ("PlayAudio", "audio playback is <PlayAudio>"),
    "Dial": ("Transfer", "dialling out is <Transfer> with <PhoneNumber>/<SipUri> children"),
    "Number": ("PhoneNumber", "a number to dial is <PhoneNumber>"),
    "Sip": ("SipUri", "a SIP destination is <SipUri>"),
    "Wait": ("Pause", 'waiting is <Pause duration="..."/>'),
    "GetDigits": ("Gather", "collecting digits is <Gather>"),
    "GetInput": ("Gather", "collecting input is <Gather>"),
    "DTMF": ("SendDtmf", "sending digits is <SendDtmf>"),
    "Play_Audio": ("PlayAudio", "audio playback is <PlayAudio>"),
    "Stream": ("StartStream", 'media streaming is <StartStream destination="wss://..."/>'),
    "Start": (None, "BXML has no <Start>; use <StartStream>, <StartRecording>, ... directly"),
    "Stop": (None, "BXML has no <Stop>; use <StopStream>, <StopRecording>, ... directly"),
    "Enqueue": (None, "BXML has no call queue verb; hold callers with <Conference> or <Ring>"),
    "Reject": ("Hangup", "reject an unanswered call with <Hangup/>"),
    "Leave": (None, "BXML has no <Leave>"),
    "Message": (None, "BXML sends no messages; use the Messaging API"),
    "Sms": (None, "BXML sends no messages; use the Messaging API"),
}


def suggest(
    name: str, known: Iterable[str], *, habits: dict[str, tuple[str | None, str]] | None = None
) -> Suggestion | None:
    """The best suggestion for ``name`` among ``known`` names, or None."""
    known = list(known)
    if habits and name in habits:
        target, advice = habits[name]
        return Suggestion(target, advice)
    wanted = normalise(name)
    exact = [k for k in known if normalise(k) == wanted]
    if len(exact) == 1:
        return Suggestion(exact[0], f"did you mean {exact[0]!r}?", safe=True)
    by_norm = {normalise(k): k for k in known}
    close = _close_matches(wanted, list(by_norm), cutoff=0.75)
    if close:
        target = by_norm[close[0]]
        return Suggestion(target, f"did you mean {target!r}?")
    return None


def suggest_attribute(element: str, name: str, known: Iterable[str]) -> Suggestion | None:
    """A suggestion for attribute ``name`` of ``element``."""
    habit = ATTRIBUTE_HABITS.get((element, name))
    if habit is not None:
        target, advice = habit
        if target is None:
            return Suggestion(None, advice)
        return Suggestion(target, f"{advice}")
    return suggest(name, known)


def nearest(name: str, known: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The known name closest to ``name`` (case-insensitive), or None."""
    by_lower = {k.lower(): k for k in known}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    close = _close_matches(name.lower(), list(by_lower), cutoff=cutoff)
    return by_lower[close[0]] if close else None


def closest(word: str, candidates: Iterable[str], *, cutoff: float = 0.75) -> str | None:
    """The candidate ``word`` most probably meant, or None.

    In order: the same name in another case or with ``_``/``-`` (``maxdigits``,
    ``max_digits``); the most similar name (``difflib``, as written, then case-insensitively);
    for words of three letters or more, the only candidate starting with it.
    """
    options = list(candidates)
    if not options:
        return None
    wanted = normalise(word)
    for option in options:
        if normalise(option) == wanted:
            return option
    close = _close_matches(word, options, cutoff=cutoff)
    if close:
        return close[0]
    by_lower = {option.lower(): option for option in options}
    close = _close_matches(word.lower(), list(by_lower), cutoff=cutoff)
    if close:
        return by_lower[close[0]]
    if len(word) >= 3:
        lowered = word.lower()
        starts = [option for option in options if option.lower().startswith(lowered)]
        if len(starts) == 1:
            return starts[0]
    return None


def suggest_element(name: str, allowed: Iterable[str]) -> Suggestion | None:
    """A suggestion for an unknown element ``name`` where ``allowed`` elements may be.

    A habit from other markup (``<Say>``, ``<Dial>``) gets its advice; otherwise the closest
    allowed name.
    """
    habit = ELEMENT_HABITS.get(name)
    if habit is not None:
        target, advice = habit
        return Suggestion(target, advice)
    found = closest(name, allowed)
    if found is None:
        return None
    return Suggestion(found, f"did you mean <{found}>?", safe=normalise(found) == normalise(name))
