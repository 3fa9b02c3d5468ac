#!/usr/bin/env python3
"""Save-to-reload latency of `okrs serve`: edits one file — an objective's title, or a
check-in file's first value and its note — waits for the live-reload event, then fetches the page, and reports the time from the write to the
page showing the edit, and the server's resident memory (VmRSS) after the first build,
after 1 rebuild and every 10 rebuilds (memory must stay flat).
Usage: serve_latency.py OKRS_BINARY SITE OBJECTIVE_OR_CHECKIN_FILE PAGE_PATH [RUNS, default 30]"""
import http.client, os, re, socket, subprocess, sys, time

okrs, site, rel, page = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 30
server = subprocess.Popen([okrs, "serve", site, "--port", "0"], stderr=subprocess.PIPE, text=True)
port = None
for line in server.stderr:
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if m:
        port = int(m.group(1))
        break

def get(path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    body = c.getresponse().read().decode()
    c.close()
    return body

def rss_mib():
    with open(f"/proc/{server.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

get(page)  # warm up
memory = [("after the first build", rss_mib())]
path = os.path.join(site, rel)
original = open(path, encoding="utf-8").read()
is_checkin = re.search(r"^(kr|updates):", original, re.M) is not None

def edited(i, marker):
    if is_checkin:
        return re.sub(r"value: [0-9.]+", f"value: {1000 + i}", original, count=1) + f"\n{marker}\n"
    return original.replace("title: ", f"title: {marker} ", 1)
events = socket.create_connection(("127.0.0.1", port))
events.sendall(b"GET /__okrs/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
events.recv(4096)  # headers
timings = []
try:
    for i in range(runs):
        marker = f"EDIT{i}X{time.time_ns()}"
        started = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(edited(i, marker))
        buf = b""
        while b"event: reload" not in buf:
            buf += events.recv(4096)
        event_at = time.perf_counter()
        while marker not in get(page):
            time.sleep(0.002)
        done = time.perf_counter()
        timings.append(((event_at - started) * 1000, (done - started) * 1000))
        time.sleep(1.0)  # one save a second: the server is idle when the next comes
        if i == 0 or (i + 1) % 10 == 0:
            memory.append((f"after {i + 1} rebuild{'s' if i else ''}", rss_mib()))
finally:
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
    server.terminate()
event_ms = sorted(t[0] for t in timings)
page_ms = sorted(t[1] for t in timings)
print(f"runs: {runs}")
print(f"save -> reload event: min {event_ms[0]:.0f} ms, median {event_ms[len(event_ms)//2]:.0f} ms, max {event_ms[-1]:.0f} ms")
print(f"save -> page shows the edit: min {page_ms[0]:.0f} ms, median {page_ms[len(page_ms)//2]:.0f} ms, max {page_ms[-1]:.0f} ms")
first = dict(memory)["after 1 rebuild"] if runs else float("nan")
for what, mib in memory:
    print(f"RSS {what}: {mib:.0f} MiB ({(mib / first - 1) * 100:+.0f} % from after 1 rebuild)")
