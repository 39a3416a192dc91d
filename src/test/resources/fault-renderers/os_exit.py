import os


def render(table, spec, fmt):
    os._exit(7)
