"""bxmlkit: typed models, a lossless codec, a bundled XSD, a linter and a REST client for
Bandwidth BXML.

Everything public is importable from here; names load lazily on first use, so that
``import bxmlkit`` stays cheap and ``bxmlkit lint`` never pays for pydantic.

    >>> from bxmlkit import Response, SpeakSentence, Hangup, to_xml
    >>> to_xml(Response(SpeakSentence("Hello"), Hangup()), xml_declaration=False)
    b'<Response><SpeakSentence>Hello</SpeakSentence><Hangup/></Response>'

The REST client's request/response models and errors live in ``bxmlkit.client``, the
callback event models in ``bxmlkit.callbacks``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bxmlkit._version import __version__

if TYPE_CHECKING:
    from bxmlkit.callbacks import CallbackError, check_basic_auth, parse_callback, parse_callbacks
    from bxmlkit.catalogue import KNOWN_LOCALES, KNOWN_VOICES
    from bxmlkit.client import AsyncBandwidthClient, BandwidthClient, RetryPolicy
    from bxmlkit.codec import from_xml, to_xml
    from bxmlkit.errors import (
        ApiError,
        BxmlError,
        BxmlParseError,
        BxmlStructureError,
        ConfigError,
        SchemaLoadError,
        SourceError,
        XmlLimitError,
        XmlSyntaxError,
    )
    from bxmlkit.lint import Diagnostic, Severity, lint
    from bxmlkit.models import (
        Break,
        Bridge,
        Bxml,
        Comment,
        Conference,
        Connect,
        CustomParam,
        Emphasis,
        Endpoint,
        Forward,
        Gather,
        Hangup,
        Lang,
        Paragraph,
        Pause,
        PauseRecording,
        Phoneme,
        PhoneNumber,
        PlayAudio,
        Prosody,
        Record,
        Redirect,
        Refer,
        Response,
        ResumeRecording,
        Ring,
        SayAs,
        SendDtmf,
        Sentence,
        SipUri,
        SpeakSentence,
        StartGather,
        StartRecording,
        StartStream,
        StartTranscription,
        StopGather,
        StopRecording,
        StopStream,
        StopTranscription,
        StreamParam,
        Sub,
        Tag,
        Transfer,
        Verb,
    )
    from bxmlkit.schema import Violation, validate


__all__ = [
    "KNOWN_LOCALES",
    "KNOWN_VOICES",
    "ApiError",
    "AsyncBandwidthClient",
    "BandwidthClient",
    "Break",
    "Bridge",
    "Bxml",
    "BxmlError",
    "BxmlParseError",
    "BxmlStructureError",
    "CallbackError",
    "Comment",
    "Conference",
    "ConfigError",
    "Connect",
    "CustomParam",
    "Diagnostic",
    "Emphasis",
    "Endpoint",
    "Forward",
    "Gather",
    "Hangup",
    "Lang",
    "Paragraph",
    "Pause",
    "PauseRecording",
    "PhoneNumber",
    "Phoneme",
    "PlayAudio",
    "Prosody",
    "Record",
    "Redirect",
    "Refer",
    "Response",
    "ResumeRecording",
    "RetryPolicy",
    "Ring",
    "SayAs",
    "SchemaLoadError",
    "SendDtmf",
    "Sentence",
    "Severity",
    "SipUri",
    "SourceError",
    "SpeakSentence",
    "StartGather",
    "StartRecording",
    "StartStream",
    "StartTranscription",
    "StopGather",
    "StopRecording",
    "StopStream",
    "StopTranscription",
    "StreamParam",
    "Sub",
    "Tag",
    "Transfer",
    "Verb",
    "Violation",
    "XmlLimitError",
    "XmlSyntaxError",
    "__version__",
    "check_basic_auth",
    "from_xml",
    "lint",
    "parse_callback",
    "parse_callbacks",
    "to_xml",
    "validate",
]

#: Where each public name lives; every public name not listed here is a model.
_LOCATIONS: dict[str, str] = {
    **dict.fromkeys(
        (
            "ApiError",
            "BxmlError",
            "BxmlParseError",
            "BxmlStructureError",
            "ConfigError",
            "SchemaLoadError",
            "SourceError",
            "XmlLimitError",
            "XmlSyntaxError",
        ),
        "bxmlkit.errors",
    ),
    "KNOWN_LOCALES": "bxmlkit.catalogue",
    "KNOWN_VOICES": "bxmlkit.catalogue",
    "from_xml": "bxmlkit.codec",
    "to_xml": "bxmlkit.codec",
    "validate": "bxmlkit.schema",
    "Violation": "bxmlkit.schema",
    "AsyncBandwidthClient": "bxmlkit.client",
    "BandwidthClient": "bxmlkit.client",
    "RetryPolicy": "bxmlkit.client",
    "CallbackError": "bxmlkit.callbacks",
    "check_basic_auth": "bxmlkit.callbacks",
    "parse_callback": "bxmlkit.callbacks",
    "parse_callbacks": "bxmlkit.callbacks",
    "lint": "bxmlkit.lint",
    "Diagnostic": "bxmlkit.lint",
    "Severity": "bxmlkit.lint",
}
for _name in __all__:
    if _name != "__version__":
        _LOCATIONS.setdefault(_name, "bxmlkit.models")
del _name


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'bxmlkit' has no attribute {name!r}")
    imported = importlib.import_module(module)
    # ``lint`` is the subpackage itself, which is callable (see bxmlkit.lint): binding the
    # function here would be undone, or would hide the package, depending on import order.
    value = imported if name == "lint" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Only the public API (not the helpers of this module, nor submodules once imported)."""
    return sorted(__all__)
