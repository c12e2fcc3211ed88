"""Typed pydantic v2 models for every BXML element.

One model per element: the 26 verbs, the nouns they hold (``PhoneNumber``, ``SipUri``,
``StreamParam``, ``CustomParam``, ``Endpoint``), the two roots (``Response``, ``Bxml``) and
the SSML tags inside ``SpeakSentence``; and ``Comment``, an XML comment kept where it
stands.  Python names are snake_case; each attribute field's alias is its exact XML name,
and JSON (``model_dump_json`` / ``model_validate_json``) uses those names plus a ``"type"``
key naming the element.

Introspection (used by the codec and by the schema agreement tests):

* ``ELEMENTS``: ``{xml_tag: model_class}`` for every element, SSML included;
* ``Model.xml_tag``, ``Model.content_kind`` (``"empty" | "text" | "children" | "mixed"``),
  ``Model.text_field``, ``Model.text_optional``, ``Model.children_field``,
  ``Model.child_tags``;
* ``Model.xml_attributes``: ``AttributeInfo(field, xml_name, kind, required, info)`` in
  serialization order, where ``info`` is the pydantic ``FieldInfo`` (constraints in
  ``info.metadata``, enumerations in ``info.annotation``).
"""

from __future__ import annotations

from bxmlkit.models._base import ELEMENTS, AttributeInfo, Element
from bxmlkit.models.audio import Pause, PlayAudio, Ring, SendDtmf, SpeakSentence
from bxmlkit.models.comment import Comment
from bxmlkit.models.control import Hangup, Redirect, Tag
from bxmlkit.models.gather import Gather, StartGather, StopGather
from bxmlkit.models.recording import (
    PauseRecording,
    Record,
    ResumeRecording,
    StartRecording,
    StopRecording,
)
from bxmlkit.models.roots import VERB_TAGS, Bxml, Document, Response, Verb
from bxmlkit.models.routing import (
    Bridge,
    Conference,
    Connect,
    Endpoint,
    Forward,
    PhoneNumber,
    Refer,
    SipUri,
    Transfer,
)
from bxmlkit.models.ssml import (
    SSML_TAGS,
    Break,
    Emphasis,
    Lang,
    Paragraph,
    Phoneme,
    Prosody,
    SayAs,
    Sentence,
    SsmlElement,
    Sub,
)
from bxmlkit.models.streaming import (
    CustomParam,
    StartStream,
    StartTranscription,
    StopStream,
    StopTranscription,
    StreamParam,
)

__all__ = [
    "ELEMENTS",
    "SSML_TAGS",
    "VERB_TAGS",
    "AttributeInfo",
    "Break",
    "Bridge",
    "Bxml",
    "Comment",
    "Conference",
    "Connect",
    "CustomParam",
    "Document",
    "Element",
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
    "Ring",
    "SayAs",
    "SendDtmf",
    "Sentence",
    "SipUri",
    "SpeakSentence",
    "SsmlElement",
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
]
