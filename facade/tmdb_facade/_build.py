"""Build the generated models from decoded, validated JSON, faster than their `from_dict`.

The generated `from_dict` is written for any input: it copies each object's dict before
popping its fields, imports the nested models and defines a helper function on every call.
For a 5,000-person aggregate credits that was 60 % of decoding. Here a builder is compiled
once per model class, from its attrs fields (the way attrs compiles `__init__`): it pops the
fields from the dict just decoded, which nothing else holds and so needs no copy, and passes
them to the constructor positionally. What is left in the dict becomes
`additional_properties`, as in `from_dict`.

Only field types whose `from_dict` code is a plain `d.pop` are built here: JSON scalars, their
nullable (`None | str`) and optional (`... | Unset`) forms, lists of scalars, and required
lists of models built the same way. A class with any other field keeps its `from_dict`, so
this is never different, only faster; `tests/test_build.py` checks the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol, Self, TypeVar

import attrs

import tmdb_api.models
from tmdb_api.types import UNSET

__all__ = ["Model", "builder"]


class Model(Protocol):
    """What every generated model has."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=Model)

# The generator writes these as `d.pop(key)` with no conversion: JSON gives them as they are.
_SCALARS = frozenset({"bool", "int", "float", "str", "Any"})
_LIST = re.compile(r"list\[(\w+)\]")
_builders: dict[type[Any], Callable[[dict[str, Any]], Any]] = {}


def _model_class(name: str) -> type[Any] | None:
    found = getattr(tmdb_api.models, name, None)
    return found if isinstance(found, type) and attrs.has(found) else None


def _field_expression(field: attrs.Attribute[Any], env: dict[str, Any]) -> str | None:
    """The expression that reads `field` from the dict `d`, or None if this can't build it."""
    key = field.name
    # A string: the generated modules use `from __future__ import annotations`.
    annotation: object = field.type
    if not isinstance(annotation, str) or not key.isidentifier():
        return None
    parts = [part.strip() for part in annotation.split("|")]
    optional, nullable = "Unset" in parts, "None" in parts
    rest = [part for part in parts if part not in ("None", "Unset")]
    if len(rest) != 1 or (optional and field.default is not UNSET):
        return None
    read = f"d.pop({key!r}, _UNSET)" if optional else f"d.pop({key!r})"
    (kind,) = rest
    if kind in _SCALARS:
        return read
    match = _LIST.fullmatch(kind)
    if match is None:
        return None
    if match[1] in _SCALARS:
        return read
    item_class = _model_class(match[1])
    if item_class is None or optional or nullable:
        return None
    env[f"_build_{key}"] = builder(item_class)
    return f"[_build_{key}(x) for x in {read}]"


def _compile(model: type[Any]) -> Callable[[dict[str, Any]], Any]:
    fields = attrs.fields(model)
    extra = [f for f in fields if f.name == "additional_properties" and not f.init]
    env: dict[str, Any] = {"_model": model, "_UNSET": UNSET}
    arguments = []
    for field in fields:
        if not field.init:
            continue
        expression = None if field.kw_only else _field_expression(field, env)
        if expression is None:
            return model.from_dict  # type: ignore[no-any-return]
        arguments.append(expression)
    if len(extra) != 1 or len(arguments) != len(fields) - 1:
        return model.from_dict  # type: ignore[no-any-return]
    source = (
        "def build(d):\n"
        f"    built = _model({', '.join(arguments)})\n"
        "    built.additional_properties = d\n"
        "    return built\n"
    )
    exec(compile(source, f"<tmdb_facade builder for {model.__name__}>", "exec"), env)
    built: Callable[[dict[str, Any]], Any] = env["build"]
    return built


def builder(model: type[M]) -> Callable[[dict[str, Any]], M]:
    """A function that turns decoded JSON (a dict it may empty) into `model`, like `from_dict`.

    >>> from tmdb_api.models import Role
    >>> builder(Role)({"credit_id": "x", "character": "Walter White", "episode_count": 7})
    Role(credit_id='x', character='Walter White', episode_count=7, additional_properties={})
    """
    found = _builders.get(model)
    if found is None:
        found = _builders[model] = _compile(model)
    return found
