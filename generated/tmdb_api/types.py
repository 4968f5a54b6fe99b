"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


@define(frozen=True)
class Endpoint(Generic[T]):
    """One operation of the spec, as a hand-written client needs it: request and response

    `method` and `path` are the operation's, as in the spec (`GET`, `/3/person/{person_id}/images`).

    `build_request(...)` takes the operation's parameters (path parameters positionally, query
    parameters by keyword, UNSET to leave one out) and returns the keyword arguments of
    `httpx.Client.build_request`: method, URL path and query parameters.
    `response_model.from_decoded(json_object)` builds the answer of a successful call.
    """

    name: str
    method: str
    path: str
    path_parameters: tuple[str, ...]
    query_parameters: tuple[str, ...]
    response_model: type[T]
    build_request: Callable[..., dict[str, Any]]


@define(frozen=True)
class Deviation:
    """Where an answer departs from the spec (`json_path`, such as `$.cast[3].character`), and how"""

    json_path: str
    problem: str


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
__all__ += ["Deviation", "Endpoint"]
