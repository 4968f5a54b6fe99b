"""The fast model builder gives what the generated `from_dict` gives, or is `from_dict`."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self

import attrs
import orjson
import pytest

import tmdb_api.models
from tests.helpers import BUNDLED, live_body, load_json
from tests.test_models import model_for
from tmdb_api.models import Image, SeasonAggregateCredits
from tmdb_api.types import UNSET
from tmdb_facade._build import builder
from tmdb_facade._validation import OffSpec, decode_model

LIVE_200 = [p for p in sorted((BUNDLED / "live").glob("*.json")) if "error" not in p.stem]
SEEDS = sorted((BUNDLED / "seeds").glob("*.json"))
OPERATIONS = {
    "person_62_images": "person-images",
    "tv_1396_season_1_aggregate_credits": "tv-season-aggregate-credits",
    "tv_1396_season_1_credits": "tv-season-credits",
    "tv_1396_season_1_episode_1_images": "tv-episode-images",
    "tv_1396_season_1_images": "tv-season-images",
}


def bodies() -> list[tuple[str, Any]]:
    found = [(OPERATIONS[p.stem], live_body(p.stem)) for p in LIVE_200]
    return found + [(p.stem, load_json(p)) for p in SEEDS]


@pytest.mark.parametrize(("operation_id", "body"), bodies(), ids=lambda v: str(v)[:40])
def test_it_builds_what_from_dict_builds(operation_id: str, body: Any) -> None:
    model = model_for(operation_id)
    built = builder(model)(copy.deepcopy(body))
    assert built == model.from_dict(body)
    assert built.to_dict() == body


# Models with a field kind the builder does not know yet, a single nested model (`images`,
# `last_episode_to_air`, ...), so they keep from_dict. They also have attributes not named like
# their JSON key (`type_`, `credits_`, `internal_id`), which the builder, reading the key from
# the attribute's name, would get wrong once it compiles them (issue 9 replaces the builder).
FALLS_BACK = {"Configuration", "SeasonDetails", "SeriesDetails"}


def test_every_generated_model_gets_a_compiled_builder() -> None:
    # If the generator starts writing a field kind the builder does not know, the model falls
    # back to from_dict (still right, slower): this says when that happens.
    fell_back = set()
    for name in tmdb_api.models.__all__:
        model = getattr(tmdb_api.models, name)
        if builder(model) == model.from_dict:
            fell_back.add(name)
    assert fell_back == FALLS_BACK


def test_unknown_fields_are_kept_at_every_level() -> None:
    body = live_body("tv_1396_season_1_aggregate_credits")
    body["new_top_level"] = {"a": 1}
    body["cast"][0]["new_person_field"] = [1, 2]
    body["cast"][0]["roles"][0]["new_role_field"] = None
    built = builder(SeasonAggregateCredits)(copy.deepcopy(body))
    assert built == SeasonAggregateCredits.from_dict(body)
    assert built["new_top_level"] == {"a": 1}
    assert built.cast[0]["new_person_field"] == [1, 2]
    assert built.cast[0].roles[0].additional_properties == {"new_role_field": None}


def test_optional_fields_are_unset_when_absent_and_none_when_null() -> None:
    image = {
        "aspect_ratio": 0.667,
        "file_path": "/a.jpg",
        "height": 3000,
        "width": 2000,
        "iso_639_1": None,
        "vote_average": 5.3,
        "vote_count": 2,
    }
    assert builder(Image)(dict(image)).iso_3166_1 is UNSET
    assert builder(Image)(dict(image, iso_3166_1=None)).iso_3166_1 is None
    assert builder(Image)(dict(image)) == Image.from_dict(image)


@attrs.define
class Unusual:
    when: dict[str, int]
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        return cls(when=dict(src_dict["when"]))


def test_a_field_kind_it_does_not_know_keeps_the_generated_from_dict() -> None:
    assert builder(Unusual) == Unusual.from_dict


def test_when_the_models_disagree_with_the_spec_the_error_holds_the_whole_body() -> None:
    # The person-images schema accepts this body; the SeasonImages model needs `posters`.
    content = orjson.dumps(live_body("person_62_images"))
    with pytest.raises(OffSpec, match="could not be built") as caught:
        decode_model("person-images", tmdb_api.models.SeasonImages, content)
    assert caught.value.body == live_body("person_62_images")


def test_a_body_that_is_not_json_is_off_spec() -> None:
    with pytest.raises(OffSpec, match="not JSON"):
        decode_model("person-images", tmdb_api.models.PersonImages, b'{"id": 62,')


@pytest.mark.parametrize("path", LIVE_200, ids=lambda p: p.stem)
def test_decoding_gives_the_model_from_dict_gives(path: Path) -> None:
    body = live_body(path.stem)
    model = model_for(OPERATIONS[path.stem])
    assert decode_model(OPERATIONS[path.stem], model, orjson.dumps(body)) == model.from_dict(body)
