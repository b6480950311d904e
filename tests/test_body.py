"""The one body reader: bounded decoding of what a server sends, in any chunking."""

from __future__ import annotations

import gzip
import zlib

import pytest

from dodb._body import BodyReader, UndecodableBody
from dodb._errors import BodyTooLarge

TEXT = b'{"users": [' + b'{"name": "app"},' * 2000 + b'{"name": "last"}]}'


def read(encoding: str | None, raw: bytes, limit: int = 10**7, chunk: int = 4096) -> bytes:
    reader = BodyReader(encoding, limit)
    for i in range(0, len(raw), chunk):
        reader.feed(raw[i : i + chunk])
    return reader.finish()


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize("chunk", [1, 7, 4096, 10**6])
@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", raw_deflate),
        (None, lambda b: b),
        ("identity", lambda b: b),
        ("gzip, deflate", lambda b: zlib.compress(gzip.compress(b))),
    ],
    ids=["gzip", "zlib-deflate", "raw-deflate", "none", "identity", "gzip-then-deflate"],
)
def test_every_encoding_decodes_in_any_chunking(encoding: str | None, encode, chunk: int) -> None:  # type: ignore[no-untyped-def]
    assert read(encoding, encode(TEXT), chunk=chunk) == TEXT


def test_a_body_exactly_at_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    packed = gzip.compress(TEXT)
    assert read("gzip", packed, limit=len(TEXT)) == TEXT
    with pytest.raises(BodyTooLarge):
        read("gzip", packed, limit=len(TEXT) - 1)
    with pytest.raises(BodyTooLarge):
        read(None, TEXT, limit=len(TEXT) - 1)


def test_gzip_members_one_after_another_are_all_read() -> None:
    assert read("gzip", gzip.compress(TEXT[:100]) + gzip.compress(TEXT[100:])) == TEXT


@pytest.mark.parametrize(
    ("encoding", "raw"),
    [
        ("gzip", gzip.compress(TEXT)[:-8]),  # the trailer (CRC and length) cut off
        ("gzip", gzip.compress(TEXT)[: len(gzip.compress(TEXT)) // 2]),
        ("deflate", zlib.compress(TEXT)[:-10]),
    ],
    ids=["gzip-no-trailer", "gzip-half", "deflate-cut"],
)
def test_a_body_cut_short_is_refused_not_taken_in_part(encoding: str, raw: bytes) -> None:
    with pytest.raises(UndecodableBody, match="ends before"):
        read(encoding, raw)


@pytest.mark.parametrize(
    ("encoding", "raw", "message"),
    [
        ("gzip", b"not gzip at all", "does not decode"),
        ("gzip", raw_deflate(TEXT), "does not decode"),  # raw deflate is no gzip
        ("deflate", zlib.compress(TEXT) + b"trailing", "goes on past the end"),
        ("br", b"\x00", "unsupported content-encoding 'br'"),
    ],
    ids=["garbage", "raw-deflate-as-gzip", "deflate-trailing", "brotli"],
)
def test_what_does_not_decode_says_why(encoding: str, raw: bytes, message: str) -> None:
    with pytest.raises(UndecodableBody, match=message):
        read(encoding, raw)


def test_an_empty_body_is_empty_whatever_its_encoding_says() -> None:
    assert BodyReader("gzip", 10).finish() == b""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"users": []}', {"users": []}),
        (b' \r\n\t{"users": []}', {"users": []}),
        (b'{"users": []}\r\n ', {"users": []}),
        ("\ufeff".encode() + b'{"users": []}', {"users": []}),
        (b'"text"', "text"),
        (b'{"users": []}x', None),
        (b'{"users": []} {"users": []}', None),
        (b"\xff{}", None),
        (b"  ", None),
        (b"[" * 100_000, None),
    ],
    ids=["plain", "leading-space", "trailing-space", "bom", "string", "extra-data",
         "two-values", "not-utf8", "blank", "nested-too-deep"],
)  # fmt: skip
def test_a_body_is_one_json_value_with_whitespace_around_it_or_undecodable(
    content: bytes, expected: object
) -> None:
    """What json.loads takes from UTF-8 text (a BOM allowed), read by the fast path too."""
    import httpx

    from dodb._response import Undecodable, decode

    response = httpx.Response(200, content=content)
    if expected is None:
        with pytest.raises(Undecodable):
            decode(response)
    else:
        assert decode(response) == expected


def test_a_body_with_whitespace_after_its_value_is_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A JSON encoder that ends its output with a newline (Go's does) costs no second
    reading: json.loads is not reached."""
    import json

    import httpx

    from dodb import _response

    def refused(text: str) -> object:
        raise AssertionError("read a second time")

    monkeypatch.setattr(_response.json, "loads", refused)
    assert _response.decode(httpx.Response(200, content=b'{"users": []}\n')) == {"users": []}
    monkeypatch.setattr(_response.json, "loads", json.JSONDecoder().decode)
    with pytest.raises(_response.Undecodable):
        _response.decode(httpx.Response(200, content=b'{"users": []}\n\x0c'))  # not JSON's


def test_a_body_read_whole_is_bounded_and_decoded() -> None:
    from dodb._body import read_whole

    assert read_whole(None, TEXT, len(TEXT)) == TEXT
    with pytest.raises(BodyTooLarge):
        read_whole(None, TEXT, len(TEXT) - 1)
    assert read_whole("gzip", gzip.compress(TEXT), len(TEXT)) == TEXT
    with pytest.raises(BodyTooLarge):
        read_whole("gzip", gzip.compress(TEXT), len(TEXT) - 1)
