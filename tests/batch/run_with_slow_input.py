#!/usr/bin/env python3
"""Runs a command whose input FIFO is fed only after a delay, so that the run takes a known
time; its stderr is a pseudo-terminal (--terminal) or a pipe. Prints what the command wrote to
stderr (and, on a terminal, stdout: they share it) and exits with the command's exit code.

Usage: run_with_slow_input.py [--terminal] FIFO SOURCE SECONDS -- COMMAND...
"""
import os
import pty
import subprocess
import sys
import threading
import time


def feed(fifo, source, seconds):
    time.sleep(seconds)
    with open(source, "rb") as src, open(fifo, "wb") as out:
        out.write(src.read())


def main():
    args = sys.argv[1:]
    terminal = args[0] == "--terminal"
    if terminal:
        args = args[1:]
    fifo, source, seconds = args[0], args[1], float(args[2])
    command = args[args.index("--") + 1:]
    os.mkfifo(fifo)
    threading.Thread(target=feed, args=(fifo, source, seconds), daemon=True).start()
    if not terminal:
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sys.stdout.buffer.write(done.stderr)
        return done.returncode
    pid, master = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(output)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
