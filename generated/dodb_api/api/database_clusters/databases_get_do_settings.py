"""Get the DigitalOcean settings of a cluster"""

from ...models.do_settings_envelope import DoSettingsEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_do_settings",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/do_settings",
    path_params=("database_cluster_uuid",),
    success=200,
    body=None,
    result=DoSettingsEnvelope,
)
