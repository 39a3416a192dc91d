"""Hangs, with a child process of its own, after writing both PIDs to the file named by
CHARTON_TEST_PID_FILE (so a test can check the whole tree is gone afterwards)."""
import os
import subprocess
import time


def render(table, spec, fmt):
    child = subprocess.Popen(["sleep", "600"])
    pid_file = os.environ.get("CHARTON_TEST_PID_FILE")
    if pid_file:
        with open(pid_file + ".tmp", "w") as out:
            out.write("%d %d\n" % (os.getpid(), child.pid))
        os.replace(pid_file + ".tmp", pid_file)
    time.sleep(600)
    return b"", "text/plain"
