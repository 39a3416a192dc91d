"""The Python half of charton: protocol, data ingestion, renderers."""

PROTOCOL_VERSION = 1
