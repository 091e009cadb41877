#!/usr/bin/env python3
"""Times the dashboard's first screen on a large register in a real terminal (a 120×40
tmux pane), against polars' whole load and group-by of the same file, alternating runs in
one go.

    python3 scripts/first-screen.py [--rows 1000000] [--rounds 3] [--shape plain]

For each round it starts `ssmap FILE` in a fresh tmux pane and reads the pane every 20 ms
until the first screen, then every 100 ms (each read starts a tmux client, which takes CPU
from the load): "first screen" is when the hint bar ("?Help") is drawn, "whole" is when
the status line says every arrangement is loaded. Then it times polars' job from `compare-peers.py`. It prints
each time, the medians, and the first screen's ratio to polars' run. Uses
.build/release/ssmap and the registers `compare-peers.py` makes.
"""
import argparse
import importlib.util
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("peers", os.path.join(ROOT, "scripts", "compare-peers.py"))
peers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peers)


def tmux(*arguments):
    return subprocess.run(["tmux", "-L", "ssmap-first-screen", "-f", "/dev/null", *arguments],
                          capture_output=True, text=True).stdout


def dashboard(path, timeout=60.0):
    """Seconds until the first screen, and until the whole register is in."""
    tmux("kill-server")
    start = time.monotonic()
    tmux("new-session", "-d", "-s", "s", "-x", "120", "-y", "40", f"{peers.SSMAP} '{path}'; sleep 60")
    first = whole = None
    while time.monotonic() - start < timeout:
        screen = tmux("capture-pane", "-p", "-t", "s")
        now = time.monotonic() - start
        if first is None and "?Help" in screen:
            first = now
        if "arrangements loaded" in screen or (first is not None and "Still loading" not in screen):
            whole = now
            break
        time.sleep(0.02 if first is None else 0.1)
    tmux("kill-server")
    return first, whole


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shape", choices=peers.SHAPES, default="plain")
    options = parser.parse_args()
    path = peers.register(options.rows, options.shape)
    polars_job = peers.commands(path, options.shape)["polars"]
    firsts, wholes, polars = [], [], []
    for round_number in range(1, options.rounds + 1):
        first, whole = dashboard(path)
        measured = peers.measure(polars_job, timeout=300)
        polars_wall = measured[0] if measured else float("nan")
        print(f"round {round_number}: first screen {first:.3f} s, whole {whole:.3f} s; polars {polars_wall:.2f} s",
              flush=True)
        firsts.append(first)
        wholes.append(whole)
        polars.append(polars_wall)
    first, whole, polar = statistics.median(firsts), statistics.median(wholes), statistics.median(polars)
    print(f"{options.rows:,} rows, {options.shape} shape, medians of {options.rounds}: first screen {first:.3f} s, "
          f"whole {whole:.3f} s, polars {polar:.2f} s; first screen / polars = {first / polar:.2f}")


if __name__ == "__main__":
    main()
