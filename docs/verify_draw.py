#!/usr/bin/env python3
"""Independent verifier for 亮家底 member draws (algorithm liangjiadi-draw-v1).

Python 3 standard library only. Written from docs/draw-algorithm.md, not from the app's code, so a
supervisor (纪检监察) can check a published draw record without trusting the app:

    python3 verify_draw.py 抽选记录.json          # re-runs the draw, compares, exit 0 if identical
    python3 verify_draw.py --run input.json       # prints the outcome for {pool, rules, seed, previousHash, fixed}
    python3 verify_draw.py --run-batch inputs.json  # the same for a JSON list of inputs, one JSON list out
"""
import hashlib
import hmac
import json
import re
import sys
import unicodedata

ALGORITHM = "liangjiadi-draw-v1"
BANDS = ["三级", "二级", "一级及基层"]


def canonical_json(value):
    """Keys sorted by code point (= UTF-8 byte order), no whitespace, integers only."""
    if isinstance(value, float):
        raise ValueError("canonical JSON allows integers only")
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_seed(text):
    tokens = re.findall(r"[0-9A-Z]+", unicodedata.normalize("NFKC", text).upper())
    return "-".join(tokens)


def canonical_pool(pool):
    institutions = sorted(pool["institutions"], key=lambda i: i["code"])
    return {
        "institutions": [
            {
                "band": i["band"],
                "code": i["code"],
                "kind": i["kind"],
                "name": i["name"],
                "people": [{"id": p["id"], "name": p["name"], "role": p["role"]} for p in sorted(i["people"], key=lambda p: p["id"])],
                "type": i["type"],
            }
            for i in institutions
        ]
    }


def canonical_rules(r):
    return {
        "coverTypes": r["coverTypes"],
        "maxPerInstitution": r["maxPerInstitution"],
        "minimums": dict(r["minimums"]),
        "pharmacySeats": r["pharmacySeats"],
        "seats": r["seats"],
    }


def score(key, label):
    return hmac.new(key, label.encode("utf-8"), hashlib.sha256).hexdigest()


def run_draw(pool, rules, seed, previous_hash, fixed):
    seed_c = canonical_seed(seed)
    pool_hash = sha256(canonical_json(canonical_pool(pool)))
    rules_hash = sha256(canonical_json(canonical_rules(rules)))
    key = hmac.new(seed_c.encode("utf-8"), ("%s\n%s\n%s\n%s" % (ALGORITHM, pool_hash, rules_hash, previous_hash)).encode("utf-8"), hashlib.sha256).digest()
    by_code = {i["code"]: i for i in pool["institutions"]}
    fixed_inst = {f["institution"] for f in fixed}

    def pick_person(inst):
        return min(inst["people"], key=lambda p: score(key, "person:%s:%s" % (inst["code"], p["id"])))["id"]

    candidates = sorted(
        [i for i in pool["institutions"] if i["kind"] == "hospital" and i["people"] and i["code"] not in fixed_inst],
        key=lambda i: score(key, "institution:" + i["code"]),
    )
    counts = {"三级": 0, "二级": 0, "一级及基层": 0, "未定级": 0}
    filled = 0
    covered = set()
    for f in fixed:
        i = by_code.get(f["institution"])
        if i is None or i["kind"] != "hospital":
            continue
        counts[i["band"]] += 1
        filled += 1
        covered.add(i["type"])
    accepted = set()
    result, steps = [], []
    seats = rules["seats"]

    def feasible(c, rest):
        left = seats - filled - 1
        need = 0
        for b in BANDS:
            d = max(0, rules["minimums"][b] - counts[b] - (1 if c["band"] == b else 0))
            need += d
            if sum(1 for r in rest if r["band"] == b) < d:
                return False
        return need <= left and len(rest) >= left

    def accept(round_, inst):
        nonlocal filled
        person = pick_person(inst)
        accepted.add(inst["code"])
        counts[inst["band"]] += 1
        filled += 1
        covered.add(inst["type"])
        result.append({"institution": inst["code"], "person": person})
        steps.append({"round": round_, "institution": inst["code"], "decision": "accepted", "person": person})

    if rules["coverTypes"]:
        for inst in candidates:
            if filled >= seats:
                break
            if inst["type"] in covered:
                steps.append({"round": "types", "institution": inst["code"], "decision": "skipped"})
                continue
            rest = [c for c in candidates if c["code"] != inst["code"] and c["code"] not in accepted]
            if feasible(inst, rest):
                accept("types", inst)
            else:
                steps.append({"round": "types", "institution": inst["code"], "decision": "skipped"})
    for k, inst in enumerate(candidates):
        if filled >= seats:
            break
        if inst["code"] in accepted:
            continue
        rest = [c for c in candidates[k + 1:] if c["code"] not in accepted]
        if feasible(inst, rest):
            accept("fill", inst)
        else:
            steps.append({"round": "fill", "institution": inst["code"], "decision": "skipped"})

    fixed_pharm = sum(1 for f in fixed if by_code.get(f["institution"], {}).get("kind") == "pharmacy")
    pharmacies = sorted(
        [i for i in pool["institutions"] if i["kind"] == "pharmacy" and i["people"] and i["code"] not in fixed_inst],
        key=lambda i: score(key, "pharmacy:" + i["code"]),
    )
    for inst in pharmacies[: max(0, rules["pharmacySeats"] - fixed_pharm)]:
        person = pick_person(inst)
        result.append({"institution": inst["code"], "person": person})
        steps.append({"round": "pharmacy", "institution": inst["code"], "decision": "accepted", "person": person})

    return {"poolHash": pool_hash, "rulesHash": rules_hash, "seedCanonical": seed_c, "result": result, "steps": steps}


def verify_record(record):
    """Returns a list of problems; empty when the record is exactly reproduced."""
    problems = []
    body = {k: v for k, v in record.items() if k != "recordHash"}
    if sha256(canonical_json(body)) != record.get("recordHash"):
        problems.append("recordHash 与记录内容不符（记录被改动）")
    out = run_draw(record["pool"], record["rules"], record["seed"]["input"], record.get("previousHash", ""), record.get("fixed", []))
    for k in ("poolHash", "rulesHash"):
        if out[k] != record.get(k):
            problems.append("%s 不符：记录 %s，重算 %s" % (k, record.get(k), out[k]))
    if out["seedCanonical"] != record["seed"]["canonical"]:
        problems.append("种子规范形式不符：记录 %s，重算 %s" % (record["seed"]["canonical"], out["seedCanonical"]))
    if out["result"] != [{"institution": r["institution"], "person": r["person"]} for r in record["result"]]:
        problems.append("抽选结果不符")
    recorded_steps = [{k: s[k] for k in ("round", "institution", "decision", "person") if k in s} for s in record["steps"]]
    if out["steps"] != recorded_steps:
        problems.append("抽选过程（逐步接受/跳过）不符")
    return problems


def main(argv):
    if len(argv) == 3 and argv[1] == "--run":
        with open(argv[2], encoding="utf-8") as f:
            inp = json.load(f)
        out = run_draw(inp["pool"], inp["rules"], inp["seed"], inp.get("previousHash", ""), inp.get("fixed", []))
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if len(argv) == 3 and argv[1] == "--run-batch":
        with open(argv[2], encoding="utf-8") as f:
            inputs = json.load(f)
        outs = [run_draw(i["pool"], i["rules"], i["seed"], i.get("previousHash", ""), i.get("fixed", [])) for i in inputs]
        print(json.dumps(outs, ensure_ascii=False))
        return 0
    if len(argv) != 2:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        record = json.load(f)
    problems = verify_record(record)
    if problems:
        print("复核不通过：")
        for p in problems:
            print("  - " + p)
        return 1
    print("复核通过：按公开的成员库、规则和种子重新抽选，结果与记录完全一致。")
    for r in record["result"]:
        print("  %s  %s" % (r["institution"], r.get("name", r["person"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
