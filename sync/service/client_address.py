"""The client's address: the peer, or what a trusted reverse proxy says the peer was.

X-Forwarded-For is believed only when the peer itself is one of the proxies the operator
named (KEUKENTAFEL_TRUSTED_PROXIES); otherwise anyone could pick the address they are
throttled and logged under. The header is read from the right: each trusted proxy appends
the address it saw, so the first address from the right that is not a trusted proxy is the
client. Whatever a client wrote further left is its own claim and ignored.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """`10.0.0.5, 10.1.0.0/16, ::1` as networks; a ValueError names a bad entry."""
    networks = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(f"KEUKENTAFEL_TRUSTED_PROXIES: not an address or network: {part!r}"
                             ) from None
    return tuple(networks)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None,
             proxies: Sequence[Network]) -> bool:
    return address is not None and any(address in net for net in proxies)


def client_address(peer: str | None, forwarded_for: Iterable[str],
                   proxies: Sequence[Network]) -> str | None:
    """The address to throttle and log: `peer` unless it is a trusted proxy that forwarded."""
    if peer is None or not proxies or not _trusted(_ip(peer), proxies):
        return peer
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",")]
    found = None
    for hop in reversed([h for h in hops if h]):
        address = _ip(hop)
        if address is None:
            break  # a garbled hop: go no further left than what a trusted proxy vouched for
        found = address
        if not _trusted(address, proxies):
            break
    return str(found) if found is not None else peer
