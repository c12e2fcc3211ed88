"""The Voice API: calls (``client.calls``).

Each method is written once as a pair: a builder that turns arguments into an
:class:`~bxmlkit.client._engine.Operation` (all checking happens there, before anything is
sent) and a reader that turns the response into a model.  The sync and async classes only
glue the two to their engine, so conferences and recordings can be added the same way.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, unquote, urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from bxmlkit.client._engine import AsyncEngine, Operation, SyncEngine, json_operation
from bxmlkit.client._paging import PageTrail
from bxmlkit.client.errors import InvalidResponseError
from bxmlkit.client.models import (
    CallState,
    CreateCall,
    CreateCallResponse,
    ListCallsQuery,
    UpdateCall,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from bxmlkit.client._fields import CreateCallFields, ListCallsFields, UpdateCallFields
    from bxmlkit.models import Bxml

__all__ = ["AsyncCallsApi", "CallsApi", "bxml_body", "created_call"]

logger = logging.getLogger("bxmlkit.client")

M = TypeVar("M", bound=BaseModel)


def segment(value: str, name: str) -> str:
    """One URL path segment, percent-encoded; an empty id is refused before sending."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, not {value!r}")
    return quote(value, safe="")


def decode(response: httpx.Response, model: type[M], what: str) -> M:
    """Read a JSON body into ``model``; anything else is an InvalidResponseError."""
    request = response.request
    where = f"{request.method} {request.url}"
    try:
        data = json.loads(response.content)
    except ValueError as exc:
        raise InvalidResponseError(
            f"{where}: HTTP {response.status_code} but the body is not valid JSON ({exc}); "
            f"expected {what}; the reply may have been truncated",
            status_code=response.status_code,
            method=request.method,
            url=str(request.url),
            response=response,
        ) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors(include_input=False, include_url=False)
        )
        raise InvalidResponseError(
            f"{where}: HTTP {response.status_code} but the body is not {what}: {problems}",
            status_code=response.status_code,
            method=request.method,
            url=str(request.url),
            response=response,
        ) from exc


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


def _model(cls: type[M], given: M | None, fields: Mapping[str, Any], method: str) -> M:
    if given is not None:
        if fields:
            raise TypeError(f"{method}() takes a {cls.__name__} or keyword fields, not both")
        if not isinstance(given, cls):
            raise TypeError(f"{method}() expects a {cls.__name__}, not {type(given).__name__}")
        return given
    return cls.model_validate(dict(fields))


class _CallsBase:
    """Builders and readers shared by :class:`CallsApi` and :class:`AsyncCallsApi`."""

    def __init__(self, base_url: str, account_id: str) -> None:
        self._base = base_url
        self._account = account_id
        self._calls_url = f"{base_url}/accounts/{segment(account_id, 'account_id')}/calls"

    def _call_url(self, call_id: str) -> str:
        return f"{self._calls_url}/{segment(call_id, 'call_id')}"

    # create_call ---------------------------------------------------------------------------
    def _create_op(self, request: CreateCall | None, fields: Mapping[str, Any]) -> Operation:
        body = _model(CreateCall, request, fields, "create_call")
        return json_operation(
            "create_call",
            "POST",
            self._calls_url,
            expected=frozenset({201}),
            wire=body.wire(),
            recorded=body.recorded(),
        )

    @staticmethod
    def _created(response: httpx.Response) -> CreateCallResponse:
        return created_call(response)

    # get_call ------------------------------------------------------------------------------
    def _get_op(self, call_id: str) -> Operation:
        return Operation("get_call", "GET", self._call_url(call_id), frozenset({200}))

    @staticmethod
    def _state(response: httpx.Response) -> CallState:
        return decode(response, CallState, "a callState")

    # list_calls ----------------------------------------------------------------------------
    def _list_op(self, query: ListCallsQuery) -> Operation:
        return Operation(
            "list_calls", "GET", self._calls_url, frozenset({200}), params=query.params()
        )

    def _page(self, response: httpx.Response) -> tuple[list[CallState], str | None]:
        request = response.request
        where = f"{request.method} {request.url}"
        try:
            data = json.loads(response.content)
        except ValueError as exc:
            raise InvalidResponseError(
                f"{where}: HTTP 200 but the body is not valid JSON ({exc}); expected an "
                "array of callState; the reply may have been truncated",
                status_code=response.status_code,
                method=request.method,
                url=str(request.url),
                response=response,
            ) from exc
        if not isinstance(data, list):
            raise InvalidResponseError(
                f"{where}: expected a JSON array of callState, got {type(data).__name__}",
                status_code=response.status_code,
                method=request.method,
                url=str(request.url),
                response=response,
            )
        calls: list[CallState] = []
        for index, item in enumerate(data):
            try:
                calls.append(CallState.model_validate(item))
            except ValidationError as exc:
                raise InvalidResponseError(
                    f"{where}: item {index} is not a callState: "
                    + "; ".join(e["msg"] for e in exc.errors(include_input=False)),
                    status_code=response.status_code,
                    method=request.method,
                    url=str(request.url),
                    response=response,
                ) from exc
        return calls, response.links.get("next", {}).get("url")

    @staticmethod
    def _next(trail: PageTrail, response: httpx.Response, link: str | None) -> Operation | None:
        target = trail.follow(response, link)
        return None if target is None else Operation("list_calls", "GET", target, frozenset({200}))

    # update_call / hangup ------------------------------------------------------------------
    def _update_op(
        self, call_id: str, request: UpdateCall | None, fields: Mapping[str, Any]
    ) -> Operation:
        url = self._call_url(call_id)
        body = _model(UpdateCall, request, fields, "update_call")
        return json_operation(
            "update_call",
            "POST",
            url,
            expected=frozenset({200}),
            wire=body.wire(),
            recorded=body.recorded(),
        )

    # update_call_bxml ----------------------------------------------------------------------
    def _bxml_op(self, call_id: str, document: Bxml | str | bytes) -> Operation:
        url = self._call_url(call_id) + "/bxml"
        return Operation(
            "update_call_bxml",
            "PUT",
            url,
            frozenset({204}),
            content=bxml_body(document, "update_call_bxml"),
            content_type="application/xml; charset=utf-8",
            # A second PUT restarts the document (audio replays, a Transfer dials again).
            idempotent=False,
        )


#: The largest BXML document Bandwidth executes (reference: bxml-v2.json general).
MAX_BXML_BYTES = 65536


def bxml_body(document: Bxml | str | bytes, method: str) -> bytes:
    """Check a document for a live call (or conference) and return the bytes to PUT.

    Accepts a ``Bxml`` model, or text/bytes that must parse as a ``<Bxml>`` document.  A
    ``<Response>`` (the root for webhook replies, not for this endpoint), an invalid document
    or one over 64 KB is refused with a ``BxmlParseError`` before anything is sent.
    """
    from bxmlkit.codec import from_xml, to_xml
    from bxmlkit.errors import BxmlStructureError, XmlLimitError
    from bxmlkit.models import Bxml, Response

    if isinstance(document, (str, bytes)):
        source = "<string>" if isinstance(document, str) else "<bytes>"
        model = from_xml(document)
    elif isinstance(document, (Bxml, Response)):
        source = "<model>"
        model = document
    else:
        raise TypeError(
            f"{method}() expects a bxmlkit.models.Bxml, or BXML as str or bytes, "
            f"not {type(document).__name__}"
        )
    if not isinstance(model, Bxml):
        raise BxmlStructureError(
            f"{method}() needs a <Bxml> document; <Response> is the root for webhook replies",
            source=source,
            line=1 if source != "<model>" else 0,
            path="/Response",
            expected="Bxml",
            actual="Response",
            hint="wrap the same verbs in Bxml(...) instead of Response(...)",
        )
    body = to_xml(model)
    if len(body) > MAX_BXML_BYTES:
        raise XmlLimitError(
            f"{method}() document is {len(body)} bytes; Bandwidth executes at most 64 KB "
            f"({MAX_BXML_BYTES} bytes)",
            source=source,
            expected=f"at most {MAX_BXML_BYTES} bytes",
            actual=f"{len(body)} bytes",
            hint="split the work across several documents (e.g. with <Redirect>)",
        )
    return body


class CallsApi(_CallsBase):
    """``client.calls``: create, read, list, redirect, hang up and re-script calls."""

    def __init__(self, engine: SyncEngine, base_url: str, account_id: str) -> None:
        super().__init__(base_url, account_id)
        self._engine = engine

    def create_call(
        self, request: CreateCall | None = None, /, **fields: Unpack[CreateCallFields]
    ) -> CreateCallResponse:
        """Place an outbound call (201); the result keeps the ``Location`` as ``.location``.

        Pass a :class:`CreateCall` or its fields as keywords.  Never retried once the server
        may have received it (a second call could ring).
        """
        return self._created(self._engine.run(self._create_op(request, fields)))

    def get_call(self, call_id: str) -> CallState:
        """The call's current state (near-realtime; kept 7 days after hang-up)."""
        return self._state(self._engine.run(self._get_op(call_id)))

    def list_calls(self, **filters: Unpack[ListCallsFields]) -> Iterator[CallState]:
        """Calls, oldest first, fetching the next page (``Link: rel="next"``) only when needed.

        Filters: ``to``, ``from_``, ``min_start_time``, ``max_start_time``,
        ``disconnect_cause``, ``page_size`` (1..10000, checked now, not at first iteration).
        """
        first = self._list_op(ListCallsQuery.model_validate(dict(filters)))
        return self._iterate(first)

    def _iterate(self, op: Operation | None) -> Iterator[CallState]:
        trail = PageTrail(self._base, self._engine.max_pages)
        while op is not None:
            trail.visit(op.url if not op.params else str(httpx.URL(op.url, params=op.params)))
            response = self._engine.run(op)
            calls, link = self._page(response)
            yield from calls
            op = self._next(trail, response, link)

    def update_call(
        self, call_id: str, request: UpdateCall | None = None, /, **fields: Unpack[UpdateCallFields]
    ) -> None:
        """Redirect the call (``redirect_url=...``) or hang up (``state="completed"``)."""
        self._engine.run(self._update_op(call_id, request, fields))

    def hangup(self, call_id: str) -> None:
        """Hang up an answered call, cancel an outbound one, or reject an inbound one."""
        self.update_call(call_id, state="completed")

    def update_call_bxml(self, call_id: str, document: Bxml | str | bytes) -> None:
        """Replace the live call's BXML with ``document`` (204).

        ``document`` is a ``Bxml`` model or BXML text; it is checked first: a ``<Response>``
        root or an invalid document raises ``BxmlParseError`` and nothing is sent.
        """
        self._engine.run(self._bxml_op(call_id, document))


class AsyncCallsApi(_CallsBase):
    """The async twin of :class:`CallsApi`: same methods, awaited."""

    def __init__(self, engine: AsyncEngine, base_url: str, account_id: str) -> None:
        super().__init__(base_url, account_id)
        self._engine = engine

    async def create_call(
        self, request: CreateCall | None = None, /, **fields: Unpack[CreateCallFields]
    ) -> CreateCallResponse:
        """See :meth:`CallsApi.create_call`."""
        return self._created(await self._engine.run(self._create_op(request, fields)))

    async def get_call(self, call_id: str) -> CallState:
        """See :meth:`CallsApi.get_call`."""
        return self._state(await self._engine.run(self._get_op(call_id)))

    def list_calls(self, **filters: Unpack[ListCallsFields]) -> AsyncIterator[CallState]:
        """See :meth:`CallsApi.list_calls`; use ``async for``."""
        first = self._list_op(ListCallsQuery.model_validate(dict(filters)))
        return self._iterate(first)

    async def _iterate(self, op: Operation | None) -> AsyncIterator[CallState]:
        trail = PageTrail(self._base, self._engine.max_pages)
        while op is not None:
            trail.visit(op.url if not op.params else str(httpx.URL(op.url, params=op.params)))
            response = await self._engine.run(op)
            calls, link = self._page(response)
            for call in calls:
                yield call
            op = self._next(trail, response, link)

    async def update_call(
        self, call_id: str, request: UpdateCall | None = None, /, **fields: Unpack[UpdateCallFields]
    ) -> None:
        """See :meth:`CallsApi.update_call`."""
        await self._engine.run(self._update_op(call_id, request, fields))

    async def hangup(self, call_id: str) -> None:
        """See :meth:`CallsApi.hangup`."""
        await self.update_call(call_id, state="completed")

    async def update_call_bxml(self, call_id: str, document: Bxml | str | bytes) -> None:
        """See :meth:`CallsApi.update_call_bxml`."""
        await self._engine.run(self._bxml_op(call_id, document))
