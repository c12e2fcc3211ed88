"""Every operation of Voice API v2 and Messaging API v2, each defined once.

:data:`SPECS` holds the reference's facts per operation id (HTTP method, path template,
documented success statuses, namespace); a test compares it with the reference files.  The
``plan_*`` functions below turn a method's arguments into a :class:`Plan` (checked before
anything is sent: ids, request models, BXML) and know how to read the reply.  The sync and
async clients only hand plans to their engine, so neither defines an operation.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Generic, Literal, TypeVar
from urllib.parse import quote, unquote, urlsplit

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from bxmlkit.client._engine import Operation, json_operation
from bxmlkit.client._paging import PageTrail
from bxmlkit.client.errors import InvalidResponseError
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
    ListAccountCallRecordingsQuery,
    ListCallsQuery,
    ListConferencesQuery,
    ListMessageItem,
    ListMessagesQuery,
    Media,
    Message,
    MessageRequest,
    MessagesList,
    RecordingTranscriptions,
    TranscribeRecording,
    UpdateCall,
    UpdateCallRecording,
    UpdateConference,
    UpdateConferenceMember,
)

__all__ = ["SPECS", "Destination", "Download", "Listing", "Plan", "Spec", "Upload", "Urls"]

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

logger = logging.getLogger("bxmlkit.client")

Api = Literal["voice", "messaging"]


@dataclass(frozen=True)
class Spec:
    """What the reference says about one operation."""

    operation_id: str
    api: Api
    namespace: str
    method: str
    path: str
    expected: frozenset[int]


def _spec(op_id: str, namespace: str, method: str, path: str, *statuses: int) -> Spec:
    api: Api = "messaging" if namespace in ("messages", "media") else "voice"
    return Spec(op_id, api, namespace, method, path, frozenset(statuses))


_A = "/accounts/{accountId}"
_C = _A + "/calls/{callId}"
_CONF = _A + "/conferences/{conferenceId}"
_REC = _C + "/recordings/{recordingId}"
_CREC = _CONF + "/recordings/{recordingId}"
_MEDIA = "/users/{accountId}/media"

#: The 34 operations, by operation id (voice-api-v2.json endpoints, messaging-api-v2.json).
SPECS: Mapping[str, Spec] = {
    s.operation_id: s
    for s in (
        _spec("listCalls", "calls", "GET", _A + "/calls", 200),
        _spec("createCall", "calls", "POST", _A + "/calls", 201),
        _spec("getCallState", "calls", "GET", _C, 200),
        _spec("updateCall", "calls", "POST", _C, 200),
        _spec("updateCallBxml", "calls", "PUT", _C + "/bxml", 204),
        _spec("listConferences", "conferences", "GET", _A + "/conferences", 200),
        _spec("getConference", "conferences", "GET", _CONF, 200),
        _spec("updateConference", "conferences", "POST", _CONF, 204),
        _spec("updateConferenceBxml", "conferences", "PUT", _CONF + "/bxml", 204),
        _spec("getConferenceMember", "conferences", "GET", _CONF + "/members/{memberId}", 200),
        _spec("updateConferenceMember", "conferences", "PUT", _CONF + "/members/{memberId}", 204),
        _spec("listConferenceRecordings", "conferences", "GET", _CONF + "/recordings", 200),
        _spec("getConferenceRecording", "conferences", "GET", _CREC, 200),
        _spec("downloadConferenceRecording", "conferences", "GET", _CREC + "/media", 200),
        _spec("listAccountCallRecordings", "recordings", "GET", _A + "/recordings", 200),
        _spec("updateCallRecordingState", "recordings", "PUT", _C + "/recording", 200),
        _spec("listCallRecordings", "recordings", "GET", _C + "/recordings", 200),
        _spec("getCallRecording", "recordings", "GET", _REC, 200),
        _spec("deleteRecording", "recordings", "DELETE", _REC, 204),
        _spec("downloadCallRecording", "recordings", "GET", _REC + "/media", 200),
        _spec("deleteRecordingMedia", "recordings", "DELETE", _REC + "/media", 204),
        _spec("getRecordingTranscription", "recordings", "GET", _REC + "/transcription", 200),
        _spec("transcribeCallRecording", "recordings", "POST", _REC + "/transcription", 204),
        _spec("deleteRecordingTranscription", "recordings", "DELETE", _REC + "/transcription", 204),
        _spec("getStatistics", "statistics", "GET", _A + "/statistics", 200),
        _spec("listRealTimeTranscriptions", "transcriptions", "GET", _C + "/transcriptions", 200),
        _spec("getRealTimeTranscription", "transcriptions", "GET",
              _C + "/transcriptions/{transcriptionId}", 200),
        _spec("deleteRealTimeTranscription", "transcriptions", "DELETE",
              _C + "/transcriptions/{transcriptionId}", 200),
        _spec("createMessage", "messages", "POST", "/users/{accountId}/messages", 202),
        _spec("listMessages", "messages", "GET", "/users/{accountId}/messages", 200),
        _spec("listMedia", "media", "GET", _MEDIA, 200),
        _spec("getMedia", "media", "GET", _MEDIA + "/{mediaId}", 200),
        _spec("uploadMedia", "media", "PUT", _MEDIA + "/{mediaId}", 204),
        _spec("deleteMedia", "media", "DELETE", _MEDIA + "/{mediaId}", 204),
    )
}  # fmt: skip

#: Operations whose effect would repeat if the server received them twice: never re-sent once
#: they may have arrived (a 429 refusal and a refused connection excepted).
NOT_REPEATABLE = frozenset(
    {"createCall", "updateCall", "updateCallBxml", "updateConference", "updateConferenceBxml",
     "transcribeCallRecording", "createMessage"}
)  # fmt: skip


def segment(value: str, name: str) -> str:
    """One URL path segment, percent-encoded; an empty id is refused before sending."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, not {value!r}")
    return quote(value, safe="")


def _snake(camel: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in camel)


@dataclass(frozen=True)
class Urls:
    """The two API roots and the account of one client."""

    voice: str
    messaging: str
    account_id: str

    def url(self, spec: Spec, ids: Mapping[str, str]) -> str:
        values = {"accountId": segment(self.account_id, "account_id")}
        values.update({k: segment(v, _snake(k)) for k, v in ids.items()})
        root = self.voice if spec.api == "voice" else self.messaging
        return root + spec.path.format(**values)

    def root(self, api: Api) -> str:
        return self.voice if api == "voice" else self.messaging


def operation(
    urls: Urls,
    op_id: str,
    ids: Mapping[str, str] | None = None,
    *,
    body: BaseModel | None = None,
    params: Mapping[str, str] | None = None,
    **extra: Any,
) -> Operation:
    """The :class:`Operation` for ``op_id``: method, URL and statuses come from :data:`SPECS`."""
    spec = SPECS[op_id]
    url = urls.url(spec, ids or {})
    idempotent = extra.pop("idempotent", False if op_id in NOT_REPEATABLE else None)
    if body is not None:
        op = json_operation(
            _snake(op_id),
            spec.method,
            url,
            expected=spec.expected,
            wire=body.wire(),  # type: ignore[attr-defined]
            recorded=body.recorded(),  # type: ignore[attr-defined]
        )
        return Operation(**{**op.__dict__, "idempotent": idempotent, **extra})
    return Operation(
        _snake(op_id),
        spec.method,
        url,
        spec.expected,
        params=dict(params) if params else None,
        idempotent=idempotent,
        **extra,
    )


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class Plan(Generic[T]):
    """One request and how to read its reply."""

    op: Operation
    read: Callable[[httpx.Response], T]


Next = Callable[[], Operation | None]


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A paged listing: the first request, and how to read a page and find the next."""

    first: Operation
    #: A page's items, and how to find the next page (called once they have been used, so a
    #: bad next link never costs the items already received).
    read_page: Callable[[httpx.Response, PageTrail], tuple[list[T], Next]]
    root: str


#: Where a download goes: a path (written to a temporary file, renamed when complete) or an
#: open binary file.
Destination = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True)
class Download:
    """A streamed GET of media (a recording, an MMS file)."""

    op: Operation


@dataclass(frozen=True)
class Downloaded:
    """What a download wrote: ``size`` bytes of ``content_type`` to ``path`` (None for a file
    object)."""

    size: int
    content_type: str | None
    path: Path | None = None


def _fail(
    response: httpx.Response, problem: str, cause: Exception | None = None
) -> InvalidResponseError:
    request = response.request
    return InvalidResponseError(
        f"{request.method} {request.url}: HTTP {response.status_code} but {problem}",
        status_code=response.status_code,
        method=request.method,
        url=str(request.url),
        response=response,
    )


_EMPTY: Any = object()


def _json(response: httpx.Response, what: str, expected: frozenset[int]) -> Any:
    """The JSON body; an empty body after an undocumented 2xx reads as ``_EMPTY``."""
    if not response.content and response.status_code not in expected:
        return _EMPTY
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise _fail(
            response,
            f"the body is not valid JSON ({exc}); expected {what}; the reply may have been "
            "truncated",
        ) from exc


def _problems(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
        for err in exc.errors(include_input=False, include_url=False)
    )


def read_model(
    model: type[M], what: str, expected: frozenset[int] = frozenset({200})
) -> Callable[[httpx.Response], M]:
    """A reader for a JSON object (an empty undocumented 2xx gives an empty model)."""

    def read(response: httpx.Response) -> M:
        data = _json(response, what, expected)
        if data is _EMPTY:
            data = {}
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise _fail(response, f"the body is not {what}: {_problems(exc)}") from exc

    return read


def read_list(model: type[M], what: str) -> Callable[[httpx.Response], list[M]]:
    adapter = TypeAdapter(list[model])  # type: ignore[valid-type]

    def read(response: httpx.Response) -> list[M]:
        data = _json(response, f"an array of {what}", frozenset({200}))
        if data is _EMPTY:
            return []
        if not isinstance(data, list):
            raise _fail(response, f"expected a JSON array of {what}, got {type(data).__name__}")
        try:
            items: list[M] = adapter.validate_python(data)
        except ValidationError as exc:
            raise _fail(response, f"an item is not {what}: {_problems(exc)}") from exc
        return items

    return read


def read_nothing(response: httpx.Response) -> None:
    """Operations documented with no body (200/204): whatever came back is ignored."""
    return


def created_call(response: httpx.Response) -> CreateCallResponse:
    """The createCall reply, read as far as it can be: the call exists once any 2xx came back.

    A 200 instead of 201, a body without ``callUrl`` or other documented fields, or no JSON at
    all is still success: the call id comes from the body or from the ``Location`` header.
    Only a reply with neither raises ``InvalidResponseError``, which says the call was placed.
    """
    request = response.request
    location = response.headers.get("location")
    try:
        data = json.loads(response.content) if response.content else {}
    except ValueError as exc:
        problem: str | None = (
            f"the body is not valid JSON ({exc}); the reply may have been truncated"
        )
        data = {}
    else:
        problem = None if isinstance(data, dict) else f"the body is a JSON {type(data).__name__}"
        data = data if isinstance(data, dict) else {}
    if location:
        data.setdefault("callUrl", location)
        if not data.get("callId"):
            tail = unquote(urlsplit(location).path.rstrip("/").rsplit("/", 1)[-1])
            if tail.startswith("c-"):
                data["callId"] = tail
    try:
        result = CreateCallResponse.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors(include_input=False, include_url=False)
        )
        problem = f"{problem}; {problems}" if problem else problems
        result = None
    if result is None or not result.call_id:
        raise InvalidResponseError(
            f"{request.method} {request.url}: HTTP {response.status_code}: the call was placed "
            f"but its id cannot be read ({problem or 'no callId and no Location'}); do not "
            "create it again: find it with list_calls(to=..., from_=...)",
            status_code=response.status_code,
            method=request.method,
            url=str(request.url),
            response=response,
        )
    if problem:
        logger.warning(
            "%s %s: %s; read the call id %s", request.method, request.url, problem, result.call_id
        )
    result._location = location
    return result


# --------------------------------------------------------------------------- pagination


def _link_pages(
    model: type[M], what: str, op_name: str
) -> Callable[[httpx.Response, PageTrail], tuple[list[M], Next]]:
    """Pages linked by ``Link: <url>; rel="next"`` (listCalls, listConferences)."""
    read = read_list(model, what)

    def read_page(response: httpx.Response, trail: PageTrail) -> tuple[list[M], Next]:
        def next_page() -> Operation | None:
            target = trail.follow(response, response.links.get("next", {}).get("url"))
            return None if target is None else Operation(op_name, "GET", target, frozenset({200}))

        return read(response), next_page

    return read_page


def _message_pages(
    response: httpx.Response, trail: PageTrail
) -> tuple[list[ListMessageItem], Next]:
    """Messages: ``pageInfo.nextPageToken`` goes back as the ``pageToken`` query parameter."""
    page = read_model(MessagesList, "a MessagesList")(response)
    token = page.page_info.next_page_token if page.page_info else None

    def next_page() -> Operation | None:
        if not token or not page.messages:
            return None
        url = httpx.URL(str(response.request.url))
        target = trail.follow(response, str(url.copy_set_param("pageToken", token)))
        return (
            None if target is None else Operation("list_messages", "GET", target, frozenset({200}))
        )

    return page.messages, next_page


def _media_pages(response: httpx.Response, trail: PageTrail) -> tuple[list[Media], Next]:
    """Media: a ``Continuation-Token`` response header goes back as a request header."""
    items = read_list(Media, "media")(response)
    token = response.headers.get("continuation-token")

    def next_page() -> Operation | None:
        if not token:
            return None
        trail.follow_token(response, token, "Continuation-Token")
        return Operation(
            "list_media",
            "GET",
            str(response.request.url),
            frozenset({200}),
            headers={"Continuation-Token": token},
        )

    return items, next_page


# --------------------------------------------------------------------------- builders


def _model(cls: type[M], given: M | None, fields: Mapping[str, Any], method: str) -> M:
    if given is not None:
        if fields:
            raise TypeError(f"{method}() takes a {cls.__name__} or keyword fields, not both")
        if not isinstance(given, cls):
            raise TypeError(f"{method}() expects a {cls.__name__}, not {type(given).__name__}")
        return given
    return cls.model_validate(dict(fields))


def _listing(urls: Urls, op: Operation, read_page: Any, api: Api) -> Listing[Any]:
    return Listing(op, read_page, urls.root(api))


# calls -------------------------------------------------------------------------------------


def list_calls(urls: Urls, filters: Mapping[str, Any]) -> Listing[CallState]:
    query = ListCallsQuery.model_validate(dict(filters))
    op = operation(urls, "listCalls", params=query.params())
    return _listing(urls, op, _link_pages(CallState, "callState", "list_calls"), "voice")


def create_call(
    urls: Urls, request: CreateCall | None, fields: Mapping[str, Any]
) -> Plan[CreateCallResponse]:
    body = _model(CreateCall, request, fields, "create_call")
    return Plan(operation(urls, "createCall", body=body), created_call)


def get_call_state(urls: Urls, call_id: str) -> Plan[CallState]:
    op = operation(urls, "getCallState", {"callId": call_id})
    return Plan(op, read_model(CallState, "a callState"))


def update_call(
    urls: Urls, call_id: str, request: UpdateCall | None, fields: Mapping[str, Any]
) -> Plan[None]:
    body = _model(UpdateCall, request, fields, "update_call")
    return Plan(operation(urls, "updateCall", {"callId": call_id}, body=body), read_nothing)


def update_call_bxml(urls: Urls, call_id: str, document: Any) -> Plan[None]:
    from bxmlkit.client._bxml import bxml_body

    op = operation(
        urls,
        "updateCallBxml",
        {"callId": call_id},
        content=bxml_body(document, "update_call_bxml"),
        content_type="application/xml; charset=utf-8",
    )
    return Plan(op, read_nothing)


# conferences -------------------------------------------------------------------------------


def list_conferences(urls: Urls, filters: Mapping[str, Any]) -> Listing[Conference]:
    query = ListConferencesQuery.model_validate(dict(filters))
    op = operation(urls, "listConferences", params=query.params())
    return _listing(urls, op, _link_pages(Conference, "conference", "list_conferences"), "voice")


def get_conference(urls: Urls, conference_id: str) -> Plan[Conference]:
    op = operation(urls, "getConference", {"conferenceId": conference_id})
    return Plan(op, read_model(Conference, "a conference"))


def update_conference(
    urls: Urls, conference_id: str, request: UpdateConference | None, fields: Mapping[str, Any]
) -> Plan[None]:
    body = _model(UpdateConference, request, fields, "update_conference")
    op = operation(urls, "updateConference", {"conferenceId": conference_id}, body=body)
    return Plan(op, read_nothing)


def update_conference_bxml(urls: Urls, conference_id: str, document: Any) -> Plan[None]:
    from bxmlkit.client._bxml import bxml_body

    op = operation(
        urls,
        "updateConferenceBxml",
        {"conferenceId": conference_id},
        content=bxml_body(document, "update_conference_bxml", "conference"),
        content_type="application/xml; charset=utf-8",
    )
    return Plan(op, read_nothing)


def get_conference_member(urls: Urls, conference_id: str, member_id: str) -> Plan[ConferenceMember]:
    ids = {"conferenceId": conference_id, "memberId": member_id}
    op = operation(urls, "getConferenceMember", ids)
    return Plan(op, read_model(ConferenceMember, "a conferenceMember"))


def update_conference_member(
    urls: Urls,
    conference_id: str,
    member_id: str,
    request: UpdateConferenceMember | None,
    fields: Mapping[str, Any],
) -> Plan[None]:
    body = _model(UpdateConferenceMember, request, fields, "update_conference_member")
    ids = {"conferenceId": conference_id, "memberId": member_id}
    return Plan(operation(urls, "updateConferenceMember", ids, body=body), read_nothing)


def list_conference_recordings(
    urls: Urls, conference_id: str
) -> Plan[list[ConferenceRecordingMetadata]]:
    op = operation(urls, "listConferenceRecordings", {"conferenceId": conference_id})
    return Plan(op, read_list(ConferenceRecordingMetadata, "conferenceRecordingMetadata"))


def get_conference_recording(
    urls: Urls, conference_id: str, recording_id: str
) -> Plan[ConferenceRecordingMetadata]:
    ids = {"conferenceId": conference_id, "recordingId": recording_id}
    op = operation(urls, "getConferenceRecording", ids)
    return Plan(op, read_model(ConferenceRecordingMetadata, "conferenceRecordingMetadata"))


def download_conference_recording(urls: Urls, conference_id: str, recording_id: str) -> Download:
    ids = {"conferenceId": conference_id, "recordingId": recording_id}
    return Download(_media_op(urls, "downloadConferenceRecording", ids))


def _media_op(urls: Urls, op_id: str, ids: Mapping[str, str]) -> Operation:
    return operation(urls, op_id, ids, stream_response=True, headers={"Accept": "*/*"})


# recordings --------------------------------------------------------------------------------


def list_account_call_recordings(
    urls: Urls, filters: Mapping[str, Any]
) -> Plan[list[CallRecordingMetadata]]:
    query = ListAccountCallRecordingsQuery.model_validate(dict(filters))
    op = operation(urls, "listAccountCallRecordings", params=query.params())
    return Plan(op, read_list(CallRecordingMetadata, "callRecordingMetadata"))


def update_call_recording_state(urls: Urls, call_id: str, state: str) -> Plan[None]:
    body = UpdateCallRecording.model_validate({"state": state})
    op = operation(urls, "updateCallRecordingState", {"callId": call_id}, body=body)
    return Plan(op, read_nothing)


def list_call_recordings(urls: Urls, call_id: str) -> Plan[list[CallRecordingMetadata]]:
    op = operation(urls, "listCallRecordings", {"callId": call_id})
    return Plan(op, read_list(CallRecordingMetadata, "callRecordingMetadata"))


def _rec(call_id: str, recording_id: str) -> dict[str, str]:
    return {"callId": call_id, "recordingId": recording_id}


def get_call_recording(urls: Urls, call_id: str, recording_id: str) -> Plan[CallRecordingMetadata]:
    op = operation(urls, "getCallRecording", _rec(call_id, recording_id))
    return Plan(op, read_model(CallRecordingMetadata, "callRecordingMetadata"))


def delete_recording(urls: Urls, call_id: str, recording_id: str) -> Plan[None]:
    return Plan(operation(urls, "deleteRecording", _rec(call_id, recording_id)), read_nothing)


def download_call_recording(urls: Urls, call_id: str, recording_id: str) -> Download:
    return Download(_media_op(urls, "downloadCallRecording", _rec(call_id, recording_id)))


def delete_recording_media(urls: Urls, call_id: str, recording_id: str) -> Plan[None]:
    op = operation(urls, "deleteRecordingMedia", _rec(call_id, recording_id))
    return Plan(op, read_nothing)


def get_recording_transcription(
    urls: Urls, call_id: str, recording_id: str
) -> Plan[RecordingTranscriptions]:
    op = operation(urls, "getRecordingTranscription", _rec(call_id, recording_id))
    return Plan(op, read_model(RecordingTranscriptions, "recordingTranscriptions"))


def transcribe_call_recording(
    urls: Urls,
    call_id: str,
    recording_id: str,
    request: TranscribeRecording | None,
    fields: Mapping[str, Any],
) -> Plan[None]:
    body = _model(TranscribeRecording, request, fields, "transcribe_call_recording")
    op = operation(urls, "transcribeCallRecording", _rec(call_id, recording_id), body=body)
    return Plan(op, read_nothing)


def delete_recording_transcription(urls: Urls, call_id: str, recording_id: str) -> Plan[None]:
    op = operation(urls, "deleteRecordingTranscription", _rec(call_id, recording_id))
    return Plan(op, read_nothing)


# statistics and real-time transcriptions ---------------------------------------------------


def get_statistics(urls: Urls) -> Plan[AccountStatistics]:
    return Plan(
        operation(urls, "getStatistics"), read_model(AccountStatistics, "accountStatistics")
    )


def list_real_time_transcriptions(
    urls: Urls, call_id: str
) -> Plan[list[CallTranscriptionMetadata]]:
    op = operation(urls, "listRealTimeTranscriptions", {"callId": call_id})
    return Plan(op, read_list(CallTranscriptionMetadata, "callTranscriptionMetadata"))


def get_real_time_transcription(
    urls: Urls, call_id: str, transcription_id: str
) -> Plan[CallTranscriptionResponse]:
    ids = {"callId": call_id, "transcriptionId": transcription_id}
    op = operation(urls, "getRealTimeTranscription", ids)
    return Plan(op, read_model(CallTranscriptionResponse, "callTranscriptionResponse"))


def delete_real_time_transcription(urls: Urls, call_id: str, transcription_id: str) -> Plan[None]:
    ids = {"callId": call_id, "transcriptionId": transcription_id}
    return Plan(operation(urls, "deleteRealTimeTranscription", ids), read_nothing)


# messaging ---------------------------------------------------------------------------------


def create_message(
    urls: Urls, request: MessageRequest | None, fields: Mapping[str, Any]
) -> Plan[Message]:
    body = _model(MessageRequest, request, fields, "create_message")
    read = read_model(Message, "a message", frozenset({202}))
    return Plan(operation(urls, "createMessage", body=body), read)


def list_messages(urls: Urls, filters: Mapping[str, Any]) -> Listing[ListMessageItem]:
    query = ListMessagesQuery.model_validate(dict(filters))
    op = operation(urls, "listMessages", params=query.params())
    return _listing(urls, op, _message_pages, "messaging")


def list_media(urls: Urls) -> Listing[Media]:
    return _listing(urls, operation(urls, "listMedia"), _media_pages, "messaging")


def get_media(urls: Urls, media_id: str) -> Download:
    return Download(_media_op(urls, "getMedia", {"mediaId": media_id}))


#: What an upload takes: bytes, a path, or an open binary file (read in chunks).
UploadSource = bytes | bytearray | memoryview | str | os.PathLike[str] | IO[bytes]

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Upload:
    """A request body read in chunks; ``replayable`` when it can be read again for a retry."""

    open_chunks: Callable[[], Iterator[bytes]]
    length: int | None
    replayable: bool


def upload_source(content: UploadSource, method: str) -> tuple[Upload | bytes, str | None]:
    """The body of an upload and the media type its file name suggests (None if unknown)."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        return bytes(content), None
    if isinstance(content, (str, os.PathLike)):
        path = Path(content)
        if not path.is_file():
            raise FileNotFoundError(
                f"{method}(): {str(path)!r} is not a file; to upload text or data in memory "
                "pass bytes (e.g. text.encode())"
            )
        size = path.stat().st_size

        def from_path() -> Iterator[bytes]:
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    yield chunk

        return Upload(from_path, size, True), mimetypes.guess_type(path.name)[0]
    if hasattr(content, "read"):
        handle = content
        seekable = bool(getattr(handle, "seekable", lambda: False)())
        start = handle.tell() if seekable else 0
        length: int | None = None
        if seekable:
            end = handle.seek(0, os.SEEK_END)
            handle.seek(start)
            length = end - start

        def from_file() -> Iterator[bytes]:
            if seekable:
                handle.seek(start)
            while chunk := handle.read(CHUNK):
                if not isinstance(chunk, bytes):
                    raise TypeError(f"{method}() needs a file opened in binary mode ('rb')")
                yield chunk

        name = getattr(handle, "name", None)
        guessed = mimetypes.guess_type(name)[0] if isinstance(name, str) else None
        return Upload(from_file, length, seekable), guessed
    raise TypeError(
        f"{method}() takes bytes, a path or a binary file, not {type(content).__name__}"
    )


def upload_media(
    urls: Urls,
    media_id: str,
    content: UploadSource,
    content_type: str | None,
    cache_control: str | None,
) -> Plan[None]:
    body, guessed = upload_source(content, "upload_media")
    headers = {"Cache-Control": cache_control} if cache_control else {}
    kind = content_type or guessed or "application/octet-stream"
    if isinstance(body, bytes):
        op = operation(
            urls, "uploadMedia", {"mediaId": media_id}, content=body, content_type=kind,
            headers=headers,
        )  # fmt: skip
    else:
        if body.length is not None:
            headers["Content-Length"] = str(body.length)
        op = operation(
            urls,
            "uploadMedia",
            {"mediaId": media_id},
            upload=body,
            content_type=kind,
            headers=headers,
            # An upload overwrites the same name, so it is safe to repeat if it can be re-read.
            idempotent=body.replayable,
        )
    return Plan(op, read_nothing)


def delete_media(urls: Urls, media_id: str) -> Plan[None]:
    return Plan(operation(urls, "deleteMedia", {"mediaId": media_id}), read_nothing)


@contextmanager
def open_destination(to: Destination, path: Path | None) -> Iterator[IO[bytes]]:
    """Where a download writes: ``to`` itself (a binary file), or a temporary file beside
    ``path`` that replaces it only once the download is complete (no half-written file)."""
    if path is None:
        yield to  # type: ignore[misc]
        return
    partial = path.with_name(f".{path.name}.part")
    try:
        with partial.open("wb") as out:
            yield out
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
