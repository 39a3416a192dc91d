import ctypes


def render(table, spec, fmt):
    ctypes.string_at(0)  # reads address 0: SIGSEGV
    return b"", "text/plain"
