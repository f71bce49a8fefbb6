#!/usr/bin/env python3
"""A stand-in revision for proxy measurements: GET /bytes/N streams N zero bytes, POST drains the body and
answers its length, anything else answers its own name. Usage: upstream.py PORT NAME"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHUNK = b"\0" * (1 << 16)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/bytes/"):
            remaining = int(self.path.rsplit("/", 1)[1])
            self.send_response(200)
            self.send_header("Content-Length", str(remaining))
            self.end_headers()
            while remaining > 0:
                n = min(remaining, len(CHUNK))
                self.wfile.write(CHUNK[:n])
                remaining -= n
            return
        body = (NAME + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        total = 0
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                left = size
                while left:
                    left -= len(self.rfile.read(min(left, 1 << 16)))
                self.rfile.readline()
                total += size
        else:
            left = int(self.headers.get("Content-Length", "0"))
            while left:
                got = len(self.rfile.read(min(left, 1 << 16)))
                left -= got
                total += got
        body = f"{total}\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    NAME = sys.argv[2]
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
