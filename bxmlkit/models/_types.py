"""The value types BXML attributes and text use, as annotated pydantic types.

Every pattern here has a twin in ``schema/bxml.xsd``; the agreement tests compare them.
Patterns exclude characters that XML 1.0 cannot carry, so a model that validates always
serializes to well-formed XML.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from bxmlkit.vocabulary import VALUES

__all__ = [
    "CALLER_ID_PATTERN",
    "E164",
    "E164_PATTERN",
    "FORWARD_TARGET_PATTERN",
    "LOCALE_PATTERN",
    "NON_EMPTY_TOKEN_PATTERN",
    "SIP_URI_PATTERN",
    "TEXT_PATTERN",
    "URL_PATTERN",
    "VOICE_PATTERN",
    "WEBSOCKET_URL_PATTERN",
    "CallerId",
    "ConferenceName",
    "DiversionReason",
    "DiversionTreatment",
    "DtmfDigits",
    "ForwardTarget",
    "Locale",
    "Method",
    "NonEmptyToken",
    "SipUriText",
    "TerminatingDigits",
    "Text",
    "Tracks",
    "Url",
    "VoiceName",
    "WebSocketUrl",
]

# Characters XML 1.0 allows (minus the ones that attribute normalisation would destroy are
# handled by escaping in the codec).  Used inside character classes below.
_XML_CHAR = "\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}"
_VISIBLE = (
    "\\x{21}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}"  # no whitespace, no controls
)

#: Free text that XML 1.0 can carry.
TEXT_PATTERN = f"^[{_XML_CHAR}]*$"

#: An absolute http(s) URL, or a relative reference (resolved against the webhook URL).
URL_PATTERN = (
    "^(?:[hH][tT][tT][pP][sS]?://[" + _VISIBLE + "]+"
    "|[^:/?#\\s\\x00-\\x20]+(?:[/?#][" + _VISIBLE + "]*)?"
    "|[/?#][" + _VISIBLE + "]*)$"
)
#: A WebSocket URL (media streams and real-time transcription destinations).
WEBSOCKET_URL_PATTERN = "^[wW][sS][sS]?://[" + _VISIBLE + "]+$"
#: A phone number in E.164 form.
E164_PATTERN = "^\\+[1-9][0-9]{1,14}$"
#: An E.164 number or one of the privacy keywords BXML accepts as caller id.
CALLER_ID_PATTERN = "^(?:\\+[1-9][0-9]{1,14}|Restricted|Anonymous|Private|Unavailable)$"
#: A SIP URI.
SIP_URI_PATTERN = "^sips?:[" + _VISIBLE + "]+$"
#: Where <Forward> may send a call: E.164 or a SIP URI.
FORWARD_TARGET_PATTERN = "^(?:\\+[1-9][0-9]{1,14}|sips?:[" + _VISIBLE + "]+)$"
#: A non-empty token without whitespace (call ids, endpoint ids).
NON_EMPTY_TOKEN_PATTERN = f"^[{_VISIBLE}]+$"
#: A voice name (open catalogue; the linter knows the documented ones).
VOICE_PATTERN = "^[A-Za-z][A-Za-z0-9_-]{0,63}$"
#: A locale such as ``en_US``, ``de``, ``cmn-CN`` (open catalogue).
LOCALE_PATTERN = "^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,3}$"

#: A conference name.
CONFERENCE_NAME_PATTERN = "^[A-Za-z0-9._-]{1,100}$"
#: DTMF tones to send, with pauses.
DTMF_PATTERN = "^[0-9*#a-dA-D,wW]{1,50}$"
#: Digits that end input.
TERMINATING_DIGITS_PATTERN = "^[0-9*#]*$"
#: An SSML break length.
BREAK_TIME_PATTERN = "^[0-9]+(?:\\.[0-9]+)?(?:ms|s)$"

#: Each pattern above in words, for error messages: the wording of the XSD type that checks the
#: same value (``bxmlkit.vocabulary``), so that every face words a mistake the same way.
PATTERN_WORDS = {
    TEXT_PATTERN: "text without control characters",
    URL_PATTERN: VALUES["UrlType"].expected,
    WEBSOCKET_URL_PATTERN: VALUES["WebSocketUrlType"].expected,
    E164_PATTERN: VALUES["E164Type"].expected,
    CALLER_ID_PATTERN: VALUES["CallerIdType"].expected,
    SIP_URI_PATTERN: VALUES["SipAddressType"].expected,
    FORWARD_TARGET_PATTERN: VALUES["ForwardTargetType"].expected,
    NON_EMPTY_TOKEN_PATTERN: "an id without spaces",
    VOICE_PATTERN: VALUES["VoiceType"].expected,
    LOCALE_PATTERN: VALUES["LocaleType"].expected,
    CONFERENCE_NAME_PATTERN: VALUES["ConferenceNameType"].expected,
    DTMF_PATTERN: VALUES["DtmfDigitsType"].expected,
    TERMINATING_DIGITS_PATTERN: VALUES["TerminatingDigitsType"].expected,
    BREAK_TIME_PATTERN: VALUES["BreakTimeType"].expected,
}

Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
WebSocketUrl = Annotated[str, StringConstraints(pattern=WEBSOCKET_URL_PATTERN)]
E164 = Annotated[str, StringConstraints(strip_whitespace=True, pattern=E164_PATTERN)]
CallerId = Annotated[str, StringConstraints(pattern=CALLER_ID_PATTERN)]
SipUriText = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SIP_URI_PATTERN)]
ForwardTarget = Annotated[str, StringConstraints(pattern=FORWARD_TARGET_PATTERN)]
VoiceName = Annotated[str, StringConstraints(pattern=VOICE_PATTERN)]
Locale = Annotated[str, StringConstraints(pattern=LOCALE_PATTERN)]
NonEmptyToken = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=NON_EMPTY_TOKEN_PATTERN)
]
ConferenceName = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=CONFERENCE_NAME_PATTERN)
]
DtmfDigits = Annotated[str, StringConstraints(strip_whitespace=True, pattern=DTMF_PATTERN)]
TerminatingDigits = Annotated[str, StringConstraints(pattern=TERMINATING_DIGITS_PATTERN)]

Method = Literal["GET", "POST"]
Tracks = Literal["inbound", "outbound", "both"]
DiversionTreatment = Literal["none", "propagate", "stack"]
DiversionReason = Literal[
    "unknown",
    "user-busy",
    "no-answer",
    "unavailable",
    "unconditional",
    "time-of-day",
    "do-not-disturb",
    "deflection",
    "follow-me",
    "out-of-service",
    "away",
]
