"""The API namespaces of :class:`~bxmlkit.client.AsyncBandwidthClient`.

Each method hands a plan from :mod:`bxmlkit.client._operations` (where every operation is
defined once) to the engine.  ``_api_sync.py`` is generated from this file by
``python bxmlkit/client/_unasync.py`` (a test fails when it is stale): edit this one.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import httpx

from bxmlkit.client import _operations as ops
from bxmlkit.client._engine import AsyncEngine, Operation
from bxmlkit.client._operations import (
    CHUNK,
    Destination,
    Download,
    Downloaded,
    Listing,
    Plan,
    UploadSource,
    Urls,
)
from bxmlkit.client._paging import PageTrail
from bxmlkit.client.errors import translate_transport_error
from bxmlkit.client.models import (
    AccountStatistics,
    CallRecordingMetadata,
    CallState,
    CallTranscriptionMetadata,
    CallTranscriptionResponse,
    Conference,
    ConferenceMember,
    ConferenceRecordingMetadata,
    CreateCall,
    CreateCallResponse,
    ListMessageItem,
    Media,
    Message,
    MessageRequest,
    RecordingTranscriptions,
    TranscribeRecording,
    UpdateCall,
    UpdateConference,
    UpdateConferenceMember,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from bxmlkit.client._fields import (
        CreateCallFields,
        ListAccountCallRecordingsFields,
        ListCallsFields,
        ListConferencesFields,
        ListMessagesFields,
        MessageRequestFields,
        TranscribeRecordingFields,
        UpdateCallFields,
        UpdateConferenceFields,
        UpdateConferenceMemberFields,
    )
    from bxmlkit.models import Bxml

__all__ = [
    "AsyncCallsApi",
    "AsyncConferencesApi",
    "AsyncMediaApi",
    "AsyncMessagesApi",
    "AsyncRecordingsApi",
    "AsyncStatisticsApi",
    "AsyncTranscriptionsApi",
]

T = TypeVar("T")


# --------------------------------------------------------------------------- running plans


async def _call(engine: AsyncEngine, plan: Plan[T]) -> T:
    return plan.read(await engine.run(plan.op))


async def _iterate(engine: AsyncEngine, listing: Listing[T]) -> AsyncIterator[T]:
    trail = PageTrail(listing.root, engine.max_pages)
    op: Operation | None = listing.first
    while op is not None:
        trail.visit(*op.page_key())
        response = await engine.run(op)
        items, next_page = listing.read_page(response, trail)
        for item in items:
            yield item
        op = next_page()


async def _chunks(engine: AsyncEngine, download: Download, chunk_size: int) -> AsyncIterator[bytes]:
    response = await engine.run(download.op)
    try:
        async for chunk in response.aiter_bytes(chunk_size):
            yield chunk
    except httpx.HTTPError as exc:
        raise _broken(engine, response, exc) from exc
    finally:
        await response.aclose()


async def _download(
    engine: AsyncEngine, download: Download, to: Destination, chunk_size: int
) -> Downloaded:
    path = None if hasattr(to, "write") else Path(os.fspath(to))
    response = await engine.run(download.op)
    size = 0
    try:
        with ops.open_destination(to, path) as out:
            async for chunk in response.aiter_bytes(chunk_size):
                out.write(chunk)
                size += len(chunk)
    except httpx.HTTPError as exc:
        raise _broken(engine, response, exc) from exc
    finally:
        await response.aclose()
    return Downloaded(size, response.headers.get("content-type"), path)


def _broken(engine: AsyncEngine, response: httpx.Response, exc: Exception) -> Exception:
    request = response.request
    return translate_transport_error(
        exc, method=request.method, url=str(request.url), redact=engine.redact
    )


def _fetch(
    engine: AsyncEngine, download: Download, to: Destination | None, chunk_size: int
) -> AsyncIterator[bytes] | Awaitable[Downloaded]:
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if to is None:
        return _chunks(engine, download, chunk_size)
    return _download(engine, download, to, chunk_size)


class _Namespace:
    def __init__(self, engine: AsyncEngine, urls: Urls) -> None:
        self._engine = engine
        self._urls = urls


# --------------------------------------------------------------------------- calls


class AsyncCallsApi(_Namespace):
    """``client.calls``: place, read, list, redirect, hang up and re-script calls."""

    def list_calls(self, **filters: Unpack[ListCallsFields]) -> AsyncIterator[CallState]:
        """Calls, oldest first (listCalls); the next page (``Link: rel="next"``) is fetched
        only when needed.  Filters: ``to``, ``from_``, ``min_start_time``,
        ``max_start_time``, ``disconnect_cause``, ``page_size`` (1..10000, checked now)."""
        return _iterate(self._engine, ops.list_calls(self._urls, filters))

    async def create_call(
        self, request: CreateCall | None = None, /, **fields: Unpack[CreateCallFields]
    ) -> CreateCallResponse:
        """Place an outbound call (createCall); the result keeps ``Location`` as ``.location``.

        Pass a :class:`CreateCall` or its fields as keywords.  Never re-sent once the server
        may have received it (a second call could ring), except after a 429 refusal.
        """
        return await _call(self._engine, ops.create_call(self._urls, request, fields))

    async def get_call_state(self, call_id: str) -> CallState:
        """The call's current state (getCallState; near-realtime, kept 7 days after hang-up)."""
        return await _call(self._engine, ops.get_call_state(self._urls, call_id))

    async def get_call(self, call_id: str) -> CallState:
        """Alias of :meth:`get_call_state` (the name before every operation was covered)."""
        return await self.get_call_state(call_id)

    async def update_call(
        self, call_id: str, request: UpdateCall | None = None, /, **fields: Unpack[UpdateCallFields]
    ) -> None:
        """Redirect the call (``redirect_url=...``) or hang up (``state="completed"``)."""
        await _call(self._engine, ops.update_call(self._urls, call_id, request, fields))

    async def hangup(self, call_id: str) -> None:
        """Hang up an answered call, cancel an outbound one, or reject an inbound one."""
        await self.update_call(call_id, state="completed")

    async def update_call_bxml(self, call_id: str, document: Bxml | str | bytes) -> None:
        """Replace the live call's BXML with ``document`` (updateCallBxml, 204).

        ``document`` is a ``Bxml`` model or BXML text, checked first: a ``<Response>`` root or
        an invalid document raises ``BxmlParseError`` and nothing is sent.  Never re-sent once
        the server may have it: a second PUT restarts the document.
        """
        await _call(self._engine, ops.update_call_bxml(self._urls, call_id, document))


# --------------------------------------------------------------------------- conferences


class AsyncConferencesApi(_Namespace):
    """``client.conferences``: conferences, their members, BXML and recordings."""

    def list_conferences(
        self, **filters: Unpack[ListConferencesFields]
    ) -> AsyncIterator[Conference]:
        """Conferences, oldest first (listConferences), page by page as needed.  Filters:
        ``name``, ``min_created_time``, ``max_created_time``, ``page_size`` (1..1000)."""
        return _iterate(self._engine, ops.list_conferences(self._urls, filters))

    async def get_conference(self, conference_id: str) -> Conference:
        """One conference, with its active members (getConference)."""
        return await _call(self._engine, ops.get_conference(self._urls, conference_id))

    async def update_conference(
        self,
        conference_id: str,
        request: UpdateConference | None = None,
        /,
        **fields: Unpack[UpdateConferenceFields],
    ) -> None:
        """End the conference (``status="completed"``) or redirect it to new BXML
        (``redirect_url=...``) (updateConference).  Never re-sent once it may have arrived."""
        plan = ops.update_conference(self._urls, conference_id, request, fields)
        await _call(self._engine, plan)

    async def update_conference_bxml(
        self, conference_id: str, document: Bxml | str | bytes
    ) -> None:
        """Replace the conference's BXML (updateConferenceBxml, 204), checked first like
        :meth:`AsyncCallsApi.update_call_bxml` and with the conference rules: only PlayAudio,
        SpeakSentence and Start/Stop/Pause/ResumeRecording.  Never re-sent."""
        plan = ops.update_conference_bxml(self._urls, conference_id, document)
        await _call(self._engine, plan)

    async def get_conference_member(self, conference_id: str, member_id: str) -> ConferenceMember:
        """One member of a conference; ``member_id`` is the member's call id."""
        plan = ops.get_conference_member(self._urls, conference_id, member_id)
        return await _call(self._engine, plan)

    async def update_conference_member(
        self,
        conference_id: str,
        member_id: str,
        request: UpdateConferenceMember | None = None,
        /,
        **fields: Unpack[UpdateConferenceMemberFields],
    ) -> None:
        """Mute, hold, or change whom the member coaches (updateConferenceMember, 204)."""
        plan = ops.update_conference_member(self._urls, conference_id, member_id, request, fields)
        await _call(self._engine, plan)

    async def list_conference_recordings(
        self, conference_id: str
    ) -> list[ConferenceRecordingMetadata]:
        """The conference's recordings (listConferenceRecordings)."""
        plan = ops.list_conference_recordings(self._urls, conference_id)
        return await _call(self._engine, plan)

    async def get_conference_recording(
        self, conference_id: str, recording_id: str
    ) -> ConferenceRecordingMetadata:
        """One conference recording's metadata (getConferenceRecording)."""
        plan = ops.get_conference_recording(self._urls, conference_id, recording_id)
        return await _call(self._engine, plan)

    @overload
    def download_conference_recording(
        self, conference_id: str, recording_id: str, to: None = None, *, chunk_size: int = CHUNK
    ) -> AsyncIterator[bytes]: ...

    @overload
    def download_conference_recording(
        self, conference_id: str, recording_id: str, to: Destination, *, chunk_size: int = CHUNK
    ) -> Awaitable[Downloaded]: ...

    def download_conference_recording(
        self,
        conference_id: str,
        recording_id: str,
        to: Destination | None = None,
        *,
        chunk_size: int = CHUNK,
    ) -> AsyncIterator[bytes] | Awaitable[Downloaded]:
        """The recording's audio (downloadConferenceRecording), streamed: written to ``to``
        (a path or a binary file) or, without ``to``, yielded in chunks."""
        plan = ops.download_conference_recording(self._urls, conference_id, recording_id)
        return _fetch(self._engine, plan, to, chunk_size)


# --------------------------------------------------------------------------- recordings


class AsyncRecordingsApi(_Namespace):
    """``client.recordings``: call recordings, their media and their transcriptions."""

    async def list_account_call_recordings(
        self, **filters: Unpack[ListAccountCallRecordingsFields]
    ) -> list[CallRecordingMetadata]:
        """Every call recording of the account (listAccountCallRecordings).  Filters: ``to``,
        ``from_``, ``min_start_time``, ``max_start_time``."""
        plan = ops.list_account_call_recordings(self._urls, filters)
        return await _call(self._engine, plan)

    async def update_call_recording_state(
        self, call_id: str, state: Literal["paused", "recording"]
    ) -> None:
        """Pause (``"paused"``) or resume (``"recording"``) the call's active recording."""
        await _call(self._engine, ops.update_call_recording_state(self._urls, call_id, state))

    async def list_call_recordings(self, call_id: str) -> list[CallRecordingMetadata]:
        """The call's recordings (listCallRecordings)."""
        return await _call(self._engine, ops.list_call_recordings(self._urls, call_id))

    async def get_call_recording(self, call_id: str, recording_id: str) -> CallRecordingMetadata:
        """One recording's metadata (getCallRecording)."""
        plan = ops.get_call_recording(self._urls, call_id, recording_id)
        return await _call(self._engine, plan)

    async def delete_recording(self, call_id: str, recording_id: str) -> None:
        """Delete the recording, its media and its transcription (deleteRecording)."""
        await _call(self._engine, ops.delete_recording(self._urls, call_id, recording_id))

    @overload
    def download_call_recording(
        self, call_id: str, recording_id: str, to: None = None, *, chunk_size: int = CHUNK
    ) -> AsyncIterator[bytes]: ...

    @overload
    def download_call_recording(
        self, call_id: str, recording_id: str, to: Destination, *, chunk_size: int = CHUNK
    ) -> Awaitable[Downloaded]: ...

    def download_call_recording(
        self,
        call_id: str,
        recording_id: str,
        to: Destination | None = None,
        *,
        chunk_size: int = CHUNK,
    ) -> AsyncIterator[bytes] | Awaitable[Downloaded]:
        """The recording's audio (downloadCallRecording), streamed: written to ``to`` (a path,
        via a temporary file renamed when complete, or a binary file) or, without ``to``,
        yielded in chunks.  Never held in memory whole."""
        plan = ops.download_call_recording(self._urls, call_id, recording_id)
        return _fetch(self._engine, plan, to, chunk_size)

    async def delete_recording_media(self, call_id: str, recording_id: str) -> None:
        """Delete the recording's audio, keeping its metadata (deleteRecordingMedia)."""
        await _call(self._engine, ops.delete_recording_media(self._urls, call_id, recording_id))

    async def get_recording_transcription(
        self, call_id: str, recording_id: str
    ) -> RecordingTranscriptions:
        """The recording's transcription (getRecordingTranscription)."""
        plan = ops.get_recording_transcription(self._urls, call_id, recording_id)
        return await _call(self._engine, plan)

    async def transcribe_call_recording(
        self,
        call_id: str,
        recording_id: str,
        request: TranscribeRecording | None = None,
        /,
        **fields: Unpack[TranscribeRecordingFields],
    ) -> None:
        """Ask for the recording to be transcribed (transcribeCallRecording, 204); the result
        arrives at ``callback_url`` (transcriptionAvailable).  Never re-sent."""
        plan = ops.transcribe_call_recording(self._urls, call_id, recording_id, request, fields)
        await _call(self._engine, plan)

    async def delete_recording_transcription(self, call_id: str, recording_id: str) -> None:
        """Delete the recording's transcription (deleteRecordingTranscription)."""
        plan = ops.delete_recording_transcription(self._urls, call_id, recording_id)
        await _call(self._engine, plan)


# --------------------------------------------------------------------------- the rest of voice


class AsyncStatisticsApi(_Namespace):
    """``client.statistics``: the account's call queue."""

    async def get_statistics(self) -> AccountStatistics:
        """The current and maximum call queue sizes (getStatistics)."""
        return await _call(self._engine, ops.get_statistics(self._urls))


class AsyncTranscriptionsApi(_Namespace):
    """``client.transcriptions``: real-time transcriptions made by ``<StartTranscription>``."""

    async def list_real_time_transcriptions(self, call_id: str) -> list[CallTranscriptionMetadata]:
        """The call's real-time transcriptions (listRealTimeTranscriptions)."""
        return await _call(self._engine, ops.list_real_time_transcriptions(self._urls, call_id))

    async def get_real_time_transcription(
        self, call_id: str, transcription_id: str
    ) -> CallTranscriptionResponse:
        """One real-time transcription, track by track (getRealTimeTranscription)."""
        plan = ops.get_real_time_transcription(self._urls, call_id, transcription_id)
        return await _call(self._engine, plan)

    async def delete_real_time_transcription(self, call_id: str, transcription_id: str) -> None:
        """Delete a real-time transcription (deleteRealTimeTranscription)."""
        plan = ops.delete_real_time_transcription(self._urls, call_id, transcription_id)
        await _call(self._engine, plan)


# --------------------------------------------------------------------------- messaging


class AsyncMessagesApi(_Namespace):
    """``client.messages``: send and search text and picture messages."""

    async def create_message(
        self, request: MessageRequest | None = None, /, **fields: Unpack[MessageRequestFields]
    ) -> Message:
        """Send a message (createMessage, 202): a :class:`MessageRequest` or its fields,
        checked first.  Never re-sent once it may have arrived (no double texts), except
        after a 429 refusal."""
        return await _call(self._engine, ops.create_message(self._urls, request, fields))

    async def send_message(
        self,
        from_: str,
        to: str | Sequence[str],
        *,
        application_id: str,
        text: str | None = None,
        media: Sequence[str] | None = None,
        tag: str | None = None,
        priority: Literal["default", "high"] | None = None,
        expiration: datetime | None = None,
    ) -> Message:
        """:meth:`create_message` with the sender and recipients first (the name before every
        operation was covered; kept)."""
        fields: Mapping[str, Any] = {
            "from_": from_,
            "to": [to] if isinstance(to, str) else list(to),
            "application_id": application_id,
            "text": text,
            "media": None if media is None else list(media),
            "tag": tag,
            "priority": priority,
            "expiration": expiration,
        }
        plan = ops.create_message(self._urls, None, fields)
        return await _call(self._engine, plan)

    def list_messages(
        self, **filters: Unpack[ListMessagesFields]
    ) -> AsyncIterator[ListMessageItem]:
        """Messages matching the filters (listMessages), page by page as needed
        (``pageInfo.nextPageToken``); ``limit`` is the page size."""
        return _iterate(self._engine, ops.list_messages(self._urls, filters))


class AsyncMediaApi(_Namespace):
    """``client.media``: the account's MMS media files."""

    def list_media(self) -> AsyncIterator[Media]:
        """Every media file (listMedia), following ``Continuation-Token`` as needed."""
        return _iterate(self._engine, ops.list_media(self._urls))

    @overload
    def get_media(
        self, media_id: str, to: None = None, *, chunk_size: int = CHUNK
    ) -> AsyncIterator[bytes]: ...

    @overload
    def get_media(
        self, media_id: str, to: Destination, *, chunk_size: int = CHUNK
    ) -> Awaitable[Downloaded]: ...

    def get_media(
        self, media_id: str, to: Destination | None = None, *, chunk_size: int = CHUNK
    ) -> AsyncIterator[bytes] | Awaitable[Downloaded]:
        """Download a media file (getMedia), streamed like
        :meth:`AsyncRecordingsApi.download_call_recording`."""
        return _fetch(self._engine, ops.get_media(self._urls, media_id), to, chunk_size)

    async def upload_media(
        self,
        media_id: str,
        content: UploadSource,
        *,
        content_type: str | None = None,
        cache_control: str | None = None,
    ) -> None:
        """Upload (or overwrite) a media file (uploadMedia, 204).  ``content`` is bytes, a path
        or a binary file, sent in chunks; ``content_type`` defaults from the file name."""
        plan = ops.upload_media(self._urls, media_id, content, content_type, cache_control)
        await _call(self._engine, plan)

    async def delete_media(self, media_id: str) -> None:
        """Delete a media file (deleteMedia, 204)."""
        await _call(self._engine, ops.delete_media(self._urls, media_id))
