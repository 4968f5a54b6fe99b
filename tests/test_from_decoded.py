"""The generated `from_decoded` (openapi/templates/model.py.jinja) builds what `from_dict` does
on every conforming body, and keeps an off-spec body's values as sent instead of failing."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.helpers import BUNDLED, load_json
from tmdb_api.models import AggregateCast, Image, SeasonAggregateCredits
from tmdb_api.types import UNSET
from tmdb_facade import _spec
from tmdb_facade.testing import _data


def served() -> list[tuple[str, Any, type[Any]]]:
    """(path, body, model) for every bundled body the fake server answers with."""
    from tmdb_facade._calls import ApiCall  # noqa: F401  (loads the clients' modules)

    cases = []
    for path, recording in _data.routes().items():
        found = _spec.find_operation("GET", path)
        assert found is not None, path
        model = _model_for(found[0])
        cases.append((path, recording.body, model))
    return cases


def _model_for(operation: _spec.Operation) -> type[Any]:
    import tmdb_api.models

    ref = operation.responses["200"]["content"]["application/json"]["schema"]["$ref"]
    name = ref.rsplit("/", 1)[1]
    return getattr(tmdb_api.models, name)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("path", "body", "model"), served(), ids=lambda v: str(v)[:40])
def test_builds_the_same_model_as_from_dict(path: str, body: Any, model: type[Any]) -> None:
    assert model.from_decoded(copy.deepcopy(body)) == model.from_dict(body)


def test_the_comparison_sees_a_difference() -> None:
    body = load_json(BUNDLED / "live" / "tv_1396_season_1_aggregate_credits.json")["response"]
    built = SeasonAggregateCredits.from_decoded(copy.deepcopy(body["body"]))
    built.cast[0].roles[0].character = "Heisenberg"
    assert built != SeasonAggregateCredits.from_dict(body["body"])


def test_unknown_fields_are_kept_as_additional_properties() -> None:
    image = Image.from_decoded(
        {
            "aspect_ratio": 0.667,
            "height": 3000,
            "iso_639_1": None,
            "file_path": "/a.jpg",
            "vote_average": 5.0,
            "vote_count": 1,
            "width": 2000,
            "new_field": [1, 2],
        }
    )
    assert image.additional_properties == {"new_field": [1, 2]}


def test_an_off_spec_body_is_kept_as_sent() -> None:
    person: dict[str, Any] = {"id": None, "name": "Anna Gunn", "roles": [{"character": None}, 7]}
    built: Any = AggregateCast.from_decoded(person)  # typed as conforming, which it is not
    assert built.id is None
    assert built.known_for_department is UNSET
    assert built.roles[0].character is None
    assert built.roles[1] == 7
