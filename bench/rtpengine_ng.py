#!/usr/bin/env python3
"""A minimal client of rtpengine's `ng` control protocol (bencoded dictionaries over UDP, each
message prefixed by a cookie), for the capacity benchmark.

    rtpengine_ng.py [--ng 127.0.0.1:2223] ping
    rtpengine_ng.py setup --calls N --prefix RUN --sink 127.0.0.1:PORT --ports FILE
    rtpengine_ng.py teardown --calls N --prefix RUN

`setup` opens N recorded calls, each by an offer (the caller's SDP) and an answer (the callee's
SDP), both with `record call` on and the `asymmetric` flag (no address learning: rtpengine
forwards to the addresses of the SDP, here one socket that the benchmark binds and never reads),
and writes the port list that `vittne loadgen --no-sip --rtp-target 127.0.0.1:@FILE` sends to:
for call i, line 2i is the port rtpengine gave the caller (in the answer), line 2i+1 the one it
gave the callee (in the offer) - the same two streams per call as a SIPREC call carries.
"""
import argparse
import os
import re
import socket
import sys


def bencode(value):
    if isinstance(value, bytes):
        return str(len(value)).encode() + b":" + value
    if isinstance(value, str):
        return bencode(value.encode())
    if isinstance(value, bool):
        raise TypeError("bencode has no booleans")
    if isinstance(value, int):
        return b"i" + str(value).encode() + b"e"
    if isinstance(value, (list, tuple)):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in items) + b"e"
    raise TypeError(f"cannot bencode {type(value)}")


def bdecode(data, at=0):
    """Returns (value, next offset); strings come back as str (UTF-8, replacing errors)."""
    kind = data[at:at + 1]
    if kind == b"i":
        end = data.index(b"e", at)
        return int(data[at + 1:end]), end + 1
    if kind == b"l":
        at += 1
        items = []
        while data[at:at + 1] != b"e":
            item, at = bdecode(data, at)
            items.append(item)
        return items, at + 1
    if kind == b"d":
        at += 1
        items = {}
        while data[at:at + 1] != b"e":
            key, at = bdecode(data, at)
            items[key], at = bdecode(data, at)
        return items, at + 1
    colon = data.index(b":", at)
    length = int(data[at:colon])
    start = colon + 1
    return data[start:start + length].decode("utf-8", "replace"), start + length


class Ng:
    def __init__(self, address, timeout=5.0):
        host, port = address.rsplit(":", 1)
        self.target = (host, int(port))
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.settimeout(timeout)
        self.serial = 0
        self.prefix = os.urandom(4).hex()

    def call(self, message, retries=3):
        self.serial += 1
        cookie = f"{self.prefix}{self.serial}".encode()
        packet = cookie + b" " + bencode(message)
        for _ in range(retries):
            self.sock.sendto(packet, self.target)
            try:
                while True:
                    reply, _ = self.sock.recvfrom(65535)
                    got, _, body = reply.partition(b" ")
                    if got == cookie:
                        answer, _ = bdecode(body)
                        if answer.get("result") == "error":
                            raise RuntimeError(f"{message['command']}: {answer.get('error-reason')}")
                        return answer
            except socket.timeout:
                continue
        raise TimeoutError(f"no answer from rtpengine at {self.target} to {message['command']}")


def sdp(session, port):
    return (
        "v=0\r\n"
        f"o=- {session} 1 IN IP4 127.0.0.1\r\n"
        "s=-\r\n"
        "c=IN IP4 127.0.0.1\r\n"
        "t=0 0\r\n"
        f"m=audio {port} RTP/AVP 0\r\n"
        "a=rtpmap:0 PCMU/8000\r\n"
        "a=ptime:20\r\n"
        "a=sendrecv\r\n"
    )


def media_port(text):
    found = re.search(r"^m=audio (\d+) ", text, re.M)
    if not found:
        raise RuntimeError("no m=audio line in rtpengine's SDP:\n" + text)
    return int(found.group(1))


def call_id(prefix, index):
    return f"{prefix}-{index}@bench.invalid"


COMMON = {"flags": ["asymmetric"], "record call": "yes", "replace": ["origin", "session-connection"]}


def setup(ng, calls, prefix, sink_port, ports_file):
    lines = []
    for i in range(calls):
        cid = call_id(prefix, i)
        offer = ng.call({"command": "offer", "call-id": cid, "from-tag": f"a{i}",
                         "sdp": sdp(1000 + i, sink_port), **COMMON})
        callee_port = media_port(offer["sdp"])
        answer = ng.call({"command": "answer", "call-id": cid, "from-tag": f"a{i}",
                          "to-tag": f"b{i}", "sdp": sdp(5000 + i, sink_port), **COMMON})
        caller_port = media_port(answer["sdp"])
        lines += [str(caller_port), str(callee_port)]
    with open(ports_file, "w") as out:
        out.write("\n".join(lines) + "\n")


def teardown(ng, calls, prefix):
    failed = 0
    for i in range(calls):
        try:
            ng.call({"command": "delete", "call-id": call_id(prefix, i), "from-tag": f"a{i}"})
        except RuntimeError:
            failed += 1
    return failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ng", default="127.0.0.1:2223")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("ping")
    s = sub.add_parser("setup")
    s.add_argument("--calls", type=int, required=True)
    s.add_argument("--prefix", required=True)
    s.add_argument("--sink", required=True, help="host:port rtpengine forwards the media to")
    s.add_argument("--ports", required=True)
    t = sub.add_parser("teardown")
    t.add_argument("--calls", type=int, required=True)
    t.add_argument("--prefix", required=True)
    args = parser.parse_args()
    ng = Ng(args.ng)
    if args.cmd == "ping":
        print(ng.call({"command": "ping"}).get("result"))
    elif args.cmd == "setup":
        setup(ng, args.calls, args.prefix, int(args.sink.rsplit(":", 1)[1]), args.ports)
    else:
        failed = teardown(ng, args.calls, args.prefix)
        if failed:
            print(f"{failed} deletes failed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
