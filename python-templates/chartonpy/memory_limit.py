"""--memory-limit: a ceiling on the address space one request may add to the worker (RLIMIT_AS).

charton passes the limit, in bytes, in the worker's environment (CHARTON_WORKER_MEMORY_LIMIT; the
worker takes it out of os.environ, so the user's code and its children never see it). It applies
per request, from when the request arrives until its answer is sent, on top of what the worker has
mapped by then: the interpreter and the libraries it preloaded, some 470 MiB of address space for
pandas, pyarrow and matplotlib that is reserved rather than used, and whose size depends on the
libraries' versions and the number of cores, not on the data. An allocation past the limit fails
with MemoryError (numpy's and pyarrow's too), which is reported naming the limit.

Only the soft limit is set, so the next request gets a limit of its own; a script that wants more
can raise it again (it is a guard against runaway plots, not a security boundary). Linux only: the
mapped size comes from /proc/self/status.
"""
import resource

from .errors import UnavailableError

ENVIRONMENT_VARIABLE = "CHARTON_WORKER_MEMORY_LIMIT"

_active = None  # the limit of the request being served, while one is


def from_environment(environ):
    """The limit charton set for this worker (removed from ``environ``), or None."""
    value = environ.pop(ENVIRONMENT_VARIABLE, None)
    return MemoryLimit(int(value)) if value else None


def active_label():
    """The limit of the request being served ("512M"), or None when there is none."""
    return _active.label if _active is not None else None


class MemoryLimit:
    """Used as ``with limit:`` around one request."""

    def __init__(self, extra_bytes):
        if extra_bytes <= 0:
            raise ValueError("a memory limit must be above 0 bytes, not %d" % extra_bytes)
        self.extra_bytes = extra_bytes
        self.label = size_label(extra_bytes)
        self._saved = None

    def __enter__(self):
        global _active
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        ceiling = mapped_bytes() + self.extra_bytes
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
        self._saved = (soft, hard)
        _active = self
        return self

    def __exit__(self, *exc_info):
        global _active
        _active = None
        soft, hard = self._saved
        # The request may have lowered the hard limit itself: never ask for more than it allows.
        current_hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if current_hard != resource.RLIM_INFINITY and (soft == resource.RLIM_INFINITY or soft > current_hard):
            soft = current_hard
        resource.setrlimit(resource.RLIMIT_AS, (soft, current_hard))
        return False


def mapped_bytes():
    """The address space this process has mapped now (VmSize)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    raise UnavailableError("--memory-limit needs Linux: this system does not show a process's mapped memory"
                           " in /proc/self/status")


def size_label(n):
    """512M for 536870912: the largest of K, M, G, T (powers of 1024) that divides n, as charton writes sizes."""
    for unit, size in (("T", 1 << 40), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if n % size == 0:
            return "%d%s" % (n // size, unit)
    return str(n)
