"""Turn a method call into a request, checking every argument first: pure functions.

The generated endpoint modules describe each operation (`ENDPOINT`: method, path, parameters,
response model) and build its path and query (`ENDPOINT.build_request`); the bounds and
patterns checked here are read from the same spec. Nothing here knows a path.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast

import httpx

from tmdb_facade._generated.types import UNSET, Endpoint

from . import _spec
from ._options import NO_OPTIONS, RequestOptions, request_options
from ._validation import Model, decode_model
from .errors import InvalidArgumentError, InvalidArgumentTypeError, quoted

T = TypeVar("T")

ImageLanguages = Sequence[str | None]
"""Languages of images to include: ISO 639-1 codes, None for images with no language."""

Appendix = Literal["images", "credits", "aggregate_credits"]
"""What season details can bring along in the same request (`append_to_response`)."""


@dataclass(frozen=True)
class ApiCall(Generic[T]):
    """One request to send and how to read its successful answer."""

    name: str
    method: str
    url: str
    params: Mapping[str, str]
    decode: Callable[[bytes, bool], T]
    """(body of a 200 answer, strict) -> result; raises `OffSpec` when the body is unusable,
    or with strict when it breaks the spec anywhere."""
    api_operation: bool = True
    """An operation of TMDB's API, not an image file: the one place this is decided. Only
    API operations carry the credential, count against the rate limit and are cached; the
    request built from the call carries the answer as its `API_CALL` extension."""
    options: RequestOptions = NO_OPTIONS
    """The caller's per-call options (timeout, retries, extra query and headers), checked;
    `extra_query` is already in `params`."""


#: The request extension that marks a request built from an API operation (`is_api_call`).
API_CALL = "tmdb_facade.api_call"


def is_api_call(request: httpx.Request) -> bool:
    """Whether `request` was built from an API operation: what the credential, the cache
    and the rate limit go by, whatever the hosts (an unmarked request is not one)."""
    return request.extensions.get(API_CALL) is True


#: The spec's mark on a parameter that the facade takes as a list of items, sent as TMDB's
#: comma-separated string; None stands for TMDB's `null` (images without text).
LIST_MARK = "x-comma-separated-list"


def _encode_list(parameter: Mapping[str, Any], values: object) -> str:
    """`["en", None]` -> `"en,null"`, each item checked against the parameter's pattern."""
    name, example = parameter["name"], parameter.get("example", "")
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InvalidArgumentTypeError(
            f"{name} must be a list such as {example.split(',')!r}, got {type(values).__name__}"
        )
    if not values:
        raise InvalidArgumentError(f"{name} must name at least one item")
    items = []
    for index, value in enumerate(values):
        item = "null" if value is None else value
        if not isinstance(item, str):
            raise InvalidArgumentTypeError(
                f"{name}[{index}] must be a str, got {type(item).__name__}"
            )
        if "," in item or not _matches(parameter["schema"], item):
            raise InvalidArgumentError(
                f"{name}[{index}] must be one item of a list like {example!r}, got {quoted(item)}"
            )
        items.append(item)
    return ",".join(items)


def _matches(schema: Mapping[str, Any], value: str) -> bool:
    # fullmatch: Python's `$` also matches before a trailing newline, ECMA-262's does not.
    return "pattern" not in schema or re.fullmatch(schema["pattern"], value) is not None


def check_argument(parameter: Mapping[str, Any], value: object) -> None:
    """Raise if `value` breaks its parameter's schema in the spec (type, bounds, pattern)."""
    name, schema = parameter["name"], parameter["schema"]
    if schema.get("type") == "integer":
        if type(value) is not int:  # bool is an int subclass, and never an id
            raise InvalidArgumentTypeError(f"{name} must be an int, got {type(value).__name__}")
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise InvalidArgumentError(f"{name} must be between {low} and {high}, got {value}")
    elif schema.get("type") == "string":
        if not isinstance(value, str):
            raise InvalidArgumentTypeError(f"{name} must be a str, got {type(value).__name__}")
        if not _matches(schema, value):
            shape = repr(parameter["example"]) if "example" in parameter else schema["pattern"]
            raise InvalidArgumentError(f"{name} must look like {shape}, got {quoted(value)}")


def api_call(
    endpoint: Endpoint[T],
    path_arguments: Sequence[object],
    query: Mapping[str, object],
    options: Mapping[str, object] = NO_OPTIONS.extra_query,
) -> ApiCall[T]:
    """The request for one operation, every argument (and option) checked first.

    Query arguments that are None are left out.
    """
    operation = _spec.operation(endpoint.method, endpoint.path)
    checked = request_options(options, [p["name"] for p in operation.parameters])
    arguments = dict(zip(endpoint.path_parameters, path_arguments, strict=True))
    arguments.update((name, value) for name, value in query.items() if value is not None)
    for parameter in operation.parameters:
        name = parameter["name"]
        if parameter.get(LIST_MARK) and name in arguments:
            arguments[name] = _encode_list(parameter, arguments[name])
        if name in arguments:
            check_argument(parameter, arguments[name])
        elif parameter.get("required"):
            raise InvalidArgumentError(f"{name} is required")
    path_values = [arguments.pop(name) for name in endpoint.path_parameters]
    query_values = {name: arguments.get(name, UNSET) for name in endpoint.query_parameters}
    kwargs = endpoint.build_request(*path_values, **query_values)
    return ApiCall(
        name=endpoint.name,
        method=str(kwargs["method"]).upper(),
        url=kwargs["url"],
        params={**kwargs.get("params", {}), **checked.extra_query},
        options=checked,
        # Every generated model has `from_decoded` (openapi/templates/model.py.jinja).
        decode=functools.partial(_decode, endpoint.response_model),
    )


def _decode(model: type[T], content: bytes, strict: bool) -> T:
    # Every generated model has `from_decoded` and `spec_deviations` (openapi/templates).
    return cast(T, decode_model(cast("type[Model]", model), content, strict=strict))


def _image_bytes(content: bytes, strict: bool) -> bytes:
    return content


def image(url: str, options: Mapping[str, object] = NO_OPTIONS.extra_query) -> ApiCall[bytes]:
    """Fetch the bytes of an image from TMDB's image server (an absolute URL)."""
    checked = request_options(options)
    return ApiCall(
        "image",
        "GET",
        url,
        checked.extra_query,
        decode=_image_bytes,
        api_operation=False,
        options=checked,
    )
