"""A pinned, exact serialization for every element with all of its attributes set.

The expected strings are literal: a change in attribute order, escaping, boolean or number
formatting, or a new default appearing in the output fails here.
"""

from __future__ import annotations

import pytest

from bxmlkit import models as M
from bxmlkit.codec import from_xml, to_xml
from bxmlkit.models import ELEMENTS, Element

CASES: dict[str, tuple[Element, str]] = {
    "break": (
        M.Break(strength="x-strong", time="250ms"),
        '<break strength="x-strong" time="250ms"/>',
    ),
    "phoneme": (
        M.Phoneme("tomato", ph="ph value"),
        '<phoneme ph="ph value">tomato</phoneme>',
    ),
    "say-as": (
        M.SayAs("12/25", interpret_as="ordinal", format="y"),
        '<say-as interpret-as="ordinal" format="y">12/25</say-as>',
    ),
    "sub": (
        M.Sub("WWW", alias="alias value"),
        '<sub alias="alias value">WWW</sub>',
    ),
    "emphasis": (
        M.Emphasis("stress", level="reduced"),
        '<emphasis level="reduced">stress</emphasis>',
    ),
    "lang": (
        M.Lang("bonjour", lang="en_US"),
        '<lang xml:lang="en_US">bonjour</lang>',
    ),
    "p": (
        M.Paragraph(M.Sentence("one")),
        "<p><s>one</s></p>",
    ),
    "s": (
        M.Sentence("two"),
        "<s>two</s>",
    ),
    "prosody": (
        M.Prosody("slow", pitch="pitch value", rate="rate value", volume="volume value"),
        '<prosody pitch="pitch value" rate="rate value" volume="volume value">slow</prosody>',
    ),
    "SpeakSentence": (
        M.SpeakSentence(
            'Hello <you> & "friends" ',
            M.Break(time="1s"),
            M.SayAs("5", interpret_as="cardinal"),
            voice="julie",
            gender="female",
            locale="en_US",
        ),
        '<SpeakSentence voice="julie" gender="female" locale="en_US">Hello &lt;you&gt; &amp; &quot;friends&quot; <break time="1s"/><say-as interpret-as="cardinal">5</say-as></SpeakSentence>',
    ),
    "PlayAudio": (
        M.PlayAudio("https://example.com/a.wav", username="username value", password='p&ss<w>rd"'),
        '<PlayAudio username="username value" password="p&amp;ss&lt;w&gt;rd&quot;">https://example.com/a.wav</PlayAudio>',
    ),
    "Pause": (
        M.Pause(duration=43200.5),
        '<Pause duration="43200.5"/>',
    ),
    "Ring": (
        M.Ring(duration=43200.5, answer_call=True),
        '<Ring duration="43200.5" answerCall="true"/>',
    ),
    "SendDtmf": (
        M.SendDtmf("12w#", tone_duration=2500.5, tone_interval=2500.5),
        '<SendDtmf toneDuration="2500.5" toneInterval="2500.5">12w#</SendDtmf>',
    ),
    "Redirect": (
        M.Redirect(
            redirect_url="https://example.com/cb?e=redirectUrl&x=1",
            redirect_method="POST",
            redirect_fallback_url="https://example.com/cb?e=redirectFallbackUrl&x=1",
            redirect_fallback_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
        ),
        '<Redirect redirectUrl="https://example.com/cb?e=redirectUrl&amp;x=1" redirectMethod="POST" redirectFallbackUrl="https://example.com/cb?e=redirectFallbackUrl&amp;x=1" redirectFallbackMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value"/>',
    ),
    "Hangup": (
        M.Hangup(),
        "<Hangup/>",
    ),
    "Tag": (
        M.Tag("my tag"),
        "<Tag>my tag</Tag>",
    ),
    "Gather": (
        M.Gather(
            M.SpeakSentence("Press 1"),
            M.PlayAudio("/beep.wav"),
            gather_url="https://example.com/cb?e=gatherUrl&x=1",
            gather_method="POST",
            gather_fallback_url="https://example.com/cb?e=gatherFallbackUrl&x=1",
            gather_fallback_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
            terminating_digits="#*",
            max_digits=50,
            inter_digit_timeout=30.5,
            first_digit_timeout=30.5,
            repeat_count=8,
            input="dtmf_speech",
            hints="hints value",
            language="language value",
            partial_result_callback="https://example.com/cb?e=partialResultCallback&x=1",
            partial_result_callback_method="POST",
            profanity_filter=True,
            speech_model="speechModel value",
            speech_timeout=8,
        ),
        '<Gather gatherUrl="https://example.com/cb?e=gatherUrl&amp;x=1" gatherMethod="POST" gatherFallbackUrl="https://example.com/cb?e=gatherFallbackUrl&amp;x=1" gatherFallbackMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" terminatingDigits="#*" maxDigits="50" interDigitTimeout="30.5" firstDigitTimeout="30.5" repeatCount="8" input="dtmf_speech" hints="hints value" language="language value" partialResultCallback="https://example.com/cb?e=partialResultCallback&amp;x=1" partialResultCallbackMethod="POST" profanityFilter="true" speechModel="speechModel value" speechTimeout="8"><SpeakSentence>Press 1</SpeakSentence><PlayAudio>/beep.wav</PlayAudio></Gather>',
    ),
    "StartGather": (
        M.StartGather(
            dtmf_url="https://example.com/cb?e=dtmfUrl&x=1",
            dtmf_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            tag="tag value",
        ),
        '<StartGather dtmfUrl="https://example.com/cb?e=dtmfUrl&amp;x=1" dtmfMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value"/>',
    ),
    "StopGather": (
        M.StopGather(),
        "<StopGather/>",
    ),
    "Record": (
        M.Record(
            record_complete_url="https://example.com/cb?e=recordCompleteUrl&x=1",
            record_complete_method="POST",
            record_complete_fallback_url="https://example.com/cb?e=recordCompleteFallbackUrl&x=1",
            record_complete_fallback_method="POST",
            recording_available_url="https://example.com/cb?e=recordingAvailableUrl&x=1",
            recording_available_method="POST",
            transcribe=False,
            detect_language=True,
            transcription_available_url="https://example.com/cb?e=transcriptionAvailableUrl&x=1",
            transcription_available_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
            terminating_digits="#*",
            max_duration=10800,
            silence_timeout=5400.5,
            file_format="wav",
            recording_name="recordingName value",
        ),
        '<Record recordCompleteUrl="https://example.com/cb?e=recordCompleteUrl&amp;x=1" recordCompleteMethod="POST" recordCompleteFallbackUrl="https://example.com/cb?e=recordCompleteFallbackUrl&amp;x=1" recordCompleteFallbackMethod="POST" recordingAvailableUrl="https://example.com/cb?e=recordingAvailableUrl&amp;x=1" recordingAvailableMethod="POST" transcribe="false" detectLanguage="true" transcriptionAvailableUrl="https://example.com/cb?e=transcriptionAvailableUrl&amp;x=1" transcriptionAvailableMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" terminatingDigits="#*" maxDuration="10800" silenceTimeout="5400.5" fileFormat="wav" recordingName="recordingName value"/>',
    ),
    "StartRecording": (
        M.StartRecording(
            recording_available_url="https://example.com/cb?e=recordingAvailableUrl&x=1",
            recording_available_method="POST",
            transcribe=False,
            detect_language=True,
            transcription_available_url="https://example.com/cb?e=transcriptionAvailableUrl&x=1",
            transcription_available_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            tag="tag value",
            file_format="wav",
            multi_channel=True,
            recording_name="recordingName value",
        ),
        '<StartRecording recordingAvailableUrl="https://example.com/cb?e=recordingAvailableUrl&amp;x=1" recordingAvailableMethod="POST" transcribe="false" detectLanguage="true" transcriptionAvailableUrl="https://example.com/cb?e=transcriptionAvailableUrl&amp;x=1" transcriptionAvailableMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" fileFormat="wav" multiChannel="true" recordingName="recordingName value"/>',
    ),
    "StopRecording": (
        M.StopRecording(),
        "<StopRecording/>",
    ),
    "PauseRecording": (
        M.PauseRecording(),
        "<PauseRecording/>",
    ),
    "ResumeRecording": (
        M.ResumeRecording(),
        "<ResumeRecording/>",
    ),
    "PhoneNumber": (
        M.PhoneNumber(
            "+15555550100",
            transfer_answer_url="https://example.com/cb?e=transferAnswerUrl&x=1",
            transfer_answer_method="POST",
            transfer_answer_fallback_url="https://example.com/cb?e=transferAnswerFallbackUrl&x=1",
            transfer_answer_fallback_method="POST",
            transfer_disconnect_url="https://example.com/cb?e=transferDisconnectUrl&x=1",
            transfer_disconnect_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
            uui="uui value",
        ),
        '<PhoneNumber transferAnswerUrl="https://example.com/cb?e=transferAnswerUrl&amp;x=1" transferAnswerMethod="POST" transferAnswerFallbackUrl="https://example.com/cb?e=transferAnswerFallbackUrl&amp;x=1" transferAnswerFallbackMethod="POST" transferDisconnectUrl="https://example.com/cb?e=transferDisconnectUrl&amp;x=1" transferDisconnectMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" uui="uui value">+15555550100</PhoneNumber>',
    ),
    "SipUri": (
        M.SipUri(
            "sip:bob@example.com",
            transfer_answer_url="https://example.com/cb?e=transferAnswerUrl&x=1",
            transfer_answer_method="POST",
            transfer_answer_fallback_url="https://example.com/cb?e=transferAnswerFallbackUrl&x=1",
            transfer_answer_fallback_method="POST",
            transfer_disconnect_url="https://example.com/cb?e=transferDisconnectUrl&x=1",
            transfer_disconnect_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
            uui="uui value",
        ),
        '<SipUri transferAnswerUrl="https://example.com/cb?e=transferAnswerUrl&amp;x=1" transferAnswerMethod="POST" transferAnswerFallbackUrl="https://example.com/cb?e=transferAnswerFallbackUrl&amp;x=1" transferAnswerFallbackMethod="POST" transferDisconnectUrl="https://example.com/cb?e=transferDisconnectUrl&amp;x=1" transferDisconnectMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" uui="uui value">sip:bob@example.com</SipUri>',
    ),
    "Transfer": (
        M.Transfer(
            M.PhoneNumber("+15555550100"),
            M.SipUri("sip:bob@example.com"),
            transfer_caller_id="+15555550199",
            privacy=True,
            transfer_caller_display_name="transferCallerDisplayName value",
            call_timeout=150.5,
            transfer_complete_url="https://example.com/cb?e=transferCompleteUrl&x=1",
            transfer_complete_method="POST",
            transfer_complete_fallback_url="https://example.com/cb?e=transferCompleteFallbackUrl&x=1",
            transfer_complete_fallback_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
            diversion_treatment="stack",
            diversion_reason="away",
        ),
        '<Transfer transferCallerId="+15555550199" privacy="true" transferCallerDisplayName="transferCallerDisplayName value" callTimeout="150.5" transferCompleteUrl="https://example.com/cb?e=transferCompleteUrl&amp;x=1" transferCompleteMethod="POST" transferCompleteFallbackUrl="https://example.com/cb?e=transferCompleteFallbackUrl&amp;x=1" transferCompleteFallbackMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" diversionTreatment="stack" diversionReason="away"><PhoneNumber>+15555550100</PhoneNumber><SipUri>sip:bob@example.com</SipUri></Transfer>',
    ),
    "Forward": (
        M.Forward(
            to="sip:alice@example.com",
            from_="+15555550199",
            privacy=True,
            caller_display_name="callerDisplayName value",
            call_timeout=150.5,
            diversion_treatment="stack",
            diversion_reason="away",
            uui="uui value",
        ),
        '<Forward to="sip:alice@example.com" from="+15555550199" privacy="true" callerDisplayName="callerDisplayName value" callTimeout="150.5" diversionTreatment="stack" diversionReason="away" uui="uui value"/>',
    ),
    "Bridge": (
        M.Bridge(
            "c-1234",
            bridge_complete_url="https://example.com/cb?e=bridgeCompleteUrl&x=1",
            bridge_complete_method="POST",
            bridge_complete_fallback_url="https://example.com/cb?e=bridgeCompleteFallbackUrl&x=1",
            bridge_complete_fallback_method="POST",
            bridge_target_complete_url="https://example.com/cb?e=bridgeTargetCompleteUrl&x=1",
            bridge_target_complete_method="POST",
            bridge_target_complete_fallback_url="https://example.com/cb?e=bridgeTargetCompleteFallbackUrl&x=1",
            bridge_target_complete_fallback_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
        ),
        '<Bridge bridgeCompleteUrl="https://example.com/cb?e=bridgeCompleteUrl&amp;x=1" bridgeCompleteMethod="POST" bridgeCompleteFallbackUrl="https://example.com/cb?e=bridgeCompleteFallbackUrl&amp;x=1" bridgeCompleteFallbackMethod="POST" bridgeTargetCompleteUrl="https://example.com/cb?e=bridgeTargetCompleteUrl&amp;x=1" bridgeTargetCompleteMethod="POST" bridgeTargetCompleteFallbackUrl="https://example.com/cb?e=bridgeTargetCompleteFallbackUrl&amp;x=1" bridgeTargetCompleteFallbackMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value">c-1234</Bridge>',
    ),
    "Conference": (
        M.Conference(
            "my-conf_1.a",
            mute=True,
            hold=True,
            call_ids_to_coach="callIdsToCoach value",
            conference_event_url="https://example.com/cb?e=conferenceEventUrl&x=1",
            conference_event_method="POST",
            conference_event_fallback_url="https://example.com/cb?e=conferenceEventFallbackUrl&x=1",
            conference_event_fallback_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            fallback_username="fallbackUsername value",
            fallback_password='p&ss<w>rd"',
            tag="tag value",
            callback_timeout=13.0,
        ),
        '<Conference mute="true" hold="true" callIdsToCoach="callIdsToCoach value" conferenceEventUrl="https://example.com/cb?e=conferenceEventUrl&amp;x=1" conferenceEventMethod="POST" conferenceEventFallbackUrl="https://example.com/cb?e=conferenceEventFallbackUrl&amp;x=1" conferenceEventFallbackMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" fallbackUsername="fallbackUsername value" fallbackPassword="p&amp;ss&lt;w&gt;rd&quot;" tag="tag value" callbackTimeout="13">my-conf_1.a</Conference>',
    ),
    "Endpoint": (
        M.Endpoint("e-abc123"),
        "<Endpoint>e-abc123</Endpoint>",
    ),
    "Connect": (
        M.Connect(
            M.Endpoint("e-1"),
            event_callback_url="https://example.com/cb?e=eventCallbackUrl&x=1",
            event_fallback_url="https://example.com/cb?e=eventFallbackUrl&x=1",
        ),
        '<Connect eventCallbackUrl="https://example.com/cb?e=eventCallbackUrl&amp;x=1" eventFallbackUrl="https://example.com/cb?e=eventFallbackUrl&amp;x=1"><Endpoint>e-1</Endpoint></Connect>',
    ),
    "Refer": (
        M.Refer(
            M.SipUri("sip:carol@example.com"),
            refer_complete_url="https://example.com/cb?e=referCompleteUrl&x=1",
            refer_complete_method="POST",
            tag="tag value",
        ),
        '<Refer referCompleteUrl="https://example.com/cb?e=referCompleteUrl&amp;x=1" referCompleteMethod="POST" tag="tag value"><SipUri>sip:carol@example.com</SipUri></Refer>',
    ),
    "StreamParam": (
        M.StreamParam(name="name value", value="value value"),
        '<StreamParam name="name value" value="value value"/>',
    ),
    "StartStream": (
        M.StartStream(
            M.StreamParam(name="a", value="b"),
            name="name value",
            mode="bidirectional",
            tracks="both",
            destination="wss://stream.example.com/ws",
            destination_username="destinationUsername value",
            destination_password='p&ss<w>rd"',
            stream_event_url="https://example.com/cb?e=streamEventUrl&x=1",
            stream_event_method="POST",
            username="username value",
            password='p&ss<w>rd"',
        ),
        '<StartStream name="name value" mode="bidirectional" tracks="both" destination="wss://stream.example.com/ws" destinationUsername="destinationUsername value" destinationPassword="p&amp;ss&lt;w&gt;rd&quot;" streamEventUrl="https://example.com/cb?e=streamEventUrl&amp;x=1" streamEventMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;"><StreamParam name="a" value="b"/></StartStream>',
    ),
    "StopStream": (
        M.StopStream(name="name value", wait=True),
        '<StopStream name="name value" wait="true"/>',
    ),
    "CustomParam": (
        M.CustomParam(name="name value", value="value value"),
        '<CustomParam name="name value" value="value value"/>',
    ),
    "StartTranscription": (
        M.StartTranscription(
            M.CustomParam(name="a", value="b"),
            name="name value",
            tracks="both",
            transcription_event_url="https://example.com/cb?e=transcriptionEventUrl&x=1",
            transcription_event_method="POST",
            username="username value",
            password='p&ss<w>rd"',
            destination="wss://stream.example.com/ws",
            stabilized=True,
            detect_language=True,
            preferred_languages="preferredLanguages value",
        ),
        '<StartTranscription name="name value" tracks="both" transcriptionEventUrl="https://example.com/cb?e=transcriptionEventUrl&amp;x=1" transcriptionEventMethod="POST" username="username value" password="p&amp;ss&lt;w&gt;rd&quot;" destination="wss://stream.example.com/ws" stabilized="true" detectLanguage="true" preferredLanguages="preferredLanguages value"><CustomParam name="a" value="b"/></StartTranscription>',
    ),
    "StopTranscription": (
        M.StopTranscription(name="name value"),
        '<StopTranscription name="name value"/>',
    ),
    "Response": (
        M.Response(M.Hangup()),
        "<Response><Hangup/></Response>",
    ),
    "Bxml": (
        M.Bxml(M.Pause(duration=1)),
        '<Bxml><Pause duration="1"/></Bxml>',
    ),
}


def test_every_element_is_pinned() -> None:
    assert set(CASES) == set(ELEMENTS)


@pytest.mark.parametrize("tag", sorted(CASES))
def test_exact_serialization(tag: str) -> None:
    model, expected = CASES[tag]
    assert to_xml(model, xml_declaration=False).decode() == expected


@pytest.mark.parametrize("tag", sorted(CASES))
def test_every_attribute_is_set_and_written(tag: str) -> None:
    model, expected = CASES[tag]
    for attribute in type(model).xml_attributes:
        assert getattr(model, attribute.field) is not None
        assert f' {attribute.xml_name}="' in expected


@pytest.mark.parametrize("tag", ["Response", "Bxml"])
def test_pinned_roots_parse_back(tag: str) -> None:
    model, expected = CASES[tag]
    assert from_xml(expected) == model
