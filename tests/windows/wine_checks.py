#!/usr/bin/python3
"""Checks of the Windows build that look at it from outside, under Wine.

  wine_checks.py stats      LINUX_KINDLING WINE_RUN WINEPREFIX KINDLING_EXE WORKDIR
  wine_checks.py screenshot WINE_RUN WINEPREFIX KINDLING_EXE WORKDIR
  wine_checks.py utf8       WINE_RUN WINEPREFIX KINDLING_EXE WORKDIR
  wine_checks.py second     WINE_RUN WINEPREFIX KINDLING_EXE WORKDIR
  wine_checks.py reminder   WINE_RUN WINEPREFIX KINDLING_EXE WORKDIR

stats:      the same `demo --seed S` history gives the same `stats --json` on
            Linux and under Wine: every field equal, numbers within 1e-9.
screenshot: `kindling.exe --screenshot` writes a 1280x800 PNG of each screen
            that is not blank (many colours, none covering nearly all of it);
            the PNGs stay in WORKDIR to look at.
utf8:       a data folder, an export file and names beyond ASCII (and beyond
            Latin-1) survive the Windows command line, the file system, the
            console, and an export imported into another such folder.
second:     a second start on the same data folder reaches the open window
            through its named pipe (src/platform/single_instance_windows.cpp),
            which answers that it came forward: the second exits 0 at once,
            the first stays open, and no second window appears.
reminder:   in a Wine desktop with a taskbar, `reminder on` writes the Run
            key's value (the watcher's exact command line) and starts the
            watcher, which says hello in the notification area at 21:00 on a
            day with nothing logged; a click on its icon opens Kindling on
            Today; `reminder off` removes the value and stops the watcher.
Each prints what it compared and exits non-zero with the first differences.
"""

import datetime
import json
import math
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

TOLERANCE = 1e-9


def windows_path(path):
    """Wine shows the machine's / as drive Z:."""
    return "Z:" + str(path).replace("/", "\\")


def run(command, what):
    result = subprocess.run(command, capture_output=True, timeout=600)
    if result.returncode != 0:
        sys.stderr.write(result.stdout.decode(errors="replace"))
        sys.stderr.write(result.stderr.decode(errors="replace"))
        raise SystemExit(f"{what} failed with exit code {result.returncode}: {command}")
    return result.stdout


def differences(linux, wine, path="$"):
    """Yields each place where the two JSON documents differ beyond TOLERANCE."""
    if isinstance(linux, bool) or isinstance(wine, bool):
        if linux is not wine:
            yield f"{path}: {linux!r} on Linux, {wine!r} under Wine"
    elif isinstance(linux, (int, float)) and isinstance(wine, (int, float)):
        if isinstance(linux, int) and isinstance(wine, int):
            if linux != wine:
                yield f"{path}: {linux} on Linux, {wine} under Wine"
        elif not (math.isfinite(linux) and math.isfinite(wine)) or abs(linux - wine) > TOLERANCE:
            yield f"{path}: {linux!r} on Linux, {wine!r} under Wine"
    elif isinstance(linux, dict) and isinstance(wine, dict):
        if linux.keys() != wine.keys():
            yield f"{path}: keys {sorted(linux)} on Linux, {sorted(wine)} under Wine"
        for key in linux.keys() & wine.keys():
            yield from differences(linux[key], wine[key], f"{path}.{key}")
    elif isinstance(linux, list) and isinstance(wine, list):
        if len(linux) != len(wine):
            yield f"{path}: {len(linux)} items on Linux, {len(wine)} under Wine"
        for i, (a, b) in enumerate(zip(linux, wine)):
            yield from differences(a, b, f"{path}[{i}]")
    elif type(linux) is not type(wine) or linux != wine:
        yield f"{path}: {linux!r} on Linux, {wine!r} under Wine"


def count_values(document):
    if isinstance(document, dict):
        return sum(count_values(v) for v in document.values())
    if isinstance(document, list):
        return sum(count_values(v) for v in document)
    return 1


def check_stats(linux_kindling, wine_run, prefix, exe, work):
    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    failures = []
    # Realistic and dense histories, and seeds that give different seasons.
    cases = [(["--years", "3", "--seed", "1"], "3 years, seed 1"),
             (["--years", "2", "--seed", "20261202"], "2 years, seed 20261202"),
             (["--years", "1", "--seed", "7", "--dense"], "1 dense year, seed 7")]
    for number, (arguments, label) in enumerate(cases):
        linux_dir, wine_dir = work / f"linux-{number}", work / f"wine-{number}"
        run([linux_kindling, "--data-dir", str(linux_dir), "demo", *arguments], "Linux demo")
        run([wine_run, prefix, exe, "--data-dir", windows_path(wine_dir), "demo", *arguments],
            "Wine demo")
        # The day both are judged on is the Linux run's own today.
        linux_stats = json.loads(run([linux_kindling, "--data-dir", str(linux_dir), "stats",
                                      "--json"], "Linux stats"))
        as_of = linux_stats["as_of"]
        linux_stats = json.loads(run([linux_kindling, "--data-dir", str(linux_dir), "stats",
                                      "--json", "--as-of", as_of], "Linux stats"))
        wine_stats = json.loads(run([wine_run, prefix, exe, "--data-dir", windows_path(wine_dir),
                                     "stats", "--json", "--as-of", as_of], "Wine stats"))
        found = list(differences(linux_stats, wine_stats))
        logs = sum(r["total_logs"] for r in linux_stats["rituals"])
        print(f"{label}: {logs} logs, {count_values(linux_stats)} values compared as of {as_of}: "
              f"{len(found)} differences")
        if logs == 0:
            failures.append(f"{label}: the demo wrote no log")
        failures += [f"{label}: {d}" for d in found[:20]]
    if failures:
        raise SystemExit("\n".join(failures))


def read_png(file):
    """Width, height and the RGB(A) rows of an 8-bit, non-interlaced PNG."""
    data = Path(file).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{file} is not a PNG")
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise SystemExit(f"{file}: a PNG kind this check does not read ({depth} bits, type {colour})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + guess) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_screenshot(wine_run, prefix, exe, work):
    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    data = work / "data"
    run([wine_run, prefix, exe, "--data-dir", windows_path(data), "demo", "--years", "1"],
        "Wine demo")
    failures = []
    for screen in ("today", "dashboard"):
        png = work / f"{screen}.png"
        out = run([wine_run, prefix, exe, "--data-dir", windows_path(data), "--screenshot",
                   windows_path(png), "--screen", screen], "Wine screenshot")
        if not png.is_file():
            failures.append(f"{screen}: no PNG was written (it said: {out.decode(errors='replace')})")
            continue
        width, height, channels, rows = read_png(png)
        counts = {}
        for row in rows[::4]:
            for x in range(0, len(row), channels * 4):
                pixel = row[x:x + 3]
                counts[pixel] = counts.get(pixel, 0) + 1
        sampled = sum(counts.values())
        commonest = max(counts.values()) / sampled
        dark = sum(n for p, n in counts.items() if sum(p) < 3 * 100) / sampled
        print(f"{screen}: {png} is {width}x{height}, {len(counts)} colours in the sample, "
              f"the commonest covers {commonest:.0%}, dark pixels (text) {dark:.1%}")
        if (width, height) != (1280, 800):
            failures.append(f"{screen}: {width}x{height}, not 1280x800")
        if len(counts) < 64 or commonest > 0.9:
            failures.append(f"{screen}: the picture is nearly blank")
        if dark < 0.002:
            failures.append(f"{screen}: no dark text was drawn")
    if failures:
        raise SystemExit("\n".join(failures))


def check_utf8(wine_run, prefix, exe, work):
    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    folder = work / "Zoë и Łukasz ♥ 日本"
    names = ("Zoë ☕", "Наташа")
    run([wine_run, prefix, exe, "--data-dir", windows_path(folder), "couple", "set",
         "--partner1", names[0], "--partner2", names[1]], "couple set")
    stats = json.loads(run([wine_run, prefix, exe, "--data-dir", windows_path(folder), "stats",
                            "--json"], "stats"))
    failures = []
    if not (folder / "kindling.sqlite3").is_file():
        failures.append(f"the data file is not in {folder}: {sorted(os.listdir(work))}")
    if tuple(stats["couple"]["partners"]) != names:
        failures.append(f"the names came back as {stats['couple']['partners']}, not {list(names)}")
    # Exported under a name beyond the ANSI code page, into that folder, and
    # imported from there into a second one.
    exported = folder / "Наташа ♥ export.json"
    run([wine_run, prefix, exe, "--data-dir", windows_path(folder), "export",
         windows_path(exported)], "export")
    if not exported.is_file():
        failures.append(f"export did not write {exported}: {sorted(os.listdir(folder))}")
    else:
        text = exported.read_text(encoding="utf-8")
        if "\r\n" in text:
            failures.append("the export has Windows line ends, unlike Linux's")
        if names[0] not in text or names[1] not in text:
            failures.append("the export does not hold both names")
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".partial")]
    if leftovers:
        failures.append(f"export left {leftovers} beside it")
    second = work / "Ὀδυσσεύς"
    if exported.is_file():
        run([wine_run, prefix, exe, "--data-dir", windows_path(second), "import",
             windows_path(exported)], "import")
        imported = json.loads(run([wine_run, prefix, exe, "--data-dir", windows_path(second),
                                   "stats", "--json"], "stats after the import"))
        if tuple(imported["couple"]["partners"]) != names:
            failures.append(f"the import gave {imported['couple']['partners']}, not {list(names)}")
    print(f"{folder.name!r} holds {sorted(p.name for p in folder.iterdir())}; "
          f"names {stats['couple']['partners']}")
    if failures:
        raise SystemExit("\n".join(failures))


def kindling_windows(prefix):
    """The top-level X windows titled Kindling on the Wine prefix's display."""
    number = Path(prefix + ".display").read_text().split()[0]
    tree = subprocess.run(["xwininfo", "-root", "-children", "-display", f":{number}"],
                          capture_output=True, text=True, timeout=30)
    if tree.returncode != 0:
        raise SystemExit(f"xwininfo failed: {tree.stderr}")
    return [line for line in tree.stdout.splitlines() if '"Kindling"' in line]


def check_second_start(wine_run, prefix, exe, work):
    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    data = work / "Zoë и Łukasz"
    run([wine_run, prefix, exe, "--data-dir", windows_path(data), "demo", "--years", "1"],
        "Wine demo")
    before = len(kindling_windows(prefix))
    log = open(work / "first.log", "wb")
    first = subprocess.Popen([wine_run, prefix, exe, "--data-dir", windows_path(data),
                              "--window-size", "900x600"], stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
    failures = []
    try:
        deadline = time.monotonic() + 90
        while len(kindling_windows(prefix)) <= before and first.poll() is None:
            if time.monotonic() > deadline:
                raise SystemExit("the first kindling.exe opened no window in 90 s")
            time.sleep(0.5)
        if first.poll() is not None:
            raise SystemExit(f"the first kindling.exe ended ({first.returncode}): "
                             f"{(work / 'first.log').read_text(errors='replace')}")
        started = time.monotonic()
        second = subprocess.run([wine_run, prefix, exe, "--data-dir", windows_path(data)],
                                capture_output=True, timeout=120)
        took = time.monotonic() - started
        said = (second.stdout + second.stderr).decode(errors="replace").strip()
        windows = len(kindling_windows(prefix)) - before
        print(f"second start: exit code {second.returncode} after {took:.1f} s "
              f"(said {said!r}); Kindling windows open: {windows}; first still running: "
              f"{first.poll() is None}")
        if second.returncode != 0:
            failures.append(f"the second start exited {second.returncode}: {said}")
        if took > 30:
            failures.append(f"the second start took {took:.0f} s")
        if first.poll() is not None:
            failures.append(f"the first kindling.exe ended ({first.returncode})")
        if windows != 1:
            failures.append(f"{windows} Kindling windows are open, not 1")
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGTERM)
            try:
                first.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(first.pid, signal.SIGKILL)
                first.wait()
        log.close()
    if failures:
        raise SystemExit("\n".join(failures))


RUN_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"


def processes_with(text):
    """The command lines of this machine's processes that contain `text`."""
    listing = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True,
                             timeout=30).stdout
    return [line.strip() for line in listing.splitlines() if text in line]


def wait_for(what, probe, seconds):
    deadline = time.monotonic() + seconds
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise SystemExit(f"{what}: not within {seconds} s")
        time.sleep(0.5)


def check_reminder(wine_run, prefix, exe, work):
    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    data = work / "reminder-data"
    run([wine_run, prefix, exe, "--data-dir", windows_path(data), "demo", "--years", "1"],
        "Wine demo")
    # The demo's history ends today; two days on, in the evening, nothing is logged.
    evening = datetime.date.today() + datetime.timedelta(days=2)
    env = dict(os.environ, KINDLING_TEST_NOW=f"{evening.isoformat()} 21:00")
    number = Path(prefix + ".display").read_text().split()[0]
    env["DISPLAY"] = f":{number}"
    # The Run key is the (Wine) user's: a value an earlier run left goes first.
    subprocess.run([wine_run, prefix, "reg", "delete", RUN_KEY, "/v", "Kindling reminder", "/f"],
                   capture_output=True, timeout=120)
    log = open(work / "desktop.log", "wb")
    # A Wine desktop of its own, 1024x768 with a taskbar: its notification
    # area shows icons and balloons (the root display's has no tray).
    desktop = subprocess.Popen([wine_run, prefix, "explorer", "/desktop=kindling-reminder,1024x768",
                                exe, "--data-dir", windows_path(data), "reminder", "on"],
                               stdout=log, stderr=subprocess.STDOUT, env=env,
                               start_new_session=True)
    failures = []
    watcher = f"{windows_path(data)} reminder check --watch"
    opened = f"{windows_path(data)} --screen today"
    try:
        def run_value():
            out = subprocess.run([wine_run, prefix, "reg", "query", RUN_KEY, "/v",
                                  "Kindling reminder"], capture_output=True, timeout=120, env=env)
            text = out.stdout.decode(errors="replace").replace("\r", "")
            return [line for line in text.splitlines() if "Kindling reminder" in line]
        value = wait_for("the Run key's value", run_value, 90)[0]
        print(f"Run key: {value.strip()}")
        expected = f"{windows_path(Path(exe).resolve())} --data-dir {windows_path(data)} " \
                   "reminder check --watch"
        if not value.strip().endswith(expected):
            failures.append(f"the Run key holds {value.strip()!r}, not {expected!r}")
        wait_for("the watcher", lambda: processes_with(watcher), 60)

        def hello_given():
            out = subprocess.run([wine_run, prefix, exe, "--data-dir", windows_path(data),
                                  "reminder", "status", "--json"], capture_output=True,
                                 timeout=120)
            if out.returncode != 0:
                return None
            status = json.loads(out.stdout)
            return status if status.get("last_sent") else None
        status = wait_for("the watcher's hello", hello_given, 90)
        print(f"hello given: last_sent {status['last_sent']}, installed {status['installed']} "
              f"by {status['scheduler']}")
        if status["scheduler"] != "sign-in":
            failures.append(f"the scheduler is {status['scheduler']!r}, not 'sign-in'")
        # The icon stays until it is answered: it is the notification area's
        # only one, at the taskbar's right end.
        subprocess.run(["xdotool", "mousemove", "1013", "758", "click", "1"], env=env,
                       check=True, timeout=30)
        window = wait_for("Kindling opened by the click", lambda: processes_with(opened), 60)
        print(f"the click opened: {window[0]}")
        for line in processes_with(opened):
            os.kill(int(line.split()[0]), signal.SIGKILL)
        time.sleep(1)
        off = run([wine_run, prefix, exe, "--data-dir", windows_path(data), "reminder", "off"],
                  "reminder off").decode(errors="replace")
        print(off.strip())
        if run_value():
            failures.append("reminder off left the Run key's value")
        try:
            wait_for("the watcher to stop", lambda: not processes_with(watcher), 30)
        except SystemExit as e:
            failures.append(str(e))
    finally:
        for line in processes_with(windows_path(data)):
            os.kill(int(line.split()[0]), signal.SIGKILL)
        if desktop.poll() is None:
            os.killpg(desktop.pid, signal.SIGTERM)
            try:
                desktop.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(desktop.pid, signal.SIGKILL)
                desktop.wait()
        log.close()
    if failures:
        raise SystemExit("\n".join(failures))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    command, arguments = sys.argv[1], sys.argv[2:]
    checks = {"stats": (check_stats, 5), "screenshot": (check_screenshot, 4),
              "utf8": (check_utf8, 4), "second": (check_second_start, 4),
              "reminder": (check_reminder, 4)}
    if command not in checks or len(arguments) != checks[command][1]:
        raise SystemExit(__doc__)
    checks[command][0](*arguments)
    print(f"wine_checks {command}: 1 passed, 0 failed")


if __name__ == "__main__":
    main()
