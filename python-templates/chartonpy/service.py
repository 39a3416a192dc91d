"""The worker service: one Python that outlives a charton command (docs/protocol.md, "The worker service").

charton starts it (``charton_worker.py --serve SOCKET ...``) after a command that had to start its
own worker. It detaches (a session of its own, no terminal, working directory /), imports the
renderer's libraries once, and listens on a Unix-domain socket in an owner-only directory. Each
connection from a process of the same user gets a serving process forked from it: already warm,
it speaks the worker protocol on the socket (chartonpy/serving.py) and ends with the connection.
One such process, the spare, is forked ahead of the next connection and draws a throwaway figure
first, so the copy-on-write faults of a fork's first figure are not paid while a client waits.
The service itself never reads a request, so it holds no one's data and its memory stays what
the imports took.

It leaves, removing its socket and its status file, when idle for ``--idle`` seconds, on SIGTERM
(``charton daemon stop``), when its socket is removed or taken over by another service, and when a
service of a newer charton build appears beside it.
"""
import argparse
import ctypes
import fcntl
import gc
import json
import os
import selectors
import signal
import socket
import struct
import sys
import time

from . import ingest, isolation, plugins, renderers, serving, worker
from .spec import ChartSpec

CHECK_SECONDS = 1.0  # how often the service looks at its directory (a newer build, its socket)
_CREDENTIALS = struct.Struct("3i")  # SO_PEERCRED: pid, uid, gid


class _Stop(Exception):
    """SIGTERM: leave now."""


def run(argv):
    args = _parse_args(argv)
    _detach()
    lock = _single_instance(args.socket + ".lock")
    if lock is None:
        return 0  # a service for this build, interpreter and templates is starting or running
    Service(args, lock).serve()
    return 0


class Service:
    def __init__(self, args, lock):
        self.args = args
        self.lock = lock
        self.directory = os.path.dirname(args.socket)
        self.built_at = os.stat(worker.__file__).st_mtime
        self.started_at = time.time()
        self.last_active = self.started_at
        self.served = 0
        self.children = {}  # pid -> (pidfd, connection)
        self.spare = None  # (pid, pidfd, channel): the serving process forked ahead, waiting for a connection
        self.missing = {name: renderers.missing_packages(name) for name in (
            *renderers.BUILTIN, renderers.SCRIPT, renderers.CATALOG, *plugins.discover())}
        self.preloaded_renderers = [args.preload, *self._other_renderers_to_preload()]
        self.preloaded = self._preload(self.preloaded_renderers)
        self.listener, self.inode = self._listen()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ)

    @staticmethod
    def _preload(renderers_in_order):
        clock = worker.Clock(None)
        clock.preload_started = clock.now()
        for renderer in renderers_in_order:
            worker.preload(renderer)
            _draw_once(renderer)
        _give_memory_back()
        clock.preload_done = clock.now()
        return clock

    def _other_renderers_to_preload(self):
        """The other built-in renderers whose packages are installed: their imports and first figure
        would cost every serving process 0.1 to 0.3 s of CPU, against some 60 MB for all of them in
        the service (docs/benchmarks.md, "With the worker service"). The service listens once they
        are in: a command that comes sooner starts its own worker, as while any service starts."""
        if self.args.preload == worker.NO_PRELOAD:
            return []
        return [name for name in renderers.BUILTIN if name != self.args.preload and not self.missing[name]]

    def _listen(self):
        """Binds beside the final name and renames into place, so a client never finds a socket
        that does not answer yet; the inode tells later whether the name is still this service's."""
        staging = "%s.%d" % (self.args.socket, os.getpid())
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(staging)
        listener.listen(64)
        os.rename(staging, self.args.socket)
        return listener, os.stat(self.args.socket).st_ino

    def serve(self):
        signal.signal(signal.SIGTERM, _raise_stop)
        self.last_active = time.time()  # idle from now: the imports may have taken seconds
        self._make_spare()
        self._write_status()
        try:
            while not self._should_leave():
                for key, _ in self.selector.select(CHECK_SECONDS):
                    if key.fileobj is self.listener:
                        self._accept()
                    else:
                        self._reap(key.data)
                self._retire_idle_spare()
        except _Stop:
            pass
        finally:
            self._leave()

    def _accept(self):
        connection, _ = self.listener.accept()
        _, uid, _ = _CREDENTIALS.unpack(connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                              _CREDENTIALS.size))
        if uid != os.getuid() or len(self.children) >= self.args.max_busy:
            connection.close()  # another user, or too busy: charton starts a worker of its own
            return
        pid, pidfd = self._hand_to_spare(connection) or self._fork_for(connection)
        self.children[pid] = (pidfd, connection)
        self.served += 1
        self._write_status()

    def _fork_for(self, connection):
        pid = os.fork()
        if pid == 0:
            self._become_serving_process(lambda: connection)
        return pid, self._watch(pid)

    def _hand_to_spare(self, connection):
        """Passes the connection to the spare; None when there is none, or it is gone."""
        if self.spare is None:
            return None
        pid, pidfd, channel = self.spare
        self.spare = None
        try:
            socket.send_fds(channel, [b"c"], [connection.fileno()])
            return pid, pidfd
        except OSError:
            self._end_as_served(pid, pidfd)  # its end is closed: it died
            return None
        finally:
            channel.close()

    def _make_spare(self):
        """Forks the spare, unless one waits: after a request, while its client writes the figure, not
        while a client starts (a warm-up costs about 0.1 s of CPU, docs/benchmarks.md)."""
        if self.spare is not None:
            return
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            ours.close()
            self._become_serving_process(lambda: _warm_up_then_wait(self.args.preload, theirs))
        theirs.close()
        self.spare = (pid, self._watch(pid), ours)

    def _retire_idle_spare(self):
        """Lets the spare go after --spare-idle seconds without requests: its own memory (some 25 MB)
        goes back, and the next command's process is forked for it as when there is no spare."""
        if self.spare is None or time.time() - self.last_active < self.args.spare_idle:
            return
        pid, pidfd, channel = self.spare
        self.spare = None
        channel.close()
        self._end_as_served(pid, pidfd)
        self._write_status()

    def _end_as_served(self, pid, pidfd):
        """Kills a spare let go of; _reap collects it like a served process (no client to tell)."""
        _kill_group(pid)
        self.children[pid] = (pidfd, None)

    def _watch(self, pid):
        pidfd = os.pidfd_open(pid)
        self.selector.register(pidfd, selectors.EVENT_READ, pid)
        return pidfd

    def _become_serving_process(self, connection_to_serve):
        """In a forked child: lets go of what is the service's, then serves the connection
        ``connection_to_serve()`` returns (none: it ends without serving)."""
        status = 70
        try:
            self.selector.close()
            self.listener.close()
            os.close(self.lock)
            for _, other in self.children.values():
                if other is not None:
                    other.close()
            if self.spare is not None:
                self.spare[2].close()
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            connection = connection_to_serve()
            status = 0 if connection is None else serving.serve(connection, self.directory, self.missing,
                                                                 self.preloaded)
        finally:
            os._exit(status)

    def _reap(self, pid):
        """A serving process ended: its client learns how (if it still listens), its slot is free.
        The spare ending before any client came is forgotten; the next request's end makes another."""
        if self.spare is not None and self.spare[0] == pid:
            _, pidfd, channel = self.spare
            self.spare = None
            channel.close()
            self._unwatch(pid, pidfd)
            self._write_status()
            return
        pidfd, connection = self.children.pop(pid)
        code = self._unwatch(pid, pidfd)
        if connection is None:  # a spare let go of (_end_as_served): no request ended, the service stays idle
            serving.forget_crash_log(self.directory, pid, keep_a_dump=False)
            self._write_status()
            return
        serving.report_exit(connection, 128 - code if code < 0 else code)
        connection.close()
        serving.forget_crash_log(self.directory, pid, keep_a_dump=code != 0)
        self.last_active = time.time()
        self._make_spare()
        self._write_status()

    def _unwatch(self, pid, pidfd):
        """Collects an ended child; returns its exit code."""
        self.selector.unregister(pidfd)
        os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)

    def _should_leave(self):
        if not self.children and self.args.idle > 0 and time.time() - self.last_active >= self.args.idle:
            return True
        try:
            if os.stat(self.args.socket).st_ino != self.inode:
                return True
        except OSError:
            return True  # removed: charton daemon stop, or the directory was cleaned
        return self._newer_build_beside()

    def _newer_build_beside(self):
        for name in os.listdir(self.directory):
            if not name.endswith(".json"):
                continue
            try:
                with open(os.path.join(self.directory, name)) as f:
                    other = json.load(f)
                if other.get("built_at", 0) > self.built_at and _alive(other.get("pid")):
                    return True
            except (OSError, ValueError, AttributeError):
                continue  # being written, or not a status file
        return False

    def _leave(self):
        if self.spare is not None:
            _kill_group(self.spare[0])
        for pid, (_, connection) in self.children.items():
            _kill_group(pid)
            if connection is not None:
                connection.close()
        try:
            if os.stat(self.args.socket).st_ino == self.inode:
                os.unlink(self.args.socket)
        except OSError:
            pass
        _unlink(self.args.status)
        _unlink(self.args.socket + ".lock")
        self.listener.close()

    def _write_status(self):
        """What charton daemon status shows, written whole (renamed into place) at every change."""
        status = {
            "pid": os.getpid(),
            "interpreter": sys.executable,
            "python": "%d.%d.%d" % sys.version_info[:3],
            "socket": self.args.socket,
            "templates": os.path.dirname(os.path.dirname(os.path.abspath(worker.__file__))),
            "built_at": self.built_at,
            "started_at": self.started_at,
            "last_active_at": self.last_active,
            "busy": len(self.children),
            "spare_pid": self.spare[0] if self.spare is not None else None,
            "served": self.served,
            "idle_limit_s": self.args.idle,
            "preloaded": self.preloaded_renderers,
        }
        staging = "%s.%d" % (self.args.status, os.getpid())
        with open(staging, "w") as f:
            json.dump(status, f)
        os.rename(staging, self.args.status)


def _draw_once(renderer):
    """A small figure drawn at start: a library's first figure costs most of a second (fonts found,
    caches filled), which every serving process would pay again. What it changed is put back."""
    if renderer not in renderers.BUILTIN:
        return
    try:
        import pyarrow

        table = ingest.Table(pyarrow.table({"x": [0.0, 1.0, 2.0], "y": [1.0, 3.0, 2.0]}))
        spec = ChartSpec({"kind": "line", "x": "x", "y": ["y"], "title": "charton", "width": 320, "height": 240,
                          "dpi": 100})
        renderers.load(renderer).render(table, spec, renderers.FAMILIES[renderers.BUILTIN[renderer].family].formats[0])
    except Exception:
        pass  # the first real request draws it, at the usual cost
    finally:
        isolation.reset_libraries()


def _warm_up_then_wait(renderer, channel):
    """The spare's part: draws a throwaway figure (its first touches of the service's memory are
    copy-on-write faults: 8,000 of them, a fifth of a small figure's time), then waits for the
    connection the service passes it. None when the service let go of it first."""
    _draw_once(renderer)
    try:
        _, fds, _, _ = socket.recv_fds(channel, 1, 1)
    except OSError:
        fds = []
    channel.close()
    return socket.socket(fileno=fds[0]) if fds else None


def _give_memory_back():
    """Frees what the imports and the first figure left behind, and hands the C heap's free pages back
    to the system (glibc's malloc_trim), so an idle service holds only what its imports need."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the free pages stay with the process until it leaves


def _detach():
    """Forks twice so the service belongs to no terminal's session and is nobody's child but init's."""
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    os.chdir("/")
    os.umask(0o077)


def _single_instance(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _raise_stop(signum, frame):
    raise _Stop()


def _alive(pid):
    try:
        os.kill(int(pid), 0)
        return True
    except (OSError, TypeError, ValueError):
        return False


def _kill_group(pid):
    for kill in (os.killpg, os.kill):  # the group may not exist yet, in the first instants of the process
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _unlink(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def _parse_args(argv):
    parser = argparse.ArgumentParser(prog="charton_worker.py --serve")
    parser.add_argument("--serve", dest="socket", required=True, help="the Unix-domain socket to listen on")
    parser.add_argument("--status", required=True, help="the JSON file charton daemon status reads")
    parser.add_argument("--idle", type=float, default=600, help="seconds without requests before leaving; 0: never")
    parser.add_argument("--spare-idle", type=float, default=60,
                        help="seconds without requests before the spare serving process leaves")
    parser.add_argument("--max-busy", type=int, default=8, help="requests served at once; more are refused")
    parser.add_argument("--preload", default="matplotlib", help="renderer whose libraries to import at start")
    return parser.parse_args(argv)
