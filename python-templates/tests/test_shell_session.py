"""charton shell's side of the worker: kept datasets and EXEC requests (docs/protocol.md, "Shell sessions")."""
import json
import os
import signal
import subprocess
import sys
import time
import unittest

import bridge_support
from chartonpy import ingest, protocol, session

WORKER = os.path.join(bridge_support.TEMPLATES, "charton_worker.py")


class RunCodeTest(unittest.TestCase):
    def test_output_and_the_value_of_a_last_expression_come_back(self):
        output, raised = session.run_code("import sys\nprint('out')\nprint('err', file=sys.stderr)\n6 * 7\n", {})
        self.assertEqual("out\nerr\n42\n", output)
        self.assertIsNone(raised)

    def test_a_none_value_and_a_statement_show_nothing(self):
        self.assertEqual(("", None), session.run_code("x = 1\nNone\n", {}))

    def test_an_exception_is_described_at_the_users_line_after_the_output_so_far(self):
        output, raised = session.run_code("print('before')\n\n{}['missing']\n", {})
        self.assertEqual("before\n", output)
        self.assertEqual(("KeyError", "<py>", 3, "software"),
                         (raised["type"], raised["file"], raised["line"], raised["category"]))
        self.assertTrue(raised["traceback"].startswith("Traceback (most recent call last):\n  File \"<py>\", line 3"),
                        raised["traceback"])

    def test_a_syntax_error_names_its_line(self):
        output, raised = session.run_code("x = 1\nif x\n", {})
        self.assertEqual(("SyntaxError", "<py>", 2), (raised["type"], raised["file"], raised["line"]))

    def test_sys_exit_is_an_answer_not_an_exit(self):
        raised = session.run_code("import sys\nsys.exit(2)\n", {})[1]
        self.assertEqual(("SystemExit", "the code called sys.exit(2)"), (raised["type"], raised["message"]))

    def test_output_is_cut_at_the_limit(self):
        output, _ = session.run_code("print('x' * (%d + 10))" % session.OUTPUT_LIMIT, {})
        self.assertLess(len(output), session.OUTPUT_LIMIT + 100)
        self.assertTrue(output.endswith("[output cut at %d characters]\n" % session.OUTPUT_LIMIT), output[-80:])


class FreshTableTest(unittest.TestCase):
    def test_every_view_has_a_frame_of_its_own(self):
        pa = bridge_support.require_module(self, "pyarrow")
        table = ingest.Table(pa.table({"a": [1, 2, 3]}))
        first, second = table.fresh(), table.fresh()
        first.frame["b"] = 1
        first.frame.drop(index=[0], inplace=True)
        self.assertEqual([1, 2, 3], list(second.frame["a"]))
        self.assertEqual(["a"], list(table.fresh().frame.columns))
        self.assertIs(table.arrow, first.arrow)


class SessionWorkerTest(unittest.TestCase):
    """A real worker process, spoken to as charton shell does."""

    def setUp(self):
        self.pa = bridge_support.require_module(self, "pyarrow")
        import pyarrow.ipc  # noqa: F401

        env = dict(os.environ, CHARTON_TEMPLATES=bridge_support.FAULT_RENDERERS, MPLBACKEND="Agg",
                   CHARTON_WORKER_IGNORE_SIGINT="1")
        self.process = subprocess.Popen(
            [sys.executable, WORKER, "--preload", "none", "--spawned-at", str(time.time() * 1000)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.addCleanup(self.stop)
        self.assertEqual(protocol.HELLO, protocol.read_frame(self.process.stdout)[0])
        self.data = bridge_support.stream_bytes(self.pa, bridge_support.java_like_table(self.pa))
        self.ids = 0

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if not stream.closed:
                stream.close()

    def send(self, kind, header, payload=b""):
        self.ids += 1
        protocol.write_frame(self.process.stdin, kind, dict(header, id=self.ids), payload)
        kind, response = protocol.read_frame(self.process.stdout)
        self.assertEqual(protocol.RESPONSE, kind)
        body = protocol.read_exactly(self.process.stdout, response["length"]) if response["length"] else b""
        return response, body

    def keep(self, key="load-1", data=None):
        """Sends the data once, kept under ``key``, with a request that reads it."""
        response, body = self.send(protocol.REQUEST, {"renderer": "ingest_only", "format": "json", "spec": {},
                                                      "data": "arrow-stream", "dataset": key}, data or self.data)
        self.assertEqual("ok", response["status"], response)
        return json.loads(body)

    def plot(self, key="load-1", title="frame"):
        response, body = self.send(protocol.REQUEST, {"renderer": "ingest_only", "format": "json",
                                                      "spec": {"title": title}, "data": "dataset", "dataset": key})
        self.assertEqual("ok", response["status"], response)
        return json.loads(body)

    def python(self, code, key="load-1"):
        response, body = self.send(protocol.EXECUTE, {"action": "python", "code": code, "width": 100,
                                                      "data": "dataset", "dataset": key})
        self.assertEqual(("ok", session.MEDIA_TYPE), (response["status"], response["media_type"]), response)
        return body.decode("utf-8"), response["raised"]

    def test_kept_data_serves_later_requests_without_being_sent_again(self):
        self.assertEqual(50, self.keep()["rows"])
        self.assertEqual(50, self.plot()["rows"])
        response, body = self.send(protocol.EXECUTE, {"action": "head", "rows": 3, "width": 200,
                                                      "data": "dataset", "dataset": "load-1"})
        lines = body.decode("utf-8").splitlines()
        self.assertEqual(4, len(lines), lines)  # the column names, then three rows
        self.assertEqual(["i", "f", "b", "s", "d", "t", "tz", "ni"], lines[0].split())
        self.assertTrue(lines[1].startswith("0 "), lines)

    def test_python_variables_persist_and_errors_are_answers(self):
        self.keep()
        self.assertEqual(("hello 42\n50\n", None), self.python("x = 41\nprint('hello', x + 1)\nlen(df)"))
        self.assertEqual(("41\n", None), self.python("x"))
        output, raised = self.python("print('so far')\nnope + 1")
        self.assertEqual("so far\n", output)
        self.assertEqual(("NameError", "<py>", 2), (raised["type"], raised["file"], raised["line"]))
        self.assertEqual(("41\n", None), self.python("x"))

    def test_plots_never_see_what_python_did_to_df(self):
        self.keep()
        self.python("df.drop(columns=['i'], inplace=True)\ndf['extra'] = 1\nimport pandas\n"
                    "pandas.set_option('display.max_rows', 3)")
        seen = self.plot()
        self.assertIn("i", seen["columns"])
        self.assertNotIn("extra", seen["columns"])
        self.assertEqual(("True False\n", None), self.python("print('extra' in df.columns, 'i' in df.columns)"))
        response, body = self.send(protocol.REQUEST, {"renderer": "state_inspector", "format": "json", "spec": {},
                                                      "data": "dataset", "dataset": "load-1"})
        self.assertNotEqual(3, json.loads(body)["pandas_max_rows"])

    def test_another_dataset_rebinds_df_and_keeps_the_variables(self):
        self.keep()
        self.python("x = 'kept'")
        small = bridge_support.stream_bytes(self.pa, bridge_support.java_like_table(self.pa, rows=5))
        self.assertEqual(5, self.keep("load-2", small)["rows"])
        self.assertEqual(("5 kept\n", None), self.python("print(len(df), x)", key="load-2"))

    def test_python_can_write_to_df(self):
        one_column = bridge_support.stream_bytes(self.pa, self.pa.table({"a": [1, 2, 3]}))
        self.keep(data=one_column)  # pandas could share Arrow's read-only memory for it
        self.assertEqual(("[100, 2, 3]\n", None), self.python("df.loc[0, 'a'] = 100\nprint(list(df['a']))"))
        self.assertEqual(("[1, 2, 3]\n", None), self.python("print(table['a'].to_pylist())"))

    def test_python_without_data_has_no_df(self):
        response, body = self.send(protocol.EXECUTE, {"action": "python", "code": "print(df is None, 1 + 1)",
                                                      "data": "none"})
        self.assertEqual(("ok", "True 2\n"), (response["status"], body.decode()))

    def test_sigint_is_ignored_and_the_variable_is_gone(self):
        self.keep()
        self.process.send_signal(signal.SIGINT)
        time.sleep(0.2)
        self.assertEqual(("False\n", None), self.python("import os\n'CHARTON_WORKER_IGNORE_SIGINT' in os.environ"))

    def test_an_unknown_action_is_a_usage_error_and_the_worker_goes_on(self):
        self.keep()
        response, _ = self.send(protocol.EXECUTE, {"action": "dance", "data": "dataset", "dataset": "load-1"})
        self.assertEqual(("error", "usage"), (response["status"], response["error"]["category"]))
        self.assertEqual(50, self.plot()["rows"])

    def test_a_dataset_the_worker_does_not_hold_ends_it(self):
        self.keep()
        response, _ = self.send(protocol.REQUEST, {"renderer": "ingest_only", "format": "json", "spec": {},
                                                   "data": "dataset", "dataset": "load-9"})
        self.assertEqual(("error", "data", True), (response["status"], response["error"]["category"], response["closing"]))
        self.process.stdin.close()
        self.assertEqual(1, self.process.wait(timeout=30))


if __name__ == "__main__":
    unittest.main()
