"""Turn the benchmark's results into docs/performance-figures.md (and bench/results/results.md).

    .venv-bench/bin/python bench/report.py [--results bench/results/results.json]
                                           [--out docs/performance-figures.md]

Reads the JSON that bench/run.py writes (and bench/results/scale.json from
bench/scale.py, when there is one) and writes a markdown page fragment of
tables. The async throughput by concurrency, sixteen numbers in a table, is
also drawn with matplotlib (a bench-only requirement) to
bench/results/async-throughput.png; without matplotlib the page says the
plot was left out. Writes nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
PLOT = RESULTS / "async-throughput.png"

SYNC_NAMES = {
    "httpx": "bare httpx.Client",
    "dodb-reference": "dodb, reference-page call",
    "dodb-typed": "dodb, typed call",
    "pydo": "pydo.Client (official)",
}
ASYNC_NAMES = {
    "aiohttp": "bare aiohttp session",
    "dodb": "dodb AsyncClient",
    "pydo": "pydo.aio.Client (official)",
    "httpx": "bare httpx.AsyncClient",
}
STARTUP_NAMES = {
    "httpx": "`import httpx` + `httpx.Client()`",
    "dodb": "`import dodb` + `dodb.Client()`",
    "dodb-async": "`import dodb` + `dodb.AsyncClient()`",
    "dodb-ready": "`import dodb` + `dodb.Client().databases` (ready for a first call)",
    "aiohttp": "`import aiohttp`",
    "pydo": "`import pydo` + `pydo.Client()`",
}


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def concurrencies(med: dict[str, Any]) -> list[str]:
    found = {c for runs in med["async"].values() for c in runs}
    return sorted(found, key=int)


def results_markdown(results: dict[str, Any]) -> str:
    """The tables of one run of bench/run.py, with ratios to the bare clients."""
    meta, med = results["meta"], results["medians"]
    s, a, st = med["sync"], med["async"], med["startup"]
    cmd, mem, size = med["command"], med["memory"], med["installed_mb"]
    levels = concurrencies(med)
    lines = [
        f"Medians of {meta['rounds']} interleaved rounds; {meta['calls']} sequential add_user "
        f"calls per sync run, {meta['async_calls']} per async run; Python {meta['python']}, "
        f"{meta['cores']} cores shared with other work, one `dodb emulator` on loopback on the "
        f"other core; {meta['date']}. Command: `{meta['command']}`.",
        "",
    ]
    cpu = {k: v["cpu_us_per_call"] for k, v in s.items()}
    lines += table(
        ["sync, add_user", "calls/s", "client CPU per call", "CPU vs bare httpx"],
        [
            [
                SYNC_NAMES[k],
                f"{s[k]['calls_per_s']:.0f}",
                f"{cpu[k]:.0f} µs",
                f"{cpu[k] / cpu['httpx']:.2f}x",
            ]
            for k in SYNC_NAMES
            if k in s
        ],
    )
    clients = [k for k in ASYNC_NAMES if k in a]
    rate_rows = [
        [ASYNC_NAMES[k], *(f"{a[k][c]['calls_per_s']:.0f}" for c in levels)] for k in clients
    ]
    rate_rows.append(
        [
            "*dodb / bare aiohttp*",
            *(
                f"*{a['dodb'][c]['calls_per_s'] / a['aiohttp'][c]['calls_per_s']:.2f}x*"
                for c in levels
            ),
        ]
    )
    lines += ["", *table(["async, calls/s", *(f"c={c}" for c in levels)], rate_rows)]
    cpu_rows = [
        [ASYNC_NAMES[k], *(f"{a[k][c]['cpu_us_per_call']:.0f}" for c in levels)] for k in clients
    ]
    cpu_rows.append(
        [
            "*dodb / bare aiohttp*",
            *(
                f"*{a['dodb'][c]['cpu_us_per_call'] / a['aiohttp'][c]['cpu_us_per_call']:.2f}x*"
                for c in levels
            ),
        ]
    )
    lines += [
        "",
        *table(["async, client CPU µs per call", *(f"c={c}" for c in levels)], cpu_rows),
    ]
    base = st["httpx"]["import_construct_ms"]
    lines += [
        "",
        *table(
            ["start-up, in a fresh process", "ms", "vs bare httpx"],
            [
                [
                    STARTUP_NAMES[k],
                    f"{st[k]['import_construct_ms']:.0f}",
                    f"{st[k]['import_construct_ms'] / base:.2f}x",
                ]
                for k in STARTUP_NAMES
                if k in st
            ],
        ),
    ]
    bare = cmd["python -c pass"]["wall_ms"]
    lines += [
        "",
        *table(
            ["whole command, start to exit", "ms", "beyond `python -c pass`"],
            [
                [f"`{k}`", f"{v['wall_ms']:.0f}", f"{v['wall_ms'] - bare:.0f} ms"]
                for k, v in cmd.items()
            ],
        ),
    ]
    m_sync, m_async = mem["sync"], mem["async"]
    lines += [
        "",
        *table(
            [
                f"peak memory (RSS) after {meta['memory_calls']:,} calls",
                "bare",
                "dodb",
                "pydo (official)",
            ],
            [
                [
                    "sync (bare: httpx)",
                    f"{m_sync['httpx']['peak_rss_mb']:.1f} MB",
                    f"{m_sync['dodb-typed']['peak_rss_mb']:.1f} MB",
                    f"{m_sync['pydo']['peak_rss_mb']:.1f} MB",
                ],
                [
                    f"async at {meta['memory_concurrency']} (bare: aiohttp)",
                    f"{m_async['aiohttp']['peak_rss_mb']:.1f} MB",
                    f"{m_async['dodb']['peak_rss_mb']:.1f} MB",
                    f"{m_async['pydo']['peak_rss_mb']:.1f} MB",
                ],
            ],
        ),
        "",
        *table(
            ["installed, with dependencies", "MB"],
            [
                ["httpx", f"{size['httpx']:.1f}"],
                ["aiohttp", f"{size['aiohttp']:.1f}"],
                ["dodb (httpx, aiohttp, attrs, yarl)", f"{size['dodb']:.1f}"],
                ["pydo with `aio`", f"{size['pydo']:.1f}"],
            ],
        ),
        "",
        *table(
            ["target", "measured", "wanted", "met"],
            [
                [
                    t["target"],
                    f"{t['measured']:.2f}x",
                    f"{t['op']} {t['bound']}",
                    "yes" if t["met"] else "**no**",
                ]
                for t in results["targets"]
            ],
        ),
    ]
    return "\n".join(lines)


def scale_markdown(scale: dict[str, Any]) -> str:
    """The figures of bench/scale.py: start-up with today's operations against a bigger spec."""
    meta, med = scale["meta"], scale["medians"]
    specs = list(meta["operations"])
    lines = [
        f"Start-up against the number of operations in the spec: today's spec "
        f"({meta['operations'][specs[0]]} operations) against a synthetic one with "
        f"{meta['operations'][specs[1]]} (the user operations copied under new names and paths, "
        f"models included), generated by `scripts/generate.py` and put first on `PYTHONPATH`. "
        f"Medians of {meta['rounds']} interleaved rounds. Command: `{meta['command']}`.",
        "",
    ]
    rows = []
    for measure, label in scale["measures"].items():
        today, bigger = med[specs[0]][measure], med[specs[1]][measure]
        rows.append([label, f"{today:.0f}", f"{bigger:.0f}", f"{bigger / today:.2f}x"])
    httpx_ms = med[specs[0]].get("httpx")
    lines += table(
        [
            "ms",
            f"{meta['operations'][specs[0]]} operations",
            f"{meta['operations'][specs[1]]} operations",
            "ratio",
        ],
        rows,
    )
    if httpx_ms:
        lines += [
            "",
            *table(
                ["target", "measured", "wanted", "met"],
                [
                    [
                        t["target"],
                        f"{t['measured']:.2f}x",
                        f"{t['op']} {t['bound']}",
                        "yes" if t["met"] else "**no**",
                    ]
                    for t in scale["targets"]
                ],
            ),
        ]
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path) -> bool:
    """Async calls/s against concurrency, one line per client; False without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    med = results["medians"]
    levels = concurrencies(med)
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    for client, label in ASYNC_NAMES.items():
        if client in med["async"]:
            ys = [med["async"][client][c]["calls_per_s"] for c in levels]
            ax.plot([int(c) for c in levels], ys, marker="o", label=label)
    ax.set_xscale("log", base=2)
    ax.set_xticks([int(c) for c in levels], levels)
    ax.set_xlabel("concurrent calls")
    ax.set_ylabel("add_user calls per second (median)")
    ax.set_title("Async throughput against one local server (2 shared cores)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return True


def page(
    results: dict[str, Any], scale: dict[str, Any] | None, plotted: Path | None, out: Path
) -> str:
    """docs/performance-figures.md: the tables, and the plot if there is one."""
    lines = [
        "## Performance figures",
        "",
        "<!-- Generated by bench/report.py from bench/results/results.json: do not edit by hand. -->",
        "",
        "dodb measured against the bare HTTP clients it sends through (httpx for `Client`, "
        "aiohttp for `AsyncClient`) and against the official client, pydo, each in a fresh "
        "process against one local `dodb emulator`. dodb runs here without pacing and "
        "without making adds on one cluster one at a time, as the bare clients do. The "
        "machine is shared, so single figures move between runs by 15% or more; the "
        "ratios, taken within one run, are what to compare.",
        "",
        results_markdown(results),
        "",
    ]
    if plotted is not None:
        rel = os.path.relpath(plotted, out.parent)
        lines += [f"![add_user calls per second against concurrency]({rel})", ""]
    else:
        lines += ["(The throughput plot was left out: matplotlib is not installed.)", ""]
    if scale is not None:
        lines += ["### Start-up and the size of the spec", "", scale_markdown(scale), ""]
    lines += [
        "Where dodb's own time per call goes, function by function, is in "
        f"`{os.path.relpath(RESULTS / 'profile.md', ROOT)}` (`bench/profile.py`).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--results", type=Path, default=RESULTS / "results.json")
    parser.add_argument("--scale", type=Path, default=RESULTS / "scale.json")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-figures.md")
    parser.add_argument("--no-plot", action="store_true")
    args = parser.parse_args()
    if not args.results.exists():
        raise SystemExit(f"{args.results} not found: run bench/run.py first")
    results = json.loads(args.results.read_text())
    scale = json.loads(args.scale.read_text()) if args.scale.exists() else None
    plotted = None if args.no_plot or not plot(results, PLOT) else PLOT
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page(results, scale, plotted, args.out.resolve()))
    print(f"wrote {args.out}" + (f" and {plotted}" if plotted else " (no plot)"))


if __name__ == "__main__":
    main()
