"""charton's Python worker: the entry script the Java side starts.

It serves render requests over the framed protocol of docs/protocol.md. Before anything else it:
- checks that this Python is not older than MINIMUM_PYTHON, in code that even Python 2.7 parses
  and runs, and otherwise greets charton with that fact and exits: an old interpreter is refused
  with charton's own message, never with a SyntaxError from a module it cannot read;
- moves the protocol channels out of reach of user code: requests arrive on a private duplicate of
  the original stdin and responses leave on a private duplicate of the original stdout, while fd 0
  reads /dev/null and fd 1 and sys.stdout lead to stderr, so a print() (or a C library writing to
  stdout) can never corrupt a figure;
- removes the working directory from sys.path (Python puts this script's own directory first, not
  the working directory, but PYTHONPATH may name "" or "."), so a stray pandas.py beside the data is
  never imported in place of the real one, while site-packages (the user's included) stay;
- sends native crash dumps (faulthandler) to the file charton names, so a segfault is reported once;
- widens its pipes, so a large Arrow stream crosses in fewer, larger steps;
- exits when charton dies, so no Python is left behind even if charton was killed with SIGKILL
  (except as the worker service, --serve: chartonpy/service.py, which leaves by itself when idle);
- compiles its own modules once per interpreter, even under PYTHONDONTWRITEBYTECODE (a setting about
  the user's code): compiling them from source again on every start costs about 25 ms;
- skips the interpreter's teardown when its requests end: unloading pandas and matplotlib takes
  about 0.2 s here, and nothing is left to save once the last response has been flushed;
- ignores Ctrl-C when charton asks (CHARTON_WORKER_IGNORE_SIGINT=1, set by charton shell): the
  terminal sends SIGINT to every process in its foreground group, and the shell decides what a
  Ctrl-C cancels (it kills the worker of a running request, never an idle one).
"""
import os
import signal
import sys
import threading
import time

# The oldest Python charton runs on. Its own modules need 3.9 (zoneinfo); the current releases of
# numpy, pyarrow and matplotlib have all left 3.9 (end of life in October 2025) behind.
MINIMUM_PYTHON = (3, 10)


def _refuse_if_too_old():
    """On a Python older than MINIMUM_PYTHON: the greeting of docs/protocol.md, saying so, then exit."""
    if tuple(sys.version_info[:2]) >= MINIMUM_PYTHON:
        return
    import json
    import struct

    hello = {
        "protocol": 1,
        "python": "%d.%d.%d" % tuple(sys.version_info[:3]),
        "executable": sys.executable,
        "pid": os.getpid(),
        "missing": [],
        "too_old": True,
        "minimum_python": "%d.%d" % MINIMUM_PYTHON,
    }
    body = json.dumps(hello, separators=(",", ":")).encode("ascii")  # json escapes non-ASCII
    os.write(1, struct.pack(">4sI", b"HELO", len(body)) + body)
    os._exit(0)


def _widen_pipes():
    """Asks Linux for 1 MiB pipe buffers (64 KiB by default): far fewer switches between charton
    writing and Python reading a large Arrow stream. Elsewhere, or when refused, nothing changes."""
    try:
        import fcntl

        for fd in (0, 1):
            fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass


def _take_protocol_channels():
    requests = os.fdopen(os.dup(0), "rb", buffering=1 << 16)
    responses = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    sys.stdin = open(os.devnull, "r")
    sys.stdout = sys.stderr
    return requests, responses


def _compile_own_modules():
    import importlib.util

    package = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chartonpy")
    if os.path.exists(importlib.util.cache_from_source(os.path.join(package, "__init__.py"))):
        return
    try:
        import compileall

        compileall.compile_dir(package, quiet=2)
    except Exception:  # a read-only copy: Python compiles in memory, as before
        pass


def _option(name):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def _crash_dumps_to(path):
    import faulthandler

    try:  # a new file only: never one that exists (or a link planted in a shared temp directory)
        _crash_dumps_to.file = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w")
    except (TypeError, OSError):
        faulthandler.enable()  # no usable file: the dump goes to stderr
        return
    faulthandler.enable(_crash_dumps_to.file)  # the file stays open for the process's lifetime


def _exit_with_parent():
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(70)

    threading.Thread(target=watch, name="charton-parent-watch", daemon=True).start()


def _leave_interrupts_to_charton():
    if os.environ.pop("CHARTON_WORKER_IGNORE_SIGINT", None) == "1":
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def main():
    if "--serve" in sys.argv:
        return _serve_in_background()
    _leave_interrupts_to_charton()
    _widen_pipes()
    requests, responses = _take_protocol_channels()
    from chartonpy.search_path import drop_working_directory

    drop_working_directory()
    _crash_dumps_to(_option("--crash-log"))
    _exit_with_parent()
    _compile_own_modules()
    from chartonpy.worker import serve

    return serve(requests, responses, sys.argv[1:])


def _serve_in_background():
    """The worker service (chartonpy/service.py): it outlives the charton that started it."""
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    from chartonpy.search_path import drop_working_directory

    drop_working_directory()
    _compile_own_modules()
    from chartonpy.service import run

    return run(sys.argv[1:])


def _exit_without_teardown(status):
    for stream in (sys.stdout, sys.stderr, sys.__stderr__):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(status)


if __name__ == "__main__":
    _refuse_if_too_old()
    _exit_without_teardown(main())
