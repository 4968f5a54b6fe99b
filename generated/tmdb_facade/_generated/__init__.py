"""A client library for accessing TMDB API v3 (images, season credits, series and season details)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
