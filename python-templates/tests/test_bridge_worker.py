"""charton_worker.py as charton runs it: a real process speaking the framed protocol."""
import json
import os
import subprocess
import sys
import time
import unittest

import bridge_support
from chartonpy import protocol

WORKER = os.path.join(bridge_support.TEMPLATES, "charton_worker.py")


class WorkerProcessTest(unittest.TestCase):
    def setUp(self):
        self.pa = bridge_support.require_module(self, "pyarrow")
        import pyarrow.ipc  # noqa: F401

        env = dict(os.environ, CHARTON_TEMPLATES=bridge_support.FAULT_RENDERERS, MPLBACKEND="Agg")
        self.process = subprocess.Popen(
            [sys.executable, WORKER, "--preload", "none", "--spawned-at", str(time.time() * 1000)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.addCleanup(self.stop)
        self.data = bridge_support.stream_bytes(self.pa, bridge_support.java_like_table(self.pa))

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if not self.process.stdin.closed:
            self.process.stdin.close()
        self.process.stdout.close()
        self.process.stderr.close()

    def request(self, renderer, **extra):
        header = dict({"id": 1, "renderer": renderer, "format": "json", "spec": {}}, **extra)
        protocol.write_frame(self.process.stdin, protocol.REQUEST, header, self.data)
        kind, response = protocol.read_frame(self.process.stdout)
        self.assertEqual(protocol.RESPONSE, kind)
        return response, protocol.read_exactly(self.process.stdout, response["length"]) if response["length"] else b""

    def test_a_reduced_statistic_and_the_rows_it_came_from_make_the_same_png(self):
        protocol.read_frame(self.process.stdout)
        pa = self.pa
        rows = pa.table({"v": pa.array([1.0, 2.0, 2.5, 3.0, None, 9.0])})
        statistic = pa.table({"start": [1.0, 3.0, 7.0], "end": [3.0, 5.0, 9.0], "y": pa.array([3, 1, 1], pa.int64())})
        spec = {"kind": "hist", "y": ["v"], "bins": 4, "width": 320, "height": 240, "dpi": 100}
        drawn = []
        for table, reduced in ((rows, None), (statistic, {"stat": "bins", "rows_read": 6,
                                                          "edges": [1.0, 3.0, 5.0, 7.0, 9.0]})):
            self.data = bridge_support.stream_bytes(pa, table)
            response, figure = self.request("matplotlib", format="png", spec=dict(spec, reduced=reduced))
            self.assertEqual(("ok", "image/png"), (response["status"], response["media_type"]), response)
            drawn.append(figure)
        self.assertEqual(drawn[0], drawn[1])

    def test_a_request_without_a_kind_is_an_internal_error_and_the_worker_goes_on(self):
        protocol.read_frame(self.process.stdout)
        response, _ = self.request("matplotlib", format="png", spec={"y": ["temp_max"]})
        self.assertEqual(("error", "software"), (response["status"], response["error"]["category"]))
        self.assertIn("no chart kind", response["error"]["message"])
        self.assertEqual("ok", self.request("ingest_only")[0]["status"])

    def test_greets_then_serves_many_requests_in_turn(self):
        kind, hello = protocol.read_frame(self.process.stdout)
        self.assertEqual(protocol.HELLO, kind)
        self.assertEqual(self.process.pid, hello["pid"])
        self.assertEqual([], hello["missing"])
        for n in range(1, 4):
            response, figure = self.request("ingest_only", id=n)
            self.assertEqual(("ok", n), (response["status"], response["id"]))
            self.assertEqual(50, json.loads(figure)["rows"])
            self.assertEqual(n, response["timings"]["request"])

    def test_prints_go_to_stderr_and_never_into_the_figure(self):
        protocol.read_frame(self.process.stdout)
        response, figure = self.request("print_stdout")
        self.assertEqual(b"figure-bytes", figure)
        self.process.stdin.close()
        self.assertEqual(0, self.process.wait(timeout=30))
        stderr = self.process.stderr.read().decode()
        for text in ("printed by the renderer", "written to sys.stdout", "written to fd 1", "to stderr"):
            self.assertIn(text, stderr)

    def test_an_exception_names_the_users_file_and_line_and_the_worker_goes_on(self):
        protocol.read_frame(self.process.stdout)
        response, _ = self.request("raise_error")
        error = response["error"]
        self.assertEqual(("error", "ZeroDivisionError", "software"), (response["status"], error["type"], error["category"]))
        self.assertEqual(os.path.join(bridge_support.FAULT_RENDERERS, "raise_error.py"), error["file"])
        self.assertEqual(3, error["line"])
        self.assertIn("Traceback", error["traceback"])
        self.assertEqual("ok", self.request("ingest_only")[0]["status"])

    def test_sys_exit_and_memory_error_are_errors_and_the_worker_goes_on(self):
        protocol.read_frame(self.process.stdout)
        exit_error = self.request("sys_exit")[0]["error"]
        self.assertEqual("SystemExit", exit_error["type"])
        self.assertIn("sys.exit(3)", exit_error["message"])
        memory_error = self.request("memory_error")[0]["error"]
        self.assertEqual("MemoryError", memory_error["type"])
        self.assertIn("out of memory", memory_error["message"])
        self.assertEqual("ok", self.request("ingest_only")[0]["status"])

    def test_a_probe_describes_the_interpreter(self):
        protocol.read_frame(self.process.stdout)
        protocol.write_frame(self.process.stdin, protocol.PROBE, {"id": 5})
        kind, response = protocol.read_frame(self.process.stdout)
        report = json.loads(protocol.read_exactly(self.process.stdout, response["length"]))
        self.assertEqual("%d.%d.%d" % sys.version_info[:3], report["python"])
        self.assertEqual("pyarrow", report["reader"]["name"])
        self.assertIn("ingest_only", [r["name"] for r in report["renderers"]])

    def test_an_unreadable_stream_is_a_data_error_and_ends_the_worker(self):
        protocol.read_frame(self.process.stdout)
        protocol.write_frame(self.process.stdin, protocol.REQUEST, {"id": 9, "renderer": "ingest_only"},
                             b"this is not arrow")
        self.process.stdin.close()
        kind, response = protocol.read_frame(self.process.stdout)
        self.assertEqual("data", response["error"]["category"])
        self.assertEqual(1, self.process.wait(timeout=30))


if __name__ == "__main__":
    unittest.main()
