#!/usr/bin/env python3
"""Opens COUNT keep-alive connections to HOST:PORT, makes one GET on each (CONCURRENCY at a time, so the proxy's
own upstream pool stays small), then keeps them all open and idle, printing "ready N" once every response was
read. Runs until killed. Usage: idle_clients.py HOST PORT COUNT [CONCURRENCY]"""
import asyncio
import sys

HOST, PORT, COUNT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
CONCURRENCY = int(sys.argv[4]) if len(sys.argv) > 4 else 100
REQUEST = f"GET / HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nCookie: airlock_uid=idle-user\r\n\r\n".encode()


async def one(gate, held):
    async with gate:
        reader, writer = await asyncio.open_connection(HOST, PORT)
        writer.write(REQUEST)
        await writer.drain()
        length = None
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        if length is None:
            raise RuntimeError("response without Content-Length")
        await reader.readexactly(length)
        held.append(writer)


async def main():
    gate = asyncio.Semaphore(CONCURRENCY)
    held = []
    await asyncio.gather(*(one(gate, held) for _ in range(COUNT)))
    print(f"ready {len(held)}", flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
