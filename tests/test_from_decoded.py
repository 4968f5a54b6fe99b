"""The generated `from_decoded` (openapi/templates/model.py.jinja) builds what `from_dict` does
on every conforming body, and reads an off-spec body honestly: no typed attribute holds what
the spec does not allow, and `to_dict()` gives back what was sent."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.helpers import BUNDLED, load_json
from tests.typed_view import assert_typed
from tmdb_facade import _spec
from tmdb_facade._generated.models import AggregateCast, Image, SeasonAggregateCredits
from tmdb_facade._generated.types import Unusable
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
    import tmdb_facade._generated.models

    ref = operation.responses["200"]["content"]["application/json"]["schema"]["$ref"]
    name = ref.rsplit("/", 1)[1]
    return getattr(tmdb_facade._generated.models, name)  # type: ignore[no-any-return]


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


def test_an_off_spec_body_is_read_honestly_and_given_back_as_sent() -> None:
    person: dict[str, Any] = {
        "adult": False,
        "gender": "2",
        "id": 1,
        "known_for_department": None,
        "name": "Anna Gunn",
        "original_name": "Anna Gunn",
        "popularity": 1.5,
        "profile_path": None,
        "roles": [{"credit_id": "c", "character": None, "episode_count": 2}, 7, {"credit_id": 1}],
        "total_episode_count": 62,
        "order": 0,
    }
    sent = copy.deepcopy(person)
    found: list[tuple[Any, ...]] = []
    built = AggregateCast.from_decoded(person, found)
    assert built.gender is None  # nullable: what is not an integer reads as null
    assert [role.credit_id for role in built.roles] == ["c"]  # 7 and the broken role set aside
    assert [(f[1], f[5]) for f in found] == [
        ("gender", "null"),
        (1, "dropped"),
        ("credit_id", "fatal"),  # inside roles[2]: not a string, and never null
        ("character", "null"),  # inside roles[2]: missing, may be null
        ("episode_count", "fatal"),  # inside roles[2]: missing
        (2, "dropped"),
    ]
    assert built.to_dict() == sent
    assert_typed(built)


def test_a_required_field_that_cannot_be_read_makes_the_object_unusable() -> None:
    with pytest.raises(Unusable) as caught:
        Image.from_decoded({"file_path": "/a.jpg", "height": "tall"}, [])
    assert caught.value.model.to_dict() == {"file_path": "/a.jpg", "height": "tall"}
