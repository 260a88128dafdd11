"""Compression of the service's answers: zstd for a client that accepts it, else gzip, as
Starlette's GZipMiddleware does, with one difference: the compressor is made only for a
body that is compressed.

Starlette makes a GzipFile (and its zlib state) for every request that accepts gzip, also
when the answer is too small to compress: about 0.2 ms of CPU per request, a quarter of what
the usual no-change sync costs in all (issue 15).

zstd (the `zstandard` library, which httpx uses to decode it): a first-sync page of 1,500
records (1.3 MB of JSON) took 1.2 ms to compress at level 1 against 6.1 ms for gzip at its
level 3, in half the bytes (6.4 % of the JSON against 12.6 %), and 1.0 ms to inflate on the
laptop against 2.0 ms. The laptop's httpx asks for it when zstandard is installed; an older
laptop that does not still gets gzip.
"""

from __future__ import annotations

import gzip
import io

import zstandard
from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware, IdentityResponder
from starlette.types import ASGIApp, Receive, Scope, Send

ZSTD_LEVEL = 1


class CompressionMiddleware(GZipMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accepted = accepted_codings(Headers(scope=scope).get("Accept-Encoding", ""))
        responder: IdentityResponder
        if "zstd" in accepted:
            responder = _ZstdResponder(self.app, self.minimum_size)
        elif "gzip" in accepted:
            responder = _LazyGZipResponder(self.app, self.minimum_size, self.compresslevel)
        else:
            responder = IdentityResponder(self.app, self.minimum_size)
        await responder(scope, receive, send)


def accepted_codings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (those not weighted q=0)."""
    accepted = set()
    for item in header.split(","):
        coding, _, params = item.partition(";")
        weight = params.strip().lower()
        if weight.startswith("q="):
            try:
                if float(weight[2:]) <= 0:
                    continue
            except ValueError:
                continue
        if coding.strip():
            accepted.add(coding.strip().lower())
    return accepted


class _ZstdResponder(IdentityResponder):
    content_encoding = "zstd"

    def __init__(self, app: ASGIApp, minimum_size: int) -> None:
        super().__init__(app, minimum_size)
        self.stream: zstandard.ZstdCompressionObj | None = None

    def apply_compression(self, body: bytes, *, more_body: bool) -> bytes:
        if self.stream is None and not more_body:
            # The whole body at once (every answer of this service): one frame that states
            # its size.
            return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(body)
        if self.stream is None:
            self.stream = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compressobj()
        out = self.stream.compress(body)
        if not more_body:
            out += self.stream.flush()
        return out


class _LazyGZipResponder(IdentityResponder):
    content_encoding = "gzip"

    def __init__(self, app: ASGIApp, minimum_size: int, compresslevel: int) -> None:
        super().__init__(app, minimum_size)
        self.compresslevel = compresslevel
        self.gzip_buffer = io.BytesIO()
        self.gzip_file: gzip.GzipFile | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            if self.gzip_file is not None:
                self.gzip_file.close()
            self.gzip_buffer.close()

    def apply_compression(self, body: bytes, *, more_body: bool) -> bytes:
        if self.gzip_file is None:
            self.gzip_file = gzip.GzipFile(mode="wb", fileobj=self.gzip_buffer,
                                           compresslevel=self.compresslevel)
        self.gzip_file.write(body)
        if not more_body:
            self.gzip_file.close()
        body = self.gzip_buffer.getvalue()
        self.gzip_buffer.seek(0)
        self.gzip_buffer.truncate()
        return body
