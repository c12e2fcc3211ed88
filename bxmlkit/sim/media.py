"""How long speech and audio take on the virtual clock.

* Speech: about 150 words per minute (0.4 s a word), plus SSML ``<break>`` times (``time``
  wins; else ``strength``: none 0, x-weak 0.1, weak 0.25, medium 0.5, strong 0.75,
  x-strong 1.0 s), at least 0.5 s per sentence.
* Audio: the ``media={url: seconds}`` table first, then the WAV header when the app serves
  the file itself (data chunk size / byte rate), else ``DEFAULT_AUDIO_SECONDS``.  MP3 and
  remote files are never fetched (no network): give them a ``media`` entry.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence

__all__ = ["DEFAULT_AUDIO_SECONDS", "SECONDS_PER_WORD", "speech", "wav_seconds"]

SECONDS_PER_WORD = 60.0 / 150.0
#: What an audio file of unknown length plays for (stated in the transcript).
DEFAULT_AUDIO_SECONDS = 5.0

_STRENGTH = {
    "none": 0.0,
    "x-weak": 0.1,
    "weak": 0.25,
    "medium": 0.5,
    "strong": 0.75,
    "x-strong": 1.0,
}
_TIME = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$")


def _break_seconds(item: object) -> float:
    time = getattr(item, "time", None)
    if isinstance(time, str):
        match = _TIME.match(time)
        if match:
            value = float(match.group(1))
            return value / 1000 if match.group(2) == "ms" else value
    strength = getattr(item, "strength", None)
    return _STRENGTH.get(strength or "medium", 0.5)


def _walk(content: Sequence[object], parts: list[str]) -> float:
    pause = 0.0
    for item in content:
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = getattr(item, "xml_tag", "")
        if tag == "break":
            pause += _break_seconds(item)
            parts.append(" ")
        elif tag == "sub":
            parts.append(str(getattr(item, "alias", "")))
        elif getattr(item, "content_kind", "") == "text":
            field = getattr(item, "text_field", None) or "text"
            parts.append(str(getattr(item, field, "")))
        else:
            nested = getattr(item, "content", None)
            if isinstance(nested, list):
                pause += _walk(nested, parts)
            # anything else (comments kept by the codec, future node kinds) is not spoken
    return pause


def speech(content: Sequence[object]) -> tuple[str, float]:
    """The spoken text of SpeakSentence content (whitespace collapsed) and its seconds."""
    parts: list[str] = []
    pause = _walk(content, parts)
    text = " ".join("".join(parts).split())
    return text, speech_seconds(text) + pause


def speech_seconds(text: str) -> float:
    """Seconds to say ``text`` at about 150 words per minute (0.5 s at least)."""
    return max(0.5, len(text.split()) * SECONDS_PER_WORD)


def wav_seconds(data: bytes) -> float | None:
    """The play time of a RIFF/WAVE file from its header, or None when it is not one."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    offset = 12
    byte_rate = 0
    while offset + 8 <= len(data):
        chunk, size = struct.unpack_from("<4sI", data, offset)
        body = offset + 8
        if chunk == b"fmt " and size >= 16 and body + 16 <= len(data):
            byte_rate = struct.unpack_from("<I", data, body + 8)[0]
        elif chunk == b"data":
            if not byte_rate:
                return None
            size = min(size, len(data) - body) if size == 0xFFFFFFFF else size
            return float(size) / float(byte_rate)
        offset = body + size + (size & 1)
    return None
