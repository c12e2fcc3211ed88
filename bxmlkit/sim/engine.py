"""The executor: runs a call's BXML verb by verb on the virtual clock, delivering webhooks.

Written once, as coroutines: with a synchronous transport nothing ever suspends, so
:func:`run_sync` drives it without an event loop; ``Simulator.acall`` awaits it for ASGI
apps.

Decisions where the reference is silent (Bandwidth's behaviour as far as it is documented,
else the most plausible reading, stated here so tests can pin it):

* A synchronous webhook answered with no body (HTTP 204), or with anything that is not a
  BXML document, ends the call with ``invalid-bxml`` -- except the events whose BXML is
  optional (conference events, referComplete), where no body means "nothing to run".
* A primary URL "fails" on an exception, no answer within ``callbackTimeout``, or an HTTP
  status outside 200-299; the fallback URL is tried once with the fallback credentials;
  if it fails too the call ends with ``callback-error``.  Asynchronous events are retried
  once at their own URL on a connection failure (no HTTP answer), never at a fallback.
* Lint errors in a reply (in its context: webhook, transfer-answer, conference) reject the
  document (``invalid-bxml``); lint warnings are reported and the document runs.
* A ``<Gather>`` with ``repeatCount`` > 1 replays its prompts only while no key is pressed;
  a ``press()`` without ``after`` comes after the prompts have played once.
* Disconnect causes: ``hangup`` (either side hung up, or the BXML ended), ``busy``,
  ``timeout`` (no answer, or the simulator's time cap), ``rejected``, ``invalid-bxml``,
  ``callback-error``.
* ``<Connect>`` endpoints cannot be reached offline and their status events are not in
  the reference: the verb is marked shallow and the call stays connected until the caller
  hangs up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit

from bxmlkit.sim.clock import Clock, Ids, iso_duration
from bxmlkit.sim.media import DEFAULT_AUDIO_SECONDS, speech, speech_seconds, wav_seconds
from bxmlkit.sim.payloads import payload
from bxmlkit.sim.result import CallResult, Delivery, FlowStep, Line, Problem
from bxmlkit.sim.script import Callee, Hangup, Press, Say, Silence, Step
from bxmlkit.sim.transport import Reply, Request, Transport

if TYPE_CHECKING:
    from bxmlkit.models import Bxml, Response

__all__ = ["Engine", "Settings", "run_sync"]

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never suspends (every transport it uses is synchronous)."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    coro.close()
    raise RuntimeError("a synchronous transport suspended; use 'await Simulator.acall()'")


@lru_cache(maxsize=1024)
def _lint(body: bytes, context: str) -> tuple[Any, ...]:
    from bxmlkit.lint import lint

    return tuple(lint(body, context=context))


def _expects_bxml(event_type: str) -> tuple[bool, bool]:
    from bxmlkit.callbacks import VOICE_EVENTS

    cls = VOICE_EVENTS[event_type]
    return cls.expects_bxml, cls.bxml_optional


@dataclass
class Settings:
    """Everything a call is run with (built by ``Simulator``)."""

    from_: str
    to: str
    direction: str
    first_url: str
    first_event: str
    fallback_url: str | None = None
    disconnect_url: str | None = None
    auth: tuple[str, str] | None = None
    fallback_auth: tuple[str, str] | None = None
    method: str = "POST"
    tag: str | None = None
    account_id: str = "9900000"
    seed: int = 0
    callback_timeout: float = 15.0
    media: dict[str, float] = field(default_factory=dict)
    latency: dict[str, float] = field(default_factory=dict)
    shuffle_async: bool = False
    max_webhooks: int = 200
    max_seconds: float = 4 * 3600.0
    loop_limit: int = 10
    stop_when_script_ends: bool = False


@dataclass
class Target:
    """Where a webhook goes: URL, method, credentials and the fallback."""

    url: str
    method: str = "POST"
    auth: tuple[str, str] | None = None
    fallback_url: str | None = None
    fallback_method: str = "POST"
    fallback_auth: tuple[str, str] | None = None


class Ended(Exception):
    """The leg is over (``cause`` in Bandwidth's words)."""

    def __init__(self, cause: str, message: str = "") -> None:
        super().__init__(cause)
        self.cause = cause
        self.message = message


@dataclass
class Next:
    """A synchronous webhook a verb asks for; its reply BXML runs next."""

    event: str
    target: Target
    values: dict[str, Any]
    label: str
    context: str = "webhook"


@dataclass
class Leg:
    name: str
    call_id: str
    from_: str
    to: str
    direction: str
    script: list[Step]
    heard: list[str]
    start: float = 0.0
    answered: float | None = 0.0
    tag: str | None = None
    parent_call_id: str | None = None
    transfer_caller_id: str | None = None
    transfer_to: str | None = None
    pos: int = 0
    step_base: float = 0.0
    dtmf: Target | None = None
    recording: dict[str, Any] | None = None
    streams: dict[str, dict[str, Any]] = field(default_factory=dict)
    transcriptions: dict[str, dict[str, Any]] = field(default_factory=dict)
    conference: dict[str, Any] | None = None

    def current(self) -> Step | None:
        return self.script[self.pos] if self.pos < len(self.script) else None

    def consume(self, now: float) -> None:
        self.pos += 1
        self.step_base = now


def _elements(items: Sequence[Any]) -> list[Any]:
    """The elements of a child list, without the comments the codec keeps as content."""
    return [item for item in items if getattr(item, "xml_tag", None)]


def _auth(user: str | None, password: str | None) -> tuple[str, str] | None:
    return (user, password) if user is not None and password is not None else None


def _method(value: str | None) -> str:
    return (value or "POST").upper()


class Engine:
    """One simulated call."""

    def __init__(self, transport: Transport, settings: Settings, script: Sequence[Step]) -> None:
        self.transport = transport
        self.s = settings
        self.clock = Clock()
        self.ids = Ids(settings.seed)
        self.account = settings.account_id
        self.application_id = self.ids.uuid()
        call_id = self.ids.make("c")
        self.result = CallResult(call_id=call_id)
        self.caller = Leg(
            "caller",
            call_id,
            settings.from_,
            settings.to,
            settings.direction,
            list(script),
            self.result.heard,
            tag=settings.tag,
        )
        self.pending: list[tuple[Leg, str, Target, dict[str, Any]]] = []
        self.media_cache: dict[str, float] = {}
        self.history: list[tuple[Any, ...]] = []
        self.progress_pos = 0
        self.sync_count = 0

    # ------------------------------------------------------------------ transcript helpers

    def line(self, kind: str, text: str) -> None:
        self.result.lines.append(Line(round(self.clock.now, 3), kind, text))

    def problem(self, kind: str, message: str, **where: Any) -> Problem:
        problem = Problem(kind, message, time=round(self.clock.now, 3), **where)
        self.result.problems.append(problem)
        return problem

    def resolve(self, base: str, url: str) -> str:
        return urljoin(base, url)

    def show(self, url: str) -> str:
        """A URL as the transcript shows it: the path for the app's own origin."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" == self.transport.base:
            return parts.path + (f"?{parts.query}" if parts.query else "")
        return url

    # ------------------------------------------------------------------ the clock

    def advance(self, leg: Leg, seconds: float, *, presses: bool = True) -> None:
        """Let ``seconds`` pass on ``leg``; timed script steps fire on the way."""
        end = self.clock.now + max(0.0, seconds)
        while True:
            step = leg.current()
            if not isinstance(step, (Hangup, Press)) or step.after is None:
                break
            if isinstance(step, Press) and not presses:
                break
            fire = leg.step_base + step.after
            if fire > end:
                break
            self.clock.now = max(self.clock.now, fire)
            leg.consume(self.clock.now)
            if isinstance(step, Hangup):
                self.line("caller", f"{leg.name} hangs up")
                raise Ended("hangup")
            self.background_press(leg, step)
        self.clock.now = max(self.clock.now, end)
        if self.clock.now > self.s.max_seconds:
            self.problem(
                "cap", f"the call ran past the {self.s.max_seconds:g} s cap of virtual time"
            )
            raise Ended("timeout")

    def background_press(self, leg: Leg, step: Press) -> None:
        if leg.dtmf is None:
            self.problem(
                "script",
                f"'{step}' at {self.clock.now:.2f}s: nothing was listening for keys "
                "(no Gather, Record or StartGather)",
            )
            return
        self.line(leg.name, f"presses {step.digits} (StartGather)")
        for index, digit in enumerate(step.digits):
            self.notify(leg, "dtmf", leg.dtmf, {"digit": digit}, at=index * step.gap)

    # ------------------------------------------------------------------ payloads

    def values(self, leg: Leg, extra: dict[str, Any], at: float | None = None) -> dict[str, Any]:
        call_url = f"https://voice.bandwidth.com/api/v2/accounts/{self.account}/calls/{leg.call_id}"
        values: dict[str, Any] = {
            "eventTime": self.clock.stamp(at),
            "accountId": self.account,
            "applicationId": self.application_id,
            "from": leg.from_,
            "to": leg.to,
            "direction": leg.direction,
            "callId": leg.call_id,
            "callUrl": call_url,
            "startTime": self.clock.stamp(leg.start),
            "enqueuedTime": self.clock.stamp(leg.start) if leg.direction == "outbound" else None,
            "answerTime": None if leg.answered is None else self.clock.stamp(leg.answered),
            "tag": leg.tag,
            "parentCallId": leg.parent_call_id,
            "transferCallerId": leg.transfer_caller_id,
            "transferTo": leg.transfer_to,
        }
        values.update(extra)
        return values

    # ------------------------------------------------------------------ delivery

    async def send(
        self,
        leg: Leg,
        event_type: str,
        body: dict[str, Any],
        url: str,
        method: str,
        auth: tuple[str, str] | None,
        sync: bool,
        fallback: bool = False,
    ) -> tuple[Delivery, Reply]:
        timeout = self.s.callback_timeout
        reply = await self.transport.send(Request(method, url, body, auth, timeout))
        delay = self.s.latency.get(urlsplit(url).path, 0.0)
        if delay:
            self.clock.advance(min(delay, timeout))
            if delay > timeout:
                reply = Reply(
                    None, b"", "", f"no answer within {timeout:g} s (latency {delay:g} s)"
                )
        delivery = Delivery(
            method=method,
            url=url,
            status=reply.status,
            time=round(self.clock.now, 3),
            leg=leg.name,
            synchronous=sync,
            body=reply.body,
            fallback=fallback,
            payload=body,
        )
        self.result.webhooks.append(delivery)
        status = reply.error or f"HTTP {reply.status}"
        self.line(
            "webhook",
            f"{event_type} {method} {self.show(url)} -> {status}"
            + (" (fallback)" if fallback else ""),
        )
        if len(self.result.webhooks) > self.s.max_webhooks:
            self.problem("cap", f"more than {self.s.max_webhooks} webhooks in one call")
            raise Ended("timeout")
        return delivery, reply

    def failed(self, reply: Reply) -> str | None:
        if reply.error is not None:
            return reply.error
        if reply.status is None or not 200 <= reply.status < 300:
            return f"HTTP {reply.status}"
        return None

    def app_problem(self, delivery: Delivery, reply: Reply, why: str) -> None:
        if reply.where is not None:
            problem = self.problem(
                "app-error",
                f"{delivery.event_type} at {self.show(delivery.url)}: {why}",
                url=reply.where[0],
                line=reply.where[1],
            )
        else:
            problem = self.problem("app-error", f"{delivery.event_type}: {why}", url=delivery.url)
        delivery.problems.append(problem)

    def notify(
        self, leg: Leg, event_type: str, target: Target, extra: dict[str, Any], at: float = 0.0
    ) -> None:
        """Queue an asynchronous event (its reply is ignored)."""
        body = payload(event_type, self.values(leg, extra, self.clock.now + at))
        self.pending.append((leg, event_type, target, body))

    async def flush(self) -> None:
        batch, self.pending = self.pending, []
        if self.s.shuffle_async and len(batch) > 1:
            self.ids.shuffle(batch)  # type: ignore[arg-type]
        for leg, event_type, target, body in batch:
            delivery, reply = await self.send(
                leg, event_type, body, target.url, target.method, target.auth, False
            )
            if reply.status is None and reply.where is None:
                delivery, reply = await self.send(
                    leg, event_type, body, target.url, target.method, target.auth, False
                )
            why = self.failed(reply)
            if why is not None:
                self.app_problem(delivery, reply, why)

    async def hook(self, leg: Leg, nxt: Next) -> tuple[Response | Bxml | None, str]:
        """Deliver a synchronous event; return the reply document and its URL."""
        from bxmlkit.codec import from_xml
        from bxmlkit.errors import BxmlParseError

        await self.flush()
        self.check_loop(leg, nxt)
        _, optional = _expects_bxml(nxt.event)
        body = payload(nxt.event, self.values(leg, nxt.values))
        target = nxt.target
        delivery, reply = await self.send(
            leg, nxt.event, body, target.url, target.method, target.auth, True
        )
        url = target.url
        why = self.failed(reply)
        if why is not None and target.fallback_url:
            self.app_problem(delivery, reply, why) if reply.where else None
            url = target.fallback_url
            delivery, reply = await self.send(
                leg,
                nxt.event,
                body,
                url,
                target.fallback_method,
                target.fallback_auth,
                True,
                fallback=True,
            )
            why = self.failed(reply)
        if why is not None:
            if reply.where is not None:
                self.app_problem(delivery, reply, why)
            message = f"the {nxt.event} webhook at {self.show(url)} failed: {why}"
            delivery.problems.append(self.problem("callback-error", message, url=url))
            if leg is self.caller:
                self.result.flow.append(
                    FlowStep(
                        nxt.label,
                        f"{self.show(url)}#failed",
                        url,
                        len(self.result.heard),
                        [message],
                    )
                )
            raise Ended("callback-error", message)
        step = FlowStep(nxt.label, self.node(url, reply.body), url, len(self.result.heard))
        if leg is self.caller:
            self.result.flow.append(step)
        if not reply.body.strip():
            if optional:
                return None, url
            message = f"the reply to {nxt.event} has no BXML (HTTP {reply.status}, empty body)"
            delivery.problems.append(self.problem("invalid-bxml", message, url=url))
            step.problems.append(message)
            raise Ended("invalid-bxml", message)
        try:
            document = from_xml(reply.body)
        except BxmlParseError as exc:
            message = exc.message
            delivery.problems.append(
                self.problem("invalid-bxml", message, url=url, line=exc.line, column=exc.column)
            )
            step.problems.append(f"{exc.line}:{exc.column}: {message}")
            raise Ended("invalid-bxml", message) from None
        delivery.document = document
        rejected = False
        for diagnostic in _lint(reply.body, nxt.context):
            severity = str(diagnostic.severity)
            if severity == "info":
                continue
            kind = "invalid-bxml" if severity == "error" else "lint"
            rejected = rejected or severity == "error"
            delivery.problems.append(
                self.problem(
                    kind,
                    diagnostic.message,
                    url=url,
                    line=diagnostic.line,
                    column=diagnostic.column,
                    code=diagnostic.code,
                    severity=severity,
                )
            )
            step.problems.append(
                f"{diagnostic.line}:{diagnostic.column}: {diagnostic.code} {diagnostic.message}"
            )
        if rejected:
            raise Ended("invalid-bxml", f"the BXML from {self.show(url)} was rejected")
        return document, url

    def node(self, url: str, body: bytes) -> str:
        digest = hashlib.sha1(body).hexdigest()[:8]
        return f"{self.show(url)}#{digest}"

    def check_loop(self, leg: Leg, nxt: Next) -> None:
        if self.caller.pos != self.progress_pos:
            self.progress_pos = self.caller.pos
            self.history.clear()
        last = self.result.flow[-1].node if self.result.flow else ""
        signature = (
            leg.name,
            nxt.event,
            nxt.target.url,
            last,
            tuple(sorted((k, str(v)) for k, v in nxt.values.items())),
        )
        self.history.append(signature)
        count = self.history.count(signature)
        if count > self.s.loop_limit:
            first = self.history.index(signature)
            cycle = [f"{sig[1]} {self.show(sig[2])}" for sig in self.history[first:]]
            cycle = cycle[: len(cycle) // count + 1] if count else cycle
            self.problem(
                "loop",
                f"the call repeats without using a script step ({count} times): "
                + " -> ".join(cycle),
                url=nxt.target.url,
            )
            raise Ended("hangup", "loop")

    # ------------------------------------------------------------------ running documents

    async def run_flow(self, leg: Leg, nxt: Next, *, implicit_hangup: bool = True) -> None:
        """Deliver ``nxt`` and run the BXML that follows until the leg ends."""
        while True:
            document, url = await self.hook(leg, nxt)
            if document is None:
                if implicit_hangup:
                    raise Ended("hangup")
                return
            follow = await self.run_document(leg, document, url, nxt.context)
            if follow is None:
                if implicit_hangup:
                    self.line("bxml", "end of document: implicit <Hangup>")
                    raise Ended("hangup")
                return
            nxt = follow

    async def run_document(self, leg: Leg, document: Any, base: str, context: str) -> Next | None:
        for verb in _elements(document.verbs):
            tag = getattr(verb, "tag", None)
            if verb.xml_tag != "Tag" and isinstance(tag, str):
                leg.tag = tag.strip() or None
            handler: Callable[..., Any] = getattr(self, f"verb_{verb.xml_tag}")
            follow = await handler(leg, verb, base, context)
            if follow is not None:
                return follow  # type: ignore[no-any-return]
        return None

    def target(self, base: str, verb: Any, prefix: str) -> Target | None:
        url = getattr(verb, f"{prefix}_url", None)
        if not url:
            return None
        fallback = getattr(verb, f"{prefix}_fallback_url", None)
        return Target(
            url=self.resolve(base, url),
            method=_method(getattr(verb, f"{prefix}_method", None)),
            auth=_auth(getattr(verb, "username", None), getattr(verb, "password", None)),
            fallback_url=self.resolve(base, fallback) if fallback else None,
            fallback_method=_method(getattr(verb, f"{prefix}_fallback_method", None)),
            fallback_auth=_auth(
                getattr(verb, "fallback_username", None), getattr(verb, "fallback_password", None)
            ),
        )

    # ------------------------------------------------------------------ playing audio

    async def audio_seconds(self, url: str) -> tuple[float, str]:
        for key in (url,):
            if key in self.s.media:
                return self.s.media[key], ""
        if url in self.media_cache:
            return self.media_cache[url], ""
        data = await self.transport.fetch(url)
        seconds = wav_seconds(data) if data else None
        if seconds is None:
            self.media_cache[url] = DEFAULT_AUDIO_SECONDS
            return DEFAULT_AUDIO_SECONDS, f" (length unknown: {DEFAULT_AUDIO_SECONDS:g} s assumed)"
        self.media_cache[url] = seconds
        return seconds, ""

    async def prompt(self, leg: Leg, verb: Any, base: str) -> tuple[str, float, str, str]:
        """(what is heard, seconds, transcript kind, note) of a SpeakSentence/PlayAudio."""
        if verb.xml_tag == "SpeakSentence":
            text, seconds = speech(verb.content)
            return text, seconds, "speak", ""
        url = self.resolve(base, verb.url)
        seconds, note = await self.audio_seconds(url)
        if note and verb.url in self.s.media:
            seconds, note = self.s.media[verb.url], ""
        return verb.url, seconds, "play", note

    async def verb_SpeakSentence(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        text, seconds, kind, note = await self.prompt(leg, verb, base)
        self.hear(leg, kind, text, note)
        self.advance(leg, seconds)

    verb_PlayAudio = verb_SpeakSentence

    def hear(self, leg: Leg, kind: str, text: str, note: str = "") -> None:
        leg.heard.append(text)
        who = "" if leg.name == "caller" else f"({leg.name}) "
        self.line(kind, f"{who}{text!r}{note}" if kind == "speak" else f"{who}{text}{note}")

    async def verb_Pause(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        seconds = 1.0 if verb.duration is None else verb.duration
        self.line("pause", f"{seconds:g} s")
        self.advance(leg, seconds)

    async def verb_Ring(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        seconds = 5.0 if verb.duration is None else verb.duration
        self.line("ring", f"{seconds:g} s")
        self.advance(leg, seconds)

    async def verb_SendDtmf(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        tone = (200.0 if verb.tone_duration is None else verb.tone_duration) / 1000
        gap = (400.0 if verb.tone_interval is None else verb.tone_interval) / 1000
        seconds = 0.0
        for char in verb.digits:
            if char in ",w":
                seconds += 0.5
            elif char == "W":
                seconds += 1.0
            else:
                seconds += tone + gap
        self.line("send-dtmf", f"{verb.digits} ({seconds:g} s)")
        self.advance(leg, seconds)

    async def verb_Tag(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        value = (verb.value or "").strip()
        leg.tag = value or None
        self.line("tag", f"set to {value!r}" if value else "cleared")

    async def verb_Hangup(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        self.line("bxml", "<Hangup>")
        raise Ended("hangup")

    async def verb_Redirect(self, leg: Leg, verb: Any, base: str, context: str) -> Next:
        target = self.target(base, verb, "redirect")
        assert target is not None  # redirectUrl is required by the model
        return Next("redirect", target, {}, "redirect", context)

    # ------------------------------------------------------------------ input: Gather

    async def verb_Gather(self, leg: Leg, verb: Any, base: str, context: str) -> Next | None:
        prompts = [await self.prompt(leg, p, base) for p in _elements(verb.prompts)]
        once = sum(p[1] for p in prompts)
        repeat = verb.repeat_count or 1
        first = 5.0 if verb.first_digit_timeout is None else verb.first_digit_timeout
        inter = 5.0 if verb.inter_digit_timeout is None else verb.inter_digit_timeout
        most = verb.max_digits or 50
        terminators = verb.terminating_digits or ""
        speech_input = (verb.input or "dtmf") in ("speech", "dtmf_speech")
        dtmf_input = (verb.input or "dtmf") in ("dtmf", "dtmf_speech")
        start = self.clock.now
        schedule = [
            (i * once + sum(p[1] for p in prompts[:j]), p)
            for i in range(repeat)
            for j, p in enumerate(prompts)
        ]
        all_prompts = once * repeat
        self.line(
            "gather",
            f"listening: maxDigits={most}, terminatingDigits={terminators!r}, "
            f"firstDigitTimeout={first:g}, interDigitTimeout={inter:g}"
            + (f", repeatCount={repeat}" if repeat > 1 else "")
            + ("" if verb.input in (None, "dtmf") else f", input={verb.input}"),
        )

        async def play_until(limit: float) -> None:
            for offset, (text, _seconds, kind, note) in schedule:
                if offset >= limit:
                    break
                self.advance(leg, start + offset - self.clock.now, presses=False)
                self.hear(leg, kind, text, note)
            self.advance(leg, start + limit - self.clock.now, presses=False)

        step = leg.current()
        digits = ""
        terminator: str | None = None
        transcript: str | None = None
        if isinstance(step, Press) and dtmf_input:
            at = once if step.after is None else max(0.0, leg.step_base + step.after - start)
            if at > all_prompts + first:
                await play_until(all_prompts + first)
                self.line("gather", "timed out before the key press")
            else:
                await play_until(at)
                leg.consume(self.clock.now)
                left = ""
                elapsed = 0.0
                for index, key in enumerate(step.digits):
                    if index:
                        if step.gap > inter:
                            left = step.digits[index:]
                            elapsed += inter
                            break
                        elapsed += step.gap
                    if key in terminators:
                        terminator = key
                        left = step.digits[index + 1 :]
                        break
                    digits += key
                    if len(digits) >= most:
                        left = step.digits[index + 1 :]
                        break
                else:
                    elapsed += inter
                self.line(leg.name, f"presses {step.digits}")
                self.advance(leg, elapsed, presses=False)
                if left:
                    self.problem(
                        "script",
                        f"keys {left!r} of '{step}' came after the Gather "
                        f"had ended (it took {digits!r})",
                    )
        elif isinstance(step, Say) and speech_input:
            at = once if step.after is None else max(0.0, leg.step_base + step.after - start)
            await play_until(min(at, all_prompts))
            leg.consume(self.clock.now)
            self.line(leg.name, f"says {step.text!r}")
            self.advance(leg, speech_seconds(step.text), presses=False)
            transcript = step.text
            if verb.partial_result_callback:
                partial = Target(
                    self.resolve(base, verb.partial_result_callback),
                    _method(verb.partial_result_callback_method),
                )
                self.notify(leg, "partialgather", partial, {})
        elif isinstance(step, Hangup) and step.after is None:
            await play_until(once)
            leg.consume(self.clock.now)
            self.line("caller", f"{leg.name} hangs up")
            raise Ended("hangup")
        else:
            if step is None and self.s.stop_when_script_ends and leg.name == "caller":
                self.result.waiting = "gather"
                await play_until(all_prompts)
                raise Ended("hangup", "script ended")
            if isinstance(step, (Silence, Say, Press)):
                if not isinstance(step, Silence):
                    self.problem(
                        "script",
                        f"'{step}' does not fit this Gather "
                        f"(input={verb.input or 'dtmf'}); the caller stays silent",
                    )
                leg.consume(self.clock.now)
            await play_until(all_prompts + first)
        outcome = f"digits {digits!r}" if digits or terminator else "timeout (no input)"
        if transcript is not None:
            outcome = f"speech {transcript!r}"
        if terminator:
            outcome += f", terminated by {terminator}"
        target = self.target(base, verb, "gather")
        if target is None:
            self.line("gather", f"{outcome}; no gatherUrl: execution continues")
            return None
        self.line("gather", outcome)
        values: dict[str, Any] = {"digits": digits, "terminatingDigit": terminator}
        if transcript is not None:
            values.update(transcript=transcript, confidence=1.0)
        label = f"gather {digits}{terminator or ''}" if digits or terminator else "gather timeout"
        if transcript is not None:
            label = f"gather say {transcript!r}"
        return Next("gather", target, values, label, context)

    async def verb_StartGather(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        leg.dtmf = Target(
            self.resolve(base, verb.dtmf_url),
            _method(verb.dtmf_method),
            _auth(verb.username, verb.password),
        )
        self.line("bxml", f"<StartGather>: keys go to {self.show(leg.dtmf.url)}")
        step = leg.current()
        if isinstance(step, Press) and step.after is None:
            leg.consume(self.clock.now)
            self.background_press(leg, step)

    async def verb_StopGather(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        leg.dtmf = None
        self.line("bxml", "<StopGather>")

    # ------------------------------------------------------------------ Record

    async def verb_Record(self, leg: Leg, verb: Any, base: str, context: str) -> Next | None:
        terminators = "#" if verb.terminating_digits is None else verb.terminating_digits
        most = 60.0 if verb.max_duration is None else float(verb.max_duration)
        quiet = 0.0 if verb.silence_timeout is None else verb.silence_timeout
        start = self.clock.now
        self.line(
            "record",
            f"recording: maxDuration={most:g}, silenceTimeout={quiet:g}, "
            f"terminatingDigits={terminators!r}",
        )
        said: list[str] = []
        hung_up = False
        reason = ""
        while not reason:
            step = leg.current()
            used = self.clock.now - start
            if isinstance(step, Say):
                leg.consume(self.clock.now)
                said.append(step.text)
                self.line(leg.name, f"says {step.text!r}")
                self.advance(leg, min(speech_seconds(step.text), most - used), presses=False)
                if self.clock.now - start >= most:
                    reason = "maxDuration"
            elif isinstance(step, Press):
                leg.consume(self.clock.now)
                self.line(leg.name, f"presses {step.digits}")
                if any(k in terminators for k in step.digits):
                    reason = "terminating digit"
                self.advance(leg, min(step.gap, most - used), presses=False)
            elif isinstance(step, Hangup) and step.after is None:
                leg.consume(self.clock.now)
                self.line("caller", f"{leg.name} hangs up")
                hung_up = True
                reason = "hangup"
            else:
                if isinstance(step, Silence):
                    leg.consume(self.clock.now)
                wait = min(quiet, most - used) if quiet > 0 else most - used
                try:
                    self.advance(leg, wait)
                except Ended:
                    hung_up = True
                    reason = "hangup"
                    break
                reason = "silenceTimeout" if quiet > 0 and wait == quiet else "maxDuration"
        seconds = self.clock.now - start
        self.line("record", f"ended by {reason} after {seconds:g} s")
        recording_id = self.ids.make("r")
        media_url = (
            f"https://voice.bandwidth.com/api/v2/accounts/{self.account}/calls/"
            f"{leg.call_id}/recordings/{recording_id}/media"
        )
        values = {
            "recordingId": recording_id,
            "mediaUrl": media_url,
            "startTime": self.clock.stamp(start),
            "endTime": self.clock.stamp(),
            "duration": iso_duration(seconds),
            "fileFormat": verb.file_format or "wav",
            "channels": 1,
        }
        self.recording_events(leg, base, verb, values, " ".join(said))
        if hung_up:
            raise Ended("hangup")
        target = self.target(base, verb, "record_complete")
        if target is None:
            return None
        return Next("recordingComplete", target, values, "recordComplete", context)

    def recording_events(
        self, leg: Leg, base: str, verb: Any, values: dict[str, Any], words: str
    ) -> None:
        auth = _auth(verb.username, verb.password)
        if verb.recording_available_url:
            target = Target(
                self.resolve(base, verb.recording_available_url),
                _method(verb.recording_available_method),
                auth,
            )
            self.notify(leg, "recordingAvailable", target, {**values, "status": "complete"})
        if verb.transcribe and verb.transcription_available_url:
            target = Target(
                self.resolve(base, verb.transcription_available_url),
                _method(verb.transcription_available_method),
                auth,
            )
            text = {"text": words, "confidence": 1.0 if words else 0.0}
            self.notify(leg, "transcriptionAvailable", target, {**values, "transcription": text})

    async def verb_StartRecording(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        if context == "conference" and leg.conference is not None:
            if leg.conference.get("recording") is None:
                leg.conference["recording"] = {"verb": verb, "base": base, "start": self.clock.now}
            self.line("record", "conference recording started")
            return
        if leg.recording is not None:
            self.line("record", "<StartRecording> ignored: a recording is already active")
            return
        leg.recording = {"verb": verb, "base": base, "start": self.clock.now}
        self.line("record", "recording started (background)")

    async def verb_StopRecording(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        if context == "conference" and leg.conference is not None:
            self.stop_conference_recording(leg)
            return
        self.stop_recording(leg)

    def stop_recording(self, leg: Leg) -> None:
        recording, leg.recording = leg.recording, None
        if recording is None:
            return
        paused = recording.get("paused", 0.0)
        if recording.get("paused_at") is not None:
            paused += self.clock.now - recording["paused_at"]
        seconds = self.clock.now - recording["start"] - paused
        verb = recording["verb"]
        recording_id = self.ids.make("r")
        values = {
            "recordingId": recording_id,
            "mediaUrl": (
                f"https://voice.bandwidth.com/api/v2/accounts/{self.account}/calls/"
                f"{leg.call_id}/recordings/{recording_id}/media"
            ),
            "startTime": self.clock.stamp(recording["start"]),
            "endTime": self.clock.stamp(),
            "duration": iso_duration(seconds),
            "fileFormat": verb.file_format or "wav",
            "channels": 2 if verb.multi_channel else 1,
        }
        self.line("record", f"recording stopped after {seconds:g} s")
        self.recording_events(leg, recording["base"], verb, values, "")

    async def verb_PauseRecording(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        recording = leg.recording
        if recording is None or recording.get("paused_at") is not None:
            self.line("record", "<PauseRecording>: no recording running (no effect)")
            return
        recording["paused_at"] = self.clock.now
        self.line("record", "recording paused")

    async def verb_ResumeRecording(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        recording = leg.recording
        if recording is None or recording.get("paused_at") is None:
            self.line("record", "<ResumeRecording>: no paused recording (no effect)")
            return
        recording["paused"] = recording.get("paused", 0.0) + self.clock.now - recording["paused_at"]
        recording["paused_at"] = None
        self.line("record", "recording resumed")

    # ------------------------------------------------------------------ streams (shallow)

    async def verb_StartStream(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        name = verb.name or self.ids.make("s")
        stream = {
            "id": self.ids.make("s"),
            "name": name,
            "destination": verb.destination,
            "startTime": self.clock.stamp(),
            "tracks": ["inbound", "outbound"]
            if verb.tracks == "both"
            else [verb.tracks or "inbound"],
            "type": "WebSocket",
        }
        target = None
        if verb.stream_event_url:
            target = Target(
                self.resolve(base, verb.stream_event_url),
                _method(verb.stream_event_method),
                _auth(verb.username, verb.password),
            )
        leg.streams[name] = {"stream": stream, "target": target, "start": self.clock.now}
        self.line("stream", f"{name} -> {verb.destination} (shallow: no audio is sent offline)")
        if target is not None:
            self.notify(leg, "mediaStreamStarted", target, {"mediaStream": stream})

    async def verb_StopStream(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        self.stop_stream(leg, verb.name)

    def stop_stream(self, leg: Leg, name: str) -> None:
        entry = leg.streams.pop(name, None)
        if entry is None:
            self.line("stream", f"<StopStream name={name!r}>: no such stream (no effect)")
            return
        stream = {**entry["stream"], "duration": iso_duration(self.clock.now - entry["start"])}
        self.line("stream", f"{name} stopped")
        if entry["target"] is not None:
            self.notify(
                leg,
                "mediaStreamStopped",
                entry["target"],
                {"mediaStream": stream, "cause": "closed"},
            )

    async def verb_StartTranscription(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        name = verb.name or self.ids.make("t")
        info = {
            "id": self.ids.make("t"),
            "name": name,
            "startTime": self.clock.stamp(),
            "tracks": ["inbound", "outbound"]
            if verb.tracks == "both"
            else [verb.tracks or "inbound"],
        }
        target = None
        if verb.transcription_event_url:
            target = Target(
                self.resolve(base, verb.transcription_event_url),
                _method(verb.transcription_event_method),
                _auth(verb.username, verb.password),
            )
        leg.transcriptions[name] = {"info": info, "target": target, "start": self.clock.now}
        self.line("transcribe", f"{name} started (shallow: no speech is transcribed offline)")
        if target is not None:
            self.notify(
                leg, "realTimeTranscriptionStarted", target, {"realTimeTranscription": info}
            )

    async def verb_StopTranscription(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        names = [verb.name] if verb.name else list(leg.transcriptions)
        for name in names:
            self.stop_transcription(leg, name)

    def stop_transcription(self, leg: Leg, name: str) -> None:
        entry = leg.transcriptions.pop(name, None)
        if entry is None:
            self.line("transcribe", f"<StopTranscription name={name!r}>: none active (no effect)")
            return
        info = {**entry["info"], "duration": iso_duration(self.clock.now - entry["start"])}
        self.line("transcribe", f"{name} stopped")
        if entry["target"] is not None:
            self.notify(
                leg,
                "realTimeTranscriptionStopped",
                entry["target"],
                {"realTimeTranscription": info, "cause": "closed"},
            )

    async def verb_Connect(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        ids = ", ".join(e.endpoint_id for e in _elements(verb.endpoints))
        self.line(
            "connect",
            f"endpoints {ids} (shallow: BRTC endpoints are not reachable "
            "offline; no status events)",
        )
        await self.wait_for_hangup(leg)

    async def wait_for_hangup(self, leg: Leg) -> None:
        """The caller is connected to something that never ends by itself."""
        step = leg.current()
        if isinstance(step, Hangup) and step.after is not None:
            self.advance(leg, leg.step_base + step.after - self.clock.now + 1e-9)
        if isinstance(step, Hangup):
            leg.consume(self.clock.now)
        self.line("caller", f"{leg.name} hangs up")
        raise Ended("hangup")

    # ------------------------------------------------------------------ the other party

    def take_callee(self, leg: Leg) -> Callee:
        step = leg.current()
        if isinstance(step, Callee):
            leg.consume(self.clock.now)
            return step
        return Callee()

    async def verb_Transfer(self, leg: Leg, verb: Any, base: str, context: str) -> Next | None:
        who = self.take_callee(leg)
        chosen = _elements(verb.targets)[0]
        for candidate in _elements(verb.targets):
            if who.number in (getattr(candidate, "number", None), getattr(candidate, "uri", None)):
                chosen = candidate
        number = getattr(chosen, "number", None) or chosen.uri
        if chosen.tag is not None:
            leg.tag = chosen.tag.strip() or None
        b_leg = Leg(
            "callee",
            self.ids.make("c"),
            verb.transfer_caller_id or leg.from_,
            number,
            "outbound",
            list(who.script),
            [],
            start=self.clock.now,
            answered=None,
            tag=leg.tag,
            parent_call_id=leg.call_id,
            transfer_caller_id=verb.transfer_caller_id or leg.from_,
            transfer_to=number,
        )
        dialled = ", ".join(getattr(t, "number", None) or t.uri for t in _elements(verb.targets))
        self.line("transfer", f"dialling {dialled}")
        cause, message = await self.connect_callee(
            leg, b_leg, who, 30.0 if verb.call_timeout is None else verb.call_timeout
        )
        answered = cause == "hangup"
        if answered:
            b_answer = self.target(base, chosen, "transfer_answer")
            if b_answer is not None:
                try:
                    await self.run_flow(
                        b_leg,
                        Next("transferAnswer", b_answer, {}, "transferAnswer", "transfer-answer"),
                        implicit_hangup=False,
                    )
                except Ended as ended:
                    if ended.cause in ("invalid-bxml", "callback-error"):
                        raise
                    answered = False
                    cause, message = ended.cause, "the called party hung up before the bridge"
            if answered:
                self.line("transfer", f"bridged to {number}")
                try:
                    self.advance(leg, who.talk)
                except Ended:
                    self.transfer_disconnect(b_leg, chosen, base, "hangup", "")
                    raise
                self.line("transfer", f"{number} hangs up after {who.talk:g} s")
        self.transfer_disconnect(b_leg, chosen, base, cause, message)
        target = self.target(base, verb, "transfer_complete")
        if target is None:
            return None
        values = {
            "transferCallerId": b_leg.transfer_caller_id,
            "transferTo": number,
            "cause": cause,
            "errorMessage": message or None,
        }
        return Next("transferComplete", target, values, f"transferComplete {cause}", context)

    async def connect_callee(
        self, leg: Leg, other: Leg, who: Callee, timeout: float
    ) -> tuple[str, str]:
        """Ring the other party: ("hangup", "") when it answers, else the failure cause."""
        if who.outcome == "answer" and who.answer_after < timeout:
            self.advance(leg, who.answer_after)
            other.answered = self.clock.now
            self.line("transfer", f"{other.to} answers after {who.answer_after:g} s")
            return "hangup", ""
        if who.outcome in ("answer", "no-answer"):
            self.advance(leg, timeout)
            self.line("transfer", f"{other.to} does not answer within {timeout:g} s")
            return "timeout", "Call timed out"
        self.advance(leg, 1.0)
        if who.outcome == "busy":
            self.line("transfer", f"{other.to} is busy")
            return "busy", "Callee is busy"
        self.line("transfer", f"{other.to} rejects the call")
        return "rejected", "Call rejected"

    def transfer_disconnect(
        self, b_leg: Leg, chosen: Any, base: str, cause: str, message: str
    ) -> None:
        if chosen.transfer_disconnect_url:
            target = Target(
                self.resolve(base, chosen.transfer_disconnect_url),
                _method(chosen.transfer_disconnect_method),
                _auth(chosen.username, chosen.password),
            )
            self.notify(
                b_leg,
                "transferDisconnect",
                target,
                {"endTime": self.clock.stamp(), "cause": cause, "errorMessage": message or None},
            )

    async def verb_Forward(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        who = self.take_callee(leg)
        other = Leg(
            "callee",
            self.ids.make("c"),
            verb.from_ or leg.to,
            verb.to,
            "outbound",
            [],
            [],
            answered=None,
        )
        self.line("forward", f"to {verb.to}; the application no longer controls the call")
        cause, message = await self.connect_callee(
            leg, other, who, 30.0 if verb.call_timeout is None else verb.call_timeout
        )
        if cause == "hangup":
            self.advance(leg, who.talk)
            self.line("forward", f"{verb.to} hangs up after {who.talk:g} s")
        raise Ended(cause, message)

    async def verb_Bridge(self, leg: Leg, verb: Any, base: str, context: str) -> Next | None:
        who = self.take_callee(leg)
        target_leg = Leg(
            "bridge-target",
            verb.call_id.strip(),
            leg.to,
            leg.from_,
            "outbound",
            list(who.script),
            [],
            tag=leg.tag,
        )
        cause, message = "hangup", ""
        if who.outcome == "answer":
            self.line("bridge", f"bridged to call {target_leg.call_id}")
            try:
                self.advance(leg, who.talk)
            except Ended:
                await self.bridge_target_complete(target_leg, verb, base)
                raise
            self.line("bridge", f"call {target_leg.call_id} hangs up after {who.talk:g} s")
        else:
            cause, message = "error", f"the target call {target_leg.call_id} is not active"
            self.line("bridge", f"cannot bridge: {message}")
        target = self.target(base, verb, "bridge_complete")
        if target is None:
            return None
        return Next(
            "bridgeComplete",
            target,
            {"cause": cause, "errorMessage": message or None},
            f"bridgeComplete {cause}",
            context,
        )

    async def bridge_target_complete(self, target_leg: Leg, verb: Any, base: str) -> None:
        target = self.target(base, verb, "bridge_target_complete")
        if target is None:
            return
        try:
            await self.run_flow(
                target_leg, Next("bridgeTargetComplete", target, {}, "bridgeTargetComplete")
            )
        except Ended as ended:
            if ended.cause in ("invalid-bxml", "callback-error"):
                self.line("bridge", f"target call ended: {ended.cause}")

    async def verb_Refer(self, leg: Leg, verb: Any, base: str, context: str) -> Next | None:
        who = self.take_callee(leg)
        uri = _elements(verb.targets)[0].uri if _elements(verb.targets) else ""
        success = who.outcome == "answer"
        self.line("refer", f"REFER to {uri}: " + ("accepted" if success else "failed"))
        values = {
            "referCallStatus": "success" if success else "failure",
            "referSipResponseCode": 202 if success else 603,
            "notifySipResponseCode": 200 if success else None,
        }
        target = None
        if verb.refer_complete_url:
            target = Target(
                self.resolve(base, verb.refer_complete_url), _method(verb.refer_complete_method)
            )
        if success:
            if target is not None:
                await self.hook(leg, Next("referComplete", target, values, "referComplete"))
                self.line("refer", "the call left Bandwidth; any reply BXML is ignored")
            raise Ended("hangup")
        if target is None:
            return None
        return Next("referComplete", target, values, "referComplete failure", context)

    # ------------------------------------------------------------------ Conference

    async def verb_Conference(self, leg: Leg, verb: Any, base: str, context: str) -> None:
        peers: list[Callee] = []
        while isinstance(leg.current(), Callee):
            peers.append(leg.current())  # type: ignore[arg-type]
            leg.consume(self.clock.now)
        conf = {
            "conferenceId": self.ids.make("conf"),
            "name": verb.name,
            "tag": leg.tag,
            "recording": None,
        }
        leg.conference = conf
        target = self.target(base, verb, "conference_event")
        self.line("conference", f"joins {verb.name!r} ({len(peers)} other member(s))")

        async def event(kind: str, member: Leg | None) -> None:
            if target is None:
                return
            values = {
                "conferenceId": conf["conferenceId"],
                "name": conf["name"],
                "tag": conf["tag"],
            }
            if member is not None:
                values.update({"from": member.from_, "to": member.to, "callId": member.call_id})
            nxt = Next(kind, target, values, kind, "conference")
            document, url = await self.hook(leg, nxt)
            if document is not None:
                await self.run_document(leg, document, url, "conference")

        members = [
            Leg("peer", self.ids.make("c"), f"peer-{i + 1}", verb.name, "inbound", [], [])
            for i in range(len(peers))
        ]
        try:
            await event("conferenceCreated", None)
            await event("conferenceMemberJoin", leg)
            timeline = sorted(
                [(p.answer_after, 1, i) for i, p in enumerate(peers) if p.outcome == "answer"]
                + [
                    (p.answer_after + p.talk, 0, i)
                    for i, p in enumerate(peers)
                    if p.outcome == "answer"
                ]
            )
            start = self.clock.now
            for offset, joins, index in timeline:
                self.advance(leg, start + offset - self.clock.now)
                kind = "conferenceMemberJoin" if joins else "conferenceMemberExit"
                self.line("conference", f"member {index + 1} " + ("joins" if joins else "leaves"))
                await event(kind, members[index])
            await self.wait_for_hangup(leg)
        except Ended:
            # the call is gone: its own exit event is delivered, but no reply can run on it
            if target is not None:
                self.notify(
                    leg,
                    "conferenceMemberExit",
                    target,
                    {
                        "conferenceId": conf["conferenceId"],
                        "name": conf["name"],
                        "tag": conf["tag"],
                        "from": leg.from_,
                        "to": leg.to,
                        "callId": leg.call_id,
                    },
                )
            self.stop_conference_recording(leg)
            if target is not None:
                self.notify(
                    leg,
                    "conferenceCompleted",
                    target,
                    {
                        "conferenceId": conf["conferenceId"],
                        "name": conf["name"],
                        "tag": conf["tag"],
                    },
                )
            raise

    def stop_conference_recording(self, leg: Leg) -> None:
        conf = leg.conference
        if conf is None or conf.get("recording") is None:
            return
        recording, conf["recording"] = conf["recording"], None
        verb = recording["verb"]
        seconds = self.clock.now - recording["start"]
        self.line("record", f"conference recording stopped after {seconds:g} s")
        if not verb.recording_available_url:
            return
        recording_id = self.ids.make("r")
        values = {
            "conferenceId": conf["conferenceId"],
            "name": conf["name"],
            "tag": conf["tag"],
            "accountId": self.account,
            "recordingId": recording_id,
            "mediaUrl": (
                f"https://voice.bandwidth.com/api/v2/accounts/{self.account}/"
                f"conferences/{conf['conferenceId']}/recordings/{recording_id}/media"
            ),
            "startTime": self.clock.stamp(recording["start"]),
            "endTime": self.clock.stamp(),
            "duration": iso_duration(seconds),
            "fileFormat": verb.file_format or "wav",
            "channels": 1,
            "status": "complete",
        }
        target = Target(
            self.resolve(recording["base"], verb.recording_available_url),
            _method(verb.recording_available_method),
            _auth(verb.username, verb.password),
        )
        self.notify(leg, "conferenceRecordingAvailable", target, values)

    # ------------------------------------------------------------------ the whole call

    async def run(self) -> CallResult:
        s = self.s
        first = Next(
            s.first_event,
            Target(s.first_url, s.method, s.auth, s.fallback_url, s.method, s.fallback_auth),
            {},
            s.first_event,
        )
        who = "inbound call" if s.first_event == "initiate" else "outbound call, answered"
        self.line("call", f"{who}: {s.from_} -> {s.to} ({self.caller.call_id})")
        cause, message = "hangup", ""
        try:
            await self.run_flow(self.caller, first)
        except Ended as ended:
            cause, message = ended.cause, ended.message
        await self.finish(cause, message)
        return self.result

    async def finish(self, cause: str, message: str) -> None:
        leg = self.caller
        self.stop_recording(leg)
        for name in list(leg.streams):
            self.stop_stream(leg, name)
        for name in list(leg.transcriptions):
            self.stop_transcription(leg, name)
        self.result.cause = cause
        self.result.duration = round(self.clock.now, 3)
        self.line("end", f"call ended: {cause}" + (f" ({message})" if message else ""))
        try:
            await self.flush()
            if self.s.disconnect_url:
                values = {"endTime": self.clock.stamp(), "cause": cause}
                if cause in ("invalid-bxml", "callback-error"):
                    values["errorMessage"] = message
                    values["errorId"] = self.ids.uuid()
                self.notify(
                    leg,
                    "disconnect",
                    Target(self.s.disconnect_url, self.s.method, self.s.auth),
                    values,
                )
                await self.flush()
        except Ended:
            pass
        self.result.unused = list(leg.script[leg.pos :])
