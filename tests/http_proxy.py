"""A small HTTP proxy on 127.0.0.1 for the tests: forwards plain-http requests (absolute
form) and tunnels CONNECT, to 127.0.0.1 only, recording every byte a client sent it.

Hand-written: the proxies on the package index (proxy.py, mitmproxy) are large programs with
their own threads and plugins; this one is what the tests need to see, and stops itself.
"""

from __future__ import annotations

import select
import socket
import socketserver
import threading
from types import TracebackType
from urllib.parse import urlsplit

#: Every socket operation gives up after this long: no test waits on a stuck connection.
TIMEOUT = 5.0


def _read_head(sock: socket.socket, buffered: bytes) -> tuple[bytes, bytes]:
    """(the head up to its blank line, what came after it), or (b"", b"") at the end."""
    data = buffered
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk or len(data) > 65536:
            return b"", b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head + b"\r\n\r\n", rest


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def _read_body(sock: socket.socket, rest: bytes, length: int) -> tuple[bytes, bytes]:
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return rest[:length], rest[length:]


class HttpProxy(socketserver.ThreadingTCPServer):
    """`with HttpProxy() as proxy:` ... `proxy.url`, `proxy.heads` (each request's head as
    the proxy got it), `proxy.received` (every byte, tunnels included). `relay=True` passes
    an answer on as its bytes come (1xx answers, dripped headers), one request a connection."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *, relay: bool = False) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.relay = relay
        self.heads: list[bytes] = []
        self.received = bytearray()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, head: bytes | None = None, data: bytes = b"") -> None:
        with self._lock:
            if head is not None:
                self.heads.append(head)
            self.received += data

    def __enter__(self) -> HttpProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(TIMEOUT)


class _Handler(socketserver.BaseRequestHandler):
    server: HttpProxy

    def handle(self) -> None:
        client: socket.socket = self.request
        client.settimeout(TIMEOUT)
        upstream: socket.socket | None = None
        rest = b""
        try:
            while True:
                head, rest = _read_head(client, rest)
                if not head:
                    return
                body, rest = _read_body(client, rest, _content_length(head))
                self.server.record(head, head + body + rest)
                method, target, version = head.split(b"\r\n", 1)[0].split(b" ")
                if method == b"CONNECT":
                    host, _, port = target.decode().rpartition(":")
                    self._tunnel(client, host, int(port), rest)
                    return
                url = urlsplit(target.decode())
                if upstream is None:
                    upstream = self._connect(url.hostname or "", url.port or 80)
                path = (url.path or "/") + (f"?{url.query}" if url.query else "")
                lines = head.split(b"\r\n")[1:]
                kept = [line for line in lines if not line.lower().startswith(b"proxy-")]
                request_line = b" ".join([method, path.encode(), version])
                upstream.sendall(b"\r\n".join([request_line, *kept]) + body)
                if self.server.relay:
                    self._pipe(client, upstream)
                    return
                answer, after = _read_head(upstream, b"")
                answer_body, _ = _read_body(upstream, after, _content_length(answer))
                client.sendall(answer + answer_body)
                rest = b""
        except OSError:
            return
        finally:
            if upstream is not None:
                upstream.close()

    def _connect(self, host: str, port: int) -> socket.socket:
        if host != "127.0.0.1":
            raise OSError(f"this proxy reaches 127.0.0.1 only, not {host}")
        return socket.create_connection((host, port), timeout=TIMEOUT)

    def _tunnel(self, client: socket.socket, host: str, port: int, early: bytes) -> None:
        upstream = self._connect(host, port)
        try:
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            if early:
                upstream.sendall(early)
            self._pipe(client, upstream)
        finally:
            upstream.close()

    def _pipe(self, client: socket.socket, upstream: socket.socket) -> None:
        """Bytes both ways as they come, until either side closes (or is silent too long)."""
        while True:
            ready, _, _ = select.select([client, upstream], [], [], TIMEOUT)
            if not ready:
                return
            for sock in ready:
                data = sock.recv(65536)
                if not data:
                    return
                if sock is client:
                    self.server.record(data=data)
                (upstream if sock is client else client).sendall(data)
