"""Compare our spec, fact by fact, with TMDB's own document and with what TMDB really sent.

Each schema is flattened into *locations* named by operation, status and JSON path, such as
`tv-season-images 200 $.posters[].vote_count` (a response property), `tv-season-credits
?language` (a query parameter) or `person-images {person_id}` (a path parameter). Each
location has facts: its type (with `null` when nullable), format, whether it is required and
its default. Two descriptions of the same API differ where a location is missing from one of
them or one of its facts disagrees; `Difference` names each such place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers import BUNDLED, load_json

JsonObject = dict[str, Any]
Resolve = Callable[[JsonObject], JsonObject]
Facts = dict[str, Any]
NO_DEFAULT = "(none)"
#: Facts compared with TMDB's document. `required` of array items and of the body itself has
#: no meaning, so it is None there.
FACTS = ("type", "format", "required", "default")


@dataclass(frozen=True)
class Difference:
    """One place where our spec and the other side (`against`) disagree."""

    against: str  # "document" (TMDB's OpenAPI document) or "recordings"
    where: str
    fact: str  # "present" for a location only one side has, else one of FACTS
    theirs: Any
    ours: Any

    def __str__(self) -> str:
        side = "TMDB's document" if self.against == "document" else "the recordings"
        return f"{self.where}: {self.fact} is {self.ours!r} in our spec, {self.theirs!r} in {side}"


@dataclass(frozen=True)
class Allowed:
    """A deliberate difference: `where` is a location, `*` matching any run of characters."""

    against: str  # "document", "recordings", or "both"
    where: str
    fact: str
    theirs: Any
    ours: Any
    readme: int | None  # the row of openapi/README.md's table that explains it, if any
    reason: str

    def covers(self, difference: Difference) -> bool:
        pattern = ".*".join(re.escape(part) for part in self.where.split("*"))
        return (
            self.against in (difference.against, "both")
            and (self.fact, self.theirs, self.ours)
            == (difference.fact, difference.theirs, difference.ours)
            and re.fullmatch(pattern, difference.where) is not None
        )


def resolver(document: JsonObject) -> Resolve:
    """Follow local `$ref`s within `document`."""

    def resolve(node: JsonObject) -> JsonObject:
        while "$ref" in node:
            target: Any = document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    return resolve


def _merged(node: JsonObject, resolve: Resolve) -> JsonObject:
    """`node` with its allOf / anyOf / oneOf parts folded in: every property, type, required."""
    node = resolve(node)
    parts = [resolve(p) for key in ("allOf", "anyOf", "oneOf") for p in node.get(key, [])]
    if not parts:
        return node
    merged: JsonObject = {k: v for k, v in node.items() if k not in ("allOf", "anyOf", "oneOf")}
    types = set(_types(node))
    properties = dict(node.get("properties", {}))
    required = set(node.get("required", []))
    for part in (_merged(p, resolve) for p in parts):
        types |= set(_types(part))
        properties.update(part.get("properties", {}))
        required |= set(part.get("required", []))
        for key in ("items", "format", "default"):
            if key in part:
                merged.setdefault(key, part[key])
    if types:
        merged["type"] = sorted(types)
    merged["properties"], merged["required"] = properties, sorted(required)
    return merged


def _types(schema: JsonObject) -> list[str]:
    declared = schema.get("type", [])
    types = [declared] if isinstance(declared, str) else list(declared)
    if schema.get("nullable") is True:  # OpenAPI 3.0's way of saying it
        types.append("null")
    return types


def render_type(types: Iterable[str]) -> str:
    """`string|null`; `any` for a schema with no type (`{}`)."""
    found = set(types)
    named = sorted(found - {"null"}) + (["null"] if "null" in found else [])
    return "|".join(named) or "any"


def schema_facts(schema: JsonObject, resolve: Resolve, where: str) -> dict[str, Facts]:
    """The facts of every location under `schema`, the body itself being `where`."""
    found: dict[str, Facts] = {}

    def walk(node: JsonObject, here: str, required: bool | None) -> None:
        node = _merged(node, resolve)
        found[here] = {
            "type": render_type(_types(node)),
            "format": node.get("format"),
            "required": required,
            "default": node.get("default", NO_DEFAULT),
        }
        for name, child in node.get("properties", {}).items():
            walk(child, f"{here}.{name}", name in node.get("required", []))
        if "items" in node:
            walk(node["items"], f"{here}[]", None)

    walk(schema, where, None)
    return found


def _operation(document: JsonObject, operation_id: str) -> JsonObject | None:
    for item in document["paths"].values():
        for op in item.values():
            if op.get("operationId") == operation_id:
                found: JsonObject = op
                return found
    return None


def operation_ids(document: JsonObject) -> set[str]:
    return {op["operationId"] for item in document["paths"].values() for op in item.values()}


def operation_facts(document: JsonObject, operation_id: str) -> dict[str, Facts]:
    """Every location of one operation: parameters, response statuses and their bodies."""
    resolve = resolver(document)
    op = _operation(document, operation_id)
    assert op is not None, operation_id
    found: dict[str, Facts] = {}
    for param in (resolve(p) for p in op.get("parameters", [])):
        name = f"{{{param['name']}}}" if param["in"] == "path" else f"?{param['name']}"
        facts = schema_facts(param.get("schema", {}), resolve, f"{operation_id} {name}")
        found[f"{operation_id} {name}"] = {
            **facts[f"{operation_id} {name}"],
            "required": param.get("required", False),
        }
    for status, response in op["responses"].items():
        found[f"{operation_id} {status}"] = dict.fromkeys(FACTS, "-")
        content = resolve(response).get("content", {}).get("application/json", {})
        if "schema" in content:
            found |= schema_facts(content["schema"], resolve, f"{operation_id} {status} $")
    return found


def _is_status(where: str) -> bool:
    return re.fullmatch(r"\S+ (\d{3}|default)", where) is not None


def compare_with_document(ours: dict[str, Facts], theirs: dict[str, Facts]) -> list[Difference]:
    """Where two descriptions of one operation disagree. A status only one side has is one
    difference; the body under it is not compared field by field."""
    one_sided = {where for where in ours.keys() ^ theirs.keys() if _is_status(where)}
    differences = []
    for where in sorted(ours.keys() | theirs.keys()):
        if where.split(" $", 1)[0] in one_sided and where not in one_sided:
            continue
        if (where in ours) != (where in theirs):
            differences.append(
                Difference("document", where, "present", where in theirs, where in ours)
            )
            continue
        differences += [
            Difference("document", where, fact, theirs[where][fact], ours[where][fact])
            for fact in FACTS
            if ours[where][fact] != theirs[where][fact]
        ]
    return differences


# -- the recordings ---------------------------------------------------------------------------

_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"))


def json_type(value: Any) -> str:
    """The JSON type of a parsed value; `0.0` is a number, `0` an integer."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return next(name for kind, name in _JSON_TYPES if isinstance(value, kind))


@dataclass
class Seen:
    """What the recordings show at one location."""

    types: set[str]
    times: int = 0  # how many values were recorded here
    objects: int = 0  # how many of them were objects


def observe(body: Any, where: str, seen: dict[str, Seen]) -> None:
    """Add every location of a recorded body to `seen`."""
    entry = seen.setdefault(where, Seen(set()))
    entry.types.add(json_type(body))
    entry.times += 1
    if isinstance(body, dict):
        entry.objects += 1
        for key, value in body.items():
            observe(value, f"{where}.{key}", seen)
    elif isinstance(body, list):
        for item in body:
            observe(item, f"{where}[]", seen)


def recorded_bodies(
    document: JsonObject, find: Callable[..., Any]
) -> Iterator[tuple[str, str, Any]]:
    """(operationId, status, body) of every live recording and documentation example.

    An error body is TMDB's one error object whatever the path asked, so a recorded 404
    counts for every operation that declares a 404.
    """
    declared = {
        operation["operationId"]: set(operation["responses"])
        for item in document["paths"].values()
        for operation in item.values()
    }
    for path in sorted((BUNDLED / "live").glob("*.json")):
        exchange = load_json(path)
        request, response = exchange["request"], exchange["response"]
        status = str(response["status"])
        if response["status"] >= 400:
            for operation_id, statuses in sorted(declared.items()):
                if status in statuses:
                    yield operation_id, status, response["body"]
            continue
        found = find(request["method"], request["path"])
        assert found is not None, f"{path.name}: {request['path']} is no operation of the spec"
        yield found[0].operation_id, status, response["body"]
    for path in sorted((BUNDLED / "seeds").glob("*.json")):
        assert path.stem in declared, f"seeds/{path.name} is named after no operationId"
        yield path.stem, "200", load_json(path)


def observations(bodies: Iterable[tuple[str, str, Any]]) -> dict[str, dict[str, Seen]]:
    """By operationId, the locations seen in its recorded bodies."""
    seen: dict[str, dict[str, Seen]] = defaultdict(dict)
    for operation_id, status, body in bodies:
        observe(body, f"{operation_id} {status} $", seen[operation_id])
    return seen


def compare_with_recordings(ours: dict[str, Facts], seen: dict[str, Seen]) -> list[Difference]:
    """Where our spec says more or less than the recordings show, for every status recorded.

    The recordings decide: a location recorded but not described; described under a recorded
    status but never recorded; a type wider or narrower than the values seen (`number` where
    only integers came, `|null` where no null came); `required` not matching "present in every
    object recorded".
    """
    recorded = {where.split(" $", 1)[0] for where in seen}
    differences = []
    for where in sorted(seen.keys() | ours.keys()):
        if where not in seen:
            if where.split(" $", 1)[0] in recorded and " $" in where:
                differences.append(Difference("recordings", where, "present", False, True))
            continue
        if where not in ours:
            differences.append(Difference("recordings", where, "present", True, False))
            continue
        types = seen[where].types
        if "number" in types:
            types = types - {"integer"}  # 3 and 2.5 in one field: a number
        if render_type(types) != ours[where]["type"]:
            differences.append(
                Difference("recordings", where, "type", render_type(types), ours[where]["type"])
            )
        parent = seen.get(where.rsplit(".", 1)[0])
        always = parent is not None and seen[where].times == parent.objects
        if ours[where]["required"] is not None and ours[where]["required"] != always:
            differences.append(
                Difference("recordings", where, "required", always, ours[where]["required"])
            )
    return differences


def readme_rows(readme: Path) -> set[int]:
    """The numbers of the rows of openapi/README.md's table of differences."""
    return {int(n) for n in re.findall(r"^\| (\d+) \|", readme.read_text("utf-8"), re.MULTILINE)}
