def render(table, spec, fmt):
    hoard = bytearray(1 << 62)  # far more than any machine has: MemoryError at once
    return bytes(hoard[:1]), "text/plain"
