"""The greeting charton_worker.py sends, without chartonpy, on a Python it refuses."""
import io
import subprocess
import sys
import unittest

import bridge_support
from chartonpy import PROTOCOL_VERSION, protocol

# The refusal runs in a child, since it ends its process; MINIMUM_PYTHON is raised past this Python.
REFUSE = """
import sys
sys.path.insert(0, sys.argv[1])
import charton_worker
charton_worker.MINIMUM_PYTHON = (sys.version_info[0] + 1, 0)
charton_worker._refuse_if_too_old()
"""


class TooOldGreetingTest(unittest.TestCase):
    def test_states_the_protocol_version_chartonpy_speaks(self):
        done = subprocess.run([sys.executable, "-c", REFUSE, bridge_support.TEMPLATES],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, check=False)
        self.assertEqual(0, done.returncode, done.stderr.decode(errors="replace"))
        stream = io.BytesIO(done.stdout)
        kind, hello = protocol.read_frame(stream)
        self.assertEqual((protocol.HELLO, True), (kind, hello["too_old"]))
        self.assertEqual(b"", stream.read(), "the greeting is all it sends")
        # charton_worker.py repeats the number because an old Python cannot parse chartonpy to read it.
        self.assertEqual(PROTOCOL_VERSION, hello["protocol"])


if __name__ == "__main__":
    unittest.main()
