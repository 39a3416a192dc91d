"""The request loop: greet, preload the renderer's libraries, then serve requests until stdin ends.

The greeting goes out before the heavy imports, so charton can check the interpreter and carry on
reading its input while this process imports pyarrow and the plotting library.
"""
import argparse
import contextlib
import os
import sys
import time

from . import PROTOCOL_VERSION, ingest, isolation, memory_limit, protocol, renderers, session
from .errors import ChartonError, UsageError, describe
from .spec import ChartSpec

NO_PRELOAD = "none"  # --preload none: a worker that only describes the interpreter (charton doctor)


def serve(requests, responses, argv):
    args = _parse_args(argv)
    clock = Clock(args.spawned_at)
    limit = memory_limit.from_environment(os.environ)
    missing = renderers.missing_packages(args.preload) if args.preload != NO_PRELOAD else []
    protocol.write_frame(responses, protocol.HELLO, hello(missing, clock))
    if args.preload != NO_PRELOAD and not missing:
        clock.preload_started = clock.now()
        preload(args.preload)
        clock.preload_done = clock.now()
    return serve_requests(requests, responses, clock, lambda header: limit)


def serve_requests(requests, responses, clock, limit_for):
    """Answers frames until the input ends (0) or can no longer be trusted (1). ``limit_for(header)``
    prepares one request and returns its memory limit (or None)."""
    while True:
        frame = protocol.read_frame(requests)
        if frame is None:
            return 0
        kind, header = frame
        limit = limit_for(header)
        if kind == protocol.PROBE:
            _probe(responses, header)
        elif kind in (protocol.REQUEST, protocol.EXECUTE):
            if not handle(requests, responses, header, clock, kind, limit):
                return 1
        else:
            raise protocol.ProtocolError("expected a request frame, got %r" % kind)


def _probe(responses, header):
    try:
        from .doctor import report

        described = report()
    except Exception as e:  # a broken renderer module must not take the worker down
        _send_error(responses, header, e)
        return
    protocol.write_response(responses, {"id": header.get("id"), "status": "ok", "media_type": "application/json"},
                            described)


class Clock:
    """Wall-clock milestones (epoch milliseconds, comparable with the Java side's)."""

    def __init__(self, spawned_at):
        self.spawned_at = spawned_at
        self.hello_at = None
        self.preload_started = None
        self.preload_done = None
        self.served = 0

    @staticmethod
    def now():
        return time.time() * 1000.0


def handle(requests, responses, header, clock, kind=protocol.REQUEST, limit=None):
    """Serves one request (under ``limit``, a memory_limit.MemoryLimit, if there is one); returns
    False when the worker can no longer trust its input stream."""
    received = clock.now()
    with limit if limit is not None else contextlib.nullcontext():
        try:
            table = session.table_for(requests, header)
        except (ChartonError, MemoryError) as e:
            # The stream was not read to its end, so the next frame cannot be found: this worker ends.
            _send_error(responses, header, e, closing=True)
            return False
        read_done = clock.now()
        snapshot = isolation.Snapshot(_script_roots(header))
        if kind == protocol.EXECUTE:
            _answer_text(responses, header, table)
        else:
            _answer(responses, header, table, clock, received, read_done)
    try:
        snapshot.restore()  # after the answer is out, so charton does not wait for it
    except Exception as e:  # a state that cannot be reset must not reach the next request
        print("charton worker: cannot reset the interpreter after request %s (%s: %s); exiting"
              % (header.get("id"), type(e).__name__, e), file=sys.__stderr__)
        return False
    return True


def _answer(responses, header, table, clock, received, read_done):
    try:
        with isolation.catch_warnings():
            figure, media_type = _render(header, table)
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # user code may raise anything, SystemExit included
        _send_error(responses, header, e)
        return
    rendered = clock.now()
    clock.served += 1
    protocol.write_response(responses, {
        "id": header.get("id"),
        "status": "ok",
        "media_type": media_type,
        "reader": ingest.READER,
        "pid": os.getpid(),
        "timings": _timings(clock, header, received, read_done, rendered),
    }, figure)


def _answer_text(responses, header, table):
    """A session request's answer: text, and what the user's code raised (chartonpy/session.py)."""
    try:
        text, raised = session.run(header, table)
    except KeyboardInterrupt:
        raise
    except BaseException as e:
        _send_error(responses, header, e)
        return
    protocol.write_response(responses, {"id": header.get("id"), "status": "ok", "media_type": session.MEDIA_TYPE,
                                        "raised": raised, "pid": os.getpid()}, text.encode("utf-8"))


def _render(header, table):
    renderer = renderers.load(header.get("renderer"))
    figure, media_type = renderer.render(table, ChartSpec(header.get("spec") or {}), header.get("format"))
    if isinstance(figure, str):
        figure = figure.encode("utf-8")
    if not isinstance(figure, (bytes, bytearray, memoryview)):
        raise UsageError("renderer '%s' returned %s instead of the figure's bytes"
                         % (header.get("renderer"), type(figure).__name__))
    return bytes(figure), str(media_type)


def _script_roots(header):
    script = header.get("script")
    return [os.path.dirname(os.path.abspath(script))] if script else []


def _timings(clock, header, received, read_done, rendered):
    timings = {
        "read_ms": _ms(received, read_done),
        "render_ms": _ms(read_done, rendered),
        "request": clock.served,
    }
    if clock.served == 1:  # how the start overlapped charton's own work
        sent = header.get("sent_at")
        timings.update({
            "spawned_at": clock.spawned_at,
            "hello_at": clock.hello_at,
            "preload_started_at": clock.preload_started,
            "preload_done_at": clock.preload_done,
            "request_sent_at": sent,
            "request_received_at": received,
            "preload_ms": _ms(clock.preload_started, clock.preload_done),
            "request_waited_ms": _ms(sent, received),
        })
    return timings


def _send_error(responses, header, error, closing=False):
    answer = {"id": header.get("id"), "status": "error", "error": describe(error)}
    if closing:
        answer["closing"] = True
    protocol.write_response(responses, answer)


def hello(missing, clock):
    clock.hello_at = clock.now()
    reader, why = ingest.reader_status()
    return {
        "protocol": PROTOCOL_VERSION,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "executable": sys.executable,
        "missing": missing,
        "reader": reader,
        "reader_reason": why,
        "pid": os.getpid(),
        "hello_at": clock.hello_at,
    }


def preload(renderer):
    """Imports the heavy libraries now, while charton is still reading the input: a built-in
    renderer's own (matplotlib draws a reduced plan without pandas), else pandas for the DataFrame
    a script or plugin gets."""
    try:
        import pyarrow  # noqa: F401
        if renderer in renderers.BUILTIN:
            renderers.load(renderer)
        else:
            import pandas  # noqa: F401
    except Exception:
        pass  # the same failure is reported, with context, when the request arrives


def _parse_args(argv):
    parser = argparse.ArgumentParser(prog="charton_worker.py")
    parser.add_argument("--preload", default="matplotlib",
                        help="renderer whose libraries to import before the first request, or none")
    parser.add_argument("--spawned-at", type=float, default=None,
                        help="when charton started this process (epoch milliseconds)")
    parser.add_argument("--crash-log", help="file for native crash dumps (set up by charton_worker.py)")
    return parser.parse_args(argv)


def _ms(start, end):
    return None if start is None or end is None else round(end - start, 3)
