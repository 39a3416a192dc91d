"""The request loop: greet, preload the renderer's libraries, then serve requests until stdin ends."""
import argparse
import os
import sys
import time
import traceback

from . import PROTOCOL_VERSION, ingest, protocol, renderers
from .errors import ChartonError
from .spec import ChartSpec


def serve(requests, responses, argv):
    args = _parse_args(argv)
    missing = renderers.missing_packages(args.renderer)
    protocol.write_frame(responses, protocol.HELLO, _hello(missing))
    if missing:
        return 0
    _preload(args.renderer)
    while True:
        frame = protocol.read_frame(requests)
        if frame is None:
            return 0
        kind, header = frame
        if kind != protocol.REQUEST:
            raise protocol.ProtocolError("expected a request frame, got %r" % kind)
        if not handle(requests, responses, header):
            return 1


def handle(requests, responses, header):
    """Serves one request; returns False when the worker can no longer trust its input stream."""
    started = time.perf_counter()
    try:
        table = ingest.read_table(requests, ingest.choose_reader())
    except ChartonError as e:
        _send_error(responses, header, e)
        return False
    read_done = time.perf_counter()
    try:
        renderer = renderers.load(header["renderer"])
        figure, media_type = renderer.render(table, ChartSpec(header.get("spec") or {}), header["format"])
    except BaseException as e:  # user code may raise anything, SystemExit included
        if isinstance(e, KeyboardInterrupt):
            raise
        _send_error(responses, header, e)
        return True
    rendered = time.perf_counter()
    protocol.write_frame(responses, protocol.RESPONSE, {
        "id": header.get("id"),
        "status": "ok",
        "media_type": media_type,
        "length": len(figure),
        "timings": {"read_ms": _ms(started, read_done), "render_ms": _ms(read_done, rendered)},
    }, figure)
    return True


def _send_error(responses, header, error):
    protocol.write_frame(responses, protocol.RESPONSE, {
        "id": header.get("id"),
        "status": "error",
        "error": describe(error),
    })


def describe(error):
    """The structured form of an exception: type, message, traceback and where it happened."""
    category = error.category if isinstance(error, ChartonError) else "software"
    message = str(error)
    if isinstance(error, SystemExit):
        message = "the script called sys.exit(%s) before making a figure" % (error.code,)
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    if frames and category == "software":
        last = frames[-1]
        where = "%s:%d" % (os.path.basename(last.filename), last.lineno)
    return {
        "type": type(error).__name__,
        "message": message,
        "category": category,
        "where": where,
        "file": frames[-1].filename if frames else None,
        "line": frames[-1].lineno if frames else None,
        "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    }


def _hello(missing):
    return {
        "protocol": PROTOCOL_VERSION,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "executable": sys.executable,
        "missing": missing,
        "pid": os.getpid(),
    }


def _preload(renderer):
    """Imports the heavy libraries now, while charton is still reading the input."""
    try:
        renderers.load(renderer)
        import pandas  # noqa: F401
        if ingest.choose_reader() == "pyarrow":
            import pyarrow  # noqa: F401
    except Exception:
        pass  # the same failure is reported, with context, when the request arrives


def _parse_args(argv):
    parser = argparse.ArgumentParser(prog="charton_worker.py")
    parser.add_argument("--renderer", default="matplotlib")
    return parser.parse_args(argv)


def _ms(start, end):
    return round((end - start) * 1000, 3)
