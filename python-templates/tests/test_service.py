"""The worker service (chartonpy/service.py, serving.py, request_context.py), run for real: a
detached service on a Unix-domain socket in a private directory, spoken to as charton does."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import bridge_support
from chartonpy import protocol, renderers

WORKER = os.path.join(bridge_support.TEMPLATES, "charton_worker.py")

CONTEXT_PROBE = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["PYTHONPATH"] = "/service/own"
sys.path.insert(1, "/service/own")
from chartonpy.request_context import Context
context = Context()
limit = context.apply({"context": json.loads(sys.argv[2])})
print(json.dumps({"cwd": os.getcwd(), "environ": dict(os.environ), "path": sys.path[:4], "tz": time.tzname[0],
                  "limit": limit.extra_bytes if limit else None}))
"""


class RequestContextTest(unittest.TestCase):
    def test_the_clients_directory_environment_path_and_limit_are_put_in_place(self):
        with tempfile.TemporaryDirectory() as cwd:
            environment = {"TZ": "Asia/Tokyo", "PYTHONPATH": "/client/a" + os.pathsep + "/client/b",
                           "CHARTON_WORKER_MEMORY_LIMIT": "1073741824", "ONLY_THE_CLIENT": "1"}
            out = subprocess.run([sys.executable, "-c", CONTEXT_PROBE, bridge_support.TEMPLATES,
                                  json.dumps({"cwd": cwd, "environment": environment})],
                                 capture_output=True, text=True, check=True, cwd="/")
            seen = json.loads(out.stdout)
            self.assertEqual(os.path.realpath(cwd), os.path.realpath(seen["cwd"]))
            self.assertEqual({"TZ": "Asia/Tokyo", "PYTHONPATH": "/client/a" + os.pathsep + "/client/b",
                              "ONLY_THE_CLIENT": "1"}, seen["environ"], "the limit's variable is taken out")
            self.assertEqual("JST", seen["tz"])
            self.assertEqual(["/client/a", "/client/b"], seen["path"][1:3], "the client's PYTHONPATH, where Python puts it")
            self.assertNotIn("/service/own", seen["path"], "the service's own PYTHONPATH is gone")
            self.assertEqual(1 << 30, seen["limit"])


class ServiceTest(unittest.TestCase):
    def setUp(self):
        self.pa = bridge_support.require_module(self, "pyarrow")
        self.directory = tempfile.mkdtemp()
        os.chmod(self.directory, 0o700)
        self.addCleanup(shutil.rmtree, self.directory, True)
        self.socket = os.path.join(self.directory, "test.sock")
        self.status = os.path.join(self.directory, "test.json")
        self.start("none")
        self.addCleanup(self.stop)

    def start(self, preload, *options):
        env = dict(os.environ, CHARTON_TEMPLATES=bridge_support.FAULT_RENDERERS, MPLBACKEND="Agg")
        subprocess.run([sys.executable, WORKER, "--serve", self.socket, "--status", self.status, "--idle", "60",
                        "--preload", preload, *options], env=env, check=True, stdin=subprocess.DEVNULL)
        deadline = time.time() + 120
        while not os.path.exists(self.status) and time.time() < deadline:
            time.sleep(0.1)
        self.pid = self.read_status()["pid"]

    def read_status(self):
        with open(self.status) as f:
            return json.load(f)

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except (AttributeError, OSError):
            return
        deadline = time.time() + 10
        while os.path.exists(self.socket) and time.time() < deadline:
            time.sleep(0.1)

    def connect(self):
        client = socket.socket(socket.AF_UNIX)
        client.connect(self.socket)
        self.addCleanup(client.close)
        frames = client.makefile("rb")
        kind, hello = protocol.read_frame(frames)
        self.assertEqual(protocol.HELLO, kind)
        return client, frames, hello

    def request(self, client, renderer):
        stream = bridge_support.stream_bytes(self.pa, self.pa.table({"x": [1.0, 2.0]}))
        header = {"id": 1, "renderer": renderer, "format": "json", "spec": {},
                  "context": {"cwd": self.directory, "environment": {"CHARTON_TEMPLATES": bridge_support.FAULT_RENDERERS}}}
        body = json.dumps(header).encode("utf-8")
        client.sendall(protocol.REQUEST + len(body).to_bytes(4, "big") + body + stream)

    def frames_until_the_answer(self, frames):
        seen = []
        while True:
            frame = protocol.read_frame(frames)
            if frame is None:
                return seen
            kind, header = frame
            payload = protocol.read_exactly(frames, header["length"]) if header.get("length") else b""
            seen.append((kind, header, payload))
            if kind in (protocol.RESPONSE, b"EXIT"):
                return seen

    def test_the_greeting_says_what_each_renderer_lacks_and_where_crashes_go(self):
        _, _, hello = self.connect()
        self.assertTrue(hello["service"])
        self.assertIn("matplotlib", hello["missing_by_renderer"])
        self.assertIn("print_stdout", hello["missing_by_renderer"], "the template plugins too")
        self.assertEqual(self.directory, os.path.dirname(hello["crash_log"]))
        self.assertNotEqual(self.pid, hello["pid"], "a process of its own serves the connection")

    def test_what_a_request_prints_arrives_before_its_answer(self):
        client, frames, _ = self.connect()
        self.request(client, "print_stdout")
        seen = self.frames_until_the_answer(frames)
        self.assertEqual(protocol.RESPONSE, seen[-1][0])
        self.assertEqual(b"figure-bytes", seen[-1][2])
        printed = b"".join(payload for kind, _, payload in seen[:-1] if kind == b"ERRS")
        for line in (b"printed by the renderer", b"written to sys.stdout", b"written to fd 1", b"to stderr"):
            self.assertIn(line, printed)

    def test_a_process_that_dies_is_reported_with_its_exit_status_and_the_service_goes_on(self):
        client, frames, _ = self.connect()
        self.request(client, "os_exit")
        kind, header, _ = self.frames_until_the_answer(frames)[-1]
        self.assertEqual((b"EXIT", 7), (kind, header["status"]))
        client, frames, _ = self.connect()
        self.request(client, "print_stdout")
        self.assertEqual(protocol.RESPONSE, self.frames_until_the_answer(frames)[-1][0])

    def test_closing_the_connection_kills_the_serving_process(self):
        client, frames, hello = self.connect()
        frames.close()  # the file holds the socket open too
        client.close()
        deadline = time.time() + 10
        while _alive(hello["pid"]) and time.time() < deadline:
            time.sleep(0.05)
        self.assertFalse(_alive(hello["pid"]))

    def test_it_preloads_its_first_renderer_then_every_other_installed_one_before_it_listens(self):
        bridge_support.require_module(self, "matplotlib")
        self.assertEqual(["none"], self.read_status()["preloaded"], "--preload none preloads no renderer")
        self.stop()
        self.start("matplotlib")
        preloaded = self.read_status()["preloaded"]
        self.assertEqual("matplotlib", preloaded[0], "its first renderer first")
        installed = sorted(name for name in renderers.BUILTIN if not renderers.missing_packages(name))
        self.assertEqual(installed, sorted(preloaded))
        client, frames, _ = self.connect()
        self.request(client, "print_stdout")
        self.assertEqual(protocol.RESPONSE, self.frames_until_the_answer(frames)[-1][0], "and it serves")

    def test_a_spare_forked_ahead_serves_the_next_connection_and_another_is_forked_after_it(self):
        spare = self.wait_for_status(lambda status: status["spare_pid"])["spare_pid"]
        self.assertTrue(_alive(spare))
        client, frames, hello = self.connect()
        self.assertEqual(spare, hello["pid"], "the spare serves the connection")
        self.request(client, "print_stdout")
        self.assertEqual(protocol.RESPONSE, self.frames_until_the_answer(frames)[-1][0])
        frames.close()
        client.close()
        status = self.wait_for_status(lambda status: status["spare_pid"] not in (None, spare))
        self.assertTrue(_alive(status["spare_pid"]), "a new spare once the request has ended")
        self.assertEqual(0, status["busy"])

    def test_a_spare_that_died_is_not_waited_for(self):
        spare = self.wait_for_status(lambda status: status["spare_pid"])["spare_pid"]
        os.kill(spare, signal.SIGKILL)
        self.wait_for_status(lambda status: status["spare_pid"] is None)
        client, frames, hello = self.connect()
        self.assertNotEqual(spare, hello["pid"])
        self.request(client, "print_stdout")
        self.assertEqual(protocol.RESPONSE, self.frames_until_the_answer(frames)[-1][0], "a process forked for it serves")

    def test_the_spare_leaves_with_the_service(self):
        spare = self.wait_for_status(lambda status: status["spare_pid"])["spare_pid"]
        self.stop()
        deadline = time.time() + 10
        while _alive(spare) and time.time() < deadline:
            time.sleep(0.05)
        self.assertFalse(_alive(spare))

    def test_the_spare_leaves_when_the_service_is_idle_and_the_next_request_is_served_all_the_same(self):
        self.stop()
        self.start("none", "--spare-idle", "1")
        spare = self.wait_for_status(lambda status: status["spare_pid"])["spare_pid"]
        self.wait_for_status(lambda status: status["spare_pid"] is None)
        deadline = time.time() + 10
        while _alive(spare) and time.time() < deadline:
            time.sleep(0.05)
        self.assertFalse(_alive(spare))
        client, frames, hello = self.connect()
        self.request(client, "print_stdout")
        self.assertEqual(protocol.RESPONSE, self.frames_until_the_answer(frames)[-1][0])

    def test_a_service_whose_spare_left_still_leaves_when_idle(self):
        self.stop()
        self.start("none", "--spare-idle", "1", "--idle", "4")
        spare = self.wait_for_status(lambda status: status["spare_pid"])["spare_pid"]
        deadline = time.time() + 20
        while _alive(self.pid) and time.time() < deadline:
            time.sleep(0.1)
        self.assertFalse(_alive(self.pid), "the service outlived its 4 s idle limit (a spare let go of "
                                           "must not count as a request, nor be replaced)")
        self.assertFalse(_alive(spare))
        self.assertFalse(os.path.exists(self.socket))

    def wait_for_status(self, condition):
        deadline = time.time() + 30
        status = self.read_status()
        while not condition(status):
            self.assertLess(time.time(), deadline, "the status never met the condition: %s" % status)
            time.sleep(0.05)
            status = self.read_status()
        return status

    def test_sigterm_removes_the_socket_and_the_status_file(self):
        self.stop()
        self.assertFalse(os.path.exists(self.socket))
        self.assertFalse(os.path.exists(self.status))


def _alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


if __name__ == "__main__":
    unittest.main()
