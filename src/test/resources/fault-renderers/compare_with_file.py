"""Compares the table that arrived with pyarrow's reading of the IPC stream file named by the
spec's title: the answer is "equal", or what differs."""
import json

import pyarrow as pa


def render(table, spec, fmt):
    with pa.OSFile(spec.title) as source:
        original = pa.ipc.open_stream(source).read_all()
    received = table.arrow
    if received.equals(original, check_metadata=False):
        return b"equal", "text/plain"
    difference = {"sent": str(original.schema), "received": str(received.schema),
                  "sent_rows": original.num_rows, "received_rows": received.num_rows}
    for name in original.column_names:
        if name in received.column_names and not received[name].equals(original[name]):
            difference["first_differing_column"] = name
            break
    return json.dumps(difference).encode(), "application/json"
