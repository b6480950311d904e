"""The operations tagged kafka_schema_registry, by operationId."""

from .databases_create_kafka_schema import OPERATION as databases_create_kafka_schema
from .databases_delete_kafka_schema import OPERATION as databases_delete_kafka_schema
from .databases_get_kafka_schema import OPERATION as databases_get_kafka_schema
from .databases_get_kafka_schema_config import (
    OPERATION as databases_get_kafka_schema_config,
)
from .databases_get_kafka_schema_subject_config import (
    OPERATION as databases_get_kafka_schema_subject_config,
)
from .databases_get_kafka_schema_version import (
    OPERATION as databases_get_kafka_schema_version,
)
from .databases_list_kafka_schemas import OPERATION as databases_list_kafka_schemas
from .databases_update_kafka_schema_config import (
    OPERATION as databases_update_kafka_schema_config,
)
from .databases_update_kafka_schema_subject_config import (
    OPERATION as databases_update_kafka_schema_subject_config,
)

__all__ = [
    "databases_create_kafka_schema",
    "databases_delete_kafka_schema",
    "databases_get_kafka_schema",
    "databases_get_kafka_schema_config",
    "databases_get_kafka_schema_subject_config",
    "databases_get_kafka_schema_version",
    "databases_list_kafka_schemas",
    "databases_update_kafka_schema_config",
    "databases_update_kafka_schema_subject_config",
]
