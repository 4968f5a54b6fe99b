"""HTTP/1.1 over one connection, through h11: read requests, write replies, keep the connection
alive. What to answer is the caller's business (`Responder`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

import h11

from tmdb_facade.testing._app import Reply

_log = logging.getLogger("tmdb_facade.testing")
_READ_SIZE = 65536


@dataclass(frozen=True)
class Incoming:
    """One request, decoded."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    connection: int
    first_on_connection: bool


# Returns the reply, or None to close the connection without answering.
Responder = Callable[[Incoming], Awaitable[Reply | None]]


def decode(request: h11.Request, connection: int, first: bool) -> Incoming:
    split = urlsplit(request.target.decode("latin-1"))
    headers: dict[str, str] = {}
    for raw_name, raw_value in request.headers:  # h11 gives names in lower case
        name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return Incoming(
        method=request.method.decode("ascii"),
        path=unquote(split.path),
        # A repeated parameter counts with its last value.
        query=dict(parse_qsl(split.query, keep_blank_values=True)),
        headers=headers,
        connection=connection,
        first_on_connection=first,
    )


def encode(conn: h11.Connection, reply: Reply, method: str) -> bytes:
    """The reply as bytes, with the usual headers unless the reply replaces them."""
    replaced = {name.lower() for name, _ in reply.headers}
    usual = [
        ("Content-Type", reply.content_type),
        ("Content-Length", str(len(reply.body))),
        ("Server", "openresty"),  # as in TMDB's recordings
        ("Connection", "keep-alive"),
    ]
    headers = [h for h in usual if h[0].lower() not in replaced] + list(reply.headers)
    data = conn.send(h11.Response(status_code=reply.status, headers=headers)) or b""
    if method != "HEAD" and reply.body:
        data += conn.send(h11.Data(data=reply.body)) or b""
    return data + (conn.send(h11.EndOfMessage()) or b"")


async def serve_connection(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, number: int, respond: Responder
) -> None:
    """Answer requests on one connection until either side closes it."""
    conn = h11.Connection(h11.SERVER)
    request: h11.Request | None = None
    answered = 0
    try:
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                conn.receive_data(await reader.read(_READ_SIZE))
            elif isinstance(event, h11.Request):
                request = event
            elif isinstance(event, h11.EndOfMessage) and request is not None:
                # A request body, if any, was read and ignored: every operation is a GET.
                reply = await respond(decode(request, number, first=answered == 0))
                if reply is None:
                    return
                writer.write(encode(conn, reply, request.method.decode("ascii")))
                await writer.drain()
                if conn.our_state is h11.MUST_CLOSE:
                    return
                answered += 1
                request = None
                conn.start_next_cycle()
            elif isinstance(event, h11.ConnectionClosed):
                return
    except h11.RemoteProtocolError as exc:
        if conn.our_state in {h11.IDLE, h11.SEND_RESPONSE}:
            bad = h11.Response(status_code=exc.error_status_hint, headers=[("Content-Length", "0")])
            with suppress(ConnectionError, h11.LocalProtocolError):
                writer.write((conn.send(bad) or b"") + (conn.send(h11.EndOfMessage()) or b""))
                await writer.drain()
    except ConnectionError:
        pass  # the client went away
    except Exception:
        # A bug here would otherwise only show as a dropped connection in the client.
        _log.exception("fake TMDB server: unexpected error; closing the connection")
    finally:
        writer.close()
        with suppress(Exception):
            await writer.wait_closed()
