"""The one reader of response bodies, for every sender: size-bounded, decoded in steps.

Senders hand it the bytes as they came off the socket (still compressed);
it decodes them in steps of at most `STEP` bytes of output, so a small
compressed body that would expand to gigabytes never sits in memory: past
`limit` decoded bytes it raises `BodyTooLarge` before decoding any further.
Nothing here does I/O.
"""

from __future__ import annotations

import zlib
from typing import Final

from ._errors import BodyTooLarge

STEP: Final = 64 * 1024
"""Most bytes one decoding step produces."""
ACCEPT_ENCODING: Final = "gzip, deflate"
"""What dodb asks servers for: the encodings this reader decodes."""


class UndecodableBody(ValueError):
    """A body its `content-encoding` does not describe; the message says how."""


def _decoder(encoding: str) -> zlib._Decompress | None:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise UndecodableBody(f"unsupported content-encoding {encoding!r}")


class BodyReader:
    """Collects one body: `feed` raw chunks, then `finish` for the decoded bytes."""

    __slots__ = ("_decoders", "_deflate_raw", "_limit", "_parts", "_size", "_started")

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
        # Encodings are listed in the order they were applied: undo them from the last.
        self._decoders = [d for d in (_decoder(n) for n in reversed(names)) if d is not None]
        self._deflate_raw = False
        self._started = False
        self._limit = limit
        self._parts: list[bytes] = []
        self._size = 0

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._size > self._limit:
            raise BodyTooLarge(self._limit)
        self._parts.append(data)

    def _decode(self, index: int, data: bytes) -> None:
        """Push `data` through decoders[index:], a bounded step at a time."""
        if index == len(self._decoders):
            self._keep(data)
            return
        decoder = self._decoders[index]
        while data:
            try:
                out = decoder.decompress(data, STEP)
            except zlib.error as exc:
                if not self._started and index == 0 and self._retry_raw_deflate(data):
                    return
                raise UndecodableBody(f"the body does not decode: {exc}") from None
            self._started = True
            self._decode(index + 1, out)
            data = decoder.unconsumed_tail
            if not data and decoder.eof:
                break

    def _retry_raw_deflate(self, data: bytes) -> bool:
        """Some servers send raw deflate (no zlib header) as `deflate`: read it so."""
        if self._deflate_raw or not self._decoders:
            return False
        self._deflate_raw = True
        self._decoders[0] = zlib.decompressobj(-zlib.MAX_WBITS)
        self._decode(0, data)
        return True

    def feed(self, chunk: bytes) -> None:
        """One chunk of the body as it came off the socket."""
        if chunk:
            self._decode(0, chunk)

    def finish(self) -> bytes:
        """The whole decoded body."""
        for index, decoder in enumerate(self._decoders):
            while not decoder.eof:
                out = decoder.flush(STEP) if hasattr(decoder, "flush") else b""
                self._decode(index + 1, out)
                if not out:
                    break
        return b"".join(self._parts)


def held(response: object, limit: int) -> bytes | None:
    """The body of a response built in memory (a test's transport, say), already decoded
    by httpx; None for one still to be read from the network."""
    content = getattr(response, "_content", None)
    if content is None:
        return None
    if len(content) > limit:
        raise BodyTooLarge(limit)
    return bytes(content)
