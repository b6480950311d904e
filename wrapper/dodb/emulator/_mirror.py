"""What the emulator's store tells a real database engine behind it (an "engine mirror").

The store validates each change first, then calls its mirror, then commits the
record: a mirror that raises `ApiError` stops the change, so the store and the
real server never disagree. A mirror ignores clusters it does not back.
"""

from __future__ import annotations

from typing import Any, Protocol


class EngineMirror(Protocol):
    """Applies the emulator's user and database changes to real servers."""

    def cluster_added(self, cluster_id: str, engine: str, admin: str, password: str) -> None:
        """A cluster exists, with its primary user `admin` and that user's password."""

    def cluster_removed(self, cluster_id: str) -> None:
        """A cluster was destroyed: what backs it goes too."""

    def user_added(
        self, cluster_id: str, name: str, password: str, settings: dict[str, Any]
    ) -> None:
        """A user was added with this password and these (validated) settings."""

    def password_changed(self, cluster_id: str, name: str, password: str) -> None:
        """A user's password was reset: the old one must stop working."""

    def settings_changed(self, cluster_id: str, name: str, settings: dict[str, Any]) -> None:
        """A user's settings are now exactly `settings` (an update replaces them)."""

    def user_deleted(self, cluster_id: str, name: str) -> None:
        """A user is deleted; raises `ApiError` when the server refuses."""

    def database_added(self, cluster_id: str, name: str) -> None:
        """A logical database was added."""

    def database_deleted(self, cluster_id: str, name: str) -> None:
        """A logical database was deleted."""

    def connection(self, cluster_id: str, password: str, *, private: bool) -> dict[str, Any] | None:
        """The cluster's real connection details as its primary user with `password`,
        or None for a cluster this mirror does not back."""
