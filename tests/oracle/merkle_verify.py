"""An independent verifier of Consigne's document certificates, written from RFC 9162
(Certificate Transparency v2, §2.1) and docs/certification.md, not from the product's code.
It uses only hashlib and `cryptography` (Ed25519).

    merkle_verify.py certificate CERT.json DOCUMENT      exit 0 when CERT proves DOCUMENT
    merkle_verify.py consistency FIRST.json SECOND.json PROOF.json
                                                         exit 0 when PROOF links two heads
(a head file is the JSON of GET /api/v1/transparency/head; PROOF.json is {"proof": [hex]}).
"""

import base64
import hashlib
import json
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def hash_leaf(leaf: bytes) -> bytes:
    return sha256(b"\x00" + leaf)


def hash_children(left: bytes, right: bytes) -> bytes:
    return sha256(b"\x01" + left + right)


def root_from_inclusion_proof(index: int, size: int, leaf_hash: bytes, path: list) -> bytes:
    """RFC 9162 §2.1.3.2, step by step."""
    if index >= size:
        raise ValueError("index beyond the tree")
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            raise ValueError("proof too long")
        if fn % 2 == 1 or fn == sn:
            r = hash_children(p, r)
            while fn % 2 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = hash_children(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ValueError("proof too short")
    return r


def consistent(first: int, second: int, first_root: bytes, second_root: bytes, path: list) -> bool:
    """RFC 9162 §2.1.4.2, step by step."""
    if first == second:
        return not path and first_root == second_root
    if first == 0 or first > second or not path:
        return False
    if first & (first - 1) == 0:
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn % 2 == 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr = hash_children(c, fr)
            sr = hash_children(c, sr)
            while fn % 2 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = hash_children(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


def head_message(size: int, timestamp: int, root: bytes) -> bytes:
    return b"consigne/certification/head/v1\x00" + struct.pack(">Qq", size, timestamp) + root


def signature_ok(public_b64: str, head: dict) -> bool:
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True))
    message = head_message(head["tree_size"], head["timestamp"], bytes.fromhex(head["root_hash"]))
    try:
        key.verify(base64.b64decode(head["signature"], validate=True), message)
        return True
    except InvalidSignature:
        return False


def check_certificate(cert: dict, document: bytes) -> None:
    digest = sha256(document)
    if digest.hex() != cert["document_sha256"]:
        raise ValueError("the document's SHA-256 differs")
    leaf = (
        b"consigne/certification/leaf/v1\x00"
        + digest
        + bytes.fromhex(cert["salt"])
        + cert["item_id"].encode("ascii")
        + struct.pack(">q", cert["added_at"])
    )
    if len(bytes.fromhex(cert["salt"])) != 32 or len(cert["item_id"]) != 36:
        raise ValueError("malformed leaf fields")
    leaf_hash = hash_leaf(leaf)
    if leaf_hash.hex() != cert["leaf_hash"]:
        raise ValueError("the leaf differs")
    head = cert["signed_tree_head"]
    if head["tree_size"] != cert["tree_size"]:
        raise ValueError("two tree sizes")
    root = root_from_inclusion_proof(
        cert["leaf_index"],
        cert["tree_size"],
        leaf_hash,
        [bytes.fromhex(h) for h in cert["inclusion_proof"]],
    )
    if root.hex() != head["root_hash"]:
        raise ValueError("the inclusion proof leads to another root")
    if head["algorithm"] != "ed25519":
        raise ValueError("unknown algorithm")
    public = base64.b64decode(cert["public_key"], validate=True)
    if hashlib.sha256(public).digest()[:8].hex() != head["key_id"]:
        raise ValueError("the key id does not name this key")
    if not signature_ok(cert["public_key"], head):
        raise ValueError("the head's signature does not verify")


def main() -> int:
    try:
        if sys.argv[1] == "certificate":
            with open(sys.argv[2], "rb") as f:
                cert = json.loads(f.read())
            with open(sys.argv[3], "rb") as f:
                document = f.read()
            check_certificate(cert, document)
            print("certificate: OK")
            return 0
        if sys.argv[1] == "consistency":
            heads = []
            for path in sys.argv[2:4]:
                with open(path, "rb") as f:
                    heads.append(json.loads(f.read()))
            with open(sys.argv[4], "rb") as f:
                proof = [bytes.fromhex(h) for h in json.loads(f.read())["proof"]]
            for h in heads:
                if not signature_ok(h["public_key"], h):
                    raise ValueError("a head's signature does not verify")
            a, b = heads
            if not consistent(
                a["tree_size"],
                b["tree_size"],
                bytes.fromhex(a["root_hash"]),
                bytes.fromhex(b["root_hash"]),
                proof,
            ):
                raise ValueError("the heads are not consistent")
            print("consistency: OK")
            return 0
    except (ValueError, KeyError, TypeError, UnicodeError, json.JSONDecodeError) as e:
        print(f"FAILED: {e}")
        return 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
