"""A serving process of the worker service: forked, already warm, for one charton connection.

It is a worker like the one charton starts itself (chartonpy/worker.py: the same greeting, requests
and isolation), with what a process charton did not start needs besides:
- each frame's ``context`` (working directory, environment, memory limit) is put in place before
  it runs (chartonpy/request_context.py), and its random state is its own, not the service's;
- what it and its children write on stdout and stderr reaches the client as ``ERRS`` frames,
  in order before the answer they preceded;
- it ends, with every process it started, the moment the client goes (a Ctrl-C, a timeout, a
  crash of charton): the client closing the socket is the signal;
- native crash dumps go to a file in the service's directory, named in the greeting.
"""
import faulthandler
import os
import select
import signal
import sys
import threading

from . import isolation, protocol, worker
from .request_context import Context

STDERR = b"ERRS"   # serving process -> charton: output of the request, ``length`` bytes follow
EXIT = b"EXIT"     # service -> charton: the serving process ended, with ``status``


def serve(connection, directory, missing, clock):
    """Serves the connection's requests until charton closes it; returns the exit status."""
    os.setpgid(0, 0)
    _end_with_client(connection)
    isolation.reseed()
    crash_log = _crash_dumps_to(directory)
    channel = Channel(connection)
    hello = dict(worker.hello([], clock), service=True, crash_log=crash_log, missing_by_renderer=missing)
    protocol.write_frame(channel, protocol.HELLO, hello)
    context = Context()
    status = worker.serve_requests(connection.makefile("rb", buffering=1 << 16), channel, clock, context.apply)
    channel.flush()
    return status


class Channel:
    """The way out to charton: frames are sent whole, under one lock, with the process's output."""

    def __init__(self, connection):
        self.connection = connection
        self.lock = threading.Lock()
        self.pending = []
        read, write = os.pipe()
        os.set_blocking(read, False)
        os.dup2(write, 1)
        os.dup2(write, 2)
        os.close(write)
        self.output = read
        threading.Thread(target=self._pass_output_on, name="charton-output", daemon=True).start()

    def write(self, data):
        self.pending.append(bytes(data))

    def flush(self):
        """Sends what was written since the last flush, after all output written before it."""
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        with self.lock:
            self._send_output()
            data, self.pending = b"".join(self.pending), []
            self.connection.sendall(data)

    def _pass_output_on(self):
        poller = select.poll()
        poller.register(self.output, select.POLLIN)
        while True:
            poller.poll()
            with self.lock:
                if not self._send_output():
                    return

    def _send_output(self):
        """Sends the output waiting in the pipe; False once every writer has closed it."""
        while True:
            try:
                chunk = os.read(self.output, 1 << 16)
            except BlockingIOError:
                return True
            if not chunk:
                return False
            protocol.write_frame(_Collector(self.connection), STDERR, {"length": len(chunk)}, chunk)


class _Collector:
    """A frame written straight to the socket (under the channel's lock)."""

    def __init__(self, connection):
        self.connection = connection

    def write(self, data):
        self.connection.sendall(data)

    def flush(self):
        pass


def _end_with_client(connection):
    """Kills this process and its children once charton closes its end (without reading anything)."""
    poller = select.poll()
    poller.register(connection.fileno(), select.POLLRDHUP)

    def watch():
        poller.poll()
        os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch, name="charton-client-watch", daemon=True).start()


def _crash_dumps_to(directory):
    path = os.path.join(directory, "crash-%d.log" % os.getpid())
    try:
        _crash_dumps_to.file = open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w")
    except OSError:
        return None
    faulthandler.enable(_crash_dumps_to.file)
    return path


def forget_crash_log(directory, pid, keep_a_dump):
    """Removes a serving process's crash log, unless it holds a dump its client is to read (and remove)."""
    path = os.path.join(directory, "crash-%d.log" % pid)
    try:
        if not keep_a_dump or os.path.getsize(path) == 0:
            os.unlink(path)
    except OSError:
        pass


def report_exit(connection, status):
    """Tells a client still waiting how its serving process ended (never blocking the service)."""
    try:
        connection.setblocking(False)
        protocol.write_frame(_Collector(connection), EXIT, {"status": status})
    except OSError:
        pass
