"""The four jobs of Bandwidth's original developer guide, with bxmlkit.

1. Send a text message.
2. Create (place) a call.
3. Speak a sentence on the live call and hang up, by replacing its BXML
   (``update_call_bxml`` with a ``<Bxml>`` document built from bxmlkit models).
4. Receive a callback: a small local webhook receiver reads the ``answer`` and
   ``disconnect`` events with ``parse_callback``.

Configuration, by argument or environment variable:

    --account-id          BW_ACCOUNT_ID
    credentials           BW_CLIENT_ID/BW_CLIENT_SECRET, or BW_USERNAME/BW_PASSWORD
    --base-url            BW_BASE_URL (sets the voice and messaging base URL at once; default:
                          BW_VOICE_BASE_URL / BW_MESSAGING_BASE_URL, else Bandwidth's hosts)
    --voice-application   BW_VOICE_APPLICATION_ID
    --messaging-application BW_MESSAGING_APPLICATION_ID
    --from / --to         BW_FROM_NUMBER / BW_TO_NUMBER (E.164)
    --listen HOST:PORT    where the webhook receiver listens (default 127.0.0.1:0)
    --public-url URL      the URL Bandwidth reaches the receiver at (default: http://HOST:PORT;
                          against the real API use a public https URL such as a tunnel)

Run against the real API (this sends a text and rings a phone)::

    python examples/four_jobs.py --to +15553334444 --public-url https://abc.tunnel.example
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from bxmlkit.callbacks import CallbackError, CallbackEvent, parse_callback
from bxmlkit.client import BandwidthClient, CreateCallResponse, Message
from bxmlkit.codec import to_xml
from bxmlkit.models import Bxml, Hangup, Pause, Response, SpeakSentence


# --------------------------------------------------------------------------- job 1
def send_text(
    client: BandwidthClient, *, application_id: str, from_: str, to: str, text: str
) -> Message:
    """Job 1: send a text message (202 Accepted; delivery is reported by callbacks)."""
    return client.messages.send_message(from_, to, application_id=application_id, text=text)


# --------------------------------------------------------------------------- job 2
def create_call(
    client: BandwidthClient,
    *,
    application_id: str,
    from_: str,
    to: str,
    answer_url: str,
    disconnect_url: str,
) -> CreateCallResponse:
    """Job 2: place a call; Bandwidth calls ``answer_url`` when it is answered."""
    return client.calls.create_call(
        to=to,
        from_=from_,
        application_id=application_id,
        answer_url=answer_url,
        disconnect_url=disconnect_url,
        tag="four-jobs",
    )


# --------------------------------------------------------------------------- job 3
def speak_and_hang_up(client: BandwidthClient, call_id: str, sentence: str) -> None:
    """Job 3: replace the live call's BXML: say ``sentence``, then hang up."""
    client.calls.update_call_bxml(call_id, Bxml(SpeakSentence(sentence), Hangup()))


# --------------------------------------------------------------------------- job 4
class CallbackReceiver(ThreadingHTTPServer):
    """Job 4: a tiny webhook receiver; ``events`` is a queue of parsed callbacks.

    It answers ``answer`` with BXML that keeps the call up (job 3 then takes over), and
    everything else with 204.  A production receiver checks Basic auth on every delivery:
    see ``examples/webhook_server.py`` and ``bxmlkit.callbacks.check_basic_auth``.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _ReceiverHandler)
        self.events: queue.Queue[CallbackEvent] = queue.Queue()

    def wait_for(self, event_type: str, timeout: float) -> CallbackEvent:
        """The next event of ``event_type`` (others are skipped), or TimeoutError."""
        while True:
            try:
                event = self.events.get(timeout=timeout)
            except queue.Empty:
                raise TimeoutError(f"no {event_type} callback within {timeout:g} s") from None
            if event.declared_type == event_type:
                return event


class _ReceiverHandler(BaseHTTPRequestHandler):
    server: CallbackReceiver
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self._handle(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def do_GET(self) -> None:
        self._handle(urlsplit(self.path).query)

    def _handle(self, payload: str | bytes) -> None:
        try:
            event = parse_callback(payload)
        except CallbackError as exc:
            body = f"{exc}\n".encode()
            self.send_response(400)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.server.events.put(event)
        if event.expects_bxml:
            body = to_xml(Response(SpeakSentence("Please hold."), Pause(duration=30)))
            self.send_response(200)
            self.send_header("Content-Type", "application/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()


# --------------------------------------------------------------------------- all four
def _parser() -> argparse.ArgumentParser:
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Bandwidth's four jobs with bxmlkit.")
    parser.add_argument("--account-id", default=env("BW_ACCOUNT_ID"))
    parser.add_argument("--base-url", default=env("BW_BASE_URL"))
    parser.add_argument("--voice-application", default=env("BW_VOICE_APPLICATION_ID"))
    parser.add_argument("--messaging-application", default=env("BW_MESSAGING_APPLICATION_ID"))
    parser.add_argument("--from", dest="from_", default=env("BW_FROM_NUMBER"))
    parser.add_argument("--to", default=env("BW_TO_NUMBER"))
    parser.add_argument("--listen", default="127.0.0.1:0")
    parser.add_argument("--public-url")
    parser.add_argument("--callback-timeout", type=float, default=60.0)
    parser.add_argument("--text", default="Hello from bxmlkit!")
    parser.add_argument("--sentence", default="This call was placed with bxmlkit. Goodbye!")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    missing = [
        flag
        for flag, value in (
            ("--voice-application", args.voice_application),
            ("--messaging-application", args.messaging_application),
            ("--from", args.from_),
            ("--to", args.to),
        )
        if not value
    ]
    if missing:
        print(f"missing: {', '.join(missing)} (see --help)", file=sys.stderr)
        return 2
    host, _, port = args.listen.rpartition(":")
    with CallbackReceiver((host or "127.0.0.1", int(port or 0))) as receiver:
        thread = threading.Thread(target=receiver.serve_forever, kwargs={"poll_interval": 0.1})
        thread.start()
        try:
            public = args.public_url or f"http://{host or '127.0.0.1'}:{receiver.server_address[1]}"
            return _run(args, public.rstrip("/"), receiver)
        finally:
            receiver.shutdown()
            thread.join()


def _run(args: argparse.Namespace, public: str, receiver: CallbackReceiver) -> int:
    with BandwidthClient(
        account_id=args.account_id,
        voice_base_url=args.base_url,
        messaging_base_url=args.base_url,
    ) as client:
        message = send_text(
            client,
            application_id=args.messaging_application,
            from_=args.from_,
            to=args.to,
            text=args.text,
        )
        print(f"job 1: sent message {message.id} to {', '.join(message.to or [])}")

        call = create_call(
            client,
            application_id=args.voice_application,
            from_=args.from_,
            to=args.to,
            answer_url=f"{public}/callbacks/answer",
            disconnect_url=f"{public}/callbacks/disconnect",
        )
        print(f"job 2: created call {call.call_id} (Location: {call.location})")

        answered = receiver.wait_for("answer", args.callback_timeout)
        print(f"job 4: received {answered.declared_type} callback for {answered.get('callId')}")

        speak_and_hang_up(client, call.call_id, args.sentence)
        print(f"job 3: spoke on {call.call_id} and hung up")

        ended = receiver.wait_for("disconnect", args.callback_timeout)
        print(f"job 4: received {ended.declared_type} callback (cause {ended.get('cause')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
