#!/usr/bin/env python3
"""tests/eval/score_quotes.py: scores quotes() against the PolNeAR gold.

    python3 tests/eval/score_quotes.py [--so ./policytext] [--shared ../shared]
                                       [--split train,dev] [--errors N] [--kinds]

Loads the extension into Python's sqlite3, runs quotes() over every
data/polnear/SPLIT/text/*.txt and scores it exactly as ../shared/README.md
defines (PolNeAR: Newell, Margolin & Ruths, LREC 2018):

- a row claims a quotation unless its kind is scare or title;
- a claim matches a gold quotation when the spans overlap by at least half
  of the longer one (one-to-one);
- quote P/R/F1 over claims; attributed F1 over claims whose speaker is set;
- named-speaker accuracy: among matched gold quotations whose source is a
  name, the share whose speaker shares a name word (a capitalised word that
  is not a title) with the gold source; a missing speaker is wrong;
- he/she accuracy: the same against source_resolved for he/she sources.

The naive baseline (quote marks plus "said NAME" within 80 characters after
the quote) is computed in the same run.  For the record it also prints quote
F1 leaving out the false claims the gold cannot hold by its construction
(spans between two kinds of mark, “…", and paragraphs with no closing
mark), with the count of gold spans so marked (0 in train and dev).  --errors N prints N misses, false
claims and wrong speakers per split for error analysis.
"""
import argparse
import json
import os
import re
import sqlite3
import sys

TITLES = {
    "sen", "senator", "president", "secretary", "rep", "representative", "gov", "governor",
    "mr", "mrs", "ms", "dr", "vice", "state", "former", "the", "a", "an", "chairman",
    "chairwoman", "chair", "speaker", "leader", "majority", "minority", "mayor", "gen",
    "general", "attorney", "judge", "justice", "candidate", "presidential", "republican",
    "democratic", "democrat", "sens", "reps", "lt", "col", "rev", "first", "lady", "press",
    "white", "house", "commissioner", "councilor", "minister", "prime", "of", "and",
}


def name_words(s):
    if not s:
        return set()
    out = set()
    for w in re.findall(r"[\w][\w'’.-]*", s):
        w = w.strip(".'’")
        if not w or not w[0].isupper():
            continue
        if w.lower().rstrip(".") in TITLES:
            continue
        if w.endswith("’s") or w.endswith("'s"):
            w = w[:-2]
        out.add(w.lower())
    return out


def overlap(a, b):
    s = max(a[0], b[0])
    e = min(a[0] + a[1], b[0] + b[1])
    return max(0, e - s)


def match(claims, gold):
    """One-to-one matching: claims and gold as (start, length); returns
    dict claim index -> gold index."""
    pairs = []
    for i, c in enumerate(claims):
        for j, g in enumerate(gold):
            o = overlap(c, g)
            if o and 2 * o >= max(c[1], g[1]):
                pairs.append((-o, i, j))
    pairs.sort()
    used_c, used_g, m = set(), set(), {}
    for _, i, j in pairs:
        if i in used_c or j in used_g:
            continue
        used_c.add(i)
        used_g.add(j)
        m[i] = j
    return m


QRE = re.compile(r"“([^”\n]*)”|\"([^\"\n]*)\"|''((?:(?!'').)*?)''")
SAID = re.compile(r"\bsaid,? ((?:[A-Z][\w.'’-]*\s?){1,3})")


def baseline(text):
    """Quote marks (curly, straight, doubled apostrophes) within a line, and
    "said NAME" within 80 characters after the closing mark.  Quotations of
    fewer than four words are not claimed (kind scare), as the gold's own
    rule would mostly not count them."""
    rows = []
    # character positions: Python str indices are code points
    for m in QRE.finditer(text):
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        start, end = m.start(g), m.end(g)
        after = text[m.end():m.end() + 80]
        s = SAID.search(after)
        spk = s.group(1).strip() if s else None
        kind = "full" if len(m.group(g).split()) >= 4 else "scare"
        rows.append({"start": start + 1, "length": end - start, "speaker": spk, "kind": kind})
    return rows


def load_readings(path):
    """tests/eval/hs_readings.tsv: he/she quotations where quotes() and the
    CoreNLP reference disagreed, read blind (the text, the quotation and the
    two candidates in random order): (split, doc, start) -> (verdict, name),
    verdict ours, coref or neither, name the speaker the reader chose."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            out[(p[0], p[1], int(p[2]))] = (p[3], p[4])
    return out


PAIRS = {("“", "”"), ('"', '"'), ("'", "'"), ("‘", "’"), ("«", "»"), ("„", "“")}
MARKS = set("“”\"'‘’«»„")


def marks_kind(text, start, length):
    """How a span is marked in the text: "pair" (an opening and a closing
    mark of one kind: “…”, "…", ''…''), "mixed" (two marks of different
    kinds, as published: “…" or ”…”) or "open" (no closing mark after it,
    as in a paragraph of a block quotation that the next paragraph reopens)."""
    op = text[start - 2] if start >= 2 else ""
    cl = text[start - 1 + length] if start - 1 + length < len(text) else ""
    if cl not in MARKS:
        return "open"
    return "pair" if (op, cl) in PAIRS else "mixed"


class Score:
    def __init__(self, readings=None, split=""):
        # claims the gold cannot hold by its construction (see figures())
        self.fp_mixed = self.fp_open = self.gold_unpaired = 0
        self.claims = self.gold = self.matched = 0
        self.att_claims = self.att_matched = 0
        self.named_n = self.named_ok = 0
        self.hs_n = self.hs_ok = 0
        # he/she against the reference where no reading says it is wrong
        self.readings, self.split = readings or {}, split
        self.hs_read_ok = self.hs_read_used = self.hs_unread = 0

    @staticmethod
    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, rows, gold, errs=None, text=None, doc=None):
        claims = [r for r in rows if r["kind"] not in ("scare", "title")]
        cs = [(r["start"], r["length"]) for r in claims]
        gs = [(g["start"], g["length"]) for g in gold]
        m = match(cs, gs)
        self.claims += len(claims)
        self.gold += len(gold)
        self.matched += len(m)
        att = [i for i, r in enumerate(claims) if r["speaker"]]
        self.att_claims += len(att)
        self.att_matched += sum(1 for i in att if i in m)
        inv = {j: i for i, j in m.items()}
        for j, g in enumerate(gold):
            if j not in inv:
                if errs is not None:
                    errs["miss"].append((doc, g["start"], g["text"][:90], [
                        (r["start"], r["length"], r["kind"]) for r in rows
                        if overlap((r["start"], r["length"]), (g["start"], g["length"]))]))
                continue
            r = claims[inv[j]]
            if g["source_kind"] == "name":
                self.named_n += 1
                ok = bool(name_words(r["speaker"]) & name_words(g["source"]))
                self.named_ok += ok
                if not ok and errs is not None:
                    errs["named"].append((doc, g["start"], g["source"], r["speaker"], r.get("how"),
                                          r.get("mention"), g["text"][:60]))
            if g["source_kind"] == "pronoun" and g["source"].lower() in ("he", "she") \
                    and g.get("source_resolved"):
                self.hs_n += 1
                ok = bool(name_words(r["speaker"]) & name_words(g["source_resolved"]))
                self.hs_ok += ok
                rd = self.readings.get((self.split, doc, g["start"]))
                if rd:
                    # the reader's speaker stands for the reference's;
                    # "neither" counts every answer wrong
                    self.hs_read_used += 1
                    self.hs_read_ok += rd[0] != "neither" and bool(name_words(r["speaker"]) & name_words(rd[1]))
                else:
                    self.hs_read_ok += ok
                    self.hs_unread += not ok
                if not ok and errs is not None:
                    errs["hs"].append((doc, g["start"], g["source_resolved"], r["speaker"],
                                       r.get("how"), r.get("mention"), g["text"][:60]))
        if text is not None:
            for i, r in enumerate(claims):
                if i not in m:
                    k = marks_kind(text, r["start"], r["length"])
                    self.fp_mixed += k == "mixed"
                    self.fp_open += k == "open"
            self.gold_unpaired += sum(1 for g in gold if marks_kind(text, g["start"], g["length"]) != "pair")
        if errs is not None:
            for i, r in enumerate(claims):
                if i not in m:
                    errs["fp"].append((doc, r["start"], r["kind"], r["speaker"],
                                       text[r["start"] - 1:r["start"] - 1 + min(r["length"], 90)]))

    def figures(self):
        p = self.matched / self.claims if self.claims else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        ap = self.att_matched / self.att_claims if self.att_claims else 0.0
        ar = self.att_matched / self.gold if self.gold else 0.0
        return {
            "quote_p": p, "quote_r": r, "quote_f1": self.f1(p, r),
            "attributed_f1": self.f1(ap, ar),
            "named_acc": self.named_ok / self.named_n if self.named_n else 0.0,
            "hs_acc": self.hs_ok / self.hs_n if self.hs_n else 0.0,
            "hs_read_acc": self.hs_read_ok / self.hs_n if self.hs_n else 0.0,
            "n_gold": self.gold, "n_named": self.named_n, "n_hs": self.hs_n,
            # The gold holds only spans between two marks of one kind in one
            # paragraph; quote P/R/F1 leaving out the false claims it cannot
            # hold (mixed marks, block paragraphs with no closing mark), for
            # the record: the figure the floor checks is quote_f1.
            "fp_mixed": self.fp_mixed, "fp_open": self.fp_open, "gold_unpaired": self.gold_unpaired,
            "quote_f1_paired": self.f1(
                self.matched / (self.claims - self.fp_mixed - self.fp_open) if self.claims > self.fp_mixed + self.fp_open else 0.0, r),
        }


def write_hs_sample(prefix, base, split, gold, hs, n=40, seed=2026):
    """Blinded he/she disagreements for a reader: the text around the
    quotation, the quotation, and our speaker and CoreNLP's antecedent as
    candidates A and B in random order (the key says which is whose)."""
    import random
    rnd = random.Random(seed)
    by = {(doc, g["start"]): g for doc in gold for g in gold[doc]}
    out, key = [], []
    for i, e in enumerate(rnd.sample(hs, min(n, len(hs))), 1):
        doc, start, ref, ours = e[0], e[1], e[2], e[3]
        g = by[(doc, start)]
        with open(os.path.join(base, split, "text", doc), encoding="utf-8") as f:
            t = f.read()
        s = start - 1
        cands = [("coref", ref), ("ours", ours or "(no speaker given)")]
        rnd.shuffle(cands)
        out.append("### Case %d\nThe quotation to attribute: \"%s\"\n(its pronoun source as written: \"%s\")\n\n"
                   "Context (text before and after):\n%s\n\nCandidate A: %s\nCandidate B: %s\n"
                   % (i, t[s:s + g["length"]], g["source"], t[max(0, s - 900):s + g["length"] + 200],
                      cands[0][1], cands[1][1]))
        key.append({"case": i, "A": cands[0][0], "B": cands[1][0], "doc": doc, "start": start})
    with open(prefix + ".md", "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    with open(prefix + ".key.json", "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1)
    print("wrote %d blinded cases to %s.md (key: %s.key.json)" % (len(out), prefix, prefix))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--so", default="./policytext")
    ap.add_argument("--shared", default=os.environ.get("SHARED", "../shared"))
    ap.add_argument("--split", default="train,dev")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--floors", default="", help="split:quote_f1,attributed_f1,named,hs")
    ap.add_argument("--hs-sample", default="", metavar="PREFIX",
                    help="write 40 random he/she disagreements of the first split, blinded "
                         "(PREFIX.md: text, quotation, candidates A/B in random order; "
                         "PREFIX.key.json: which is whose) for a reader to judge")
    args = ap.parse_args()
    base = os.path.join(args.shared, "data", "polnear")
    if not os.path.isdir(base):
        print("skip quotes eval: %s is absent (a fresh clone has no ../shared)" % base)
        return 0
    readings = load_readings(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hs_readings.tsv"))
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(args.so)
    status = 0
    print("quotes() on PolNeAR (Newell, Margolin & Ruths, LREC 2018)")
    print("%-6s %-9s %7s %7s %7s %9s %9s %8s" % ("split", "system", "quote_P", "quote_R", "quote_F1",
                                                  "attrib_F1", "named_acc", "he/she"))
    for split in args.split.split(","):
        gold = {}
        with open(os.path.join(base, split, "quotes.jsonl"), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                gold[d["doc"]] = d["quotes"]
        ours, naive = Score(readings, split), Score()
        errs = {"miss": [], "fp": [], "named": [], "hs": []} if args.errors or args.hs_sample else None
        for doc in sorted(gold):
            with open(os.path.join(base, split, "text", doc), encoding="utf-8") as f:
                text = f.read()
            rows = [dict(zip(("start", "length", "speaker", "kind", "how", "mention"), r))
                    for r in db.execute("SELECT start, length, speaker, kind, how, mention "
                                        "FROM quotes(?)", (text,))]
            ours.add(rows, gold[doc], errs, text, doc)
            naive.add(baseline(text), gold[doc])
        for name, sc in (("quotes()", ours), ("naive", naive)):
            f = sc.figures()
            print("%-6s %-9s %7.3f %7.3f %7.3f %9.3f %9.3f %8.3f" % (
                split, name, f["quote_p"], f["quote_r"], f["quote_f1"], f["attributed_f1"],
                f["named_acc"], f["hs_acc"]))
        f = ours.figures()
        print("%-6s gold quotations %d, with a named source %d, he/she resolved %d" % (
            split, f["n_gold"], f["n_named"], f["n_hs"]))
        print("%-6s quote F1 %.3f leaving out %d false claims the gold cannot hold by its construction "
              "(%d between marks of two kinds as published, e.g. \u201c...\", %d with no closing mark in the paragraph, "
              "most of them paragraphs of a block quotation that the next reopens); gold spans marked either way: %d" % (
                  split, f["quote_f1_paired"], f["fp_mixed"] + f["fp_open"], f["fp_mixed"], f["fp_open"],
                  f["gold_unpaired"]))
        if ours.hs_read_used:
            print("%-6s he/she %.3f with the reader's answer in place of the reference on %d blind-read "
                  "disagreements (tests/eval/hs_readings.tsv; unread disagreements, %d now, count wrong)" % (
                      split, f["hs_read_acc"], ours.hs_read_used, ours.hs_unread))
        for fl in filter(None, args.floors.split(";")):
            sp, nums = fl.split(":")
            if sp != split:
                continue
            want = [float(x) for x in nums.split(",")]
            got = [f["quote_f1"], f["attributed_f1"], f["named_acc"], f["hs_acc"]]
            names = ["quote F1", "attributed F1", "named-speaker accuracy", "he/she accuracy"]
            for nm, g, w in zip(names, got, want):
                if g < w:
                    print("FLOOR %s %s %.3f < %.2f" % (split, nm, g, w))
                    status = 1
        if args.hs_sample and split == args.split.split(",")[0]:
            write_hs_sample(args.hs_sample, base, split, gold, errs["hs"] if errs else [])
        if errs and args.errors:
            for k in ("miss", "fp", "named", "hs"):
                print("--- %s %s (%d)" % (split, k, len(errs[k])))
                for e in errs[k][:args.errors]:
                    print("   ", e)
    return status


if __name__ == "__main__":
    sys.exit(main())
