#!/usr/bin/env python3
"""tools/gen_lexicon.py: compiles sql/lexicons/*.tsv into ext/pt_lexicon_quotes.inc.

    python3 tools/gen_lexicon.py sql/lexicons ext/pt_lexicon_quotes.inc

Every word or phrase of every list becomes one entry of an open-addressing
hash table (keys lower case: lookups fold ASCII case); a word on several
lists gets all their flags.  The output is committed (like cmark's
entities.inc) so building needs no Python; `make` regenerates it when a list
changes.  Lines starting with '#' and blank lines are ignored.
closedwords.tsv (the PT_W_ word classes) adds its words as keys, and a
table of classes by slot (lex_cls), so one lookup gives both.
"""
import os
import sys

FLAGS = {
    "cue_verb": 1, "cue_prep": 2, "cue_noun": 4, "title_role": 8,
    "title_hon": 16, "pronoun": 32, "first_name": 64, "stopcap": 128,
    "orgword": 256, "title_head": 512, "cue_head": 1024, "abbrev": 2048,
    "place": 4096, "place_head": 8192, "geo_tail": 16384, "geo_head": 32768,
}

RARE_CLASSES = {"mute"}  # closedwords.tsv classes of PT_W_ bits 16 and up
SLOT_BITS = 14  # 16384 slots of eight bytes: 128 KiB, at most two-thirds full
BLOOM_BITS = 16  # a prefilter of 65536 bits, 8 KiB: two bits a key


K = 0x9E3779B97F4A7C15
M64 = 0xFFFFFFFFFFFFFFFF


def lex_hash(key):
    """The lookup hash of ext/pt_entity.c (lex_hash): eight bytes at a time,
    little-endian, each byte OR 0x20 (ASCII case folding that keeps equal
    keys equal), one multiply each.  The slot is the top SLOT_BITS bits,
    the tag bits 32..46.  Must match the C."""
    b = key.encode("utf-8")
    h = (len(b) * K) & M64
    for i in range(0, len(b), 8):
        x = int.from_bytes(bytes(c | 0x20 for c in b[i:i + 8]), "little")
        h = ((h ^ x) * K) & M64
    return h


def bloom_bits(h):
    """The two bits of the prefilter (lex_bloom) a key of hash h sets: hash
    bits 18..33 and 34..49, as lex_maybe() in ext/pt_entity.c reads them."""
    m = (1 << BLOOM_BITS) - 1
    return (h >> 18) & m, (h >> 34) & m


def rows(path):
    """The data lines of a lexicon file, split at tabs; a key listed twice
    is an error (it would only hide an edit made to one of the two)."""
    seen = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            r = [c.strip() for c in line.split("\t")]
            if r[0] in seen:
                sys.exit("%s:%d: %r is listed twice" % (path, n, r[0]))
            seen.add(r[0])
            yield r


def main(src, out):
    ent = {}  # key -> [flags, gender, group]
    groups = []

    def add(key, flag, gender="-", group=None):
        key = key.lower()
        e = ent.setdefault(key, [0, "-", -1])
        e[0] |= FLAGS[flag]
        if gender in ("m", "f", "p") and e[1] == "-":
            e[1] = gender
        if group is not None:
            if group not in groups:
                groups.append(group)
            e[2] = groups.index(group)

    for r in rows(os.path.join(src, "cues.tsv")):
        add(r[0], {"verb": "cue_verb", "prep": "cue_prep", "noun": "cue_noun"}[r[1]])
    for r in rows(os.path.join(src, "titles.tsv")):
        add(r[0], "title_role" if r[1] == "role" else "title_hon", r[2], r[3])
    for r in rows(os.path.join(src, "pronouns.tsv")):
        add(r[0], "pronoun", r[1])
    for r in rows(os.path.join(src, "firstnames.tsv")):
        add(r[0], "first_name", r[1])
    for r in rows(os.path.join(src, "stopcaps.tsv")):
        add(r[0], "stopcap")
    for r in rows(os.path.join(src, "orgwords.tsv")):
        add(r[0], "orgword")
    for r in rows(os.path.join(src, "geowords.tsv")):
        add(r[0], "geo_tail" if r[1] == "tail" else "geo_head")
    # The sentence splitter's list (WORD CLASS, case as written): every
    # abbreviation but the `opener` words keeps its dot in the tokenizer.
    for r in rows(os.path.join(src, "abbreviations.txt")):
        w = r[0].split()
        if len(w) == 2 and w[1] != "opener":
            add(w[0], "abbrev")
    places = set()
    for r in rows(os.path.join(src, "placenames.tsv")):
        add(r[0], "place")
        places.add(r[0].lower())
    for k in list(ent):
        if " " in k:
            head = k.split(" ")[0]
            if k in places and ent[k][0] == FLAGS["place"]:
                add(head, "place_head")  # "New York": only a place
                continue
            flag = "title_head" if ent[k][0] & (FLAGS["title_role"] | FLAGS["title_hon"]) else "cue_head"
            add(head, flag)
    keys = sorted(ent, key=lambda k: k.encode("utf-8"))
    # Word-boundary prefixes of multi-word entries ("secretary of"): a
    # phrase lookup stops as soon as its words are no such prefix.
    prefixes = set()
    for k in keys:
        w = k.split(" ")
        for j in range(1, len(w)):
            prefixes.add(" ".join(w[:j]))
    # The closed-class words are keys too (no flags when on no list), so a
    # word looked up in this table has its PT_W_ classes with it
    # (lex_cls): most words the rules ask the class of are looked up
    # already.
    # Classes above sixteen bits (RARE_CLASSES) do not fit the token's
    # cache: their words go to a short sorted list asked on demand
    # (pt_entity_word_class_rare()).
    wcls, rare = {}, {}
    for r in rows(os.path.join(src, "closedwords.tsv")):
        assert 0 < len(r[0]) <= 10 and r[0].isascii() and r[0].isalpha() and r[0] == r[0].lower()
        assert r[0] not in wcls and r[0] not in rare, "duplicate closed word " + r[0]
        names = [c.strip() for c in r[1].split(",")]
        low = ["PT_W_" + c.upper() for c in names if c not in RARE_CLASSES]
        high = ["PT_W_" + c.upper() for c in names if c in RARE_CLASSES]
        if low:
            wcls[r[0]] = " | ".join(low)
        if high:
            rare[r[0]] = " | ".join(high)
    allkeys = sorted(set(keys) | prefixes | set(wcls), key=lambda k: k.encode("utf-8"))
    blob = bytearray()
    offs = {}
    for k in allkeys:
        offs[k] = len(blob)
        blob += k.encode("utf-8")
    blob += bytes(8)  # eight-byte loads past the last key stay inside
    nslots = 1 << SLOT_BITS
    assert len(allkeys) * 3 <= nslots * 2 and len(blob) < 1 << 16, "grow SLOT_BITS"
    gcode = {"-": 0, "m": 1, "f": 2, "p": 3}
    slots = [0] * nslots
    slot_cls = ["0"] * nslots
    bloom = [0] * (1 << BLOOM_BITS >> 6)
    longest = 0
    for k in allkeys:
        b = k.encode("utf-8")
        fl, g, grp = ent.get(k, [0, "-", -1])
        assert 0 <= fl < 1 << 16 and -1 <= grp < 255 and 0 < len(b) < 64
        h = lex_hash(k)
        word = (fl | (grp + 1) << 16 | gcode[g] << 24 | (k in prefixes) << 26 |
                len(b) << 27 | offs[k] << 33 | ((h >> 32) & 0x7FFF) << 49)
        i, probes = h >> (64 - SLOT_BITS), 1
        while slots[i]:
            i, probes = (i + 1) & (nslots - 1), probes + 1
        slots[i] = word
        slot_cls[i] = wcls.get(k, "0")
        for bit in bloom_bits(h):
            bloom[bit >> 6] |= 1 << (bit & 63)
        longest = max(longest, probes)
    with open(out, "w", encoding="utf-8") as f:
        f.write("/* Generated by tools/gen_lexicon.py from sql/lexicons/ (*.tsv): do not edit. */\n")
        f.write("/* clang-format off */\n")
        f.write("/* %d entries, %d more phrase prefixes, longest probe %d */\n" %
                (len(keys), len(allkeys) - len(keys), longest))
        # Every key, lower case, one after the other (a slot gives offset
        # and length).
        f.write("static const char lex_keys[%d] = {\n" % len(blob))
        for i in range(0, len(blob), 16):
            part = blob[i:i + 16]
            text = "".join(chr(c) if 0x20 <= c < 0x7f else "." for c in part).replace("*/", "*.")
            f.write("  %s, /* %s */\n" % (", ".join("%d" % (c if c < 0x80 else c - 0x100) for c in part), text))
        f.write("};\n")
        # One 64-bit word a slot (0: empty), open addressing from the top
        # bits of the hash: flags (bits 0-15), title group + 1 (16-23),
        # gender (24-25: none, m, f, p), phrase prefix (26), key length
        # (27-32), key offset in lex_keys (33-48), hash tag (49-63).  A
        # probe compares tag and length before it touches a key, so a miss
        # reads only this table, and a hit one key besides.
        f.write("#define LEX_SLOT_BITS %d\n" % SLOT_BITS)
        f.write("#define LEX_SLOTS %d\n" % nslots)
        f.write("static const uint64_t lex_slots[LEX_SLOTS] = {\n")
        for i in range(0, nslots, 4):
            f.write("  " + ", ".join("0x%016xull" % x for x in slots[i:i + 4]) + ",\n")
        f.write("};\n")
        # Two bits set a key (bloom_bits()): a word with either clear is not
        # listed, known without a probe of the table, whose lines are
        # seldom in the cache for the words that miss.
        f.write("#define LEX_BLOOM_BITS %d\n" % BLOOM_BITS)
        f.write("static const uint64_t lex_bloom[%d] = {\n" % len(bloom))
        for i in range(0, len(bloom), 4):
            f.write("  " + ", ".join("0x%016xull" % x for x in bloom[i:i + 4]) + ",\n")
        f.write("};\n")
        # The PT_W_ classes of each slot's key (closedwords.tsv), 0 for most.
        f.write("static const uint16_t lex_cls[LEX_SLOTS] = {\n")
        for i in range(nslots):
            if slot_cls[i] != "0":
                f.write("  [%d] = %s,\n" % (i, slot_cls[i]))
        f.write("};\n")
        f.write("#define LEX_MAX_LEN %d\n" % max(len(k.encode("utf-8")) for k in keys if " " not in k))
        f.write("#define LEX_MAX_WORDS %d\n" % max(len(k.split(" ")) for k in keys))
        f.write("#define CW_MAX_LEN 10 /* the longest closed-class word */\n")
        f.write("/* closedwords.tsv classes above sixteen bits, by word (sorted) */\n")
        f.write("static const struct lex_rare {\n  const char *word;\n  uint32_t cls;\n} lex_rare[] = {\n")
        for w in sorted(rare):
            f.write('  {"%s", %s},\n' % (w, rare[w]))
        f.write("};\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
