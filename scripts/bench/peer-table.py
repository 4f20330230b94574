#!/usr/bin/env python3
"""One table: the Flowable peer (results.tsv of benchmarks/flowable-peer/run.sh) beside the shipped server
(ShippedWorkloadBenchmark logs, AOF everysec and always) with the ratios shipped / peer.
Usage: peer-table.py <peer results.tsv> <shipped-everysec.log> [<shipped-always.log>] [label]"""
import re
import sys


def peer_figures(path, label):
    figures = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4 and parts[0] == label:
                try:
                    figures[(parts[1], parts[2])] = float(parts[3])
                except ValueError:  # the Flowable version, the history level
                    figures[(parts[1], parts[2])] = parts[3]
    return figures


PHASE = re.compile(r" (lifecycle|intake-c\d+) c=\d+ ops=(\d+) failed=(\d+) ops/s=([0-9.]+) p50=([0-9.]+)ms "
                   r"p99=([0-9.]+)ms requests=\d+ cpu-ms-per-op server=([0-9.]+) redis=([0-9.]+) total=([0-9.]+)")
DASH = re.compile(r"dashboard-summary during lifecycles: n=(\d+) p50=([0-9.]+)ms p95=([0-9.]+)ms")
MEMORY = re.compile(r"tickets=(\d+) bytes-per-ticket=(\d+)")


def shipped_figures(path):
    figures = {}
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return figures
    for m in PHASE.finditer(text):
        figures[m.group(1)] = {"ops": int(m.group(2)), "failed": int(m.group(3)), "rate": float(m.group(4)),
                               "p50": float(m.group(5)), "p99": float(m.group(6)), "cpu": float(m.group(9))}
    m = DASH.search(text)
    if m:
        figures["dashboard"] = {"n": int(m.group(1)), "p50": float(m.group(2)), "p95": float(m.group(3))}
    m = MEMORY.search(text)
    if m:
        figures["memory"] = {"tickets": int(m.group(1)), "bytes": int(m.group(2))}
    return figures


def fmt(value):
    if value is None:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def ratio(ours, theirs):
    return "–" if ours is None or theirs in (None, 0) else f"{ours / theirs:.2f}"


def main():
    peer = peer_figures(sys.argv[1], sys.argv[4] if len(sys.argv) > 4 else "pg-audit")
    runs = [("everysec", shipped_figures(sys.argv[2]))]
    if len(sys.argv) > 3:
        runs.append(("always", shipped_figures(sys.argv[3])))

    def p(phase, metric):
        value = peer.get((phase, metric))
        return value if isinstance(value, float) else None

    def s(run, phase, key):
        return run.get(phase, {}).get(key)

    rows = []
    for c in (1, 4, 16):
        rows.append((f"intake C={c}: tickets/s", p(f"A.intake.c{c}", "tickets_per_s"), f"intake-c{c}", "rate"))
        rows.append((f"intake C={c}: p50 ms", p(f"A.intake.c{c}", "p50_ms"), f"intake-c{c}", "p50"))
        rows.append((f"intake C={c}: p99 ms", p(f"A.intake.c{c}", "p99_ms"), f"intake-c{c}", "p99"))
        rows.append((f"intake C={c}: CPU ms per ticket (server + store)", p(f"A.intake.c{c}", "cpu_ms_per_ticket"),
                     f"intake-c{c}", "cpu"))
    rows.append(("lifecycle C=4: tickets/s", p("B.lifecycle.c4", "tickets_per_s"), "lifecycle", "rate"))
    rows.append(("lifecycle C=4: p50 ms per ticket", p("B.lifecycle.c4", "p50_ms"), "lifecycle", "p50"))
    rows.append(("lifecycle C=4: CPU ms per ticket (server + store)", p("B.lifecycle.c4", "cpu_ms_per_ticket"),
                 "lifecycle", "cpu"))
    rows.append(("dashboard p50 ms (peer: 30 API counts at OPEN; ours: summary during lifecycles)",
                 p("D.dashboard.api", "p50_ms"), "dashboard", "p50"))
    rows.append(("dashboard p95 ms (same)", p("D.dashboard.api", "p95_ms"), "dashboard", "p95"))
    rows.append(("dashboard p50 ms, peer's one GROUP BY SQL", p("D.dashboard.sql", "p50_ms"), "dashboard", "p50"))

    names = " | ".join(f"this server (AOF {name})" for name, _ in runs)
    ratios = " | ".join(f"ratio {name}" for name, _ in runs)
    print(f"| what | Flowable 7.2 + PostgreSQL (audit) | {names} | {ratios} |")
    print("|---|---:|" + "---:|" * (2 * len(runs)))
    for what, theirs, phase, key in rows:
        ours = [s(run, phase, key) for _, run in runs]
        print(f"| {what} | {fmt(theirs)} | " + " | ".join(fmt(o) for o in ours) + " | "
              + " | ".join(ratio(o, theirs) for o in ours) + " |")
    timers = p("C.timers", "s_clock_to_all_fired")
    acquired = p("C.timers", "s_acquisition_to_all_fired")
    cells = " | ".join("not measured" for _ in runs)
    print(f"| 1,000 deadlines due at once: due → all committed, s (peer: incl. poll wait; after acquisition "
          f"{fmt(acquired)}) | {fmt(timers)} | {cells} | " + " | ".join("–" for _ in runs) + " |")
    print(f"| tickets in the store (peer: open at the timer and dashboard phases; ours: stored at the end, the "
          f"dashboard was sampled earlier, during the lifecycles, with fewer) | {fmt(p('D.dashboard', 'open_tickets'))} | "
          + " | ".join(fmt((s(run, 'memory', 'tickets'))) for _, run in runs) + " | "
          + " | ".join("–" for _ in runs) + " |")
    db = p("C.timers", "db_size_mb")
    opened = p("C.timers", "open_tickets")
    per = db * 1024 * 1024 / opened if db and opened else None
    print(f"| store bytes per ticket (peer: PG database size / open; ours: Redis used_memory / stored) | {fmt(per)} | "
          + " | ".join(fmt(s(run, 'memory', 'bytes')) for _, run in runs) + " | "
          + " | ".join(ratio(s(run, 'memory', 'bytes'), per) for _, run in runs) + " |")
    failed = [sum(v.get("failed", 0) for k, v in run.items() if k not in ("dashboard", "memory")) for _, run in runs]
    print()
    print("Failed operations on this server: " + ", ".join(f"{n} {name}" for (name, _), n in zip(runs, failed))
          + ". Ratio = this server / peer (above 1 is more for this server: better for tickets/s, worse for ms and CPU).")


if __name__ == "__main__":
    main()
