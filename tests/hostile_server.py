"""A server on 127.0.0.1 that answers each connection with a script of raw bytes: what a
hostile or broken server sends (1xx without end, headers a byte at a time, a gzip bomb).

Every loop is bounded: a script runs at most `SCRIPT_SECONDS`, the whole server stops when
its `with` block ends, so a client that never gives up fails its test instead of hanging it.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Self

#: The longest a script keeps a connection busy.
SCRIPT_SECONDS = 10.0
#: Pause between the pieces of a dripped or flooded answer.
DRIP_SECONDS = 0.02


class Connection:
    """One accepted connection, as a script sees it."""

    def __init__(self, sock: socket.socket, stop: threading.Event, server: HostileServer) -> None:
        self.sock = sock
        self._stop = stop
        self._server = server

    def read_request(self) -> bytes:
        """The request's head (the client sends no body), b"" if the client went away."""
        data = b""
        while b"\r\n\r\n" not in data:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return b""
            if not chunk:
                return b""
            data += chunk
        with self._server.lock:
            self._server.requests.append(data)
        return data

    def send(self, data: bytes) -> bool:
        """`data` sent; False if the client has gone."""
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        with self._server.lock:
            self._server.sent += len(data)
        return True

    def drip(self, pieces: Iterator[bytes]) -> None:
        """Each piece sent after a pause, until the client goes, the pieces run out, the
        script's time is up or the server stops; `finished` says whether it ran to its end."""
        steps = int(SCRIPT_SECONDS / DRIP_SECONDS)
        for _, piece in zip(range(steps), pieces, strict=False):
            if self._stop.wait(DRIP_SECONDS) or not self.send(piece):
                return
        with self._server.lock:
            self._server.finished += 1


Script = Callable[[Connection], None]


class HostileServer:
    """`with HostileServer(script) as server:` serves `server.url` until the block ends."""

    def __init__(self, script: Script) -> None:
        self._script = script
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.connections = 0
        self.requests: list[bytes] = []
        self.sent = 0
        self.finished = 0
        """Scripts that ran to their own end: a client that gave up in time leaves it at 0."""

    def __enter__(self) -> Self:
        accepting = threading.Thread(target=self._accept, daemon=True)
        accepting.start()
        self._threads.append(accepting)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._threads[0].join(timeout=SCRIPT_SECONDS)  # accepts no more: the list is whole
        for thread in self._threads[1:]:
            thread.join(timeout=SCRIPT_SECONDS)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                self.connections += 1
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            sock.settimeout(SCRIPT_SECONDS)
            self._script(Connection(sock, self._stop, self))


def answer(status: bytes, headers: dict[str, str], body: bytes) -> bytes:
    """A whole HTTP/1.1 answer, closing the connection after it."""
    head = [b"HTTP/1.1 " + status]
    head += [f"{name}: {value}".encode() for name, value in headers.items()]
    head += [f"Content-Length: {len(body)}".encode(), b"Connection: close"]
    return b"\r\n".join(head) + b"\r\n\r\n" + body
