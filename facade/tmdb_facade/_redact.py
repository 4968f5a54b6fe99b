"""Hiding the client's own credential in whatever a server sends back.

A proxy's error page, or an error that quotes the request URL, echoes the access token or the
api_key: in the body (as sent, percent-encoded, JSON- or HTML-escaped), in a header, in the
reason phrase. Every answer's body is redacted once, before anything reads it (`_base`), and
so are the texts of errors and the log lines of the libraries under the client (`LogFilter`).
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Iterable
from typing import Any, Final

#: What stands in for the credential.
REDACTED: Final = "***"

#: A secret shorter than this is no TMDB credential (API keys have 32 characters, access
#: tokens hundreds), and hiding it would rewrite ordinary text: it is left alone.
MIN_REDACTED: Final = 8

#: Backslash escapes of JSON (`\\/` is optional there) and of Python's `repr` (`\\'`).
_BACKSLASHED = {'"': '\\"', "\\": "\\\\", "/": "\\/", "'": "\\'"}
_HTML_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def _hex(code: int) -> str:
    """The two hex digits of `code`, each in either case (`%2f` and `%2F` are one byte)."""
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{code:02x}")


def _spellings(char: str) -> str:
    """A regex for one character of the secret as an echo may spell it: as itself,
    percent-encoded (a URL quoted back), escaped by JSON or Python's `repr` (httpcore's log
    lines), or as an HTML character reference."""
    code = ord(char)
    forms = [
        "%" + _hex(code),
        r"\\u00" + _hex(code),
        f"&#0*{code};",
        "&#[xX]0*" + _hex(code) + ";",
    ]
    forms += [re.escape(e) for e in (_BACKSLASHED.get(char), _HTML_NAMED.get(char)) if e]
    # The character itself last: a JSON body spells a backslash `\\\\`, and the bare one
    # matched first would leave the second one behind, escaping whatever follows.
    return "(?:" + "|".join([*forms, re.escape(char)]) + ")"


class Redactor:
    """Replaces one secret, in any of its spellings, by `REDACTED`."""

    def __init__(self, secret: str) -> None:
        self.active = len(secret) >= MIN_REDACTED
        self._raw = secret.encode()
        # A backslash at either end of the secret as itself would match one half of JSON's
        # `\\\\`: such a secret always goes through the regex, which reads escapes first.
        self._plain = "\\" not in secret
        pattern = "".join(_spellings(char) for char in secret)
        self._text = re.compile(pattern)
        self._bytes = re.compile(pattern.encode())
        # A body without an escape of one of the secret's characters can hold the secret
        # only as itself, which `bytes.replace` finds at a small part of the regex's cost
        # (36 kB of credits, measured: 6 to 25 us against 500 us, when decoding the body
        # takes 1.3 ms): the regex runs only on the bodies `_escaped` finds an escape in.
        self._codes = frozenset(f"{ord(char):02x}".encode() for char in secret)
        named = [_HTML_NAMED.get(char) or "" for char in secret]
        named += [_BACKSLASHED.get(char) or "" for char in secret]
        self._escapes = (b"&#", *{escape.encode() for escape in named if escape})

    def text(self, text: str) -> str:
        """`text` without the secret."""
        return self._text.sub(REDACTED, text) if self.active else text

    def body(self, body: bytes) -> bytes:
        """`body` (an answer's bytes, decoded from gzip and the like) without the secret."""
        if not self.active:
            return body
        if not self._plain:
            return self._bytes.sub(REDACTED.encode(), body)
        body = body.replace(self._raw, REDACTED.encode())
        if self._escaped(body):
            body = self._bytes.sub(REDACTED.encode(), body)
        return body

    def _escaped(self, body: bytes) -> bool:
        """Whether `body` spells one of the secret's characters as an escape. Escapes are
        found by their first byte: a one-byte search is a `memchr`, where a longer one took
        as long as the whole redaction should (40 us on 36 kB), and these bytes are rare."""
        for first in b"&\\%":
            at = body.find(first)
            while at != -1:
                if self._escape_at(body, at):
                    return True
                at = body.find(first, at + 1)
        return False

    def _escape_at(self, body: bytes, at: int) -> bool:
        if body.startswith(self._escapes, at):  # `&#`, `&amp;`, `\\"`...
            return True
        start = at + 1 if body[at] == ord("%") else at + 4
        if start == at + 4 and not body.startswith(b"\\u00", at):
            return False
        return body[start : start + 2].lower() in self._codes  # `%2f`, `\\u002F`

    def value(self, value: Any) -> Any:
        """A decoded JSON value without the secret in any string, key or value, at any depth.

        Containers are rebuilt in place, without recursion: JSON may be nested deeper than
        Python's recursion limit.
        """
        if isinstance(value, str):
            return self.text(value)
        if not self.active or not isinstance(value, dict | list):
            return value
        pending: list[dict[Any, Any] | list[Any]] = [value]
        while pending:
            container = pending.pop()
            if isinstance(container, dict):
                items = list(container.items())
                container.clear()
                for key, item in items:
                    container[self.text(key) if isinstance(key, str) else key] = item
            for key, item in (
                container.items() if isinstance(container, dict) else enumerate(container)
            ):
                if isinstance(item, dict | list):
                    pending.append(item)
                elif isinstance(item, str):
                    container[key] = self.text(item)
        return value


#: The redactors of every live client, for `LogFilter` (a log record names no client).
_live: weakref.WeakValueDictionary[int, Redactor] = weakref.WeakValueDictionary()


def register(redactor: Redactor) -> None:
    """Hide `redactor`'s secret from the log lines of `LOGGERS` while it lives."""
    if redactor.active:
        _live[id(redactor)] = redactor


class LogFilter(logging.Filter):
    """Redacts live clients' secrets from a log record, its arguments and traceback included.

    httpcore logs a response's headers at DEBUG, and the reason phrase is in httpx's line: a
    server echoing the credential there would put it in the log.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        redactors = list(_live.values())
        if not redactors:
            return True
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit: logging reports it, not the caller
            return True
        redacted = _all(redactors, message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _all(redactors, record.exc_text)
        if record.stack_info:
            record.stack_info = _all(redactors, record.stack_info)
        return True


def _all(redactors: Iterable[Redactor], text: str) -> str:
    for redactor in redactors:
        text = redactor.text(text)
    return text


#: The loggers of the client and of the libraries under it that may quote an answer. A
#: logger's filter sees only its own records, not its children's: each is named.
LOGGERS: Final = (
    "tmdb_facade",
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "hishel.core.spec",
    "aiohttp.client",
    "aiohttp.internal",
)


def install_log_filter() -> None:
    """Put one `LogFilter` on each of `LOGGERS` (once, however often called)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, LogFilter) for f in logger.filters):
            logger.addFilter(LogFilter())
