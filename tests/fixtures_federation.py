"""Two Synapses federating on loopback: the agents' server and the externals' server.

Each is named "127.0.0.1:<federation port>", serves the client API in plain HTTP and the
federation API in TLS with a self-signed certificate (not verified between them), and
federates only with the other (the recipe of ../shared/TESTBED.md).
"""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools.homeserver import Homeserver, free_port


@dataclass
class FederatedPair:
    agents: Homeserver  # the ministries' server
    externals: Homeserver  # the externals' server (named in `external_servers`)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate and key for 127.0.0.1, valid for a day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "tls.crt", folder / "tls.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _federating(base: Path, fed_port: int, other_name: str) -> Homeserver:
    client_port = free_port()
    name = f"127.0.0.1:{fed_port}"
    cert, key = _self_signed(base)
    config = {
        "listeners": [
            {"port": client_port, "bind_addresses": ["127.0.0.1"], "type": "http", "tls": False,
             "x_forwarded": False, "resources": [{"names": ["client"], "compress": False}]},
            {"port": fed_port, "bind_addresses": ["127.0.0.1"], "type": "http", "tls": True,
             "resources": [{"names": ["federation"], "compress": False}]},
        ],
        "tls_certificate_path": str(cert),
        "tls_private_key_path": str(key),
        "federation_verify_certificates": False,
        "federation_domain_whitelist": [name, other_name],
        "federation_ip_range_blacklist": [],
        "ip_range_whitelist": ["127.0.0.1"],
        "trusted_key_servers": [],
    }  # fmt: skip
    return Homeserver(base, server_name=name, port=client_port, extra_config=config)


@pytest.fixture(scope="session")
def federated_pair(tmp_path_factory) -> Iterator[FederatedPair]:
    """The agents' Synapse and the externals' Synapse, federating with each other."""
    agents_port, externals_port = free_port(), free_port()
    agents_name, externals_name = f"127.0.0.1:{agents_port}", f"127.0.0.1:{externals_port}"
    agents = _federating(tmp_path_factory.mktemp("agents"), agents_port, externals_name)
    externals = _federating(tmp_path_factory.mktemp("externals"), externals_port, agents_name)
    agents.start()
    try:
        externals.start()
        try:
            yield FederatedPair(agents, externals)
        finally:
            externals.stop()
    finally:
        agents.stop()
