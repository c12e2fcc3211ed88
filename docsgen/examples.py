"""One example per BXML element, as Python code that builds a document with the models.

Each snippet is self-contained (it imports what it uses) and binds ``document`` to a
``Response`` or ``Bxml``.  The generated element pages show the code and the XML it writes;
``tests/docs/test_element_examples.py`` builds every snippet, validates its XML against the
bundled XSD and lints it (no findings), and fails when an element of the XSD has no example.
"""

from __future__ import annotations

__all__ = ["EXAMPLES"]

#: XML element name -> Python code binding ``document``.
EXAMPLES: dict[str, str] = {
    "Response": """\
from bxmlkit import Hangup, Response, SpeakSentence

document = Response(SpeakSentence("Thanks for calling."), Hangup())
""",
    "Bxml": """\
from bxmlkit import Bxml, SpeakSentence

# The body of an update-call request: the call runs it at once.
document = Bxml(SpeakSentence("Your agent has joined."))
""",
    "Bridge": """\
from bxmlkit import Bridge, Response, SpeakSentence

document = Response(
    SpeakSentence("Connecting you now."),
    Bridge(
        "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
        bridge_complete_url="https://example.com/bridge-complete",
        bridge_target_complete_url="https://example.com/target-complete",
    ),
)
""",
    "Conference": """\
from bxmlkit import Conference, Response

document = Response(
    Conference(
        "weekly-standup",
        mute=False,
        conference_event_url="https://example.com/conference-events",
    )
)
""",
    "Connect": """\
from bxmlkit import Connect, Endpoint, Response

document = Response(Connect(Endpoint("e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85")))
""",
    "Endpoint": """\
from bxmlkit import Connect, Endpoint, Response

document = Response(
    Connect(
        Endpoint("e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"),
        Endpoint("e-2c1f5c2a-8e1a-4f1e-9d1b-5b8a0b9f6f00"),
    )
)
""",
    "Forward": """\
from bxmlkit import Forward, Response

document = Response(Forward(to="+15555550123", from_="+15555550100", call_timeout=30))
""",
    "Gather": """\
from bxmlkit import Gather, PlayAudio, Response, SpeakSentence

document = Response(
    Gather(
        SpeakSentence("Press 1 for sales, 2 for support."),
        PlayAudio("https://example.com/beep.wav"),
        gather_url="https://example.com/menu",
        max_digits=1,
        first_digit_timeout=10,
    )
)
""",
    "Hangup": """\
from bxmlkit import Hangup, Response, SpeakSentence

document = Response(SpeakSentence("Goodbye."), Hangup())
""",
    "Pause": """\
from bxmlkit import Pause, Response, SpeakSentence

document = Response(SpeakSentence("One moment."), Pause(duration=2), SpeakSentence("Thanks."))
""",
    "PauseRecording": """\
from bxmlkit import PauseRecording, Response, ResumeRecording, SpeakSentence, StartRecording

document = Response(
    StartRecording(recording_available_url="https://example.com/recordings"),
    PauseRecording(),
    SpeakSentence("Please say your card number."),
    ResumeRecording(),
)
""",
    "PlayAudio": """\
from bxmlkit import PlayAudio, Response

document = Response(PlayAudio("https://example.com/welcome.wav"))
""",
    "Record": """\
from bxmlkit import Record, Response, SpeakSentence

document = Response(
    SpeakSentence("Leave a message after the tone."),
    Record(
        record_complete_url="https://example.com/voicemail",
        max_duration=120,
        silence_timeout=5,
        file_format="mp3",
    ),
)
""",
    "Redirect": """\
from bxmlkit import Redirect, Response

document = Response(Redirect(redirect_url="https://example.com/next-step"))
""",
    "Refer": """\
from bxmlkit import Refer, Response, SipUri

document = Response(Refer(SipUri("sip:agent@pbx.example.com")))
""",
    "ResumeRecording": """\
from bxmlkit import PauseRecording, Response, ResumeRecording, StartRecording

document = Response(
    StartRecording(recording_available_url="https://example.com/recordings"),
    PauseRecording(),
    ResumeRecording(),
)
""",
    "Ring": """\
from bxmlkit import Ring, Response, SpeakSentence

document = Response(Ring(duration=5), SpeakSentence("Hello, you reached the front desk."))
""",
    "SendDtmf": """\
from bxmlkit import Response, SendDtmf

document = Response(SendDtmf("1234#", tone_duration=100))
""",
    "SpeakSentence": """\
from bxmlkit import Response, SpeakSentence

document = Response(
    SpeakSentence("Hello from Bandwidth.", voice="susan"),
    SpeakSentence("Hola.", locale="es_MX", gender="female"),
)
""",
    "StartGather": """\
from bxmlkit import Response, SpeakSentence, StartGather

document = Response(
    StartGather(dtmf_url="https://example.com/dtmf"),
    SpeakSentence("Press star at any time to reach an operator."),
)
""",
    "StartRecording": """\
from bxmlkit import Response, StartRecording

document = Response(
    StartRecording(recording_available_url="https://example.com/recordings", multi_channel=True)
)
""",
    "StartStream": """\
from bxmlkit import Response, StartStream, StreamParam

document = Response(
    StartStream(
        StreamParam(name="customer", value="42"),
        name="live-audio",
        destination="wss://stream.example.com/audio",
        tracks="both",
    )
)
""",
    "StartTranscription": """\
from bxmlkit import CustomParam, Response, StartTranscription

document = Response(
    StartTranscription(
        CustomParam(name="ticket", value="T-1001"),
        name="support-call",
        transcription_event_url="https://example.com/transcripts",
    )
)
""",
    "StopGather": """\
from bxmlkit import Response, SpeakSentence, StartGather, StopGather

document = Response(
    StartGather(dtmf_url="https://example.com/dtmf"),
    SpeakSentence("Press star to skip this message."),
    StopGather(),
)
""",
    "StopRecording": """\
from bxmlkit import Response, SpeakSentence, StartRecording, StopRecording

document = Response(
    StartRecording(recording_available_url="https://example.com/recordings"),
    SpeakSentence("This part is recorded."),
    StopRecording(),
)
""",
    "StopStream": """\
from bxmlkit import Response, StartStream, StopStream

document = Response(
    StartStream(name="live-audio", destination="wss://stream.example.com/audio"),
    StopStream(name="live-audio"),
)
""",
    "StopTranscription": """\
from bxmlkit import Response, StartTranscription, StopTranscription

document = Response(
    StartTranscription(name="support-call"),
    StopTranscription(name="support-call"),
)
""",
    "Tag": """\
from bxmlkit import Response, SpeakSentence, Tag

document = Response(Tag("menu-level-2"), SpeakSentence("Main menu."))
""",
    "Transfer": """\
from bxmlkit import PhoneNumber, Response, SipUri, Transfer

document = Response(
    Transfer(
        PhoneNumber("+15555550123"),
        SipUri("sip:desk@pbx.example.com"),
        transfer_caller_id="+15555550100",
        call_timeout=20,
        transfer_complete_url="https://example.com/transfer-complete",
    )
)
""",
    "PhoneNumber": """\
from bxmlkit import PhoneNumber, Response, Transfer

document = Response(
    Transfer(
        PhoneNumber("+15555550123", transfer_answer_url="https://example.com/whisper"),
    )
)
""",
    "SipUri": """\
from bxmlkit import Response, SipUri, Transfer

document = Response(
    Transfer(SipUri("sip:desk@pbx.example.com", uui="bXktZGF0YQ==;encoding=base64"))
)
""",
    "StreamParam": """\
from bxmlkit import Response, StartStream, StreamParam

document = Response(
    StartStream(
        StreamParam(name="customer", value="42"),
        StreamParam(name="queue", value="billing"),
        destination="wss://stream.example.com/audio",
    )
)
""",
    "CustomParam": """\
from bxmlkit import CustomParam, Response, StartTranscription

document = Response(
    StartTranscription(
        CustomParam(name="ticket", value="T-1001"),
        transcription_event_url="https://example.com/transcripts",
    )
)
""",
    "break": """\
from bxmlkit import Break, Response, SpeakSentence

document = Response(SpeakSentence("Please hold.", Break(time="2s"), "Thank you for waiting."))
""",
    "emphasis": """\
from bxmlkit import Emphasis, Response, SpeakSentence

document = Response(SpeakSentence("This is ", Emphasis("very", level="strong"), " important."))
""",
    "lang": """\
from bxmlkit import Lang, Response, SpeakSentence

document = Response(SpeakSentence("In French: ", Lang("bonjour", lang="fr-FR")))
""",
    "p": """\
from bxmlkit import Paragraph, Response, SpeakSentence

document = Response(
    SpeakSentence(Paragraph("Welcome to the help line."), Paragraph("Calls may be recorded."))
)
""",
    "phoneme": """\
from bxmlkit import Phoneme, Response, SpeakSentence

document = Response(SpeakSentence("You say ", Phoneme("tomato", ph="t@meItoU")))
""",
    "prosody": """\
from bxmlkit import Prosody, Response, SpeakSentence

document = Response(SpeakSentence(Prosody("Please listen carefully.", rate="slow", volume="loud")))
""",
    "s": """\
from bxmlkit import Response, Sentence, SpeakSentence

document = Response(SpeakSentence(Sentence("Your order shipped."), Sentence("Goodbye.")))
""",
    "say-as": """\
from bxmlkit import Response, SayAs, SpeakSentence

document = Response(
    SpeakSentence("Your code is ", SayAs("1234", interpret_as="characters"), ".")
)
""",
    "sub": """\
from bxmlkit import Response, SpeakSentence, Sub

document = Response(SpeakSentence("Welcome to ", Sub("BW", alias="Bandwidth"), "."))
""",
}
