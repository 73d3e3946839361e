#!/usr/bin/env python3
"""Checks the worked example of docs/protocol-report.md with a second, independent implementation.

Written from the protocol page only: it reads the keys and the envelopes out of the page itself, rebuilds the
associated data and the signed bytes, unwraps the transport key, decrypts, verifies and re-signs.
Needs the `cryptography` package.  Usage: python3 docs/examples/check_report_vectors.py [docs/protocol-report.md]
"""
import base64
import hashlib
import re
import struct
import sys
import xml.etree.ElementTree as ET

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NS = "urn:openspime:report:1"


def field(value):
    data = value.encode("utf-8") if isinstance(value, str) else value
    return struct.pack(">I", len(data)) + data


def b64(text):
    compact = "".join(text.split())
    if len(compact) % 4:
        raise ValueError("base64 not padded")
    return base64.b64decode(compact, validate=True)


def envelope(page, label):
    block = re.search(label + r"[^\n]*:\n(.*?)\n(?:envelope|```)", page, re.S).group(1)
    return ET.fromstring(block.replace("\n", ""))


def parts(report):
    q = lambda name: "{%s}%s" % (NS, name)
    originator, transport = report.find(q("originator")), report.find(q("transport"))
    return originator, originator.find(q("signature")), transport, transport.find(q("key")), transport.find(q("payload"))


def main(path):
    page = open(path, encoding="utf-8").read()
    pems = re.findall(r"-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----", page, re.S)
    spime = serialization.load_pem_private_key(pems[0].encode(), None)
    node = serialization.load_pem_private_key(pems[1].encode(), None)

    report = envelope(page, "envelope A")
    originator, signature, transport, key, payload = parts(report)
    wrapped, nonce, ciphertext = b64(key.text), b64(transport.get("nonce")), b64(payload.text)

    aes_key = node.decrypt(wrapped, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None))
    assert aes_key == bytes(range(32)), "unwrapped key differs"

    aad = b"".join(field(v) for v in (NS, report.get("id"), report.get("time"), originator.get("jid"),
                                      transport.get("recipient"), key.get("key-id"), key.get("recipient-key")))
    aad_doc = re.search(r"associated data \(hex\):\n((?:[0-9a-f]+\n)+)", page).group(1).replace("\n", "")
    assert aad.hex() == aad_doc, "AAD differs"
    data = AESGCM(aes_key).decrypt(nonce, ciphertext, aad)
    print("decrypted data document:", data.decode("utf-8"))

    signed = b"".join([field(NS), field(report.get("id")), field(report.get("time")), field(originator.get("jid")),
                       field(originator.get("key")), field(transport.get("enc")), field(transport.get("recipient")),
                       field(key.get("key-id")), field(key.get("recipient-key")), field(key.get("wrap") or ""),
                       field(wrapped), field(nonce), field(ciphertext)])
    digest_doc = re.search(r"signed bytes: \d+ bytes, SHA-256 ([0-9a-f]{64})", page).group(1)
    assert hashlib.sha256(signed).hexdigest() == digest_doc, "signed bytes differ"
    sig = b64(signature.text)
    spime.public_key().verify(sig, signed, padding.PKCS1v15(), hashes.SHA256())
    assert spime.sign(signed, padding.PKCS1v15(), hashes.SHA256()) == sig, "re-signing gives another signature"
    print("envelope A: AAD, decryption, key unwrap, signed bytes and signature check out")

    plain = envelope(page, "envelope B")
    originator, signature, transport, key, payload = parts(plain)
    document = b64(payload.text)
    signed = b"".join([field(NS), field(plain.get("id")), field(plain.get("time")), field(originator.get("jid")),
                       field(originator.get("key")), field("none"), field(transport.get("recipient")),
                       field(""), field(""), field(""), field(b""), field(b""), field(document)])
    spime.public_key().verify(b64(signature.text), signed, padding.PKCS1v15(), hashes.SHA256())
    assert document == data, "plain payload differs from the decrypted one"
    print("envelope B: signature checks out, payload is the same data document")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/protocol-report.md")
