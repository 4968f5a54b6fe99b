"""A client library for accessing TMDB API v3 (images and season credits)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
