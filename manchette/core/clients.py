"""Who is asking: the client address, believed from X-Forwarded-For only behind a trusted proxy."""

import functools
import hashlib
import ipaddress

from django.conf import settings


@functools.lru_cache(maxsize=8)
def _networks(entries):
    """The parsed TRUSTED_PROXIES (parsed once, not on every request); other entries (`unix`,
    typing mistakes) skipped."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue
    return tuple(networks)


# The TRUSTED_PROXIES entry for requests that come over a unix socket (gunicorn bound to
# `unix:/run/manchette/gunicorn.sock`, nginx on the same host): they carry no client address
# at all (REMOTE_ADDR is empty), so only this explicit entry makes them the proxy's.
UNIX_SOCKET = "unix"
# What a request without any address counts as when it is not believed.
NO_ADDRESS = "0.0.0.0"  # noqa: S104 (a placeholder, not a bind)


def _over_unix_socket(address):
    return address == "" or address.startswith("/")


def _trusted(address):
    if _over_unix_socket(address):
        return UNIX_SOCKET in (entry.strip().lower() for entry in settings.TRUSTED_PROXIES)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request):
    """The reader's address. X-Forwarded-For is read right to left, through trusted proxies only."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUSTED_PROXIES or not _trusted(remote):
        return remote or NO_ADDRESS
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    for address in reversed(forwarded):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote or NO_ADDRESS
    return remote or NO_ADDRESS


def client_network(request):
    """The reader's network bucket: an IPv4 address itself, an IPv6 address's /64.

    One home, office or phone gets a whole IPv6 /64 and picks addresses in it at will (privacy
    extensions), so counting IPv6 addresses one by one would let one reader be billions.
    """
    return network_of(client_ip(request))


def network_of(address):
    """The network bucket of an address (see `client_network`)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _keyed_hash(purpose, value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{purpose}{value}".encode()).hexdigest()[:32]


def hashed_client_ip(request):
    """A keyed hash of the client address: enough to tell clients apart, not to find them."""
    return hashed_address(client_ip(request))


def hashed_address(address):
    """The same keyed hash for an address known otherwise (an imported comment's)."""
    return _keyed_hash("", address)


def hashed_network_of(address):
    """The keyed hash of an address's network bucket, as comments keep it (the holding rules
    count a network's comments): an IPv4 address's is its `hashed_address`."""
    return hashed_address(network_of(address))


def hashed_client_network(request):
    """A keyed hash of the client's network bucket (`client_network`), for counting readers."""
    return _keyed_hash("network:", client_network(request))
