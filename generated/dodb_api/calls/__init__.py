"""dodb's calls, generated from openapi.yaml by codegen/surface.py.

Official-name calls, one module per operation group: `databases`.
Typed calls, one module per resource: `dbs`, `pools`, `users`, `clusters`, `kafka_schemas`, `kafka_topics`, `logsinks`, `replicas`, `online_migration`, `opensearch_indexes`, `autoscale`, `ca`, `metrics_credentials`, `config`, `do_settings`, `eviction_policy`, `sql_mode`, `backups`, `events`, `firewall`, `options`.
Each module is imported on first use.
"""
