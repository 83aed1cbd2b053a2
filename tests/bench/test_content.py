"""The seeder's generated contents: deterministic, well-formed."""

import random
import struct
import zlib

from bench import content
from bench.seed import appservice_registration, png_bytes


def test_messages_are_deterministic_per_rng():
    a = [content.message(random.Random(7), ["$e1"], None) for _ in range(50)]
    b = [content.message(random.Random(7), ["$e1"], None) for _ in range(50)]
    assert a == b


def test_message_mix_has_replies_reactions_and_media():
    rng = random.Random(1)
    media = [{"msgtype": "m.image", "body": "p.png", "url": "mxc://x/y"}]
    kinds = set()
    for _ in range(2000):
        ev_type, body = content.message(rng, ["$a", "$b"], media)
        if ev_type == "m.reaction":
            kinds.add("reaction")
            assert body["m.relates_to"]["event_id"] in ("$a", "$b")
        elif "m.relates_to" in body:
            kinds.add("reply")
        else:
            kinds.add(body["msgtype"])
            assert body["body"]
    assert {"reaction", "reply", "m.text", "m.notice", "m.emote", "m.image"} <= kinds


def test_png_is_a_valid_image_of_the_asked_size():
    data = png_bytes(32, 16, random.Random(0))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (32, 16)
    assert (
        zlib.crc32(data[12 : 16 + length])
        == struct.unpack(">I", data[16 + length : 20 + length])[0]
    )


def test_appservice_owns_bots_and_may_act_as_the_bench_user():
    reg = appservice_registration("as", "hs")
    users = reg["namespaces"]["users"]
    assert reg["url"] is None and reg["rate_limited"] is False
    assert {"exclusive": True, "regex": r"@bot\d+:localhost"} in users
    assert {"exclusive": False, "regex": "@bench:localhost"} in users
