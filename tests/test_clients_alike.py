"""`Tmdb` and `AsyncTmdb` offer the same methods, and together they cover the whole spec."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import httpx
import pytest

import tmdb_facade
from tmdb_facade import AsyncTmdb, Tmdb, _spec

#: What differs between the two by design: the transport, the sleep and `map`'s workers.
MODE_SPECIFIC = {"map"}
#: Plain methods both inherit from `BaseTmdb`: one function, nothing to send or await.
SHARED = {"with_options"}
ASYNC_TO_SYNC = {
    "httpx.AsyncBaseTransport": "httpx.BaseTransport",
    "httpx.AsyncClient": "httpx.Client",
    "Callable[[float], Awaitable[None]]": "Callable[[float], None]",
}


def public_methods(cls: type[Any]) -> dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_") or name == "__init__"
    }


def normalised(signature: inspect.Signature) -> list[tuple[str, Any, str, Any]]:
    """Each parameter's name, kind, annotation and default; the async types written as sync."""
    described = []
    for parameter in signature.parameters.values():
        annotation = str(parameter.annotation)
        for old, new in ASYNC_TO_SYNC.items():
            annotation = annotation.replace(old, new)
        default = "(sleep)" if parameter.name == "sleep" else parameter.default
        described.append((parameter.name, parameter.kind, annotation, default))
    return described


def test_every_public_method_has_the_same_signature_and_docstring() -> None:
    sync, asynchronous = public_methods(Tmdb), public_methods(AsyncTmdb)
    assert set(sync) == set(asynchronous)
    for name in SHARED:
        assert sync[name] is asynchronous[name], name
    for name in sorted(set(sync) - MODE_SPECIFIC - SHARED - {"__init__"}):
        assert inspect.iscoroutinefunction(asynchronous[name]), name
        assert not inspect.iscoroutinefunction(sync[name]), name
        assert inspect.signature(sync[name]) == inspect.signature(asynchronous[name]), name
        assert inspect.getdoc(sync[name]) == inspect.getdoc(asynchronous[name]), name
    assert normalised(inspect.signature(Tmdb.__init__)) == normalised(
        inspect.signature(AsyncTmdb.__init__)
    )


def sample_arguments(method: Any) -> list[object]:
    """The smallest valid value for each positional parameter (all ids and numbers)."""
    parameters = list(inspect.signature(method).parameters.values())[1:]
    positional = [p for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert all(p.annotation == "int" for p in positional), method
    return [1 for _ in positional]


def operations_called(mode: str) -> set[tuple[str, str]]:
    """(method, path template) of every request that the API methods of one client send."""
    seen: set[tuple[str, str]] = set()

    def handler(request: httpx.Request) -> httpx.Response:
        found = _spec.find_operation(request.method, request.url.path)
        assert found is not None, request.url.path
        seen.add((found[0].method, found[0].path))
        return httpx.Response(
            404, json={"success": False, "status_code": 34, "status_message": "-"}
        )

    cls = Tmdb if mode == "sync" else AsyncTmdb
    names = [
        name
        for name in public_methods(cls)
        if not name.startswith("_") and name not in {"close", "map", "image_bytes", *SHARED}
    ]
    for name in names:
        if mode == "sync":
            with Tmdb("token", transport=httpx.MockTransport(handler)) as tmdb:
                call = getattr(tmdb, name)
                with pytest.raises(Exception, match="404"):
                    call(*sample_arguments(getattr(Tmdb, name)))
        else:

            async def run(name: str = name) -> None:
                async with AsyncTmdb("token", transport=httpx.MockTransport(handler)) as tmdb:
                    call = getattr(tmdb, name)
                    with pytest.raises(Exception, match="404"):
                        await call(*sample_arguments(getattr(AsyncTmdb, name)))

            asyncio.run(run())
    return seen


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_every_operation_of_the_spec_has_a_method(mode: str) -> None:
    in_spec = {(op.method, op.path) for op in _spec.operations().values()}
    assert operations_called(mode) == in_spec


def api_methods(cls: type[Any]) -> list[str]:
    """The methods that send a request: every public one but those that manage the client."""
    return sorted(set(public_methods(cls)) - MODE_SPECIFIC - SHARED - {"__init__", "close"})


@pytest.mark.parametrize("cls", [Tmdb, AsyncTmdb])
def test_every_api_method_takes_the_per_call_options(cls: type[Any]) -> None:
    for name in api_methods(cls):
        options = list(inspect.signature(getattr(cls, name)).parameters.values())[-1]
        assert options.kind is inspect.Parameter.VAR_KEYWORD, name
        assert str(options.annotation) == "Unpack[CallOptions]", name


@pytest.mark.parametrize(
    ("cls", "raw"), [(Tmdb, tmdb_facade.RawResponses), (AsyncTmdb, tmdb_facade.AsyncRawResponses)]
)
def test_with_raw_response_mirrors_every_api_method(cls: type[Any], raw: type[Any]) -> None:
    mirrored = {name for name in vars(raw) if not name.startswith("_")}
    assert mirrored == set(api_methods(cls))
    for name in mirrored:
        assert vars(raw)[name]._method is getattr(cls, name), name
