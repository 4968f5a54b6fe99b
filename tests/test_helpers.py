"""Image and credit helpers, on the real Breaking Bad season 1 recordings."""

from __future__ import annotations

import pytest

from tests.helpers import live_body
from tmdb_facade import (
    IMAGE_SIZES,
    InvalidArgumentError,
    best_image,
    cast_in_billing_order,
    crew_by_department,
    crew_by_job,
    image_sizes,
    image_url,
    merge_aggregate_crew,
    most_episodes_first,
    rank_images,
)
from tmdb_facade.models import (
    Configuration,
    EpisodeImages,
    Image,
    PersonImages,
    SeasonAggregateCredits,
    SeasonCredits,
    SeasonImages,
)

POSTERS = SeasonImages.from_dict(live_body("tv_1396_season_1_images")).posters
STILLS = EpisodeImages.from_dict(live_body("tv_1396_season_1_episode_1_images")).stills
PROFILES = PersonImages.from_dict(live_body("person_62_images")).profiles
CREDITS = SeasonCredits.from_dict(live_body("tv_1396_season_1_credits"))
AGGREGATE = SeasonAggregateCredits.from_dict(live_body("tv_1396_season_1_aggregate_credits"))


def test_image_url_from_a_model_and_from_a_path() -> None:
    still = STILLS[0]
    expected = f"https://image.tmdb.org/t/p/w300{still.file_path}"
    assert image_url(still, "w300", kind="still") == expected
    assert image_url(still.file_path, "w300") == expected
    assert image_url(still) == f"https://image.tmdb.org/t/p/original{still.file_path}"


def test_image_url_follows_another_base_url() -> None:
    url = image_url(PROFILES[0], "h632", kind="profile", base_url="http://127.0.0.1:8/t/p")
    assert url == f"http://127.0.0.1:8/t/p/h632{PROFILES[0].file_path}"


@pytest.mark.parametrize(("kind", "sizes"), sorted(IMAGE_SIZES.items()))
def test_every_listed_size_is_accepted_and_original_always(kind: str, sizes: tuple[str]) -> None:
    assert "original" in sizes
    for size in sizes:
        assert image_url("/a.jpg", size, kind=kind).endswith(f"/{size}/a.jpg")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("size", "kind"),
    [("w300", "poster"), ("w500", "still"), ("w500", "profile"), ("w1000", None), ("", None)],
)
def test_sizes_tmdb_does_not_render_are_rejected(size: str, kind: str | None) -> None:
    with pytest.raises(InvalidArgumentError, match="size must be one of"):
        image_url("/a.jpg", size, kind=kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["a.jpg", "", "/../../etc/passwd", "/a/b.jpg"])
def test_bad_file_paths_are_rejected(path: str) -> None:
    with pytest.raises(InvalidArgumentError):
        image_url(path)


def test_best_poster_prefers_language_order_then_votes() -> None:
    best = best_image(POSTERS, ["en", None])
    english = [p for p in POSTERS if p.iso_639_1 == "en"]
    assert best is not None
    assert best.iso_639_1 == "en"
    assert best.vote_average == max(p.vote_average for p in english)
    french_first = best_image(POSTERS, ["fr", "en"])
    assert french_first is not None
    assert french_first.iso_639_1 == "fr"


def test_best_image_without_language_picks_text_free_images() -> None:
    best = best_image(POSTERS, [None])
    assert best is not None
    assert best.iso_639_1 is None


def test_best_image_is_none_when_no_language_fits() -> None:
    assert best_image(POSTERS, ["xx"]) is None
    assert best_image([], ["en"]) is None


def image(language: str | None, votes: float, count: int, width: int) -> Image:
    return Image(
        aspect_ratio=0.667,
        file_path=f"/{language}-{votes}-{count}-{width}.jpg",
        height=int(width * 1.5),
        width=width,
        iso_639_1=language,
        vote_average=votes,
        vote_count=count,
    )


def test_ranking_breaks_ties_by_vote_count_then_resolution() -> None:
    small, large = image("en", 5.0, 3, 500), image("en", 5.0, 3, 2000)
    popular = image("en", 5.0, 9, 100)
    loved = image("en", 9.0, 1, 100)
    assert rank_images([small, large, popular, loved], ["en"]) == [loved, popular, large, small]


def test_rank_images_rejects_a_string_language_list() -> None:
    with pytest.raises(InvalidArgumentError):
        rank_images(POSTERS, "en")


def test_cast_in_billing_order() -> None:
    shuffled = list(reversed(CREDITS.cast))
    names = [member.name for member in cast_in_billing_order(shuffled)]
    assert names[:3] == ["Bryan Cranston", "Aaron Paul", "Anna Gunn"]
    assert cast_in_billing_order(CREDITS.cast)[0].character == "Walter White"


def test_crew_by_department_and_by_job() -> None:
    departments = crew_by_department(CREDITS.crew)
    assert list(departments) == sorted(departments)
    assert len(departments["Production"]) == 6
    assert sum(len(members) for members in departments.values()) == len(CREDITS.crew)
    jobs = crew_by_job(CREDITS.crew)
    assert "Story Editor" in jobs
    assert all(member.job == job for job, members in jobs.items() for member in members)


def test_aggregate_crew_by_job_lists_each_job() -> None:
    jobs = crew_by_job(AGGREGATE.crew)
    gilligan_jobs = {job for job, people in jobs.items() if any(p.id == 66633 for p in people)}
    assert gilligan_jobs == {"Director", "Executive Producer", "Writer"}


def test_aggregate_crew_is_merged_per_person() -> None:
    merged = merge_aggregate_crew(AGGREGATE.crew)
    assert len(merged) == len({entry.id for entry in AGGREGATE.crew})
    (gilligan,) = [member for member in merged if member.name == "Vince Gilligan"]
    assert sorted(gilligan.departments) == ["Directing", "Production", "Writing"]
    assert sorted(job.job for job in gilligan.jobs) == ["Director", "Executive Producer", "Writer"]
    assert gilligan.total_episode_count == 7


def test_most_episodes_first() -> None:
    cast = most_episodes_first(AGGREGATE.cast)
    counts = [member.total_episode_count for member in cast]
    assert counts == sorted(counts, reverse=True)
    assert cast[0].name == "Bryan Cranston"  # ties keep billing order
    crew = most_episodes_first(merge_aggregate_crew(AGGREGATE.crew))
    assert crew[0].total_episode_count == max(m.total_episode_count for m in AGGREGATE.crew)


def test_image_url_takes_the_sizes_from_tmdbs_configuration() -> None:
    config = Configuration.from_decoded(
        {
            "images": {
                "base_url": "http://image.tmdb.org/t/p/",
                "secure_base_url": "https://image.tmdb.org/t/p/",
                "backdrop_sizes": ["w300", "original"],
                "logo_sizes": ["w45", "original"],
                "poster_sizes": ["w92", "w2000", "original"],
                "profile_sizes": ["w45", "original"],
                "still_sizes": ["w92", "original"],
            },
            "change_keys": [],
        }
    )
    sizes = image_sizes(config)
    assert sizes["poster"] == ("w92", "w2000", "original")
    url = image_url("/a.jpg", "w2000", kind="poster", sizes=sizes)
    assert url == "https://image.tmdb.org/t/p/w2000/a.jpg"
    with pytest.raises(InvalidArgumentError, match="w2000"):
        image_url("/a.jpg", "w2000", kind="poster")  # not in the built-in table
    with pytest.raises(InvalidArgumentError, match="poster size must be one of"):
        image_url("/a.jpg", "w500", kind="poster", sizes=sizes)
