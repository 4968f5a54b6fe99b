"""Types never lie, in tolerant mode too: answers that depart from the spec the way real APIs do
(a null, a missing field, a number sent as a string, a list item that is not an object) give
models whose every attribute holds its declared type, whose `to_dict()` is the body as sent, and
which every helper and every command line command accepts. Seeded and bounded."""

from __future__ import annotations

import contextlib
import json
import warnings
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.cli import RunCli, offline_also_answers
from tests.typed_view import assert_typed
from tmdb_facade import ResponseValidationError, SpecDeviationWarning, Tmdb, TmdbError
from tmdb_facade._generated.models import (
    AggregateCast,
    AggregateCrew,
    CastCredit,
    Configuration,
    CrewCredit,
    Image,
)
from tmdb_facade.credits import (
    cast_in_billing_order,
    crew_by_department,
    crew_by_job,
    merge_aggregate_crew,
    most_episodes_first,
)
from tmdb_facade.images import best_image, image_sizes, image_url, rank_images
from tmdb_facade.testing import _data

#: Each method with sample arguments, and the API path it asks for with them.
CALLS: dict[str, tuple[tuple[int, ...], str]] = {
    "season_images": ((1396, 1), "/3/tv/1396/season/1/images"),
    "episode_images": ((1396, 1, 1), "/3/tv/1396/season/1/episode/1/images"),
    "person_images": ((62,), "/3/person/62/images"),
    "season_credits": ((1396, 1), "/3/tv/1396/season/1/credits"),
    "season_aggregate_credits": ((1396, 1), "/3/tv/1396/season/1/aggregate_credits"),
    "image_config": ((), "/3/configuration"),
    "series_details": ((1396,), "/3/tv/1396"),
    "season_details": ((1396, 1), "/3/tv/1396/season/1"),
}

#: Each command line command, and the path whose answer it shows (`{out}`: a fresh folder).
COMMANDS: list[tuple[list[str], str]] = [
    (["season-credits", "1396", "1"], CALLS["season_credits"][1]),
    (["season-credits", "1396", "1", "--json"], CALLS["season_credits"][1]),
    (["aggregate-credits", "1396", "1"], CALLS["season_aggregate_credits"][1]),
    (["season-images", "1396", "1"], CALLS["season_images"][1]),
    (["season-images", "1396", "1", "--best"], CALLS["season_images"][1]),
    (["season-images", "1396", "1", "--best", "--json"], CALLS["season_images"][1]),
    (["episode-images", "1396", "1", "1"], CALLS["episode_images"][1]),
    (["person-images", "62", "--json"], CALLS["person_images"][1]),
    (["image-config"], CALLS["image_config"][1]),
    (["series", "1396"], CALLS["series_details"][1]),
    (["season", "1396", "1"], CALLS["season_details"][1]),
    (["download", "season-posters", "1396", "1", "--to", "{out}"], CALLS["season_images"][1]),
    (
        ["download", "series-posters", "1396", "--season", "1", "--to", "{out}"],
        CALLS["series_details"][1],
    ),
    (
        ["download", "series-stills", "1396", "--season", "1", "--to", "{out}"],
        CALLS["season_details"][1],
    ),
]

#: The real body of each path, as the fake TMDB answers it; the recorded stills stand in for
#: those of every episode of season 1, which the recordings lack.
BODIES = {path: recording.body for path, recording in _data.routes().items()}
BODIES.update(
    {
        f"/3/tv/1396/season/1/episode/{n}/images": BODIES[CALLS["episode_images"][1]]
        for n in range(2, 8)
    }
)

#: Ways real APIs depart from their spec (themoviedb #15, tmdb-ts #61, TMDbLib #269).
OFF_SPEC = st.sampled_from(["null", "missing", "string", "number", "not-an-object", "empty"])


def places(body: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON body, as the keys and indexes leading to it."""
    yield path
    children = (
        body.items()
        if isinstance(body, dict)
        else enumerate(body)
        if isinstance(body, list)
        else ()
    )
    for key, child in children:
        yield from places(child, (*path, key))


def departed(body: Any, where: tuple[Any, ...], how: str) -> Any:
    """`body` (a copy) with the value at `where` departing from the spec `how`."""
    body = json.loads(json.dumps(body))
    if not where:
        return body
    *parents, last = where
    holder = body
    for key in parents:
        holder = holder[key]
    value = holder[last]
    if how == "missing" and isinstance(holder, dict):
        del holder[last]
    else:
        holder[last] = {
            "null": None,
            "string": json.dumps(value)[:20],
            "number": 7,
            "not-an-object": "x" if isinstance(value, dict) else [value],
            "empty": [] if not isinstance(value, list) else {},
        }.get(how)
    return body


@st.composite
def off_spec_answers(draw: st.DrawFn, path: str) -> Any:
    """The real answer of `path` with one to three values departing from the spec."""
    body = BODIES[path]
    every_place = list(places(body))[1:]
    for _ in range(draw(st.integers(1, 3))):
        body = departed(body, draw(st.sampled_from(every_place)), draw(OFF_SPEC))
        every_place = list(places(body))[1:] or [()]
    return body


def models_in(model: Any) -> Iterator[Any]:
    """`model` and every model inside it."""
    yield model
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        for item in value if isinstance(value, list) else [value]:
            if attrs.has(type(item)) and field.name != "spec_deviations":
                yield from models_in(item)


def lists_of(model: Any, kind: type) -> Iterator[list[Any]]:
    """Every list of `kind` models anywhere in `model` (appended answers included)."""
    for inner in models_in(model):
        for field in attrs.fields(type(inner)):
            value = getattr(inner, field.name)
            if isinstance(value, list) and value and all(type(v) is kind for v in value):
                yield value


def use_with_every_helper(model: object) -> None:
    """What users do with a result: each helper on each list it takes. Only a `TmdbError`
    (a file path that is not safe in a URL, say) may come out."""
    uses: list[Callable[[], object]] = []
    for cast in lists_of(model, CastCredit):
        uses.append(partial(cast_in_billing_order, cast))
    for crew in lists_of(model, CrewCredit):
        uses += [partial(crew_by_department, crew), partial(crew_by_job, crew)]
    for aggregate in lists_of(model, AggregateCast):
        uses.append(partial(most_episodes_first, aggregate))
    for aggregate_crew in lists_of(model, AggregateCrew):
        uses += [
            partial(lambda c: most_episodes_first(merge_aggregate_crew(c)), aggregate_crew),
            partial(crew_by_department, aggregate_crew),
            partial(crew_by_job, aggregate_crew),
        ]
    for images in lists_of(model, Image):
        uses += [partial(rank_images, images, ["en", None]), partial(best_image, images)]
        uses += [partial(lambda i: [image_url(image) for image in i], images)]
    if isinstance(model, Configuration):
        uses.append(
            partial(image_url, "/a.jpg", "original", kind="poster", sizes=image_sizes(model))
        )
    for use in uses:
        with contextlib.suppress(TmdbError):
            use()


def client(path: str, body: Any) -> Tmdb:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, json=body if request.url.path == path else BODIES[request.url.path]
        )

    return Tmdb("t", transport=httpx.MockTransport(answer), rate_limit=None, max_retries=0)


SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.parametrize("method", sorted(CALLS))
def test_every_model_a_call_returns_is_honest_and_gives_back_what_was_sent(method: str) -> None:
    args, path = CALLS[method]
    honest = 0

    @seed(20261204)
    @SETTINGS
    @given(body=off_spec_answers(path))
    def check(body: Any) -> None:
        nonlocal honest
        with client(path, body) as tmdb, warnings.catch_warnings():
            warnings.simplefilter("ignore", SpecDeviationWarning)
            try:
                model = getattr(tmdb, method)(*args)
            except ResponseValidationError:
                return  # a required top-level field that cannot be read: said, not hidden
        honest += 1
        assert_typed(model)
        assert model.to_dict() == body
        assert json.loads(json.dumps(model.to_dict())) == body
        assert all(d.json_path.startswith("$") for d in model.spec_deviations)
        use_with_every_helper(model)

    check()
    assert honest, "no off-spec answer was read: the test would prove nothing"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[0][:3]))
def test_every_command_takes_every_model_without_a_traceback(
    command: tuple[list[str], str],
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    args, path = command

    @seed(20261204)
    @settings(SETTINGS, max_examples=12)
    @given(body=off_spec_answers(path))
    def check(body: Any) -> None:
        offline_also_answers(monkeypatch, {**BODIES, path: body})
        out = tmp_path / "out"
        result = run_cli(*[arg.replace("{out}", str(out)) for arg in args], "--retries", "0")
        assert "Traceback" not in result.stderr
        # 0, or TMDB's failure, typed: 4 not found (an episode the answer made up), 7 a bad
        # response, 8 a file problem; never 2, the caller's mistake.
        assert result.exit_code in (0, 4, 7, 8), result.stderr
        if result.exit_code:
            assert result.error

    check()
