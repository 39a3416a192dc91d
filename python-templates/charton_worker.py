"""charton's Python worker: the entry script the Java side starts.

It serves render requests over the framed protocol of docs/protocol.md. Before anything else it
moves the protocol channels out of reach of user code: the figure travels on a private duplicate of
the original stdout, while fd 1 and sys.stdout now lead to stderr, so a print() (or a C library
writing to stdout) can never corrupt a figure. The working directory is removed from sys.path so a
stray pandas.py beside the data cannot be imported in place of the real one.
"""
import os
import sys


def _take_protocol_channels():
    requests = os.fdopen(os.dup(0), "rb")
    responses = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    sys.stdin = open(os.devnull, "r")
    sys.stdout = sys.stderr
    return requests, responses


def _drop_working_directory_from_path():
    here = os.path.dirname(os.path.abspath(__file__))
    cwd = os.getcwd()
    unsafe = {"", ".", cwd}
    sys.path[:] = [p for p in sys.path if p not in unsafe or os.path.abspath(p or ".") == here]


def main():
    requests, responses = _take_protocol_channels()
    _drop_working_directory_from_path()
    from chartonpy.worker import serve

    return serve(requests, responses, sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
