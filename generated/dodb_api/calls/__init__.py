"""dodb's calls, generated from openapi.yaml by codegen/surface.py.

Official-name calls, one module per operation group: `databases`.
Typed calls, one module per resource: `users`, `clusters`.
Each module is imported on first use.
"""
