"""The operations tagged database_users, by operationId."""

from .databases_add_user import OPERATION as databases_add_user
from .databases_delete_user import OPERATION as databases_delete_user
from .databases_get_user import OPERATION as databases_get_user
from .databases_list_users import OPERATION as databases_list_users
from .databases_reset_auth import OPERATION as databases_reset_auth
from .databases_update_user import OPERATION as databases_update_user

__all__ = [
    "databases_add_user",
    "databases_delete_user",
    "databases_get_user",
    "databases_list_users",
    "databases_reset_auth",
    "databases_update_user",
]
