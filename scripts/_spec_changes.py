"""What changed between two versions of TMDB's OpenAPI document, for `scripts/regenerate
--upstream`: operations added or removed, and the parameters, statuses and response fields of
the others added, removed or retyped."""

from __future__ import annotations

from typing import Any

JsonObject = dict[str, Any]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(document: JsonObject) -> dict[str, tuple[str, JsonObject]]:
    """By operationId: ("GET /3/...", the operation)."""
    return {
        op.get("operationId", f"{method.upper()} {path}"): (f"{method.upper()} {path}", op)
        for path, item in document.get("paths", {}).items()
        for method, op in item.items()
        if method in METHODS
    }


def _resolve(document: JsonObject, node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 50:  # bounded: a ref cycle
        target: Any = document
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node, seen = target, seen + 1
    return node


def _describe(schema: Any) -> str:
    if not isinstance(schema, dict):
        return "?"
    kind = schema.get("type", "any")
    text = "|".join(kind) if isinstance(kind, list) else str(kind)
    return f"{text} ({schema['format']})" if "format" in schema else text


def fields(document: JsonObject, operation: JsonObject) -> dict[str, str]:
    """Each parameter, status and response field of `operation`, with its type."""
    found: dict[str, str] = {}
    for param in (_resolve(document, p) for p in operation.get("parameters", [])):
        where = "path" if param.get("in") == "path" else param.get("in", "?")
        required = ", required" if param.get("required") else ""
        found[f"{where} parameter {param.get('name')}"] = _describe(param.get("schema")) + required

    def walk(node: Any, where: str, depth: int) -> None:
        node = _resolve(document, node)
        if not isinstance(node, dict) or depth > 30:  # bounded: a schema nesting itself
            return
        found[where] = _describe(node)
        for name, child in (node.get("properties") or {}).items():
            walk(child, f"{where}.{name}", depth + 1)
        if "items" in node:
            walk(node["items"], f"{where}[]", depth + 1)

    for status, response in operation.get("responses", {}).items():
        found[f"{status} answer"] = "present"
        content = (_resolve(document, response).get("content") or {}).get("application/json", {})
        if "schema" in content:
            walk(content["schema"], f"{status} $", 0)
    return found


def report(old: JsonObject, new: JsonObject, served: set[str]) -> list[str]:
    """One line per change from `old` to `new`; served operations are marked `(ours)`."""
    before, after = operations(old), operations(new)
    lines: list[str] = []

    def mark(operation_id: str) -> str:
        return f"{operation_id} (ours)" if operation_id in served else operation_id

    for operation_id in sorted(after.keys() - before.keys()):
        lines.append(f"operation added: {mark(operation_id)}, {after[operation_id][0]}")
    for operation_id in sorted(before.keys() - after.keys()):
        lines.append(f"operation removed: {mark(operation_id)}, {before[operation_id][0]}")
    for operation_id in sorted(before.keys() & after.keys()):
        if before[operation_id][0] != after[operation_id][0]:
            moved = f"{before[operation_id][0]} -> {after[operation_id][0]}"
            lines.append(f"operation moved: {mark(operation_id)}, {moved}")
        was, now = fields(old, before[operation_id][1]), fields(new, after[operation_id][1])
        for where in sorted(was.keys() | now.keys()):
            if where not in was:
                lines.append(f"field added: {mark(operation_id)} {where}: {now[where]}")
            elif where not in now:
                lines.append(f"field removed: {mark(operation_id)} {where}: {was[where]}")
            elif was[where] != now[where]:
                change = f"{was[where]} -> {now[where]}"
                lines.append(f"field changed: {mark(operation_id)} {where}: {change}")
    return lines
