"""List what clusters can be made"""

from ..._facts import FACTS
from ...models.database_options import DatabaseOptions
from ...types import Operation

OPERATION = Operation(
    name="databases_list_options",
    method="GET",
    path="/v2/databases/options",
    path_params=(),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseOptions,
    facts=FACTS["databases_list_options"],
)
