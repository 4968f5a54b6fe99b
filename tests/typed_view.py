"""Types never lie: every attribute of a model, and of every model inside it, holds a value of
its annotated type. typeguard judges each value against the annotation the generator wrote."""

from __future__ import annotations

import functools
import typing
from typing import Any

import attrs
import typeguard

import tmdb_facade._generated.models

#: Attributes every generated model has besides the spec's fields, not part of the typed view.
_NOT_FIELDS = frozenset({"additional_properties", "spec_deviations", "_as_sent", "_answer"})


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    # The generated modules import the models they nest under TYPE_CHECKING only.
    models = {
        name: getattr(tmdb_facade._generated.models, name)
        for name in tmdb_facade._generated.models.__all__
    }
    return typing.get_type_hints(cls, localns=models)


def mistyped(model: Any, path: str = "$") -> list[str]:
    """Where `model` (or a model inside it) holds a value that is not of its annotated type."""
    found: list[str] = []
    for field in attrs.fields(type(model)):
        if field.name in _NOT_FIELDS:
            continue
        value = getattr(model, field.name)
        where = f"{path}.{field.name}"
        try:
            hint = _hints(model.__class__)[field.name]
            typeguard.check_type(value, hint, collection_check_strategy=_ALL_ITEMS)
        except typeguard.TypeCheckError as error:
            found.append(f"{where}: {error}")
            continue
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if attrs.has(type(item)):
                found += mistyped(item, f"{where}[{index}]" if isinstance(value, list) else where)
    return found


_ALL_ITEMS = typeguard.CollectionCheckStrategy.ALL_ITEMS


def assert_typed(model: object) -> None:
    """Fail naming every attribute whose value is not of its declared type."""
    wrong = mistyped(model)
    assert not wrong, "\n".join(wrong)
