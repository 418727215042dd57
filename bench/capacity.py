#!/usr/bin/env python3
"""Capture capacity benchmark (issue 10): how many concurrent G.711 stereo recordings one core
records, side by side with a bare receiver and rtpengine on the same pinned core and the same
load. Run through bench/capacity.sh, which builds the launcher and installs rtpengine; see
docs/benchmarks.md, section "Capture capacity".

Per step N (concurrent calls) and per system, the load generator (`vittne loadgen`, core 1) sends
N calls of two PCMU streams (50 packets/s each) for HOLD seconds, ramping up at RATE calls/s;
the system under test runs on core 0:

  vittne     `vittne demo` (embedded PostgreSQL moved to core 1, filesystem audio store), SIPREC calls to
             agent 201 of the demo company, recorded to stereo WAV and archived;
  bare       `vittne loadgen --sink` (one Netty epoll thread counting datagrams, recvmmsg by 16),
             the same RTP without signalling;
  rtpengine  rtpengine-daemon in userspace (table = -1), recording-method = pcap, calls opened
             with ng offer/answer (`record call`), the same RTP to the ports it returned.

CPU is read from /proc/<pid>/stat over the steady state: from the moment all N calls are up
(+2 s) until the first call's hold is about to end (-3 s).
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import wave

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("VITTNE_JAR", os.path.join(ROOT, "deploy", "target", "vittne.jar"))
NICE = ["nice", "-n", os.environ.get("NICE", "-10")]
CLK_TCK = os.sysconf("SC_CLK_TCK")
JAVA_HOME = os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
JAVA = [os.path.join(JAVA_HOME, "bin", "java"), "--enable-native-access=ALL-UNNAMED",
        "-Dio.netty.noUnsafe=false", "--sun-misc-unsafe-memory-access=allow"]
JCMD = os.path.join(JAVA_HOME, "bin", "jcmd")
NODE_CORE, LOAD_CORE = "0", "1"
SIP_PORT, MGMT_PORT = 19060, 19091  # off the defaults: other demos may run on this machine
NODE_PORTS = (20000, 29999)     # the capture node's media ports (RTP and RTCP): 2,500 calls
SINK_FIRST = 61000              # the bare receiver's ports, above the ephemeral range: 2,250 calls
RTPENGINE_PORTS = (10000, 18999)  # 4 ports per call (RTP and RTCP of two legs)
RTPENGINE_NG = "127.0.0.1:19223"
BLACKHOLE_PORT = 19999          # where rtpengine forwards: bound, never read
TONES = (440, 1000)


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def descendants(pid):
    """Every process below pid (from /proc's parent links)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def pinned(core, args, **kw):
    """A process on one core; the systems under test and the generator alike run at nice -10 (NICE)
    so that other work on a shared machine takes less of their cores."""
    return subprocess.Popen([*NICE, "taskset", "-c", core, *args], **kw)


def wait_until(predicate, timeout, step=0.5):
    """Polls predicate; a poll that fails (a busy node answering its metrics late) counts as no."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(step)
    return predicate()


class Node:
    """`vittne demo` on core 0; its embedded PostgreSQL (a child) is moved to the generator's core,
    where a real deployment's database server would be another machine: the capture node's core
    then carries the node alone, as its CPU figures (the node's process only) assume."""

    def __init__(self, work, java_opts, calls_max):
        self.data = os.path.join(work, "node")
        self.out = open(os.path.join(work, "node.log"), "w")
        args = [*JAVA, *java_opts, "-jar", JAR, "demo", "--data", self.data, "--sip-port", str(SIP_PORT),
                "--licences", str(calls_max + 100),
                "--set", f"vittne.capture.media.first-port={NODE_PORTS[0]}",
                "--set", f"vittne.capture.media.last-port={NODE_PORTS[1]}",
                "--set", f"vittne.capture.management.port={MGMT_PORT}"]
        self.proc = pinned(NODE_CORE, args, stdout=self.out, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid
        self.leaked = 0
        if not wait_until(self._ready, 180, 1):
            raise RuntimeError("the capture node did not start; see " + self.out.name)
        banner = open(self.out.name).read()
        self.db_port = int(re.search(r"jdbc:postgresql://[^:/]+:(\d+)/", banner).group(1))
        for pid in descendants(self.pid):
            # new backends are forked by the postmaster and inherit its affinity
            subprocess.run(["taskset", "-a", "-p", "-c", LOAD_CORE, str(pid)], check=False,
                           capture_output=True)
        log(f"capture node pid {self.pid}, PostgreSQL port {self.db_port} (on core {LOAD_CORE})")

    def _ready(self):
        if self.proc.poll() is not None:
            raise RuntimeError("the capture node exited; see " + self.out.name)
        try:
            self.metrics()
            return "jdbc:postgresql" in open(self.out.name).read()
        except OSError:
            return False

    def metrics(self):
        for attempt in range(3):
            try:
                text = urllib.request.urlopen(f"http://127.0.0.1:{MGMT_PORT}/metrics",
                                              timeout=15).read()
                break
            except OSError:
                if attempt == 2:
                    raise
        values = {}
        for line in text.decode().splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                try:
                    values[name] = float(value)
                except ValueError:
                    pass
        return values

    def sql(self, query):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.db_port), "-U", "postgres",
                              "-d", "vittne", "-At", "-F", "|", "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("|") for line in out.strip().splitlines()]

    def heap_kib(self):
        """Live heap after a full collection (jcmd GC.run, then GC.heap_info)."""
        subprocess.run(["taskset", "-c", LOAD_CORE, JCMD, str(self.pid), "GC.run"],
                       check=True, capture_output=True)
        info = subprocess.run(["taskset", "-c", LOAD_CORE, JCMD, str(self.pid), "GC.heap_info"],
                              check=True, capture_output=True, text=True).stdout
        used = re.findall(r"^\S[^\n]*?total \d+K, used (\d+)K", info, re.M)
        if not used:
            raise RuntimeError("cannot read GC.heap_info:\n" + info)
        return sum(int(u) for u in used)

    def jcmd(self, *args):
        return subprocess.run(["taskset", "-c", LOAD_CORE, JCMD, str(self.pid), *args],
                              capture_output=True, text=True).stdout

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()


class RtpEngine:
    """rtpengine-daemon on core 0, userspace, pcap recording, ng on 127.0.0.1:2223."""

    def __init__(self, work):
        self.dir = os.path.join(work, "rtpengine")
        self.rec = os.path.join(self.dir, "recordings")
        os.makedirs(self.rec)
        conf = os.path.join(self.dir, "rtpengine.conf")
        with open(conf, "w") as f:
            f.write(f"""[rtpengine]
table = -1
interface = 127.0.0.1
listen-ng = {RTPENGINE_NG}
port-min = {RTPENGINE_PORTS[0]}
port-max = {RTPENGINE_PORTS[1]}
timeout = 600
silent-timeout = 3600
delete-delay = 0
foreground = true
log-stderr = true
log-level = 5
recording-dir = {self.rec}
recording-method = pcap
""")
        self.out = open(os.path.join(self.dir, "rtpengine.log"), "w")
        self.proc = pinned(NODE_CORE, ["rtpengine", f"--config-file={conf}"],
                           stdout=self.out, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid
        # the peer rtpengine forwards to: one socket that is never read (the kernel drops what
        # overflows its small buffer), so that forwarding costs rtpengine its sendmsg and no more
        self.blackhole = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.blackhole.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.blackhole.bind(("127.0.0.1", BLACKHOLE_PORT))
        if not wait_until(lambda: self.ng("ping", check=False) == 0, 20):
            raise RuntimeError("rtpengine did not answer ng ping; see " + self.out.name)
        version = subprocess.run(["rtpengine", "--version"], capture_output=True, text=True)
        self.version = (version.stdout + version.stderr).strip().splitlines()[0]
        log(f"rtpengine pid {self.pid} ({self.version})")

    def ng(self, *args, check=True):
        return subprocess.run(["taskset", "-c", LOAD_CORE, sys.executable,
                               os.path.join(ROOT, "bench", "rtpengine_ng.py"), "--ng", RTPENGINE_NG,
                               *args], check=check, capture_output=True).returncode

    def recorded_packets(self, prefix):
        """RTP packets in the pcap files of one step's calls (raw IPv4 records of 200 bytes)."""
        packets, odd = 0, 0
        for path in glob.glob(os.path.join(self.rec, "pcaps", f"{prefix}-*.pcap")):
            size = os.path.getsize(path) - 24
            packets += size // 216
            odd += size % 216
        return packets, odd

    def clean(self, prefix):
        for sub in ("pcaps", "metadata", "tmp"):
            for path in glob.glob(os.path.join(self.rec, sub, f"*{prefix}-*")):
                os.remove(path)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.blackhole.close()
        self.out.close()


def loadgen(args, out_path):
    return pinned(LOAD_CORE, [*JAVA, "-XX:+UseSerialGC", "-Xms256m", "-Xmx1g", "-jar", JAR,
                              "loadgen", *args, "--json"],
                  stdout=open(out_path, "w"), stderr=subprocess.DEVNULL)


class Window:
    """CPU of one process over the steady state."""

    def __init__(self, pid, start, end):
        self.pid, self.start, self.end = pid, start, end

    def measure(self, on_start=None):
        time.sleep(max(0.0, self.start - time.time()))
        cpu0, t0, load0 = cpu_seconds(self.pid), time.time(), loadavg()
        if on_start:
            on_start()
        time.sleep(max(0.0, self.end - time.time()))
        self.cpu = cpu_seconds(self.pid) - cpu0
        self.seconds = time.time() - t0
        self.load = (load0 + loadavg()) / 2
        return self

    def per_call_minute(self, calls):
        return self.cpu / (calls * self.seconds / 60)


def check_wav(path, hold):
    """Length, each channel's strongest frequency (FFT of the middle second), and the count of
    silent 20 ms frames inside the call (a continuous tone has none unless audio is missing)."""
    with wave.open(path) as w:
        rate, channels, frames = w.getframerate(), w.getnchannels(), w.getnframes()
        pcm = np.frombuffer(w.readframes(frames), dtype="<i2").reshape(-1, channels)
    middle = pcm[frames // 2 - rate // 2: frames // 2 + rate // 2].astype(np.float64)
    peaks = []
    for ch in range(channels):
        spectrum = np.abs(np.fft.rfft(middle[:, ch] * np.hanning(len(middle))))
        peaks.append(float(np.fft.rfftfreq(len(middle), 1 / rate)[int(np.argmax(spectrum))]))
    frame = rate // 50
    usable = (frames // frame) * frame
    rms = np.sqrt((pcm[:usable].astype(np.float64) ** 2).reshape(-1, frame, channels).mean(axis=1))
    sound = (rms >= 100).all(axis=1)  # frames where both channels carry their tone
    heard = np.flatnonzero(sound)
    first, last = (heard[0], heard[-1] + 1) if len(heard) else (0, 0)
    # inside the call's audio, per channel and 20 ms frame
    silent = int((rms[first:last] < 100).sum())
    return {"seconds": frames / rate, "peaks": peaks, "silent": silent,
            # the file starts when the session opens (INVITE), the audio when the first packet
            # arrives: what the set-up took; from there to the file's end should be the hold
            "leadMs": round(first * 20), "fromAudioToEndMs": round((usable // frame - first) * 20)}


def run_vittne(node, n, args, work, profile):
    log(f"vittne N={n}: waiting for an idle node")
    wait_until(lambda: node.metrics().get("vittne_sessions_active", 0) <= node.leaked
               and node.metrics().get("vittne_archive_outbox_depth", 0) == 0, 120)
    heap_idle, rss_idle = node.heap_kib(), rss_kib(node.pid)
    before = node.metrics()
    t0 = time.time()
    ramp = n / args.rate
    gen_out = os.path.join(work, f"vittne-{n}.json")
    gen = loadgen(["--target", f"127.0.0.1:{SIP_PORT}", "--calls", str(n), "--rate", str(args.rate),
                   "--hold", f"{args.hold}s", "--to-pattern", "201", "--tones",
                   f"{TONES[0]},{TONES[1]}"], gen_out)
    full = wait_until(lambda: node.metrics().get("vittne_sessions_active", 0) >= n,
                      ramp + 30) and time.time()
    if not full:
        log(f"vittne N={n}: only {node.metrics().get('vittne_sessions_active')} sessions came up")
        full = t0 + 2 + ramp
    # all N calls are up: CPU from now until just before the first call can end (the generator's
    # first call is answered at least a second after its launch at t0), then their heap
    active = node.metrics().get("vittne_sessions_active", 0)
    if profile:
        with open(os.path.join(work, f"vittne-{n}.histogram.txt"), "w") as f:
            f.write(node.jcmd("GC.class_histogram"))
        node.jcmd("JFR.start", "name=bench", "settings=profile",
                  "filename=" + os.path.join(work, f"vittne-{n}.jfr"))
    packets = 'vittne_media_packets_total{kind="rtp"}'
    at_start = {}
    window = Window(node.pid, time.time() + 1, t0 + args.hold - 5)
    window.measure(lambda: at_start.update(node.metrics()))
    mid = node.metrics()
    if profile:
        node.jcmd("JFR.stop", "name=bench")
    active_end = mid.get("vittne_sessions_active", 0)
    # live heap with every call up and the set-up's SIP transactions long gone
    heap_busy, rss_busy = node.heap_kib(), rss_kib(node.pid)
    gen.wait(args.hold + ramp + 180)
    report = json.load(open(gen_out))
    set_up = report["callsSetUp"]
    archived0 = before.get('vittne_archive_sessions_total{outcome="archived"}', 0)
    wait_until(lambda: node.metrics().get('vittne_archive_sessions_total{outcome="archived"}', 0)
               - archived0 >= set_up
               and node.metrics().get("vittne_sessions_active", 0) <= node.leaked, 180)
    after = node.metrics()
    # sessions the node still holds although the generator ended every call (a failed call)
    node.leaked = int(after.get("vittne_sessions_active", 0))

    def delta(name):
        return after.get(name, 0) - before.get(name, 0)

    received = delta('vittne_media_packets_total{kind="rtp"}')
    dropped = {k.split('"')[1]: v - before.get(k, 0) for k, v in after.items()
               if k.startswith("vittne_media_dropped_total") and v - before.get(k, 0) > 0}
    hold_ms = args.hold * 1000
    row = node.sql(
        "select count(*),"
        f" count(*) filter (where abs(duration_ms - {hold_ms}) <= 20),"
        " coalesce(min(duration_ms), 0), coalesce(max(duration_ms), 0),"
        " coalesce(percentile_cont(0.5) within group (order by extract(epoch from created_at - end_time)), 0),"
        " coalesce(percentile_cont(0.99) within group (order by extract(epoch from created_at - end_time)), 0),"
        " coalesce(max(extract(epoch from created_at - end_time)), 0),"
        " count(*) filter (where has_gaps),"
        f" percentile_disc(0.01) within group (order by duration_ms - {hold_ms}),"
        f" percentile_disc(0.5) within group (order by duration_ms - {hold_ms}),"
        f" percentile_disc(0.99) within group (order by duration_ms - {hold_ms})"
        f" from recording where created_at >= to_timestamp({t0})")[0]
    rows, exact, dmin, dmax, p50, p99, pmax, gaps, d01, d50, d99 = row
    keys = [k for (k,) in node.sql(
        f"select store_key from recording where created_at >= to_timestamp({t0})"
        f" order by random() limit {args.sample}")]
    sample = [check_wav(os.path.join(node.data, "audio", k), args.hold) for k in keys]
    with open(os.path.join(work, f"vittne-{n}.sample.txt"), "w") as f:
        for k, s in zip(keys, sample):
            f.write(f"{k} {s}\n")
    tones_ok = sum(1 for s in sample
                   if sorted(round(p) for p in s["peaks"]) == sorted(TONES))
    lengths_ok = sum(1 for s in sample if abs(s["fromAudioToEndMs"] - args.hold * 1000) <= 20)
    result = {
        "system": "vittne", "calls": n, "setUp": set_up, "failed": report["callsFailed"],
        "activeAtHeap": active, "activeAtWindowEnd": active_end, "leakedSessions": node.leaked,
        "sent": report["packetsSent"], "received": received, "dropped": dropped,
        "cpu": window.cpu, "window": window.seconds, "load": window.load,
        "cpuPerCallMinute": window.per_call_minute(n),
        "cpuPerPacketMicros": 1e6 * window.cpu / (window.seconds * n * 100),
        "packetsInWindow": mid.get(packets, 0) - at_start.get(packets, 0),
        "heapIdleKiB": heap_idle, "heapBusyKiB": heap_busy,
        "heapPerCallKiB": (heap_busy - heap_idle) / n,
        "rssIdleKiB": rss_idle, "rssBusyKiB": rss_busy, "rssPerCallKiB": (rss_busy - rss_idle) / n,
        "rows": int(rows), "rowsExactLength": int(exact), "durationMinMs": int(dmin),
        "durationMaxMs": int(dmax), "rowsWithGaps": int(gaps),
        "lengthErrorP01P50P99Ms": [int(d or 0) for d in (d01, d50, d99)],
        "archiveP50": float(p50), "archiveP99": float(p99), "archiveMax": float(pmax),
        "metricP50": after.get('vittne_archive_latency_seconds{quantile="0.5"}'),
        "metricP99": after.get('vittne_archive_latency_seconds{quantile="0.99"}'),
        "sample": len(sample), "sampleTonesOk": tones_ok, "sampleLengthOk": lengths_ok,
        "sampleSeconds": [round(s["seconds"], 3) for s in sample],
        "sampleLeadMs": [s["leadMs"] for s in sample],
        "sampleAudioToEndMs": [s["fromAudioToEndMs"] for s in sample],
        "samplePeaks": [s["peaks"] for s in sample],
        "sampleSilentFrames": sum(s["silent"] for s in sample),
        "generatorLatenessP99Micros": report["lateness"]["p99Micros"],
    }
    # keep the disk from filling over the steps: the audio of a checked step is not needed
    if not args.keep_audio:
        shutil.rmtree(os.path.join(node.data, "audio"), ignore_errors=True)
        os.makedirs(os.path.join(node.data, "audio"), exist_ok=True)
    return result


def run_bare(n, args, work):
    last = SINK_FIRST + 2 * n - 1
    ramp = n / args.rate
    sink_out = os.path.join(work, f"bare-{n}-sink.json")
    sink = pinned(NODE_CORE, [*JAVA, "-XX:+UseSerialGC", "-Xms256m", "-Xmx1g", "-jar", JAR,
                              "loadgen", "--sink", "--rtp-ports", f"{SINK_FIRST}-{last}",
                              "--batch", "16", "--json", "--duration",
                              f"{int(ramp + args.hold + 12)}s"],
                  stdout=open(sink_out, "w"), stderr=subprocess.DEVNULL)
    time.sleep(4)
    t0 = time.time()
    gen_out = os.path.join(work, f"bare-{n}.json")
    gen = loadgen(["--no-sip", "--rtp-target", f"127.0.0.1:{SINK_FIRST}-{last}", "--calls", str(n),
                   "--rate", str(args.rate), "--hold", f"{args.hold}s", "--tones",
                   f"{TONES[0]},{TONES[1]}"], gen_out)
    # the generator starts sending ~2 s after its launch
    window = Window(sink.pid, t0 + 2 + ramp + 2, t0 + 2 + args.hold - 3).measure()
    gen.wait(args.hold + ramp + 120)
    sink.wait(60)
    report, counted = json.load(open(gen_out)), json.load(open(sink_out))
    return {"system": "bare", "calls": n, "sent": report["packetsSent"],
            "received": counted["packets"], "cpu": window.cpu, "window": window.seconds,
            "load": window.load, "cpuPerCallMinute": window.per_call_minute(n),
            "cpuPerPacketMicros": 1e6 * window.cpu / (window.seconds * n * 100)}


def run_rtpengine(engine, n, args, work):
    prefix = f"bench{n}-{int(time.time())}"
    ports = os.path.join(work, f"rtpengine-{n}.ports")
    ramp = n / args.rate
    engine.ng("setup", "--calls", str(n), "--prefix", prefix, "--sink",
              f"127.0.0.1:{BLACKHOLE_PORT}", "--ports", ports)
    rss_busy = rss_kib(engine.pid)
    t0 = time.time()
    gen_out = os.path.join(work, f"rtpengine-{n}.json")
    gen = loadgen(["--no-sip", "--rtp-target", f"127.0.0.1:@{ports}", "--calls", str(n),
                   "--rate", str(args.rate), "--hold", f"{args.hold}s", "--tones",
                   f"{TONES[0]},{TONES[1]}"], gen_out)
    window = Window(engine.pid, t0 + 2 + ramp + 2, t0 + 2 + args.hold - 3).measure()
    rss_busy = max(rss_busy, rss_kib(engine.pid))
    gen.wait(args.hold + ramp + 120)
    failed = engine.ng("teardown", "--calls", str(n), "--prefix", prefix, check=False)
    time.sleep(2)
    recorded, odd = engine.recorded_packets(prefix)
    engine.clean(prefix)
    report = json.load(open(gen_out))
    return {"system": "rtpengine", "calls": n, "sent": report["packetsSent"], "received": recorded,
            "pcapOddBytes": odd, "teardownFailed": failed, "rssKiB": rss_busy,
            "cpu": window.cpu, "window": window.seconds, "load": window.load,
            "cpuPerCallMinute": window.per_call_minute(n),
            "cpuPerPacketMicros": 1e6 * window.cpu / (window.seconds * n * 100)}


def table(results, args, machine):
    by = {}
    for r in results:
        by.setdefault(r["calls"], {})[r["system"]] = r
    lines = [f"Hold {args.hold} s, ramp {args.rate:g} calls/s, PCMU, two streams per call "
             f"(100 packets/s per call), systems and generator at nice {NICE[2]}. {machine}", ""]
    lines.append("| calls | packets sent | received (lost) | recordings archived / exact length ±20 ms"
                 " | sample: tones ok, first sound→end = hold ±20 ms, silent 20 ms frames inside | CPU s per call-minute | CPU µs per packet"
                 " | heap KiB per call | RSS KiB per call | BYE→archived p50 / p99 (s) | load avg |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sorted(by):
        v = by[n].get("vittne")
        if not v:
            continue
        lines.append(
            f"| {n:,} | {v['sent']:,} | {int(v['received']):,} ({v['sent'] - int(v['received']):,})"
            f" | {v['rows']:,} / {v['rowsExactLength']:,} ({v['durationMinMs']:,}–{v['durationMaxMs']:,} ms)"
            f" | {v['sampleTonesOk']}/{v['sample']}, {v['sampleLengthOk']}/{v['sample']},"
            f" {v['sampleSilentFrames']}"
            f" | {v['cpuPerCallMinute']:.4f} | {v['cpuPerPacketMicros']:.2f}"
            f" | {v['heapPerCallKiB']:.1f} | {v['rssPerCallKiB']:.1f}"
            f" | {v['archiveP50']:.3f} / {v['archiveP99']:.3f} | {v['load']:.1f} |")
    lines += ["", "Side by side (same N, same packets, core 0):", ""]
    lines.append("| calls | bare: received (lost) | bare CPU µs/packet | Vittne CPU µs/packet"
                 " | Vittne packet capacity / bare | rtpengine: pcap packets (lost)"
                 " | rtpengine CPU s per call-minute | Vittne / rtpengine CPU | load avg (bare, rtpengine) |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for n in sorted(by):
        v, b, e = by[n].get("vittne"), by[n].get("bare"), by[n].get("rtpengine")
        cells = [f"{n:,}"]
        cells.append(f"{b['received']:,} ({b['sent'] - b['received']:,})" if b else "–")
        cells.append(f"{b['cpuPerPacketMicros']:.2f}" if b else "–")
        cells.append(f"{v['cpuPerPacketMicros']:.2f}" if v else "–")
        cells.append(f"{b['cpuPerPacketMicros'] / v['cpuPerPacketMicros']:.2f}" if b and v else "–")
        cells.append(f"{e['received']:,} ({e['sent'] - e['received']:,})" if e else "–")
        cells.append(f"{e['cpuPerCallMinute']:.4f}" if e else "–")
        cells.append(f"{v['cpuPerCallMinute'] / e['cpuPerCallMinute']:.2f}" if v and e else "–")
        cells.append(f"{b['load']:.1f}, {e['load']:.1f}" if b and e else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine():
    model = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    java = subprocess.run([JAVA[0], "-version"], capture_output=True, text=True).stderr.splitlines()
    return (f"Machine: {os.cpu_count()} cores ({model}), {os.uname().release}, "
            f"{java[1].strip() if len(java) > 1 else java[0]}.")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="*", type=int, default=[100, 250, 500, 1000, 1500, 2000])
    parser.add_argument("--hold", type=int, default=75, help="seconds of media per call")
    parser.add_argument("--rate", type=float, default=100, help="calls set up per second")
    parser.add_argument("--systems", default="vittne,bare,rtpengine")
    parser.add_argument("--sample", type=int, default=10, help="WAV files checked per step")
    parser.add_argument("--profile", type=int, action="append", default=[], metavar="N",
                        help="record JFR (settings=profile) during Vittne's steady state at step N")
    parser.add_argument("--keep-audio", action="store_true", help="keep the archived WAV files")
    parser.add_argument("--node-opts", default="-XX:+UseSerialGC -Xms512m -Xmx2g")
    parser.add_argument("--out", help="directory for the results (default: a new one in /tmp)")
    args = parser.parse_args()
    systems = args.systems.split(",")
    work = args.out or tempfile.mkdtemp(prefix="vittne-capacity-")
    os.makedirs(work, exist_ok=True)
    log(f"results in {work}")
    os.sched_setaffinity(0, {int(LOAD_CORE)})
    # a background job ignores SIGINT: make both signals end the run through the finally below,
    # which stops the node and rtpengine
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: sys.exit(130))
    node = engine = None
    results = []
    try:
        if "vittne" in systems:
            node = Node(work, args.node_opts.split(), max(args.steps))
        if "rtpengine" in systems:
            engine = RtpEngine(work)
        for n in args.steps:
            if n / args.rate > args.hold - 20:
                raise SystemExit(f"N={n}: the ramp ({n / args.rate:.0f} s) leaves no steady state"
                                 f" in a hold of {args.hold} s; raise --rate or --hold")
            for system in systems:
                if system == "vittne":
                    r = run_vittne(node, n, args, work, n in args.profile)
                elif system == "bare":
                    r = run_bare(n, args, work)
                else:
                    r = run_rtpengine(engine, n, args, work)
                results.append(r)
                log(json.dumps(r))
                with open(os.path.join(work, "results.json"), "w") as f:
                    json.dump(results, f, indent=1)
    finally:
        if node:
            node.stop()
        if engine:
            engine.stop()
    text = table(results, args, machine())
    if engine:
        text += f"\n\nrtpengine: {engine.version}."
    with open(os.path.join(work, "table.md"), "w") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
