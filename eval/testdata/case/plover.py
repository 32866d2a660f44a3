#!/usr/bin/env python3
"""Derive CASE-2021 sub-event labels from the PLOVER gold-standard examples.

Reads the PLOVER/CAMEO coded example sentences (a JSON array) and writes
plover.tsv beside this script: one line per kept example,
    <PLOVER id><TAB><sentence><TAB><CASE-2021 label>
Only examples whose PLOVER category, mode and trigger words (the coder's
eventText) point to exactly one CASE label are kept; everything else is
skipped, with the reason counted on stderr. The mapping is deliberately
conservative: a missing example costs little, a wrong gold label misleads.

Rerun (Python 3 standard library only, deterministic):
    python3 eval/testdata/case/plover.py \
        [--plover /work/shared/data/events/PLOVER_GSR_CAMEO.txt] \
        [--out eval/testdata/case/plover.tsv]
The default input is found via $SITREP_DATA/events, ../shared/data/events
relative to the repository, or /work/shared/data/events.

The examples are CC BY-SA 4.0, (c) Open Event Data Alliance; so is the output.
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def default_input():
    candidates = []
    if os.environ.get("SITREP_DATA"):
        candidates.append(os.path.join(os.environ["SITREP_DATA"], "events"))
    candidates.append(os.path.join(REPO, "..", "shared", "data", "events"))
    candidates.append("/work/shared/data/events")
    for d in candidates:
        p = os.path.join(d, "PLOVER_GSR_CAMEO.txt")
        if os.path.exists(p):
            return p
    return None


def has(pattern, s):
    return re.search(pattern, s or "", re.IGNORECASE) is not None


# Records whose category/mode rule would fire but whose sentence is doubtful
# for a single CASE label. Each entry says why it is left out.
DOUBTFUL = {
    # The same sentence reports a kidnapping and a bombing: two events.
    "PLOVER-GSR01-ASSAULT-0002": "two events (kidnapping and bombs) in one sentence",
    "PLOVER-GSR01-COERCE-0016": "two events (kidnapping and bombs) in one sentence",
    # Police fire kills a demonstrator, but nothing says the crowd was peaceful.
    "PLOVER-GSR01-FIGHT-0006": "unclear whether demonstrators were peaceful",
    "PLOVER-GSR01-COERCE-0018": "unclear whether demonstrators were peaceful",
    # A habitual practice reported in court, not one event.
    "PLOVER-GSR01-ASSAULT-0003": "habitual practice, not a single event",
    # "Bomb attack" without saying how the bomb was delivered.
    "PLOVER-GSR01-ASSAULT-0007": "delivery of the bomb unknown",
    # Target is an armed militia commander: clash or attack is unclear.
    "PLOVER-GSR01-ASSAULT-0013": "armed target: attack vs clash unclear",
    # Helicopters and tanks together: air strike and shelling.
    "PLOVER-GSR01-FIGHT-0012": "air and ground fire mixed",
    # Rebels blocking transport to overthrow a government are not protesters.
    "PLOVER-GSR01-PROTEST-0019": "rebel action, not a demonstration",
    # Prison riot with no stated cause: violent demonstration or mob violence.
    "PLOVER-GSR01-PROTEST-0023": "riot without a stated cause",
    # Tear gas against a crowd PLOVER itself codes as rioting.
    "PLOVER-GSR01-PROTEST-0028": "crowd coded as riot; intervention label unclear",
    # Talks or mediation between the warring parties themselves: ACLED counts
    # peace talks as agreements, the CAMEO code as diplomacy.
    "PLOVER-GSR01-CONSULT-0010": "talks between warring parties (agreement vs diplomacy)",
    "PLOVER-GSR01-AGREE-0038": "talks between warring parties (agreement vs diplomacy)",
    "PLOVER-GSR01-AGREE-0039": "talks between warring parties (agreement vs diplomacy)",
    "PLOVER-GSR01-CONSULT-0008": "mediation between parties in armed conflict",
    # Invasion: the kind of fighting is not stated.
    "PLOVER-GSR01-FIGHT-0004": "invasion, weapon type unstated",
}


def rule_label(r):
    """Return (label, rule name) or (None, reason)."""
    cat = r.get("event", "")
    mode = (r.get("mode") or "").strip().lower()
    trig = r.get("eventText", "") or ""
    text = r.get("text", "") or ""

    if cat == "PROTEST":
        if mode.startswith("riot"):
            return "VIOL_DEMONSTR", "PROTEST riot mode"
        if has(r"riot|violen|stone|burn|clash|tear gas|police", text):
            return None, "protest sentence mentions violence or police"
        if mode.startswith(("demo", "strike", "obstruct")):
            if mode == "demo-org" and not has(r"demonstrat|rally|march", trig):
                return None, "organized dissent that is not a demonstration"
            return "PEACE_PROTEST", "PROTEST demo/strike/obstruct mode"
        return None, "protest mode unknown"

    if cat == "FIGHT" or cat == "ASSAULT":
        if mode == "suicide-attack":
            return "SUIC_BOMB", "suicide-attack mode"
        if mode == "explosives":
            if has(r"roadside|improvised explosive|\bIED\b|car bomb|landmine|minefield", text):
                return "REM_EXPLOS", "explosives mode with IED/car bomb/mine words"
            return None, "explosives mode, device not stated"
        if mode == "sexual":
            return "SEX_VIOL", "sexual mode"
        if mode in ("torture", "primitive"):
            return "ATTACK", "torture/primitive-weapon violence against civilians"
        if mode == "firearms" and has(r"gunbattle|gun battle|firefight|clash", trig + " " + text):
            return "ARMED_CLASH", "firearms mode, exchange of fire"
        if mode == "heavy-weapons":
            if has(r"aircraft|air raid|air strike|airstrike|predator|drone|jets?\b", text):
                return "AIR_STRIKE", "heavy-weapons mode, aircraft"
            if has(r"retaken|recaptured|captured", trig):
                return "GOV_REGAINS_TERIT", "state forces retake ground"
            if has(r"shell|artillery|mortar|rocket|missile", trig + " " + text):
                return "ART_MISS_ATTACK", "heavy-weapons mode, artillery/shelling"
        if mode == "assassinate" and has(r"predator|drone", text):
            return "AIR_STRIKE", "drone strikes"
        return None, f"{cat} mode '{mode or '-'}' has no unambiguous CASE label"

    if cat == "COERCE":
        if mode == "arrest":
            return "ARREST", "COERCE arrest mode"
        if mode == "confiscate" and has(r"weapons|explosives|arms", text):
            return "DISR_WEAP", "weapons seized"
        if mode == "destroy" and has(r"bulldoz|demolish", trig + " " + text):
            return "PROPERTY_DISTRUCT", "demolition without violence against people"
        if mode == "restrict" and has(r"demonstration|protest|rally", text) and has(r"prevent|disperse", trig):
            return "PROTEST_WITH_INTER", "authorities stop a peaceful demonstration"
        return None, f"COERCE mode '{mode or '-'}' has no unambiguous CASE label"

    if cat == "DISAPPROVE":
        if has(r"\barrested\b|\bjailed\b|\bdetained\b", trig):
            return "ARREST", "arrest reported under DISAPPROVE"
        if has(r"summoned|official protest|complained to", trig):
            return "DIPLO", "diplomatic complaint"
        return None, "verbal disapproval"

    if cat == "CONSULT":
        return "DIPLO", "consultation, visit, talks or mediation"

    if cat == "AGREE":
        # The ceasefire must be what was agreed (trigger words), not merely
        # mentioned as background.
        if has(r"cease-?fire|truce", trig) or has(r"signing of .*cessation of hostilities", text):
            return "AGREEMENT", "agreed ceasefire"
        if has(r"visit|negotiate|mediat|host a meeting|meet\b", trig):
            return "DIPLO", "intent to meet, visit or mediate"
        return None, "expressed intent, not an agreement or a meeting"

    if cat == "SUPPORT":
        if has(r"diplomatic ties|signed treaty|apologized|praised|welcomed|defended|urged support", trig):
            return "DIPLO", "diplomatic recognition, praise, treaty or apology"
        if has(r"signed agreement", trig) and r.get("context") == "economic":
            return "DIPLO", "interstate economic agreement"
        return None, "support that is not clearly diplomatic"

    if cat == "SANCTION":
        if has(r"expelled diplomats|cancelled visit", trig):
            return "DIPLO", "diplomatic expulsion or cancelled visit"
        return None, "sanction without a diplomatic act"

    if cat == "RETREAT":
        if has(r"declared ceasefire", trig):
            return "AGREEMENT", "declared ceasefire (ACLED codes ceasefires as agreements)"
        if has(r"surrendered", trig):
            return "AGREEMENT", "surrender (listed under ACLED agreements)"
        if has(r"completed withdrawal", trig) and has(r"forces", text):
            return "NON_VIOL_TERRIT_TRANSFER", "forces withdraw from a town"
        return None, "retreat/release/resignation without a CASE label"

    return None, f"category {cat} has no CASE label (verbal or non-violent act)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plover", default=default_input())
    ap.add_argument("--out", default=os.path.join(HERE, "plover.tsv"))
    args = ap.parse_args()
    if not args.plover or not os.path.exists(args.plover):
        sys.exit("PLOVER_GSR_CAMEO.txt not found: pass --plover or set SITREP_DATA")
    with open(args.plover, encoding="utf-8") as f:
        records = json.load(f)

    kept, skipped = collections.Counter(), collections.Counter()
    per_label = collections.Counter()
    rows, seen = [], set()
    for r in records:
        cat = r.get("event", "")
        text = " ".join((r.get("text") or "").replace("\t", " ").split())
        text = text.strip("{} ")
        rid = r.get("id", "")
        if cat == "DOCUMENT" or not text:
            continue
        if rid in DOUBTFUL:
            skipped[cat] += 1
            print(f"skip {rid}: {DOUBTFUL[rid]}", file=sys.stderr)
            continue
        label, why = rule_label(r)
        if label is None:
            skipped[cat] += 1
            print(f"skip {rid}: {why}", file=sys.stderr)
            continue
        if (rid, text) in seen:
            continue
        seen.add((rid, text))
        kept[cat] += 1
        per_label[label] += 1
        rows.append((rid, text, label))

    rows.sort()
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for rid, text, label in rows:
            f.write(f"{rid}\t{text}\t{label}\n")

    print("category\tkept\tskipped", file=sys.stderr)
    for cat in sorted(set(kept) | set(skipped)):
        print(f"{cat}\t{kept[cat]}\t{skipped[cat]}", file=sys.stderr)
    print("label\tlines", file=sys.stderr)
    for label, n in sorted(per_label.items()):
        print(f"{label}\t{n}", file=sys.stderr)
    print(f"wrote {len(rows)} lines to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
