"""Every place our spec deliberately differs from TMDB's document or from the recordings.

Each entry names where (`*` matches anything), what differs (`present`, `type`, `format`,
`required`, `default`), TMDB's document's or the recordings' value and ours, the row of
openapi/README.md's table that explains it, and why. `tests/test_spec.py` fails on any
difference no entry covers, and on any entry that covers no difference.
"""

from __future__ import annotations

from tests.spec_compare import NO_DEFAULT, Allowed

# fmt: off
ALLOWED = [
    Allowed("document", "*", "required", False, True, 1,
            "TMDB's document marks nothing required; ours requires what every recording has"),
    Allowed("document", "* 200 $.*.iso_639_1", "type", "string", "string|null", 2,
            "TMDB sends null for an image without text (the document's own example does)"),
    Allowed("document", "* 200 $.*.iso_639_1", "type", "any", "string|null", 2,
            "an empty schema in TMDB's document; a language code or null in every response"),
    Allowed("document", "* 200 $.*.profile_path", "type", "string", "string|null", 2,
            "null for a person without a photo"),
    Allowed("document", "* 200 $.*.profile_path", "type", "any", "string|null", 2,
            "an empty schema in TMDB's document; a path or null in every response"),
    Allowed("document", "* 200 $.*[].iso_3166_1", "present", False, True, 3,
            "the live API sends it on every image now; TMDB's document predates it"),
    Allowed("document", "* 401", "present", False, True, 4, "TMDB's document has only the 200"),
    Allowed("document", "* 404", "present", False, True, 4, "TMDB's document has only the 200"),
    Allowed("document", "* 429", "present", False, True, 4, "TMDB's document has only the 200"),
    Allowed("document", "* default", "present", False, True, 4,
            "TMDB's document has only the 200"),
    Allowed("document", "* 200 $.*", "default", 0, NO_DEFAULT, 6,
            "a portal-export artefact: TMDB fills every field itself"),
    Allowed("document", "* 200 $.*.adult", "default", True, NO_DEFAULT, 6,
            "a portal-export artefact, and false for almost everyone"),
    Allowed("document", "* ?language", "default", "en-US", NO_DEFAULT, 7,
            "a default would make the generated client send language=en-US on every call"),
    Allowed("recordings", "* 200 $.*[].iso_3166_1", "type", "null", "string|null", 3,
            "one Image schema for posters, stills and profiles; posters do carry a country"),
    Allowed("recordings", "person-images 200 $.profiles[].iso_639_1", "type", "null",
            "string|null", 2,
            "one Image schema for posters, stills and profiles; the others carry languages"),
    Allowed("recordings", "tv-season-credits 200 $.cast[].profile_path", "type", "string",
            "string|null", 2,
            "one CreditPerson schema for cast and crew; crew members without a photo have null"),
    Allowed("both", "* 200 $.c*[].id", "type", "integer", "integer|null", 21,
            "crew ids TMDB has lost track of are null (jellyfin/TMDbLib#269)"),
    Allowed("both", "* 200 $.c*[].gender", "type", "integer", "integer|null", 21,
            "null on some old entries"),
    Allowed("both", "* 200 $.c*[].known_for_department", "type", "string", "string|null", 21,
            "null when TMDB has none (jdrouet/tmdb-api#72)"),
    Allowed("both", "* 200 $.c*[].original_name", "type", "string", "string|null", 21,
            "null on some old entries"),
    Allowed("both", "* 200 $.cast[]*.character", "type", "string", "string|null", 21,
            "null on some cast entries (leandcesar/themoviedb#15)"),
    Allowed("recordings", "* 404 $.success", "required", True, False, 4,
            "every error body has it (always false), but it says nothing the status does not: "
            "an error body with status_code and status_message alone is still a usable error"),
]
# fmt: on
