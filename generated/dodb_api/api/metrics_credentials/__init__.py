"""The operations tagged metrics_credentials: a module per operationId, each holding
its `OPERATION` row. Nothing is imported here, so a call loads its own row only
(`dodb_api.types.load_operation`)."""
