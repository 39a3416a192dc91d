"""--memory-limit on the Python side: RLIMIT_AS for one request, counted from what is mapped."""
import resource
import unittest

import bridge_support  # noqa: F401 (puts chartonpy on the path)
from chartonpy import errors, memory_limit

MIB = 1 << 20


class SizeLabelTest(unittest.TestCase):
    def test_sizes_read_as_charton_writes_them(self):
        for size, label in ((512 * MIB, "512M"), (2 << 30, "2G"), (1536 * MIB, "1536M"), (4096 << 10, "4M"),
                            (3 << 40, "3T"), (1000, "1000")):
            self.assertEqual(label, memory_limit.size_label(size))


class FromEnvironmentTest(unittest.TestCase):
    def test_the_variable_is_taken_out_of_the_environment(self):
        environ = {"CHARTON_WORKER_MEMORY_LIMIT": str(256 * MIB), "HOME": "/home/me"}
        limit = memory_limit.from_environment(environ)
        self.assertEqual(256 * MIB, limit.extra_bytes)
        self.assertEqual({"HOME": "/home/me"}, environ, "user code and its children never see it")
        self.assertIsNone(memory_limit.from_environment({}))

    def test_a_limit_must_be_above_zero(self):
        with self.assertRaises(ValueError):
            memory_limit.MemoryLimit(0)


class MemoryLimitTest(unittest.TestCase):
    def test_a_request_may_add_the_limit_and_no_more(self):
        before = resource.getrlimit(resource.RLIMIT_AS)
        with memory_limit.MemoryLimit(128 * MIB):
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            self.assertEqual(before[1], hard, "only the soft limit is set, so later requests get their own")
            self.assertAlmostEqual(memory_limit.mapped_bytes() + 128 * MIB, soft, delta=32 * MIB)
            within = bytearray(32 * MIB)
            self.assertEqual(32 * MIB, len(within))
            del within
            with self.assertRaises(MemoryError) as raised:
                bytearray(256 * MIB)
            described = errors.describe(raised.exception)
            self.assertEqual(("MemoryError", "software"), (described["type"], described["category"]))
            self.assertIn("Python ran out of memory under --memory-limit 128M", described["message"])
        self.assertEqual(before, resource.getrlimit(resource.RLIMIT_AS))
        self.assertEqual(256 * MIB, len(bytearray(256 * MIB)), "the limit ends with its request")
        self.assertIsNone(memory_limit.active_label())
        self.assertNotIn("--memory-limit", errors.describe(MemoryError())["message"])


if __name__ == "__main__":
    unittest.main()
