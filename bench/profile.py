"""Where dodb's per-call microseconds go, next to the bare client's: a profile to guide cuts.

    .venv-bench/bin/python bench/profile.py [--calls 20000] [--rate 1000] [--only async-32]

Each scenario (async at concurrency 32 and 128: dodb AsyncClient against a bare
aiohttp session; sync: dodb's reference-page call against bare httpx) runs the
calls of bench/worker.py in a fresh process, against one `dodb emulator` on
the other core, twice:

- under py-spy (a sampling profiler, if installed; it pauses the process for
  each sample, so the stacks it reads are whole): its sample counts, scaled by the client CPU per call of
  unprofiled runs made just before, give microseconds per call. "own" is time in the function's own
  lines; "+libs" adds the library code it calls directly (httpx, aiohttp,
  json, ...) up to the next dodb frame: what that line of dodb costs;
  "cum" is everything below it.
- under cProfile, which counts every function call exactly but inflates
  small functions: it gives the calls per API call and, scaled down by its
  own inflation, a second estimate of own time.

Frames are dodb's when their file is in `dodb/` or `dodb_api/` (the generated
calls and models among them), installed or in this checkout; the methods attrs
writes for dodb's classes count as their module's. Last, each step of a call
(building it, its plan, parsing the answer, the sender's pieces, the timers)
is timed alone in-process: `micro_timings`, each row naming its `file:function`.

The tables go to stdout and to bench/results/profile.md (--output elsewhere for a
trial run). Figures are from a shared 2-core machine: compare rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
TOP = 15
CLUSTER = "ab7bb7a"  # bench/worker.py's
# Where dodb's packages live in this checkout: `wrapper/dodb/`, `generated/dodb_api/`.
SOURCE_TREES = tuple(str(HERE.parent / tree) + os.sep for tree in ("wrapper", "generated"))

# name -> (mode, dodb's client kind, the bare yardstick's kind, concurrency)
SCENARIOS: dict[str, tuple[str, str, str, int]] = {
    "async-32": ("async", "dodb", "aiohttp", 32),
    "async-128": ("async", "dodb", "aiohttp", 128),
    "sync": ("sync", "dodb-reference", "httpx", 1),
}

# Where a source file belongs, by the first match of its path.
GROUPS: list[tuple[str, str]] = [
    ("dodb_api/", "dodb_api (generated calls, models, types)"),
    ("/dodb/", "dodb"),
    ("/httpx/", "httpx"),
    ("/httpcore/", "httpcore, h11"),
    ("/h11/", "httpcore, h11"),
    ("/aiohttp/", "aiohttp"),
    ("/yarl/", "yarl, multidict, propcache"),
    ("/multidict/", "yarl, multidict, propcache"),
    ("/propcache/", "yarl, multidict, propcache"),
    ("/attr/", "attrs"),
    ("/asyncio/", "asyncio (event loop, tasks, timeouts)"),
    ("/json/", "json"),
    ("bench/", "benchmark harness"),
]


# The child: one profiled run -------------------------------------------------


def standard_cprofile() -> ModuleType:
    """The standard library's cProfile. It imports the standard `profile`, a name this
    file has too: the bench folder is taken off the path while it is imported."""
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
    try:
        import cProfile
    finally:
        sys.path[:] = saved
    return cProfile


def child(profiler_kind: str, mode: str, kind: str, url: str, n: int, conc: int, out: str) -> None:
    """Warm up, then make `n` calls under the profiler; print CPU per call as JSON.

    For py-spy the child waits on stdin after warming up, so the sampler (attached by
    the parent then) sees only the measured calls, and leaves without tearing down."""
    import worker

    worker.pin(1)
    tag = f"prof-{time.time_ns()}"  # user names are at most 63 characters
    profiler = standard_cprofile().Profile() if profiler_kind == "cprofile" else None

    def ready() -> None:
        if profiler_kind == "pyspy":
            print("READY", flush=True)
            sys.stdin.readline()

    def finish(cpu: float) -> None:
        if profiler is not None:
            profiler.create_stats()
            pstats.Stats(profiler).dump_stats(out)
        print(json.dumps({"cpu_us_per_call": cpu / n * 1e6}), flush=True)
        if profiler_kind == "pyspy":
            os._exit(0)  # no teardown in the samples

    if mode == "sync":
        add = worker.sync_caller(kind, url)
        for i in range(200):
            add(f"{tag}-warm-{i}")
        ready()
        cpu = time.process_time()
        if profiler is not None:
            profiler.enable()
        for i in range(n):
            add(f"{tag}-{i}")
        if profiler is not None:
            profiler.disable()
        finish(time.process_time() - cpu)
        return

    async def run() -> None:
        add, close = worker.async_caller(kind, url)
        for warm in range(3):
            await asyncio.gather(*(add(f"{tag}-w{warm}-{i}") for i in range(conc)))
        ready()
        cpu = time.process_time()
        if profiler is not None:
            profiler.enable()
        await worker.async_lanes(add, n, conc, tag)
        if profiler is not None:
            profiler.disable()
        finish(time.process_time() - cpu)
        await close()

    asyncio.run(run())


def run_child(
    profiler_kind: str, mode: str, kind: str, url: str, n: int, conc: int, rate: int, workdir: Path
) -> tuple[dict[str, Any], Path]:
    """Run one profiled child; (its JSON line, the profile file in `workdir`)."""
    out = workdir / f"{profiler_kind}-{kind}-{conc}-{time.time_ns()}.out"
    args = [sys.executable, __file__, "--child", profiler_kind, mode, kind, url, str(n)]
    args += [str(conc), str(out)]
    if profiler_kind == "cprofile":
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"profiled child failed:\n{done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1]), out
    process = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdin is not None
    assert process.stdout is not None
    if process.stdout.readline().strip() != "READY":
        process.wait(timeout=30)
        raise RuntimeError(f"profiled child failed:\n{process.stderr.read()[-2000:]}")
    spy_cmd = [str(py_spy()), "record", "--pid", str(process.pid), "--rate", str(rate)]
    spy_cmd += [
        "--format",
        "raw",
        "--full-filenames",
        "--gil",
        "--output",
        str(out),
    ]
    spy = subprocess.Popen(spy_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)  # let py-spy attach before the calls start
    process.stdin.write("go\n")
    process.stdin.flush()
    line = process.stdout.readline()
    process.wait(timeout=600)
    spy.wait(timeout=60)
    if process.returncode != 0 or not line.strip():
        raise RuntimeError(f"profiled child failed:\n{process.stderr.read()[-2000:]}")
    if not out.exists():
        raise RuntimeError(f"py-spy wrote nothing:\n{spy.stderr.read() if spy.stderr else ''}")
    return json.loads(line), out


def py_spy() -> Path | None:
    found = Path(sys.executable).parent / "py-spy"
    if found.exists():
        return found
    other = shutil.which("py-spy")
    return Path(other) if other else None


# Reading the profiles ---------------------------------------------------------


_ATTRS = re.compile(r"^<attrs generated \w+ (?P<module>[\w.]+)\.(?P<cls>\w+)>$")


def short(filename: str) -> str:
    """A file's path from its package (`dodb/_base.py`), or from the stdlib's root.

    The methods attrs writes for a class (`Call.__init__`) are filed under the class's
    module, marked: `dodb/_calls.py <attrs Call>`."""
    generated = _ATTRS.match(filename)
    if generated is not None:
        module = generated["module"].replace(".", "/")
        return f"{module}.py <attrs {generated['cls']}>"
    for marker in ("site-packages/", "/lib/python3.11/", "/lib/python3.12/", "/lib/python3.13/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    if filename.startswith(str(HERE) + os.sep):
        return "bench/" + filename[len(str(HERE)) + 1 :]
    for tree in SOURCE_TREES:  # dodb run from this checkout (an editable install)
        if filename.startswith(tree):
            return filename[len(tree) :]
    return filename


def group_of(filename: str) -> str:
    path = "/" + short(filename)
    for part, group in GROUPS:
        if part in path:
            return group
    if filename.startswith(("~", "<")) or filename == "":
        return "C builtins, frozen modules"
    return "other stdlib"


Key = tuple[str, str]  # (short file, function)
Owner = Callable[[Key], bool]
_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


def is_dodb(key: Key) -> bool:
    return key[0].startswith(("dodb/", "dodb_api/"))


def is_bare_call(key: Key) -> bool:
    """The bare client's call: the `add` functions of bench/worker.py."""
    return key[0] == "bench/worker.py" and key[1].rsplit(".", 1)[-1].startswith("add")


class Samples:
    """py-spy's raw stacks, counted per function, module and line.

    `owner` says which frames are the client's own (dodb's, or the bare client's call).
    own: the function's own lines; own_libs: its lines and the library code they call,
    up to the next frame of the owner's (the innermost owner frame gets the sample);
    cum: every sample with the function on the stack; outside: samples with no
    owner frame at all (the event loop, protocol callbacks, the harness)."""

    def __init__(self, path: Path, owner: Owner) -> None:
        self.total = 0
        self.outside = 0
        self.own: Counter[Key] = Counter()
        self.own_libs: Counter[Key] = Counter()
        self.cum: Counter[Key] = Counter()
        self.lines: Counter[tuple[str, str, str]] = Counter()
        self.group_own: Counter[str] = Counter()
        self.module_own_libs: Counter[str] = Counter()
        self.module_cum: Counter[str] = Counter()
        for text in path.read_text().splitlines():
            stack_text, _, count_text = text.rpartition(" ")
            if not stack_text or not count_text.isdigit():
                continue
            count = int(count_text)
            frames: list[tuple[Key, str, str]] = []  # (key, full file name, line)
            for frame in stack_text.split(";"):
                match = _FRAME.match(frame)
                if match is not None and not match["func"].startswith("process "):
                    filename = match["file"]
                    frames.append(((short(filename), match["func"]), filename, match["line"] or ""))
            if not frames:
                continue
            self.total += count
            leaf, leaf_file, _ = frames[-1]
            self.own[leaf] += count
            self.group_own[group_of(leaf_file)] += count
            for key, _, line in reversed(frames):
                if owner(key):
                    self.own_libs[key] += count
                    self.module_own_libs[key[0]] += count
                    self.lines[(key[0], key[1], line)] += count
                    break
            else:
                self.outside += count
            for key in {k for k, _, _ in frames}:
                self.cum[key] += count
            for module in {k[0] for k, _, _ in frames if owner(k)}:
                self.module_cum[module] += count


def det_key(key: Key) -> Key:
    """py-spy names a method by its qualified name, cProfile by its bare one."""
    return key[0], key[1].rsplit(".", 1)[-1]


class Deterministic:
    """cProfile's figures per (file, function name), summed over same-named functions."""

    def __init__(self, path: Path) -> None:
        stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
        self.calls: Counter[Key] = Counter()
        self.own: Counter[Key] = Counter()
        self.cum: Counter[Key] = Counter()
        self.total = 0.0
        for (filename, _, func), (_, ncalls, tottime, cumtime, _) in stats.items():
            key = (short(filename), func)
            self.calls[key] += ncalls
            self.own[key] += tottime
            self.cum[key] = max(self.cum[key], cumtime)
            self.total += tottime


# The tables ----------------------------------------------------------------


class Run:
    """One client's profiles in one scenario, read as microseconds per API call."""

    def __init__(self, cpu: float, n: int, spy: Samples | None, det: Deterministic) -> None:
        self.cpu, self.n, self.spy, self.det = cpu, n, spy, det
        # cProfile slows what it measures: its seconds are scaled to the measured CPU.
        self.det_scale = cpu / (det.total / n * 1e6)

    def spy_us(self, count: float) -> float:
        assert self.spy is not None
        return count / self.spy.total * self.cpu if self.spy.total else 0.0

    def det_us(self, seconds: float) -> float:
        return seconds / self.n * 1e6 * self.det_scale

    def calls(self, key: Key) -> float:
        return self.det.calls[det_key(key)] / self.n


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(r) + " |" for r in rows),
    ]


def scenario_tables(name: str, dodb: Run, bare: Run, bare_label: str) -> list[str]:
    mode, _, _, conc = SCENARIOS[name]
    title = f"async, concurrency {conc}" if mode == "async" else "sync, one call at a time"
    lines = [
        f"## {title}",
        "",
        f"dodb {dodb.cpu:.0f} µs of client CPU per call, {bare_label} {bare.cpu:.0f} µs: "
        f"{dodb.cpu / bare.cpu:.2f}x, dodb's own cost {dodb.cpu - bare.cpu:.0f} µs per call.",
        "",
    ]
    if dodb.spy is None or bare.spy is None:
        return lines + deterministic_tables(dodb, bare, bare_label)
    d, b = dodb.spy, bare.spy
    lines += [
        f"py-spy samples: {d.total} for dodb, {b.total} for {bare_label} "
        f"(one sample = {dodb.cpu / d.total:.2f} and {bare.cpu / b.total:.2f} µs per call).",
        "",
        "Inside and outside the client's call (µs per call):",
        "",
    ]
    inside_d, inside_b = d.total - d.outside, b.total - b.outside
    lines += table(
        ["", "dodb", bare_label, "difference"],
        [
            [
                "inside the call (the client's frames and the library code under them)",
                f"{dodb.spy_us(inside_d):.1f}",
                f"{bare.spy_us(inside_b):.1f}",
                f"{dodb.spy_us(inside_d) - bare.spy_us(inside_b):+.1f}",
            ],
            [
                "outside it (event loop, protocol callbacks, the harness)",
                f"{dodb.spy_us(d.outside):.1f}",
                f"{bare.spy_us(b.outside):.1f}",
                f"{dodb.spy_us(d.outside) - bare.spy_us(b.outside):+.1f}",
            ],
        ],
    )
    lines += ["", "By library, own time (µs per call):", ""]
    rows = []
    for g in sorted(
        set(d.group_own) | set(b.group_own),
        key=lambda g: -(dodb.spy_us(d.group_own[g]) - bare.spy_us(b.group_own[g])),
    ):
        du, bu = dodb.spy_us(d.group_own[g]), bare.spy_us(b.group_own[g])
        if max(du, bu) >= 0.5:
            rows.append([g, f"{du:.1f}", f"{bu:.1f}", f"{du - bu:+.1f}"])
    rows.append(
        ["**all**", f"**{dodb.cpu:.0f}**", f"**{bare.cpu:.0f}**", f"**{dodb.cpu - bare.cpu:+.0f}**"]
    )
    lines += table(["library", "dodb", bare_label, "difference"], rows)

    lines += [
        "",
        "dodb's modules (µs per call; +libs: the module's lines and the library code they "
        "call directly; cum: everything under its frames):",
        "",
    ]
    rows = [
        [f"`{module}`", f"{dodb.spy_us(count):.1f}", f"{dodb.spy_us(d.module_cum[module]):.1f}"]
        for module, count in d.module_own_libs.most_common(TOP)
    ]
    bare_calls = sum(b.own_libs.values())
    rows.append([f"{bare_label}: its whole call", f"{bare.spy_us(bare_calls):.1f}", ""])
    lines += table(["module", "+libs", "cum"], rows)

    lines += [
        "",
        f"dodb's functions, top {TOP} by +libs (µs per call; calls: times run per API call, "
        "from cProfile, a coroutine counting once per resumption):",
        "",
    ]
    rows = []
    for key, count in d.own_libs.most_common(TOP):
        rows.append(
            [
                f"`{key[0]}:{key[1]}`",
                f"{dodb.spy_us(d.own[key]):.1f}",
                f"{dodb.spy_us(count):.1f}",
                f"{dodb.spy_us(d.cum[key]):.1f}",
                f"{dodb.calls(key):.2f}",
            ]
        )
    lines += table(["function", "own", "+libs", "cum", "calls"], rows)

    lines += ["", f"dodb's lines, top {TOP} by +libs (µs per call):", ""]
    rows = [
        [f"`{file}:{line}` ({func})", f"{dodb.spy_us(count):.1f}"]
        for (file, func, line), count in d.lines.most_common(TOP)
    ]
    lines += table(["line", "+libs"], rows)

    lines += [
        "",
        f"Hottest functions of any library, own time (µs per call), top {TOP} in dodb's run:",
        "",
    ]
    rows = []
    for key, count in d.own.most_common(TOP):
        rows.append(
            [
                f"`{key[0]}:{key[1]}`",
                f"{dodb.spy_us(count):.1f}",
                f"{bare.spy_us(b.own[key]):.1f}",
                f"{dodb.calls(key):.2f} / {bare.calls(key):.2f}",
            ]
        )
    lines += table(["function", "dodb", bare_label, "calls (dodb / bare)"], rows)
    lines += [
        "",
        f"cProfile's inflation in this scenario: {1 / dodb.det_scale:.1f}x for dodb, "
        f"{1 / bare.det_scale:.1f}x for {bare_label}.",
        "",
    ]
    return lines


def deterministic_tables(dodb: Run, bare: Run, bare_label: str) -> list[str]:
    """The tables from cProfile alone (no py-spy): own and cumulative time, scaled."""
    by_group_d: Counter[str] = Counter()
    by_group_b: Counter[str] = Counter()
    for (file, _), t in dodb.det.own.items():
        by_group_d[group_of(file)] += dodb.det_us(t)
    for (file, _), t in bare.det.own.items():
        by_group_b[group_of(file)] += bare.det_us(t)
    rows = [
        [g, f"{by_group_d[g]:.1f}", f"{by_group_b[g]:.1f}", f"{by_group_d[g] - by_group_b[g]:+.1f}"]
        for g in sorted(
            set(by_group_d) | set(by_group_b), key=lambda g: by_group_b[g] - by_group_d[g]
        )
    ]
    lines = ["By library, own time (µs per call, cProfile scaled):", ""]
    lines += table(["library", "dodb", bare_label, "difference"], rows)
    lines += ["", f"dodb's functions, top {TOP} by own time (cProfile scaled, µs per call):", ""]
    keys = sorted((k for k in dodb.det.own if is_dodb(k)), key=lambda k: -dodb.det.own[k])
    lines += table(
        ["function", "own", "cum", "calls"],
        [
            [
                f"`{k[0]}:{k[1]}`",
                f"{dodb.det_us(dodb.det.own[k]):.1f}",
                f"{dodb.det_us(dodb.det.cum[k]):.1f}",
                f"{dodb.calls(k):.2f}",
            ]
            for k in keys[:TOP]
        ],
    )
    return [*lines, ""]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        profiler_kind, mode, kind, url, n, conc, out = sys.argv[2:9]
        child(profiler_kind, mode, kind, url, int(n), int(conc), out)
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=20000, help="profiled calls per run")
    parser.add_argument("--rate", type=int, default=1000, help="py-spy samples per second")
    parser.add_argument("--plain-calls", type=int, default=4000, help="calls per unprofiled run")
    parser.add_argument("--plain-rounds", type=int, default=3, help="unprofiled runs per client")
    parser.add_argument("--only", choices=list(SCENARIOS), action="append")
    parser.add_argument("--no-py-spy", action="store_true", help="cProfile only")
    parser.add_argument(
        "--micro-calls", type=int, default=20000, help="runs per repeat of each step timed alone"
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "profile.md")
    args = parser.parse_args()
    from run import emulator  # bench/run.py: one emulator on the other core

    spy_available = py_spy() is not None and not args.no_py_spy
    names = args.only or list(SCENARIOS)
    started = time.time()
    sections: list[str] = []
    summary: list[list[str]] = []
    with emulator() as url, tempfile.TemporaryDirectory(prefix="dodb-prof-") as tmp:
        for name in names:
            mode, dodb_kind, bare_kind, conc = SCENARIOS[name]
            figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
            profiles: dict[tuple[str, str], Path] = {}
            # CPU per call from unprofiled runs, interleaved, to scale the samples by.
            for _ in range(args.plain_rounds):
                for kind in (dodb_kind, bare_kind):
                    figures[kind].append(plain(mode, kind, url, args.plain_calls, conc))
            for profiler_kind in (["pyspy"] if spy_available else []) + ["cprofile"]:
                for kind in (dodb_kind, bare_kind):
                    _, out = run_child(
                        profiler_kind, mode, kind, url, args.calls, conc, args.rate, Path(tmp)
                    )
                    profiles[(profiler_kind, kind)] = out
            dodb = load(figures[dodb_kind], profiles, dodb_kind, args.calls, is_dodb)
            bare = load(figures[bare_kind], profiles, bare_kind, args.calls, is_bare_call)
            bare_label = "bare aiohttp" if bare_kind == "aiohttp" else "bare httpx"
            sections += scenario_tables(name, dodb, bare, bare_label)
            summary.append(
                [
                    name,
                    f"{dodb.cpu:.0f}",
                    f"{bare.cpu:.0f} ({bare_label})",
                    f"{dodb.cpu / bare.cpu:.2f}x",
                    f"{dodb.cpu - bare.cpu:.0f}",
                ]
            )
            print(f"{name} done ({time.time() - started:.0f}s)", flush=True)
        isolated = micro_timings(url, args.micro_calls)
    head = [
        "# Where dodb's per-call time goes",
        "",
        f"`.venv-bench/bin/python bench/profile.py --calls {args.calls}`: add_user calls "
        "against one `dodb emulator` on the other core; dodb's reference-page call "
        "`client.databases.add_user`, without pacing or per-cluster serialising, like the "
        f"bare clients. Client CPU per call: median of {args.plain_rounds} unprofiled runs of "
        f"{args.plain_calls} calls. "
        + (
            f"Where it goes: py-spy samples of {args.calls} calls ({args.rate}/s, only while "
            "the GIL is held), as shares of that CPU; call counts from cProfile, whose "
            "own timings are too inflated to use (see the last line of each section)."
            if spy_available
            else "py-spy was not available: own times are cProfile's, scaled to the measured CPU."
        ),
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores shared with other work: "
        "compare rows of one run. Sampling is noisy: a function's figure moves by about "
        "±1 µs or ±30% between runs (identical aiohttp code differs that much between the "
        "two clients' columns), and some small functions are charged far more than they "
        "cost (`asyncio.current_task` here, against its time alone in the last table). "
        "The firmer figures "
        "are the steps timed alone (last table) and bench/ablate.py's paired ablations; "
        "bench/results/findings.md sums them up.",
        "",
        *table(["scenario", "dodb µs/call", "bare µs/call", "ratio", "dodb's own µs"], summary),
        "",
    ]
    isolation = [
        "## dodb's steps in isolation",
        "",
        "Each step of a reference-page add, timed alone in one process (best of 5 repeats of "
        f"{args.micro_calls:,}): steadier than the samples above, but blind to what a step costs the event "
        "loop later (bench/ablate.py measures that).",
        "",
        *table(["step", "µs"], isolated),
        "",
    ]
    text = "\n".join(head + sections + isolation)
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(text)
    print(text)
    print(f"wrote {args.output} in {time.time() - started:.0f}s")


# In isolation: dodb's steps timed alone, in-process -----------------------------------


def micro_timings(url: str, number: int = 20000) -> list[list[str]]:
    """Each step of a reference-page add in dodb, timed alone (µs, best of 5 repeats).

    Steady where the profiles are noisy, but blind to what a step makes the event loop
    do later. Reaches into dodb's private modules: a step that a newer dodb no longer
    has is reported as such."""
    import httpx

    answer = httpx.post(
        f"{url}/v2/databases/{CLUSTER}/users",
        json={"name": f"micro-{time.time_ns()}"},
        headers={"Authorization": "Bearer bench-token"},
    )
    canned = Canned(url, list(answer.headers.raw), answer.content)
    rows = [timed(label, make, number) for label, make in sync_steps(canned)]
    rows += asyncio.run(async_micro(canned, number))
    return rows


class Canned:
    """A real answer of the emulator to an add, to run dodb's steps on without I/O."""

    def __init__(self, url: str, raw: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.url, self.raw, self.body = url, raw, body
        self.name = str(json.loads(body)["user"]["name"])  # the answer must name the request's

    def call(self) -> Any:
        """The reference-page call, as `client.databases.add_user(...)` builds it."""
        from dodb import _calls

        return _calls.official("databases_add_user", (CLUSTER,), {"name": self.name}, {})

    def httpx_response(self) -> Any:
        """The answer as the sync client gets it: an httpx.Response."""
        import httpx

        return httpx.Response(201, headers=self.raw, content=self.body)

    def aiohttp_response(self) -> Any:
        """The answer as the async client gets it from its aiohttp sender."""
        from dodb._aiohttp import _Response

        target = f"{self.url}/v2/databases/{CLUSTER}/users"
        return _Response(201, tuple(self.raw), self.body, "POST", target)


Step = Callable[[], Callable[[], object]]


def timed(label: str, make: Step, number: int) -> list[str]:
    """[label, best µs per run of the function `make()` returns], or why it could not run."""
    import timeit

    try:
        step = make()
        step()
        best = min(timeit.repeat(step, number=number, repeat=5)) / number * 1e6
    except (AttributeError, ImportError, TypeError, KeyError) as exc:
        return [label, f"n/a ({type(exc).__name__}: {exc})"]
    return [label, f"{best:.2f}"]


def first_try(client: Any, call: Any, answer: Any) -> Callable[[], object]:
    """`BaseClient._call_steps` of a call whose first attempt gets `answer`: its one Send,
    then the result (parsed, its headers kept for the rate limit, recorded). The steps
    `perform` takes for a call on its own, as a flow takes them."""

    return lambda: one_step(client._call_steps(call), answer)


def one_step(steps: Any, answer: Any) -> object:
    """Run `steps` whose first step is a Send answered by `answer`: their result."""
    next(steps)  # the Send: no Pace step without a pacer
    try:
        steps.send(answer)
    except StopIteration as done:
        return done.value
    raise AssertionError("a first-try success took more than one step")


def sync_steps(canned: Canned) -> list[tuple[str, Step]]:
    """The steps of a sync reference-page add, and the sender-side ones of the async client
    that need no event loop."""

    def client() -> Any:
        import dodb

        return dodb.Client(
            "bench-token",
            base_url=canned.url,
            requests_per_minute=None,
            serialize_user_changes=False,
        )

    def official() -> Callable[[], object]:
        from dodb import _calls

        body = {"name": canned.name}
        return lambda: _calls.official("databases_add_user", (CLUSTER,), body, {})

    def typed() -> Callable[[], object]:
        from dodb import _calls

        # As the generated `users.add` (dodb_api/calls/users.py) hands it to `_typed`.
        fields = {"name": canned.name}
        return lambda: _calls.typed("databases_add_user", (CLUSTER,), fields, {}, {})

    def encode() -> Callable[[], object]:
        from dodb._calls import _encode

        body = {"name": canned.name}
        return lambda: _encode(body)

    def plan_only() -> Callable[[], object]:
        from dodb._retry import plan

        settings, call, answer = client().settings, canned.call(), canned.httpx_response()

        return lambda: one_step(plan(call, settings, paced=False), answer)

    def call_steps() -> Callable[[], object]:
        return first_try(client(), canned.call(), canned.httpx_response())

    def result() -> Callable[[], object]:
        from dodb._retry import Done

        dodb_client, call = client(), canned.call()
        done = Done(canned.httpx_response(), 1)
        return lambda: dodb_client._result(call, done)

    def parse() -> Callable[[], object]:
        from dodb._response import parse_success

        call, answer = canned.call(), canned.httpx_response()
        return lambda: parse_success(call, answer, 1)

    def read() -> Callable[[], object]:
        call, data = canned.call(), json.loads(canned.body)
        return lambda: call.read(data)

    def decode() -> Callable[[], object]:
        from dodb._response import decode as decode_body

        answer = canned.httpx_response()
        return lambda: decode_body(answer)

    def scan() -> Callable[[], object]:
        from dodb._ratelimit import scan_response

        answer = canned.aiohttp_response()
        return lambda: scan_response(answer)

    def request_args() -> Callable[[], object]:
        from dodb._retry import Send

        dodb_client = client()
        step = Send(canned.call(), dodb_client.settings.timeout, "first", 60.0)
        return lambda: dodb_client._own_request_args(step)

    def deadline() -> Callable[[], object]:
        from dodb._transport import Deadline

        def run() -> None:
            with Deadline(time.monotonic() + 60.0):
                pass

        return run

    def record() -> Callable[[], object]:
        from dodb._response import parse_success

        dodb_client = client()
        done = parse_success(canned.call(), canned.httpx_response(), 1)
        return lambda: dodb_client._record(done)

    def aiohttp_response() -> Callable[[], object]:
        return canned.aiohttp_response

    def yarl_url() -> Callable[[], object]:
        import yarl

        target = f"{canned.url}/v2/databases/{CLUSTER}/users"
        return lambda: yarl.URL(target, encoded=True)

    def attempt_bound() -> Callable[[], object]:
        import dodb
        from dodb._aiohttp import AiohttpSender, attempt_seconds

        async_client = dodb.AsyncClient("bench-token", base_url=canned.url)
        sender, timeout = async_client._http, async_client.settings.timeout
        assert isinstance(sender, AiohttpSender)

        def run() -> None:
            attempt_seconds(timeout, 60.0)
            sender._connect_timer(timeout.connect)

        return run

    return [
        (
            "`dodb/_calls.py:official`: the reference-page Call (path, strict body check, JSON)",
            official,
        ),
        (
            "`dodb/_calls.py:typed`: the Call of `users.add(cluster, name)` (body built from "
            "fields and options, strict check, JSON)",
            typed,
        ),
        ("`dodb/_calls.py:_encode`: the body as JSON (one JSONEncoder)", encode),
        (
            "`dodb/_retry.py:plan`: a first-try success without a pacer, Send + Done (what "
            "`first_attempt` spares such a call)",
            plan_only,
        ),
        (
            "`dodb/_base.py:BaseClient._call_steps` (sync Client): a first-try success, "
            "`first_attempt` + result + record (no plan), the steps of a call in a flow "
            "(`perform` runs the same without their generator)",
            call_steps,
        ),
        (
            "`dodb/_base.py:BaseClient._result`: parse_success, the headers kept for the rate "
            "limit, the record",
            result,
        ),
        (
            "`dodb/_response.py:parse_success`: decode, `Call.read`, APIResponse (its rate "
            "limit and request id read when asked for)",
            parse,
        ),
        ("`dodb/_calls.py:Call.read`: answer-name check + parse", read),
        ("`dodb/_response.py:decode`: the body's JSON", decode),
        (
            "`dodb/_ratelimit.py:scan_response`: rate limit and request id from raw headers "
            "(when asked for, or once per 32 answers)",
            scan,
        ),
        ("`dodb/_base.py:BaseClient._own_request_args` (sync Client)", request_args),
        ("`dodb/_transport.py:Deadline` entered and left (sync `Client._request`)", deadline),
        ("`dodb/_base.py:BaseClient._record` (sync: `threading.local`)", record),
        (
            "`dodb/_aiohttp.py:_Response(...)`: aiohttp's answer wrapped, headers left raw",
            aiohttp_response,
        ),
        ("`yarl.URL(url, encoded=True)` (`dodb/_aiohttp.py:AiohttpSender.request`)", yarl_url),
        (
            "`dodb/_aiohttp.py`: the attempt's bound (`attempt_seconds`) and aiohttp's "
            "timeout for a new connection (`AiohttpSender._connect_timer`, made once)",
            attempt_bound,
        ),
    ]


async def async_micro(canned: Canned, number: int) -> list[list[str]]:
    """The async client's steps that need a running task, and what its timers cost with
    the loop turning (µs)."""
    import dodb

    loop = asyncio.get_running_loop()
    client = dodb.AsyncClient(
        "bench-token", base_url=canned.url, requests_per_minute=None, serialize_user_changes=False
    )
    call = canned.call()
    from dodb._response import parse_success

    recorded = parse_success(call, canned.aiohttp_response(), 1)

    def call_steps() -> Callable[[], object]:
        return first_try(client, call, canned.aiohttp_response())

    def record() -> Callable[[], object]:
        return lambda: client._record(recorded)

    rows = [
        timed(
            "`dodb/_base.py:BaseClient._call_steps` (AsyncClient, in a task): a first-try "
            "success, `first_attempt` + result + record (no plan), the steps of a call in a "
            "flow (`perform` runs the same without their generator)",
            call_steps,
            number,
        ),
        timed(
            "`dodb/_async_client.py:AsyncClient._record`, a task's later calls",
            record,
            number,
        ),
    ]

    async def per_call(body: Callable[[], Any]) -> float:
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            for _ in range(number):
                await body()
            best = min(best, (time.process_time() - start) / number * 1e6)
        return best

    async def turn() -> None:
        await asyncio.sleep(0)

    async def record_first() -> None:
        await asyncio.sleep(0)
        client._record(recorded)

    async def new_task() -> None:
        await asyncio.create_task(turn())

    async def new_task_recording() -> None:
        await asyncio.create_task(record_first())

    from aiohttp import helpers

    timeout_handle = getattr(helpers, "TimeoutHandle", None)  # aiohttp's private class

    async def aiohttp_timer() -> None:
        # What aiohttp's ClientSession._request does per request with a `total` timeout.
        assert timeout_handle is not None
        handle = timeout_handle(loop, 40.0, ceil_threshold=math.inf)
        scheduled = handle.start()
        with handle.timer():
            await asyncio.sleep(0)
        handle.close()
        if scheduled is not None:
            scheduled.cancel()

    from dodb._deadlines import Deadlines

    deadlines = Deadlines(loop)

    async def watched() -> None:
        # What dodb's AiohttpSender.request does per attempt instead.
        watch = deadlines.watch(40.0)
        await asyncio.sleep(0)
        deadlines.done(watch)

    async def asyncio_timeout_and_timer() -> None:
        async with asyncio.timeout(60.0):
            await aiohttp_timer()

    async def read_timer() -> None:
        handle = loop.call_later(30.0, _nothing)
        await asyncio.sleep(0)
        handle.cancel()

    async def current_task() -> None:
        asyncio.current_task()
        await asyncio.sleep(0)

    base = await per_call(turn)
    task_base = await per_call(new_task)
    rows.append(
        [
            "`dodb/_async_client.py:AsyncClient._record`, a task's first call (+ the "
            "done-callback that drops it), net of making the task",
            f"{await per_call(new_task_recording) - task_base:.2f}",
        ]
    )
    if timeout_handle is not None:
        timer = await per_call(aiohttp_timer) - base
        both = await per_call(asyncio_timeout_and_timer) - base
        rows += [
            [
                "one aiohttp timer per attempt, as until `Deadlines` and as a bare session's "
                "default (`aiohttp/helpers.py:TimeoutHandle` started, its `TimerContext` "
                "around an await, cancelled)",
                f"{timer:.2f}",
            ],
            [
                "`asyncio.timeout(budget)` + that timer, as before commit 1a63ed0",
                f"{both:.2f}",
            ],
        ]
    else:
        rows.append(["aiohttp's `TimeoutHandle`", "n/a (not in this aiohttp)"])
    rows += [
        [
            "an attempt's deadline today: `dodb/_deadlines.py:Deadlines.watch` and `done`, "
            "around an await (the one timer for all, set already)",
            f"{await per_call(watched) - base:.2f}",
        ],
        [
            "one timer scheduled and cancelled (`loop.call_later`): what aiohttp's "
            "`sock_read` adds per read (`aiohttp/client_proto.py:ResponseHandler._reschedule_timeout`)",
            f"{await per_call(read_timer) - base:.2f}",
        ],
        ["`asyncio.current_task()`", f"{await per_call(current_task) - base:.2f}"],
    ]
    deadlines.close()
    await client.close()
    return rows


def _nothing() -> None:
    return None


def load(
    figures: list[dict[str, Any]],
    profiles: dict[tuple[str, str], Path],
    kind: str,
    n: int,
    owner: Owner,
) -> Run:
    """One client's figures and profiles, as a Run."""
    cpu = statistics.median(r["cpu_us_per_call"] for r in figures)
    found = profiles.get(("pyspy", kind))
    spy = Samples(found, owner) if found is not None else None
    return Run(cpu, n, spy, Deterministic(profiles[("cprofile", kind)]))


def plain(mode: str, kind: str, url: str, n: int, conc: int) -> dict[str, Any]:
    """One unprofiled run by bench/worker.py."""
    from run import worker as run_worker

    tag = f"plain-{kind}-{time.time_ns()}"
    if mode == "sync":
        return run_worker("sync", kind, url, str(n), tag)
    return run_worker("async", kind, url, str(n), str(conc), tag)


if __name__ == "__main__":
    main()
