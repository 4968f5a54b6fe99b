"""Apply openapi/corrections.overlay.yaml (an OpenAPI Overlay 1.0) to TMDB's document.

Hand-written over python-jsonpath (RFC 9535 targets): the one Overlay package on PyPI
(oas-patch) skips an action whose target matches nothing, where ours must fail, and brings a
command line, templating and diffing we do not use.

Overlay 1.0 semantics: actions run in order; each `target` is a JSONPath; `remove: true`
deletes every node it selects; `update` is merged into every node it selects (objects key by
key, recursively, a new key going last; a list gets the update appended; anything else is
replaced). Two things of ours on top, both documented in openapi/README.md:
- `x-operations` at the overlay's top lists the operationIds we serve, in the order the spec
  lists them: every other operation, and every path left empty, is dropped before the actions;
- the spec's top-level keys are written in one fixed order (`ROOT_ORDER`).
"""

from __future__ import annotations

import copy
from typing import Any

import jsonpath

JsonObject = dict[str, Any]
ROOT_ORDER = ("openapi", "info", "servers", "security", "tags", "paths", "components")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class StaleCorrectionError(Exception):
    """A correction no longer applies to TMDB's document: the message names it and its reason."""


def select(document: JsonObject, operation_ids: list[str]) -> None:
    """Keep only the operations named, their paths in the order given."""
    kept: dict[str, JsonObject] = {}
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item and item[method].get("operationId") not in operation_ids:
                del item[method]
        if any(method in item for method in METHODS):
            kept[path] = item
    position = {operation_id: n for n, operation_id in enumerate(operation_ids)}
    found = {op["operationId"] for item in kept.values() for m, op in item.items() if m in METHODS}
    missing = [operation_id for operation_id in operation_ids if operation_id not in found]
    if missing:
        raise StaleCorrectionError(
            f"x-operations names {', '.join(missing)}, which TMDB's document no longer has "
            "(renamed or removed upstream: see the change report above)"
        )

    def order(path: str) -> int:
        return min(position[op["operationId"]] for m, op in kept[path].items() if m in METHODS)

    document["paths"] = {path: kept[path] for path in sorted(kept, key=order)}


def merge(node: Any, update: Any) -> Any:
    """`update` merged into `node` as Overlay 1.0 says; returns the merged node."""
    if isinstance(node, dict) and isinstance(update, dict):
        for key, value in update.items():
            node[key] = merge(node[key], value) if key in node else copy.deepcopy(value)
        return node
    if isinstance(node, list):
        node.append(copy.deepcopy(update))
        return node
    return copy.deepcopy(update)


def apply_action(document: JsonObject, number: int, action: JsonObject) -> None:
    """Apply one action; raise StaleCorrectionError when its target selects nothing."""
    matches = list(jsonpath.finditer(action["target"], document))
    if not matches:
        raise StaleCorrectionError(
            f"correction #{number} no longer applies: its target {action['target']} matches "
            f"nothing in TMDB's document. Its reason: {action.get('description', '(none)')}"
        )
    if action.get("remove") is True:
        # Last first, so that removing one list item does not shift the next one's index.
        for match in sorted(matches, key=lambda m: m.parts, reverse=True):
            parent: Any = match.parent.obj if match.parent is not None else None
            if parent is None:
                raise StaleCorrectionError(f"correction #{number} would remove the whole document")
            del parent[match.parts[-1]]
        return
    for match in matches:
        merged = merge(match.obj, action["update"])
        if merged is not match.obj:  # a scalar: replace it in its parent
            holder: Any = match.parent.obj if match.parent is not None else None
            if holder is None:
                raise StaleCorrectionError(f"correction #{number} would replace the whole document")
            holder[match.parts[-1]] = merged


def apply(upstream: JsonObject, overlay: JsonObject) -> JsonObject:
    """Our spec: `upstream` (left unchanged) with the overlay's selection and actions applied."""
    document = copy.deepcopy(upstream)
    select(document, list(overlay["x-operations"]))
    for number, action in enumerate(overlay["actions"], start=1):
        apply_action(document, number, action)
    ordered = {key: document[key] for key in ROOT_ORDER if key in document}
    return ordered | {key: value for key, value in document.items() if key not in ordered}
