"""The BXML vocabulary: the facts about BXML that every face of bxmlkit shares, as plain data.

GENERATED from schema/bxml.xsd by ``python -m bxmlkit.schema.generate`` (``make vocabulary``).
Do not edit: change the XSD (its appinfo holds what XSD cannot say) and regenerate; a test
fails when this file and the XSD disagree.  No pydantic, no lxml: the linter's start-up and
the error messages of every face read it.
"""
# ruff: noqa: E501
# No ``from __future__ import annotations`` here: NamedTuple would compile each field's
# annotation string at import (about 20 us a field); evaluated annotations cost nothing more.

from typing import Final, NamedTuple

__all__ = [
    "CONFERENCE_VERBS",
    "DTMF_ALPHABET",
    "ELEMENTS",
    "GATHER_MAX_PROMPTS",
    "MAX_DOCUMENT_BYTES",
    "ROOTS",
    "TRANSFER_ANSWER_FORBIDDEN_VERBS",
    "UUI_ENCODINGS",
    "VALUES",
    "VARIANTS",
    "VERBS",
    "Attribute",
    "Element",
    "Value",
]


class Value(NamedTuple):
    """The allowed values of an attribute or of an element's text (one XSD simple type)."""

    #: The XSD simple type's name, None for a built-in or anonymous type.
    type: str | None
    #: What the value is: url, websocket-url, phone-number, sip-uri, duration, dtmf, voice,
    #: locale, enum, int, decimal, boolean, string, ...
    kind: str
    #: How it is checked: boolean, int, decimal, enum, url, websocket-url or string.
    base: str
    #: The allowed values of an enumeration, else ().
    values: tuple[str, ...]
    #: Completes "expected ...": the one wording every face uses.
    expected: str
    minimum: int | float | None = None
    maximum: int | float | None = None
    max_length: int | None = None


class Attribute(NamedTuple):
    """An attribute as the XSD declares it."""

    value: Value
    required: bool = False
    #: The documented default (never added to a document).
    default: str | None = None
    #: A documented length limit the XSD does not enforce (the linter warns).
    soft_max_length: int | None = None
    #: Documented limits of a value the XSD accepts more widely (the linter reports them):
    #: these words, or text that ``soft_pattern`` matches whole; ``soft_expected`` says it.
    soft_values: tuple[str, ...] = ()
    soft_pattern: str | None = None
    soft_expected: str | None = None
    #: A documented largest value the XSD does not enforce, such as ``10s``.
    soft_maximum: str | None = None


class Element(NamedTuple):
    """An element as the XSD declares it."""

    #: root, verb (allowed in a root), noun (only inside a verb) or ssml.
    category: str
    #: empty, simple (text only), element-only or mixed.
    content: str
    #: The allowed text (simple content), else None.
    text: Value | None
    attributes: dict[str, Attribute]
    #: The elements allowed directly inside, in the XSD's order.
    children: tuple[str, ...]
    #: The elements this one appears in.
    parents: tuple[str, ...]


#: The root elements.
ROOTS: Final = ('Response', 'Bxml')
#: The verbs a root may hold.
VERBS: Final = ('Bridge', 'Conference', 'Connect', 'Forward', 'Gather', 'Hangup', 'Pause', 'PauseRecording', 'PlayAudio', 'Record', 'Redirect', 'Refer', 'ResumeRecording', 'Ring', 'SendDtmf', 'SpeakSentence', 'StartGather', 'StartRecording', 'StartStream', 'StartTranscription', 'StopGather', 'StopRecording', 'StopStream', 'StopTranscription', 'Tag', 'Transfer')
#: The largest document Bandwidth executes, in bytes.
MAX_DOCUMENT_BYTES: Final = 65536
#: The characters <SendDtmf> may send (digits, A-D, and the pauses , w W).
DTMF_ALPHABET: Final = '0123456789*#abcdABCD,wW'
#: The verbs allowed in conference BXML.
CONFERENCE_VERBS: Final = frozenset(('PlayAudio', 'SpeakSentence', 'StartRecording', 'StopRecording', 'PauseRecording', 'ResumeRecording'))
#: The verbs not allowed in transfer-answer BXML.
TRANSFER_ANSWER_FORBIDDEN_VERBS: Final = frozenset(('Bridge', 'Conference', 'Forward', 'Transfer'))
#: The RFC 7433 encodings a uui (SIP User-To-User) value may declare.
UUI_ENCODINGS: Final = ('base64', 'jwt')
#: The most prompts a <Gather> may play: repeatCount x its prompts.
GATHER_MAX_PROMPTS: Final = 20

#: The named value types, by XSD simple type name.
VALUES: Final[dict[str, Value]] = {
    'AudioUrlType': Value('AudioUrlType', 'url', 'url', (), 'an http(s) URL or a relative URL, without spaces'),
    'BooleanType': Value('BooleanType', 'boolean', 'boolean', (), 'true or false (lowercase)'),
    'BreakStrengthType': Value('BreakStrengthType', 'enum', 'enum', ('none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong'), 'one of none, x-weak, weak, medium, strong, x-strong'),
    'BreakTimeType': Value('BreakTimeType', 'duration', 'string', (), 'a duration such as 1s, 0.5s or 500ms'),
    'CallIdType': Value('CallIdType', 'call-id', 'string', (), 'a call id (no spaces)'),
    'CallTimeoutType': Value('CallTimeoutType', 'duration', 'decimal', (), 'a decimal number from 1 to 300', minimum=1, maximum=300),
    'CallbackTimeoutType': Value('CallbackTimeoutType', 'duration', 'decimal', (), 'a decimal number from 1 to 25', minimum=1, maximum=25),
    'CallerIdType': Value('CallerIdType', 'caller-id', 'string', (), 'an E.164 phone number such as +15555551212, or Restricted, Anonymous, Private or Unavailable'),
    'ConferenceNameType': Value('ConferenceNameType', 'conference-name', 'string', (), "1 to 100 letters, digits, '.', '_' or '-'"),
    'DisplayNameType': Value('DisplayNameType', 'string', 'string', (), 'at most 256 characters', max_length=256),
    'DiversionReasonType': Value('DiversionReasonType', 'enum', 'enum', ('unknown', 'user-busy', 'no-answer', 'unavailable', 'unconditional', 'time-of-day', 'do-not-disturb', 'deflection', 'follow-me', 'out-of-service', 'away'), 'one of unknown, user-busy, no-answer, unavailable, unconditional, time-of-day, do-not-disturb, deflection, follow-me, out-of-service, away'),
    'DiversionTreatmentType': Value('DiversionTreatmentType', 'enum', 'enum', ('none', 'propagate', 'stack'), 'one of none, propagate, stack'),
    'DtmfDigitsType': Value('DtmfDigitsType', 'dtmf', 'string', (), '1 to 50 of 0-9 * # A-D a-d , w W'),
    'E164Type': Value('E164Type', 'phone-number', 'string', (), 'an E.164 phone number such as +15555551212'),
    'EmphasisLevelType': Value('EmphasisLevelType', 'enum', 'enum', ('strong', 'moderate', 'reduced'), 'one of strong, moderate, reduced'),
    'EndpointIdType': Value('EndpointIdType', 'endpoint-id', 'string', (), 'an endpoint id (no spaces)'),
    'FileFormatType': Value('FileFormatType', 'enum', 'enum', ('mp3', 'wav'), 'one of mp3, wav'),
    'FirstDigitTimeoutType': Value('FirstDigitTimeoutType', 'duration', 'decimal', (), 'a decimal number from 0 to 60', minimum=0, maximum=60),
    'ForwardTargetType': Value('ForwardTargetType', 'phone-number-or-sip-uri', 'string', (), 'an E.164 phone number such as +15555551212, or a sip: or sips: URI'),
    'GatherInputType': Value('GatherInputType', 'enum', 'enum', ('dtmf', 'speech', 'dtmf_speech'), 'one of dtmf, speech, dtmf_speech'),
    'GenderType': Value('GenderType', 'enum', 'enum', ('male', 'female'), 'one of male, female'),
    'InterDigitTimeoutType': Value('InterDigitTimeoutType', 'duration', 'decimal', (), 'a decimal number from 1 to 60', minimum=1, maximum=60),
    'InterpretAsType': Value('InterpretAsType', 'enum', 'enum', ('date', 'time', 'telephone', 'characters', 'cardinal', 'ordinal'), 'one of date, time, telephone, characters, cardinal, ordinal'),
    'LocaleType': Value('LocaleType', 'locale', 'string', (), 'a locale such as en_US or es-MX'),
    'MaxDigitsType': Value('MaxDigitsType', 'int', 'int', (), 'an integer from 1 to 50', minimum=1, maximum=50),
    'MaxDurationType': Value('MaxDurationType', 'duration', 'int', (), 'an integer from 1 to 10800', minimum=1, maximum=10800),
    'MethodType': Value('MethodType', 'enum', 'enum', ('GET', 'POST'), 'one of GET, POST'),
    'ParamNameType': Value('ParamNameType', 'string', 'string', (), 'at most 256 characters', max_length=256),
    'ParamValueType': Value('ParamValueType', 'string', 'string', (), 'at most 2048 characters', max_length=2048),
    'RepeatCountType': Value('RepeatCountType', 'int', 'int', (), 'an integer (1 or more)', minimum=1),
    'SayAsFormatType': Value('SayAsFormatType', 'enum', 'enum', ('mdy', 'dmy', 'ymd', 'md', 'dm', 'ym', 'my', 'd', 'm', 'y'), 'one of mdy, dmy, ymd, md, dm, ym, my, d, m, y'),
    'SecondsDurationType': Value('SecondsDurationType', 'duration', 'decimal', (), 'a decimal number from 0.1 to 86400', minimum=0.1, maximum=86400),
    'SilenceTimeoutType': Value('SilenceTimeoutType', 'duration', 'decimal', (), 'a decimal number from 0 to 10800', minimum=0, maximum=10800),
    'SipAddressType': Value('SipAddressType', 'sip-uri', 'string', (), 'a SIP URI starting with sip: or sips:'),
    'SpeechTimeoutType': Value('SpeechTimeoutType', 'duration', 'int', (), 'an integer (1 or more)', minimum=1),
    'SsmlTextType': Value('SsmlTextType', 'string', 'string', (), 'some text'),
    'StreamModeType': Value('StreamModeType', 'enum', 'enum', ('unidirectional', 'bidirectional'), 'one of unidirectional, bidirectional'),
    'TagTextType': Value('TagTextType', 'string', 'string', (), 'at most 256 characters', max_length=256),
    'TagValueType': Value('TagValueType', 'string', 'string', (), 'at most 256 characters', max_length=256),
    'TerminatingDigitsType': Value('TerminatingDigitsType', 'dtmf', 'string', (), 'zero or more of 0-9 * #'),
    'ToneMillisecondsType': Value('ToneMillisecondsType', 'duration', 'decimal', (), 'a decimal number from 50 to 5000', minimum=50, maximum=5000),
    'TracksType': Value('TracksType', 'enum', 'enum', ('inbound', 'outbound', 'both'), 'one of inbound, outbound, both'),
    'UrlType': Value('UrlType', 'url', 'url', (), 'an http(s) URL or a relative URL, without spaces'),
    'VoiceType': Value('VoiceType', 'voice', 'string', (), 'a voice name such as julie (a letter, then up to 63 letters, digits, _ or -)'),
    'WebSocketUrlType': Value('WebSocketUrlType', 'websocket-url', 'websocket-url', (), 'a WebSocket URL starting with ws:// or wss://'),
}

#: Every element, by name (where a name has several declarations, the main one).
ELEMENTS: Final[dict[str, Element]] = {
    'Response': Element(
        category='root',
        content='element-only',
        text=None,
        attributes={},
        children=('Bridge', 'Conference', 'Connect', 'Forward', 'Gather', 'Hangup', 'Pause', 'PauseRecording', 'PlayAudio', 'Record', 'Redirect', 'Refer', 'ResumeRecording', 'Ring', 'SendDtmf', 'SpeakSentence', 'StartGather', 'StartRecording', 'StartStream', 'StartTranscription', 'StopGather', 'StopRecording', 'StopStream', 'StopTranscription', 'Tag', 'Transfer'),
        parents=(),
    ),
    'Bxml': Element(
        category='root',
        content='element-only',
        text=None,
        attributes={},
        children=('Bridge', 'Conference', 'Connect', 'Forward', 'Gather', 'Hangup', 'Pause', 'PauseRecording', 'PlayAudio', 'Record', 'Redirect', 'Refer', 'ResumeRecording', 'Ring', 'SendDtmf', 'SpeakSentence', 'StartGather', 'StartRecording', 'StartStream', 'StartTranscription', 'StopGather', 'StopRecording', 'StopStream', 'StopTranscription', 'Tag', 'Transfer'),
        parents=(),
    ),
    'Bridge': Element(
        category='verb',
        content='simple',
        text=VALUES['CallIdType'],
        attributes={
            'bridgeCompleteUrl': Attribute(VALUES['UrlType']),
            'bridgeCompleteMethod': Attribute(VALUES['MethodType'], default='POST'),
            'bridgeCompleteFallbackUrl': Attribute(VALUES['UrlType']),
            'bridgeCompleteFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'bridgeTargetCompleteUrl': Attribute(VALUES['UrlType']),
            'bridgeTargetCompleteMethod': Attribute(VALUES['MethodType'], default='POST'),
            'bridgeTargetCompleteFallbackUrl': Attribute(VALUES['UrlType']),
            'bridgeTargetCompleteFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Conference': Element(
        category='verb',
        content='simple',
        text=VALUES['ConferenceNameType'],
        attributes={
            'mute': Attribute(VALUES['BooleanType'], default='false'),
            'hold': Attribute(VALUES['BooleanType'], default='false'),
            'callIdsToCoach': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'conferenceEventUrl': Attribute(VALUES['UrlType']),
            'conferenceEventMethod': Attribute(VALUES['MethodType'], default='POST'),
            'conferenceEventFallbackUrl': Attribute(VALUES['UrlType']),
            'conferenceEventFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
            'callbackTimeout': Attribute(VALUES['CallbackTimeoutType']),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Connect': Element(
        category='verb',
        content='element-only',
        text=None,
        attributes={
            'eventCallbackUrl': Attribute(VALUES['UrlType']),
            'eventFallbackUrl': Attribute(VALUES['UrlType']),
        },
        children=('Endpoint',),
        parents=('Response', 'Bxml'),
    ),
    'Forward': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'to': Attribute(VALUES['ForwardTargetType'], required=True),
            'from': Attribute(VALUES['CallerIdType']),
            'privacy': Attribute(VALUES['BooleanType'], default='false'),
            'callerDisplayName': Attribute(VALUES['DisplayNameType']),
            'callTimeout': Attribute(VALUES['CallTimeoutType'], default='30'),
            'diversionTreatment': Attribute(VALUES['DiversionTreatmentType'], default='none'),
            'diversionReason': Attribute(VALUES['DiversionReasonType'], default='unknown'),
            'uui': Attribute(Value(None, 'string', 'string', (), 'any text'), soft_max_length=256),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Gather': Element(
        category='verb',
        content='element-only',
        text=None,
        attributes={
            'gatherUrl': Attribute(VALUES['UrlType']),
            'gatherMethod': Attribute(VALUES['MethodType'], default='POST'),
            'gatherFallbackUrl': Attribute(VALUES['UrlType']),
            'gatherFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
            'terminatingDigits': Attribute(VALUES['TerminatingDigitsType'], default=''),
            'maxDigits': Attribute(VALUES['MaxDigitsType'], default='50'),
            'interDigitTimeout': Attribute(VALUES['InterDigitTimeoutType'], default='5'),
            'firstDigitTimeout': Attribute(VALUES['FirstDigitTimeoutType'], default='5'),
            'repeatCount': Attribute(VALUES['RepeatCountType'], default='1'),
            'input': Attribute(VALUES['GatherInputType'], default='dtmf'),
            'hints': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'language': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'partialResultCallback': Attribute(VALUES['UrlType']),
            'partialResultCallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'profanityFilter': Attribute(VALUES['BooleanType'], default='true'),
            'speechModel': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'speechTimeout': Attribute(VALUES['SpeechTimeoutType'], default='5'),
        },
        children=('SpeakSentence', 'PlayAudio'),
        parents=('Response', 'Bxml'),
    ),
    'Hangup': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={},
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Pause': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'duration': Attribute(VALUES['SecondsDurationType'], default='1'),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'PauseRecording': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={},
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'PlayAudio': Element(
        category='verb',
        content='simple',
        text=VALUES['AudioUrlType'],
        attributes={
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
        },
        children=(),
        parents=('Response', 'Bxml', 'Gather'),
    ),
    'Record': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'recordCompleteUrl': Attribute(VALUES['UrlType']),
            'recordCompleteMethod': Attribute(VALUES['MethodType'], default='POST'),
            'recordCompleteFallbackUrl': Attribute(VALUES['UrlType']),
            'recordCompleteFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'recordingAvailableUrl': Attribute(VALUES['UrlType']),
            'recordingAvailableMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transcribe': Attribute(VALUES['BooleanType'], default='false'),
            'detectLanguage': Attribute(VALUES['BooleanType'], default='false'),
            'transcriptionAvailableUrl': Attribute(VALUES['UrlType']),
            'transcriptionAvailableMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
            'terminatingDigits': Attribute(VALUES['TerminatingDigitsType'], default='#'),
            'maxDuration': Attribute(VALUES['MaxDurationType'], default='60'),
            'silenceTimeout': Attribute(VALUES['SilenceTimeoutType'], default='0'),
            'fileFormat': Attribute(VALUES['FileFormatType'], default='wav'),
            'recordingName': Attribute(Value(None, 'string', 'string', (), 'any text')),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Redirect': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'redirectUrl': Attribute(VALUES['UrlType'], required=True),
            'redirectMethod': Attribute(VALUES['MethodType'], default='POST'),
            'redirectFallbackUrl': Attribute(VALUES['UrlType']),
            'redirectFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Refer': Element(
        category='verb',
        content='element-only',
        text=None,
        attributes={
            'referCompleteUrl': Attribute(VALUES['UrlType']),
            'referCompleteMethod': Attribute(VALUES['MethodType'], default='POST'),
            'tag': Attribute(VALUES['TagValueType']),
        },
        children=('SipUri',),
        parents=('Response', 'Bxml'),
    ),
    'ResumeRecording': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={},
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Ring': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'duration': Attribute(VALUES['SecondsDurationType'], default='5'),
            'answerCall': Attribute(VALUES['BooleanType'], default='true'),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'SendDtmf': Element(
        category='verb',
        content='simple',
        text=VALUES['DtmfDigitsType'],
        attributes={
            'toneDuration': Attribute(VALUES['ToneMillisecondsType'], default='200'),
            'toneInterval': Attribute(VALUES['ToneMillisecondsType'], default='400'),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'SpeakSentence': Element(
        category='verb',
        content='mixed',
        text=None,
        attributes={
            'voice': Attribute(VALUES['VoiceType']),
            'gender': Attribute(VALUES['GenderType'], default='female'),
            'locale': Attribute(VALUES['LocaleType'], default='en_US'),
        },
        children=('break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub'),
        parents=('Response', 'Bxml', 'Gather'),
    ),
    'StartGather': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'dtmfUrl': Attribute(VALUES['UrlType'], required=True),
            'dtmfMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'StartRecording': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'recordingAvailableUrl': Attribute(VALUES['UrlType']),
            'recordingAvailableMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transcribe': Attribute(VALUES['BooleanType'], default='false'),
            'detectLanguage': Attribute(VALUES['BooleanType'], default='false'),
            'transcriptionAvailableUrl': Attribute(VALUES['UrlType']),
            'transcriptionAvailableMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
            'fileFormat': Attribute(VALUES['FileFormatType'], default='wav'),
            'multiChannel': Attribute(VALUES['BooleanType'], default='false'),
            'recordingName': Attribute(Value(None, 'string', 'string', (), 'any text')),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'StartStream': Element(
        category='verb',
        content='element-only',
        text=None,
        attributes={
            'name': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'mode': Attribute(VALUES['StreamModeType'], default='unidirectional'),
            'tracks': Attribute(VALUES['TracksType'], default='inbound'),
            'destination': Attribute(VALUES['WebSocketUrlType'], required=True),
            'destinationUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'destinationPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'streamEventUrl': Attribute(VALUES['UrlType']),
            'streamEventMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
        },
        children=('StreamParam',),
        parents=('Response', 'Bxml'),
    ),
    'StartTranscription': Element(
        category='verb',
        content='element-only',
        text=None,
        attributes={
            'name': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tracks': Attribute(VALUES['TracksType'], default='inbound'),
            'transcriptionEventUrl': Attribute(VALUES['UrlType']),
            'transcriptionEventMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'destination': Attribute(VALUES['WebSocketUrlType']),
            'stabilized': Attribute(VALUES['BooleanType'], default='true'),
            'detectLanguage': Attribute(VALUES['BooleanType'], default='false'),
            'preferredLanguages': Attribute(Value(None, 'string', 'string', (), 'any text'), default='en-US'),
        },
        children=('CustomParam',),
        parents=('Response', 'Bxml'),
    ),
    'StopGather': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={},
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'StopRecording': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={},
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'StopStream': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'name': Attribute(Value(None, 'string', 'string', (), 'any text'), required=True),
            'wait': Attribute(VALUES['BooleanType'], default='false'),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'StopTranscription': Element(
        category='verb',
        content='empty',
        text=None,
        attributes={
            'name': Attribute(Value(None, 'string', 'string', (), 'any text')),
        },
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Tag': Element(
        category='verb',
        content='simple',
        text=VALUES['TagTextType'],
        attributes={},
        children=(),
        parents=('Response', 'Bxml'),
    ),
    'Transfer': Element(
        category='verb',
        content='element-only',
        text=None,
        attributes={
            'transferCallerId': Attribute(VALUES['CallerIdType']),
            'privacy': Attribute(VALUES['BooleanType'], default='false'),
            'transferCallerDisplayName': Attribute(VALUES['DisplayNameType']),
            'callTimeout': Attribute(VALUES['CallTimeoutType'], default='30'),
            'transferCompleteUrl': Attribute(VALUES['UrlType']),
            'transferCompleteMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transferCompleteFallbackUrl': Attribute(VALUES['UrlType']),
            'transferCompleteFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
            'diversionTreatment': Attribute(VALUES['DiversionTreatmentType'], default='none'),
            'diversionReason': Attribute(VALUES['DiversionReasonType'], default='unknown'),
        },
        children=('PhoneNumber', 'SipUri'),
        parents=('Response', 'Bxml'),
    ),
    'Endpoint': Element(
        category='noun',
        content='simple',
        text=VALUES['EndpointIdType'],
        attributes={},
        children=(),
        parents=('Connect',),
    ),
    'SipUri': Element(
        category='noun',
        content='simple',
        text=VALUES['SipAddressType'],
        attributes={
            'uui': Attribute(Value(None, 'string', 'string', (), 'any text'), soft_max_length=256),
            'transferAnswerUrl': Attribute(VALUES['UrlType']),
            'transferAnswerMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transferAnswerFallbackUrl': Attribute(VALUES['UrlType']),
            'transferAnswerFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transferDisconnectUrl': Attribute(VALUES['UrlType']),
            'transferDisconnectMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
        },
        children=(),
        parents=('Transfer',),
    ),
    'break': Element(
        category='ssml',
        content='empty',
        text=None,
        attributes={
            'strength': Attribute(VALUES['BreakStrengthType']),
            'time': Attribute(VALUES['BreakTimeType'], soft_maximum='10s'),
        },
        children=(),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'emphasis': Element(
        category='ssml',
        content='mixed',
        text=None,
        attributes={
            'level': Attribute(VALUES['EmphasisLevelType'], default='moderate'),
        },
        children=('break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub'),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'lang': Element(
        category='ssml',
        content='mixed',
        text=None,
        attributes={
            'xml:lang': Attribute(Value(None, 'string', 'string', (), 'a locale such as en-US or es_MX'), required=True),
        },
        children=('break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub'),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'p': Element(
        category='ssml',
        content='mixed',
        text=None,
        attributes={},
        children=('break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub'),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'phoneme': Element(
        category='ssml',
        content='simple',
        text=VALUES['SsmlTextType'],
        attributes={
            'ph': Attribute(Value(None, 'string', 'string', (), 'any text'), required=True),
        },
        children=(),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'prosody': Element(
        category='ssml',
        content='mixed',
        text=None,
        attributes={
            'pitch': Attribute(Value(None, 'string', 'string', (), 'any text'), soft_values=('x-low', 'low', 'medium', 'high', 'x-high', 'default'), soft_pattern='[+-]?\\d+(\\.\\d+)?%', soft_expected='x-low, low, medium, high, x-high, default or a relative percentage such as -15% or +20%'),
            'rate': Attribute(Value(None, 'string', 'string', (), 'any text'), soft_values=('x-slow', 'slow', 'medium', 'fast', 'x-fast'), soft_pattern='\\+?(\\d*[1-9]\\d*(\\.\\d+)?|0\\.\\d*[1-9]\\d*)%', soft_expected='x-slow, slow, medium, fast, x-fast or a positive percentage such as 50%'),
            'volume': Attribute(Value(None, 'string', 'string', (), 'any text'), soft_values=('silent', 'x-soft', 'soft', 'medium', 'loud', 'x-loud', 'default'), soft_pattern='[+-]\\d+(\\.\\d+)?dB', soft_expected='silent, x-soft, soft, medium, loud, x-loud, default or decibels such as +1dB or -6dB'),
        },
        children=('break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub'),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    's': Element(
        category='ssml',
        content='mixed',
        text=None,
        attributes={},
        children=('break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub'),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'say-as': Element(
        category='ssml',
        content='simple',
        text=VALUES['SsmlTextType'],
        attributes={
            'interpret-as': Attribute(VALUES['InterpretAsType'], required=True),
            'format': Attribute(VALUES['SayAsFormatType']),
        },
        children=(),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'sub': Element(
        category='ssml',
        content='simple',
        text=VALUES['SsmlTextType'],
        attributes={
            'alias': Attribute(Value(None, 'string', 'string', (), 'any text'), required=True),
        },
        children=(),
        parents=('SpeakSentence', 'emphasis', 'lang', 'p', 'prosody', 's'),
    ),
    'StreamParam': Element(
        category='noun',
        content='empty',
        text=None,
        attributes={
            'name': Attribute(VALUES['ParamNameType'], required=True),
            'value': Attribute(VALUES['ParamValueType'], required=True),
        },
        children=(),
        parents=('StartStream',),
    ),
    'CustomParam': Element(
        category='noun',
        content='empty',
        text=None,
        attributes={
            'name': Attribute(VALUES['ParamNameType'], required=True),
            'value': Attribute(VALUES['ParamValueType'], required=True),
        },
        children=(),
        parents=('StartTranscription',),
    ),
    'PhoneNumber': Element(
        category='noun',
        content='simple',
        text=VALUES['E164Type'],
        attributes={
            'transferAnswerUrl': Attribute(VALUES['UrlType']),
            'transferAnswerMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transferAnswerFallbackUrl': Attribute(VALUES['UrlType']),
            'transferAnswerFallbackMethod': Attribute(VALUES['MethodType'], default='POST'),
            'transferDisconnectUrl': Attribute(VALUES['UrlType']),
            'transferDisconnectMethod': Attribute(VALUES['MethodType'], default='POST'),
            'username': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'password': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackUsername': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'fallbackPassword': Attribute(Value(None, 'string', 'string', (), 'any text')),
            'tag': Attribute(VALUES['TagValueType']),
            'uui': Attribute(Value(None, 'string', 'string', (), 'any text'), soft_max_length=350),
        },
        children=(),
        parents=('Transfer',),
    ),
}

#: (element, parent) -> the declaration used there, if not the one in ELEMENTS.
VARIANTS: Final[dict[tuple[str, str], Element]] = {
    ('SipUri', 'Refer'): Element(
        category='noun',
        content='simple',
        text=VALUES['SipAddressType'],
        attributes={},
        children=(),
        parents=('Refer',),
    ),
}
