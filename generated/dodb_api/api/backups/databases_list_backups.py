"""List the backups of a database cluster"""

from ..._facts import FACTS
from ...models.database_backup_list import DatabaseBackupList
from ...types import Operation

OPERATION = Operation(
    name="databases_list_backups",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/backups",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DatabaseBackupList,
    facts=FACTS["databases_list_backups"],
)
