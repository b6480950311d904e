"""List what clusters can be made"""

from ...models.database_options import DatabaseOptions
from ...types import Operation

OPERATION = Operation(
    name="databases_list_options",
    method="GET",
    path="/v2/databases/options",
    path_params=(),
    success=200,
    body=None,
    result=DatabaseOptions,
)
