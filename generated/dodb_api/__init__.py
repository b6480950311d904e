"""A client library for accessing DigitalOcean Managed Database Users"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
