"""Real responses parse into the generated models and serialise back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import tmdb_api.models
from tests.helpers import BUNDLED, load_json
from tmdb_facade import _spec

LIVE = sorted((BUNDLED / "live").glob("*.json"))
SEEDS = sorted((BUNDLED / "seeds").glob("*.json"))


def model_for(operation_id: str) -> Any:
    """The generated class the spec names for the operation's 200 body."""
    ref = _spec.response_schema(operation_id, 200)["$ref"]
    return getattr(tmdb_api.models, ref.rsplit("/", 1)[1])


def canonical(value: Any) -> str:
    # json.dumps keeps 0.0 and 0 apart, and None apart from a missing key.
    return json.dumps(value, sort_keys=True)


def live_exchange(path: Path) -> tuple[str, int, Any]:
    exchange = load_json(path)
    found = _spec.find_operation(exchange["request"]["method"], exchange["request"]["path"])
    operation_id = found[0].operation_id if found else ""
    return operation_id, exchange["response"]["status"], exchange["response"]["body"]


@pytest.mark.parametrize("path", LIVE, ids=lambda p: p.stem)
def test_live_bodies_validate_against_the_spec(path: Path) -> None:
    operation_id, status, body = live_exchange(path)
    if not operation_id:
        # The two 404 recordings ask for the whole series/person, which is not among the five
        # operations; their body is TMDB's error body all the same.
        assert status == 404
        operation_id = "person-images"
    jsonschema.validate(body, _spec.response_schema(operation_id, status))


@pytest.mark.parametrize("path", [p for p in LIVE if "error" not in p.stem], ids=lambda p: p.stem)
def test_live_200_bodies_round_trip_through_the_models(path: Path) -> None:
    operation_id, status, body = live_exchange(path)
    assert status == 200
    model = model_for(operation_id).from_dict(body)
    assert canonical(model.to_dict()) == canonical(body)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_documentation_examples_validate_and_round_trip(path: Path) -> None:
    body = load_json(path)
    jsonschema.validate(body, _spec.response_schema(path.stem, 200))
    assert canonical(model_for(path.stem).from_dict(body).to_dict()) == canonical(body)


def test_unknown_fields_and_nulls_are_preserved() -> None:
    body = load_json(BUNDLED / "seeds" / "tv-season-images.json")
    body["posters"][0]["brand_new_field"] = {"nested": [1, None]}
    body["posters"][0]["iso_639_1"] = None
    body["added_at_top_level"] = None
    model = model_for("tv-season-images").from_dict(body)
    assert model.posters[0]["brand_new_field"] == {"nested": [1, None]}
    assert model.posters[0].iso_639_1 is None
    assert canonical(model.to_dict()) == canonical(body)


def test_optional_iso_3166_1_stays_absent_when_absent() -> None:
    body = load_json(BUNDLED / "seeds" / "person-images.json")
    assert all("iso_3166_1" not in image for image in body["profiles"])
    assert canonical(model_for("person-images").from_dict(body).to_dict()) == canonical(body)
