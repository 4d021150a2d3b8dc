"""Run every benchmark and print one Markdown table (paste it into the README).

Usage: make bench   (or .venv/bin/python benchmarks/run_all.py)
Not part of the test run: these print figures, they do not pass or fail.
"""

from __future__ import annotations

import os
import platform
import sys
from datetime import date

import export_json
import import_linkedin
import in_terminal
import mail_scan
import memory
import search
import startup
import store_reads
import sync_kill
import sync_vdir
from _common import bare_startup, fresh, where


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> int:
    rows: list[tuple[str, str, str, str]] = []
    first_load = last_load = os.getloadavg()[0]

    def add(name: str, figure: str, bar: str, ok: bool) -> None:
        nonlocal last_load
        now = os.getloadavg()[0]
        figure = f"{figure} ({where(last_load, now)})"
        last_load = now
        rows.append((name, figure, bar, verdict(ok)))
        print(f"  {name}: {figure}", file=sys.stderr, flush=True)

    terminal = in_terminal.measure()
    if terminal:
        print("\n".join(in_terminal.table(terminal)), file=sys.stderr)
        cells = []
        for size, (figures, loads) in sorted(terminal.items()):
            shown = ", ".join(
                f"`{what}` {app} ms vs bare {bare} ms = {ratio:.2f}x"
                for what, (app, bare, ratio) in figures.items()
            )
            cells.append(f"{size:,} contact{'s' if size > 1 else ''}: {shown} ({where(*loads)})")
        rows.append(
            (
                "In a real terminal (tmux 120x40, `benchmarks/in_terminal.sh`), each against a "
                "bare app in the same round (a dialog for `n` and `i`, a screen for the rest)",
                "; ".join(cells),
                "start-up ≤ 1.5x, screens ≤ 2x",
                verdict(in_terminal.met(terminal)),
            )
        )
    else:
        print("  in a real terminal: skipped (no tmux)", file=sys.stderr)
    last_load = os.getloadavg()[0]

    start = startup.measure()
    add(
        "Start-up to painted list, 30,000 contacts",
        f"{start['app'] * 1000:.0f} ms vs bare app {start['bare'] * 1000:.0f} ms "
        f"= {start['ratio']:.2f}x; as installed (bytecode) {start['installed'] * 1000:.0f} ms "
        f"= {start['installed_ratio']:.2f}x",
        "≤ 1.5x bare app",
        # `make run` compiles our modules first, as pip does for an installed app.
        start["installed_ratio"] <= 1.5,
    )
    keys = fresh("keystrokes")
    (f_med, f_max), (m_med, m_max), (b_med, _) = keys["filter"], keys["move"], keys["bare"]
    add(
        "Filter keystroke → repainted list (app CPU)",
        f"median {f_med * 1000:.1f} ms, worst {f_max * 1000:.1f} ms "
        f"(bare Input key {b_med * 1000:.1f} ms)",
        "median ≤ 16 ms",
        f_med <= 0.016,
    )
    add(
        "Move highlight + switch detail (app CPU)",
        f"median {m_med * 1000:.1f} ms, worst {m_max * 1000:.1f} ms "
        f"(bare Input key {b_med * 1000:.1f} ms)",
        "≤ 16 ms (same as filtering)",
        m_med <= 0.016,
    )
    writes = fresh("write_actions")
    worst = max(writes[name][0] for name in ("archive", "status", "save form"))
    add(
        "Write actions at 30,000: longest frozen stretch of the event loop per key",
        ", ".join(
            f"{label} median {writes[name][1] * 1000:.0f} ms (worst {writes[name][0] * 1000:.0f})"
            for name, label in (
                ("archive", "archive"),
                ("status", "status change"),
                ("save form", "save contact form"),
                ("open form", "open contact form"),
            )
        )
        + f"; bare Input key {writes['bare'][1] * 1000:.0f} ms",
        "≤ 50 ms (archive, status, save)",
        worst <= 0.050,
    )
    n_med, n_p95 = fresh("call_note_keystroke", "figures")
    add(
        "Call note keystroke, 200 notes, autosave on (app CPU)",
        f"median {n_med:.1f} ms, p95 {n_p95:.1f} ms",
        "≤ 16 ms",
        n_med <= 16,
    )
    imports = import_linkedin.measure()
    first, report = imports["first import"]
    again, report_again = imports["re-import"]
    common, report_common = imports["first import, common names"]
    cpu = import_linkedin.CPU
    add(
        "`import linkedin`, 30,000 rows (whole command)",
        f"{first:.2f} s, CPU {cpu['first import']:.2f} s ({report}); again {again:.2f} s "
        f"({report_again}); common names {common:.2f} s, CPU "
        f"{cpu['first import, common names']:.2f} s ({report_common})",
        "distinct ≤ 1.5 s, common names ≤ 2 s",
        first <= 1.5 and common <= 2,
    )
    found = search.measure()
    add(
        f"`ctrl+f` search query, {found['entries']:,.0f} indexed texts (store, in a worker)",
        f"median {found['median'] * 1000:.1f} ms, worst {found['worst'] * 1000:.1f} ms; "
        f"index rebuild by its migration {found['rebuild'] * 1000:.0f} ms",
        "—",
        True,
    )
    add(
        "A pasted search or filter (800 one-letter words, 1,200 words, 10 KB), 30,000 contacts",
        f"search worst {found['paste_search'] * 1000:.0f} ms, "
        f"filter worst {found['paste_filter'] * 1000:.0f} ms",
        "no freeze (was 12 s to 541 s, filter 18.5 s)",
        found["paste_search"] < 1 and found["paste_filter"] < 1,
    )
    reads = store_reads.measure()
    add(
        "Store reads by column name, 30,000 contacts (CPU, median of 5)",
        ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in reads.items()),
        "—",
        True,
    )
    seconds, size = export_json.measure()
    add("`export json`, whole database", f"{seconds:.2f} s ({size / 1e6:.1f} MB)", "—", True)
    first, items, second, touched = sync_vdir.measure()
    add(
        "`sync` into an empty vdir, 30,000 contacts, 3,000 open follow-ups, "
        "300 planned calls (whole command)",
        f"{first:.2f} s ({items} items); again, nothing changed, {second:.2f} s "
        f"({touched} files written)",
        "≤ 10 s; again ≤ 1.5 s writing nothing",
        first <= 10 and second <= 1.5 and touched == 0,
    )
    killed = sync_kill.measure()
    add(
        f"`kill -9` x{sync_kill.ROUNDS} during a 30,000-contact sync, then a sync to the end",
        f"{killed['resume']:.2f} s to converge: {killed['converged']}; idle after: "
        f"{killed['idle']}",
        "converges, nothing stuck, no temporary file left",
        bool(killed["converged"]) and str(killed["idle"]).startswith("0 written, 0 removed"),
    )
    mail = mail_scan.measure()
    add(
        f"Mail scan, {mail_scan.MESSAGES:,} messages in a Maildir (use case)",
        f"first {mail['first']:.2f} s (CPU {mail['first_cpu']:.2f} s, {mail['noticed']:.0f} "
        f"noticed); nothing new right after {mail['again']:.2f} s, later {mail['later']:.2f} s",
        "first ≤ 5 s; nothing new ≤ 0.5 s",
        mail["first"] <= 5 and mail["again"] <= 0.5,
    )
    rss = memory.measure()
    add(
        "Peak RSS at 30,000 contacts",
        f"{rss['app']:.0f} MB (bare app {rss['bare']:.0f} MB)",
        "≤ 150 MB",
        rss["app"] <= 150,
    )

    print(
        f"\nMeasured {date.today().isoformat()} on {machine()}; load average "
        f"{first_load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; the bare "
        f"Textual app's headless start-up in this run {bare_startup() * 1000:.0f} ms (the "
        "yardstick of figures with no bare app of their own: store queries, commands).\n"
    )
    print("| what | result | bar | |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
