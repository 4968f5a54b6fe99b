"""tmdb-facade: a typed client for TMDB's image and season credits endpoints."""

__version__ = "0.1.0"
