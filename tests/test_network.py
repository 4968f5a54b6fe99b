"""Networks as users have them: a proxy (`proxy=`, or HTTP_PROXY and the like), certificates
(SSL_CERT_FILE / SSL_CERT_DIR), `trust_env=False`, on every transport (`Tmdb`; `AsyncTmdb`
over httpx and over aiohttp), through a real proxy on 127.0.0.1 (`tests/http_proxy.py`)
to the fake TMDB. `http_client=` (one's own httpx client) is in tests/test_own_http_client.py.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import ssl
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import certifi
import httpx
import pytest

from tests.hostile_server import Connection, HostileServer
from tests.http_proxy import HttpProxy
from tests.test_limits import body_dripped, early_hints_without_end, headers_dripped
from tmdb_facade import APIConnectionError, APITimeoutError, AsyncTmdb, Tmdb
from tmdb_facade.errors import InvalidArgumentError, InvalidArgumentTypeError
from tmdb_facade.testing import FakeTmdb

TOKEN = "network-test-token-0123456789"
#: The proxy's password: it must never show up in a message, a repr or a log line.
CANARY = "proxy-canary-s3cret-4f1d9e"
PROFILE = "/w3aXr1e7gQCn8MSp1vW4sXHn99P.jpg"  # Bruce Willis's first profile in the fake's data


@pytest.fixture(params=["sync", "async httpx", "async aiohttp"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "async httpx":
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # `import aiohttp` now fails
        monkeypatch.delitem(sys.modules, "tmdb_facade._aiohttp", raising=False)
    return str(request.param)


def fetch(mode: str, base_url: str, image_base_url: str | None = None, **options: Any) -> None:
    """`person_images(62)`, then one image file (when `image_base_url`), by a new client."""
    options = {
        "access_token": TOKEN,
        "base_url": base_url,
        "image_base_url": image_base_url,
        "rate_limit": None,
        "max_retries": 0,
        **options,
    }
    if mode == "sync":
        with Tmdb(**options) as tmdb:
            assert tmdb.person_images(62).id == 62
            if image_base_url:
                assert tmdb.image_bytes(PROFILE, "w185")
        return

    async def run() -> None:
        async with AsyncTmdb(**options) as tmdb:
            assert (await tmdb.person_images(62)).id == 62
            if image_base_url:
                assert await tmdb.image_bytes(PROFILE, "w185")

    asyncio.run(run())


def proxy_with_password(proxy: HttpProxy) -> str:
    return proxy.url.replace("http://", f"http://user:{CANARY}@")


def request_lines(proxy: HttpProxy) -> list[str]:
    return [head.split(b"\r\n")[0].decode() for head in proxy.heads]


def test_the_proxy_given_carries_every_request_and_images_carry_no_credential(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with FakeTmdb(access_token=TOKEN) as server, HttpProxy() as proxy:
        fetch(mode, server.url, server.image_base_url, proxy=proxy_with_password(proxy))
    assert request_lines(proxy) == [
        f"GET {server.url}/3/person/62/images HTTP/1.1",
        f"GET {server.url}/t/p/w185{PROFILE} HTTP/1.1",
    ]
    api, image = (head.decode() for head in proxy.heads)
    basic = base64.b64encode(f"user:{CANARY}".encode()).decode()
    assert f"Proxy-Authorization: Basic {basic}".lower() in api.lower()
    # Plain http through a proxy: the API request goes to it as it would go to the server.
    assert f"Bearer {TOKEN}" in api
    assert TOKEN not in image
    assert [request.path for request in server.requests] == [
        "/3/person/62/images",
        f"/t/p/w185{PROFILE}",
    ]
    assert CANARY not in caplog.text


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
def test_the_environment_s_proxy_is_honoured(
    mode: str, variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeTmdb(access_token=TOKEN) as server, HttpProxy() as proxy:
        monkeypatch.setenv(variable, proxy.url)
        fetch(mode, server.url, server.image_base_url)
    assert len(proxy.heads) == 2
    assert TOKEN not in proxy.heads[1].decode()
    assert len(server.requests) == 2


def test_trust_env_false_ignores_the_environment_s_proxy(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeTmdb(access_token=TOKEN) as server, HttpProxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        fetch(mode, server.url, server.image_base_url, trust_env=False)
    assert proxy.heads == []
    assert len(server.requests) == 2


@pytest.mark.parametrize("listed", ["127.0.0.1", ".example, 127.0.0.1", "*"])
def test_no_proxy_bypasses_the_proxy(
    mode: str, listed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeTmdb(access_token=TOKEN) as server, HttpProxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        # Other hosts only (and 127.0.0.1 on another port): through the proxy.
        monkeypatch.setenv("NO_PROXY", "localhost,.example,127.0.0.1:1")
        fetch(mode, server.url, server.image_base_url)
        assert len(proxy.heads) == 2
        monkeypatch.setenv("NO_PROXY", listed)
        fetch(mode, server.url, server.image_base_url)
    assert len(proxy.heads) == 2, "the second client went through the proxy"
    assert len(server.requests) == 4


@pytest.mark.parametrize("script", [early_hints_without_end, headers_dripped, body_dripped])
def test_each_attempt_ends_at_its_deadline_through_a_proxy(
    mode: str, script: Callable[[Connection], None]
) -> None:
    """As tests/test_limits.py without a proxy: every piece comes within the 0.3 s read
    timeout, the script would go on for 10 s; the proxy passes each piece on as it comes."""
    with HostileServer(script) as server, HttpProxy(relay=True) as proxy:
        with pytest.raises(APITimeoutError, match=r"longer than 0\.3s"):
            fetch(mode, server.url, proxy=proxy.url, timeout=0.3, max_retries=1)
        assert len(proxy.heads) == 2, "one attempt, then one retry, both through the proxy"
        assert server.finished == 0, "the client gave up while the server still sent"
        assert server.connections == 2


def test_https_goes_through_a_connect_tunnel_the_proxy_cannot_read(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fake speaks plain http, so the TLS handshake in the tunnel fails; what matters is
    # what the proxy got: a CONNECT to the host, then only encrypted bytes.
    with FakeTmdb(access_token=TOKEN) as server, HttpProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy_with_password(proxy))
        with pytest.raises(APIConnectionError) as caught:
            fetch(mode, f"https://127.0.0.1:{server.port}")
    assert request_lines(proxy) == [f"CONNECT 127.0.0.1:{server.port} HTTP/1.1"]
    basic = base64.b64encode(f"user:{CANARY}".encode()).decode()
    assert f"proxy-authorization: basic {basic.lower()}" in proxy.heads[0].decode().lower()
    assert TOKEN.encode() not in proxy.received
    assert CANARY not in str(caught.value)


def test_the_proxy_s_password_never_shows(
    mode: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with HttpProxy() as proxy:  # closed at once: nothing listens at its address any more
        unreachable = proxy_with_password(proxy)
    with FakeTmdb(access_token=TOKEN) as server:
        options: dict[str, str]
        for options in ({"proxy": unreachable}, {}):
            if not options:
                monkeypatch.setenv("HTTP_PROXY", unreachable)
            with pytest.raises(APIConnectionError) as caught:
                fetch(mode, server.url, **options)
            assert CANARY not in str(caught.value)
            assert CANARY not in repr(caught.value)
            assert CANARY not in repr(Tmdb(TOKEN, proxy=options.get("proxy")))
    assert CANARY not in caplog.text


def test_a_proxy_must_be_an_http_url() -> None:
    with pytest.raises(InvalidArgumentTypeError, match="proxy must be a URL"):
        Tmdb(TOKEN, proxy=3128)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match=r"http\(s\) proxy URL") as caught:
        Tmdb(TOKEN, proxy=f"socks5://user:{CANARY}@127.0.0.1:1080")
    assert CANARY not in str(caught.value)
    with pytest.raises(InvalidArgumentTypeError, match="trust_env must be a bool"):
        AsyncTmdb(TOKEN, trust_env="no")  # type: ignore[arg-type]


def test_a_bad_proxy_in_the_environment_is_named_not_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"ftp://user:{CANARY}@127.0.0.1:21")
    with pytest.raises(InvalidArgumentError, match="HTTPS_PROXY must be") as caught:
        Tmdb(TOKEN)
    assert CANARY not in str(caught.value)
    Tmdb(TOKEN, trust_env=False).close()


def test_a_proxy_cannot_come_with_another_network() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with pytest.raises(InvalidArgumentError, match="proxy= is for the library's own network"):
        Tmdb(TOKEN, proxy="http://127.0.0.1:3128", transport=transport)


# -- certificates ----------------------------------------------------------------------------


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[dict[str, Any], ssl.SSLContext]]:
    """Each SSL context the library makes, with the arguments it was made with."""
    made: list[tuple[dict[str, Any], ssl.SSLContext]] = []
    real = ssl.create_default_context

    def spy(**kwargs: Any) -> ssl.SSLContext:
        context = real(**kwargs)
        made.append((kwargs, context))
        return context

    monkeypatch.setattr(ssl, "create_default_context", spy)
    return made


def one_certificate(tmp_path: Path) -> Path:
    """A file with one CA certificate (certifi's first)."""
    bundle = Path(certifi.where()).read_text(encoding="ascii")
    end = "-----END CERTIFICATE-----"
    first = bundle[bundle.index("-----BEGIN CERTIFICATE-----") : bundle.index(end) + len(end)]
    path = tmp_path / "one-ca.pem"
    path.write_text(first + "\n", encoding="ascii")
    return path


def test_ssl_cert_file_and_dir_are_what_the_transports_trust(
    mode: str,
    contexts: list[tuple[dict[str, Any], ssl.SSLContext]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cafile = one_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cafile))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    with FakeTmdb(access_token=TOKEN) as server:
        fetch(mode, server.url)
        made = [kwargs for kwargs, _ in contexts]
        assert made == [{"cafile": str(cafile), "capath": str(tmp_path)}]
        assert contexts[0][1].cert_store_stats()["x509_ca"] == 1
        contexts.clear()
        fetch(mode, server.url, trust_env=False)
    assert [kwargs for kwargs, _ in contexts] == [{"cafile": certifi.where()}]
    assert contexts[0][1].cert_store_stats()["x509_ca"] > 1


def test_a_missing_or_unusable_certificate_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "nowhere.pem"))
    with pytest.raises(InvalidArgumentError, match="SSL_CERT_FILE names no file"):
        Tmdb(TOKEN)
    Tmdb(TOKEN, trust_env=False).close()
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate\n", encoding="ascii")
    monkeypatch.setenv("SSL_CERT_FILE", str(garbage))
    with FakeTmdb(access_token=TOKEN) as server:
        with pytest.raises(InvalidArgumentError, match="holds no usable certificate"):
            fetch("sync", server.url)
        assert server.requests == []
