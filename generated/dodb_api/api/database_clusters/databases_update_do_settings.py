"""Change the DigitalOcean settings of a cluster"""

from ..._facts import FACTS
from ...models.do_settings_update import DoSettingsUpdate
from ...types import Operation

OPERATION = Operation(
    name="databases_update_do_settings",
    method="PUT",
    path="/v2/databases/{database_cluster_uuid}/do_settings",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=204,
    body=DoSettingsUpdate,
    result=None,
    facts=FACTS["databases_update_do_settings"],
)
