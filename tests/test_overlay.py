"""scripts/_overlay.py: Overlay 1.0 actions as the spec says, and our selection of operations."""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest

from tests.helpers import ROOT


def load_overlay_module() -> ModuleType:
    found = importlib.util.spec_from_file_location("_overlay", ROOT / "scripts" / "_overlay.py")
    assert found is not None
    assert found.loader is not None
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


overlay = load_overlay_module()


def document() -> dict[str, Any]:
    def get(operation_id: str) -> dict[str, Any]:
        return {"get": {"operationId": operation_id, "responses": {}}}

    return {
        "openapi": "3.1.0",
        "paths": {"/a": get("a"), "/b": get("b"), "/c": {**get("c"), "post": {"operationId": "p"}}},
        "components": {"schemas": {"X": {"type": "object", "tags": ["one", "two", "three"]}}},
        "info": {"title": "t", "version": "1"},
    }


def apply(actions: list[dict[str, Any]], operations: tuple[str, ...] = ("c", "a")) -> Any:
    return overlay.apply(document(), {"x-operations": list(operations), "actions": actions})


def test_selection_keeps_the_operations_listed_in_their_order() -> None:
    spec = apply([])
    assert list(spec["paths"]) == ["/c", "/a"]
    assert list(spec["paths"]["/c"]) == ["get"]  # the POST is not listed
    assert list(spec) == ["openapi", "info", "paths", "components"]


def test_update_merges_objects_appends_to_lists_and_replaces_scalars() -> None:
    spec = apply(
        [
            {"target": "$.components.schemas.X", "update": {"type": "array", "title": "X"}},
            {"target": "$.components.schemas.X.tags", "update": "four"},
            {"target": "$.info", "update": {"title": "ours", "license": {"name": "MIT"}}},
        ]
    )
    assert spec["components"]["schemas"]["X"] == {
        "type": "array",
        "tags": ["one", "two", "three", "four"],
        "title": "X",
    }
    assert list(spec["info"].items()) == [
        ("title", "ours"),
        ("version", "1"),
        ("license", {"name": "MIT"}),
    ]


def test_remove_deletes_every_node_selected_list_items_included() -> None:
    spec = apply(
        [
            {"target": "$.components.schemas.X.tags[0,2]", "remove": True},
            {"target": "$.paths.*.get.responses", "remove": True},
        ]
    )
    assert spec["components"]["schemas"]["X"]["tags"] == ["two"]
    assert spec["paths"]["/a"]["get"] == {"operationId": "a"}


def test_an_update_is_copied_not_shared() -> None:
    shared = {"description": "d"}
    spec = apply([{"target": "$.paths.*.get", "update": {"x": shared}}])
    spec["paths"]["/a"]["get"]["x"]["description"] = "changed"
    assert spec["paths"]["/c"]["get"]["x"] == shared == {"description": "d"}


@pytest.mark.parametrize(
    ("actions", "operations", "message"),
    [
        (
            [{"target": "$.paths['/z']", "description": "why", "remove": True}],
            ("a",),
            "correction #1 no longer applies: its target $.paths['/z'] matches nothing in "
            "TMDB's document. Its reason: why",
        ),
        ([], ("a", "gone"), "x-operations names gone, which TMDB's document no longer has"),
        ([{"target": "$", "remove": True}], ("a",), "would remove the whole document"),
    ],
)
def test_what_cannot_apply_fails_naming_it(
    actions: list[dict[str, Any]], operations: tuple[str, ...], message: str
) -> None:
    with pytest.raises(overlay.StaleCorrectionError) as failure:
        apply(actions, operations)
    assert message in str(failure.value)
