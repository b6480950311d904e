"""The one reader of response bodies, for every sender: size-bounded, decoded in steps.

Senders hand it the bytes as they came off the socket (still compressed);
it decodes them in steps of at most `STEP` bytes of output, so a small
compressed body that would expand to gigabytes never sits in memory: past
`limit` decoded bytes it raises `BodyTooLarge` before decoding any further.
A body that does not decode, or ends before its encoding does, raises
`UndecodableBody`. Nothing here does I/O.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from typing import Final

from ._errors import BodyTooLarge

STEP: Final = 64 * 1024
"""Most bytes one decoding step produces."""
ACCEPT_ENCODING: Final = "gzip, deflate"
"""What dodb asks servers for: the encodings this reader decodes."""
_GZIP_NAME, _DEFLATE = ACCEPT_ENCODING.split(", ")
_GZIP: Final = (_GZIP_NAME, f"x-{_GZIP_NAME}")  # and gzip's older name


class UndecodableBody(ValueError):
    """A body its `content-encoding` does not describe; the message says how."""


class _Layer:
    """One content-coding to undo. gzip may hold several members, one after another;
    `deflate` is meant to be zlib-wrapped, but some servers send it raw: until the
    first output, a failure is retried as raw deflate with every byte seen so far."""

    def __init__(self, encoding: str) -> None:
        self.gzip = encoding in _GZIP
        self.raw_tried = False
        self.seen = bytearray()  # deflate only: the input before the first output
        self.output = False
        self.decoder = self._new()

    def _new(self) -> zlib._Decompress:
        if self.gzip:
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        return zlib.decompressobj(-zlib.MAX_WBITS if self.raw_tried else zlib.MAX_WBITS)

    def push(self, data: bytes, out: Callable[[bytes], None]) -> None:
        while data:
            if self.decoder.eof:
                if not self.gzip:
                    raise UndecodableBody("the body goes on past the end of its deflate stream")
                self.decoder = self._new()  # the next gzip member
            if not self.output and not self.gzip:
                self.seen.extend(data)
            try:
                piece = self.decoder.decompress(data, STEP)
            except zlib.error as exc:
                if self.gzip or self.output or self.raw_tried:
                    raise UndecodableBody(f"the body does not decode: {exc}") from None
                self.raw_tried = True
                self.decoder = self._new()
                data, self.seen = bytes(self.seen), bytearray()
                continue
            if piece:
                self.output = True
                self.seen = bytearray()
                out(piece)
            data = self.decoder.unconsumed_tail or (
                self.decoder.unused_data if self.decoder.eof else b""
            )

    def finish(self, out: Callable[[bytes], None]) -> None:
        if not self.decoder.eof:
            rest = self.decoder.flush()
            if rest:
                out(rest)
            raise UndecodableBody("the body ends before its compressed stream does")


class BodyReader:
    """Collects one body: `feed` raw chunks, then `finish` for the decoded bytes."""

    __slots__ = ("_layers", "_limit", "_parts", "_size", "_started")

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        self._limit = limit
        self._parts: list[bytes] = []
        self._size = 0
        self._started = False
        self._layers: tuple[_Layer, ...] = ()
        if content_encoding:
            self._decode(content_encoding)

    def _decode(self, content_encoding: str) -> None:
        names = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        layers = []
        # Encodings are listed in the order they were applied: undo them from the last.
        for name in reversed(names):
            if name == "identity":
                continue
            if name not in (*_GZIP, _DEFLATE):
                raise UndecodableBody(f"unsupported content-encoding {name!r}")
            layers.append(_Layer(name))
        self._layers = tuple(layers)

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._size > self._limit:
            raise BodyTooLarge(self._limit)
        self._parts.append(data)

    def _sink(self, index: int) -> Callable[[bytes], None]:
        """Where layer `index`'s output goes: the next layer, or the body."""
        if index + 1 == len(self._layers):
            return self._keep
        following = self._layers[index + 1]
        after = self._sink(index + 1)
        return lambda data: following.push(data, after)

    def feed(self, chunk: bytes) -> None:
        """One chunk of the body as it came off the socket."""
        if not chunk:
            return
        self._started = True
        if not self._layers:
            self._keep(chunk)
        else:
            self._layers[0].push(chunk, self._sink(0))

    def finish(self) -> bytes:
        """The whole decoded body; `UndecodableBody` if a compressed stream was cut short."""
        if self._started:
            for index, layer in enumerate(self._layers):
                layer.finish(self._sink(index))
        return b"".join(self._parts)


def read_whole(content_encoding: str | None, data: bytes, limit: int) -> bytes:
    """A body read off the socket at once: decoded by a `BodyReader`, or as it is
    when it has no encoding (past `limit` bytes, refused all the same)."""
    if content_encoding is None:
        if len(data) > limit:
            raise BodyTooLarge(limit)
        return data
    reader = BodyReader(content_encoding, limit)
    reader.feed(data)
    return reader.finish()


def held(response: object, limit: int) -> bytes | None:
    """The body of a response built in memory (a test's transport, say), already decoded
    by httpx; None for one still to be read from the network."""
    content = getattr(response, "_content", None)
    if content is None:
        return None
    if len(content) > limit:
        raise BodyTooLarge(limit)
    return bytes(content)


def content_encoding(raw_headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The `content-encoding` of raw response headers (all of them, comma-joined), or None."""
    found = [value for name, value in raw_headers if name.lower() == b"content-encoding"]
    return b",".join(found).decode("latin-1") if found else None
