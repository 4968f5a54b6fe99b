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
    """Where an answer departs from the spec (`json_path`, such as `$.cast[3].character`), how, and
    the value sent there (`UNSET` when nothing was sent). The typed attribute at that path never holds
    it: an optional field reads as UNSET, a required nullable one as None, and a list item that cannot
    be read as its type is set aside; `to_dict()` still gives back what was sent."""

    json_path: str
    problem: str
    value: Any = UNSET


class Unusable(Exception):
    """Raised by `from_decoded` when a required, non-nullable field of an object cannot hold what was
    sent: the object cannot be read honestly. `model` holds it as built, for its `to_dict()`."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model


@define(frozen=True)
class SetAside:
    """A list item that could not be read as the list's item type, kept as sent for `to_dict()`"""

    value: Any


def stash(sent: dict[str, Any] | None, key: str, value: Any) -> dict[str, Any]:
    """`sent` (made on first use) with what was sent as `key`, where the typed attribute holds
    something else (UNSET as `value` means nothing was sent)"""
    if sent is None:
        sent = {}
    sent[key] = value
    return sent


def json_form(value: Any) -> Any:
    """A built value as JSON data: a model by its `to_dict()`, a list of them item by item, an item
    set aside as sent. Never walks what was sent as it came (it may be nested without end)"""
    if type(value) is list:
        return [_item_form(item) for item in value]
    return _item_form(value)


def _item_form(value: Any) -> Any:
    if type(value) is SetAside:
        value = value.value
    to_dict = getattr(value, "to_dict", None)
    return value if to_dict is None else to_dict()


def as_sent(
    model: Any, names: tuple[tuple[str, str], ...], sent: dict[str, Any]
) -> dict[str, Any]:
    """The JSON object a model was built from, when some of it was replaced in the typed attributes:
    `names` pairs each attribute with its JSON key, `sent` holds what was sent instead"""
    out: dict[str, Any] = dict(model.additional_properties)
    for attribute, key in names:
        value = sent[key] if key in sent else getattr(model, attribute)
        if value is not UNSET:
            out[key] = json_form(value)
    return out


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
__all__ += [
    "Deviation",
    "Endpoint",
    "SetAside",
    "Unusable",
    "as_sent",
    "json_form",
    "stash",
]
