"""Get the DigitalOcean settings of a cluster"""

from ..._facts import FACTS
from ...models.do_settings_envelope import DoSettingsEnvelope
from ...types import Operation

OPERATION = Operation(
    name="databases_get_do_settings",
    method="GET",
    path="/v2/databases/{database_cluster_uuid}/do_settings",
    path_params=("database_cluster_uuid",),
    query_params=(),
    success=200,
    body=None,
    result=DoSettingsEnvelope,
    facts=FACTS["databases_get_do_settings"],
)
