"""Reads charton's `charton: timings {...}` line (CHARTON_TIMINGS=1) from stdin and prints the
milestones of both sides in order, in milliseconds since the JVM started."""
import json
import sys

for line in sys.stdin:
    if line.startswith("charton: timings "):
        timings = json.loads(line[len("charton: timings "):])
        java, python = timings["java"], timings["python"]
        start = java["jvm_started_at"]
        marks = [("java " + k, v) for k, v in java.items()]
        marks += [("python " + k, v) for k, v in python.items() if k.endswith("_at") and v is not None]
        for name, at in sorted(marks, key=lambda m: m[1]):
            print("%-32s +%6.0f ms" % (name, at - start))
        print("python preload %.0f ms, read %.1f ms, render %.0f ms" % (
            python["preload_ms"], python["read_ms"], python["render_ms"]))
