#!/usr/bin/env python3
"""Independent verifier for 亮家底 member draws (liangjiadi-draw-v1 and liangjiadi-draw-v2).

Python 3 standard library only. Written from docs/draw-algorithm.md, not from the app's code, so a
supervisor (纪检监察) can check a published draw record without trusting the app:

    python3 verify_draw.py 抽选记录.json                      # re-runs the draw, compares, exit 0 if identical
    python3 verify_draw.py 抽选记录.json 抽选公告.json        # v2: also checks the record against the announcement
    python3 verify_draw.py --probabilities 抽选记录.json      # v2: also re-simulates the published probabilities
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
ALGORITHM_V2 = "liangjiadi-draw-v2"
BANDS = ["三级", "二级", "一级及基层"]


def _check_canonical(value):
    if isinstance(value, float):
        raise ValueError("canonical JSON allows integers only")
    if isinstance(value, str) and re.search("[\ud800-\udfff]", value):
        raise ValueError("canonical JSON allows no lone surrogates")
    if isinstance(value, dict):
        for k, v in value.items():
            _check_canonical(k)
            _check_canonical(v)
    elif isinstance(value, list):
        for v in value:
            _check_canonical(v)


def canonical_json(value):
    """Keys sorted by code point (= UTF-8 byte order), no whitespace, integers only, no lone surrogates."""
    _check_canonical(value)
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


def band_text(b):
    return "一级医院及基层医疗卫生机构" if b == "一级及基层" else b + "医院"


def infeasibility(pool, rules, fixed):
    """§7: the exact failing conditions, in order; empty when a committee exists."""
    out = []
    by_code = {i["code"]: i for i in pool["institutions"]}
    fixed_inst = {f["institution"] for f in fixed}
    hospitals = [i for i in pool["institutions"] if i["kind"] == "hospital" and i["people"]]
    fixed_h = [f for f in fixed if by_code.get(f["institution"], {}).get("kind") != "pharmacy"]
    sum_min = sum(rules["minimums"][b] for b in BANDS)
    seats = rules["seats"]
    if seats < 8:
        out.append("医院代表席位应不少于8名，规则设为%d名" % seats)
    if sum_min > seats:
        out.append("各级别最低人数之和（%d名）超过医院代表席位数（%d名）" % (sum_min, seats))
    filled = len(fixed_h)
    if filled > seats:
        out.append("在任医院代表%d名，已超过医院代表席位数（%d名）" % (filled, seats))

    def fixed_count(b):
        return sum(1 for f in fixed_h if by_code.get(f["institution"], {}).get("band") == b)

    deficits = [(b, max(0, rules["minimums"][b] - fixed_count(b))) for b in BANDS]
    need = sum(d for _, d in deficits)
    if filled <= seats and need > seats - filled:
        out.append("在任医院代表占用%d个席位，剩余%d个席位不足以补齐各级别最低人数（尚缺%s）" % (filled, seats - filled, "、".join("%s%d名" % (band_text(b), d) for b, d in deficits if d > 0)))
    for b in BANDS:
        avail = [i for i in hospitals if i["band"] == b and i["code"] not in fixed_inst]
        have = fixed_count(b) + len(avail)
        if have < rules["minimums"][b]:
            names = "、".join(i["name"] for i in avail)
            out.append("%s至少%d名，成员库中符合条件的%s仅%d家%s" % (band_text(b), rules["minimums"][b], "一级及基层机构" if b == "一级及基层" else b + "医院", have, "：" + names if names else ""))
    candidates = sum(1 for i in hospitals if i["code"] not in fixed_inst)
    if filled + candidates < seats:
        out.append("医院代表%d名（每家机构至多1名），成员库中符合条件的医疗机构仅%d家" % (seats, filled + candidates))
    if filled >= seats and rules["pharmacySeats"] == 0:
        out.append("医院代表席位已满，无需抽选")
    pharmacies = sum(1 for i in pool["institutions"] if i["kind"] == "pharmacy" and i["people"] and i["code"] not in fixed_inst)
    fixed_p = len(fixed) - len(fixed_h)
    if rules["pharmacySeats"] > 0 and fixed_p + pharmacies < rules["pharmacySeats"]:
        out.append("零售药店代表%d名，成员库中符合条件的零售药店仅%d家" % (rules["pharmacySeats"], fixed_p + pharmacies))
    return out


def run_draw(pool, rules, seed, previous_hash, fixed):
    seed_c = canonical_seed(seed)
    pool_hash = sha256(canonical_json(canonical_pool(pool)))
    rules_hash = sha256(canonical_json(canonical_rules(rules)))
    reasons = infeasibility(pool, rules, fixed)
    if reasons:
        return {"poolHash": pool_hash, "rulesHash": rules_hash, "seedCanonical": seed_c, "infeasible": reasons}
    key = hmac.new(seed_c.encode("utf-8"), ("%s\n%s\n%s\n%s" % (ALGORITHM, pool_hash, rules_hash, previous_hash)).encode("utf-8"), hashlib.sha256).digest()
    out = walk(pool, rules, fixed, key)
    return {"poolHash": pool_hash, "rulesHash": rules_hash, "seedCanonical": seed_c, "result": out["result"], "steps": out["steps"]}


def walk(pool, rules, fixed, key):
    """§7: the walk for a key (v1 and v2 differ only in the key)."""
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

    return {"result": result, "steps": steps}


# --- v2 (§10) --------------------------------------------------------------------------------


def frozen_hash(announcement):
    return sha256(canonical_json(announcement))


def check_seed(text, rule):
    """The seed in its one canonical form, or raises ValueError saying why not."""
    tokens = [t for t in canonical_seed(text).split("-") if t]
    if len(tokens) != rule["count"]:
        raise ValueError("随机种子应为 %d 个号码，现在是 %d 个" % (rule["count"], len(tokens)))
    for t in tokens:
        if not re.fullmatch("[0-9]+", t) or len(t) != rule["digits"]:
            raise ValueError("“%s”不是 %d 位数字" % (t, rule["digits"]))
    return "-".join(tokens)


def probabilities(ann):
    """§10: inclusion probabilities over the announced number of simulated seeds."""
    base = dict(ann, simulations=0, probabilities=[])
    base_hash = frozen_hash(base)
    n = ann["simulations"]
    fixed_inst = {f["institution"] for f in ann["fixed"]}
    counts = {i["code"]: 0 for i in ann["pool"]["institutions"] if i["people"] and i["code"] not in fixed_inst}
    for s in range(n):
        key = hmac.new(("simulation:%d" % s).encode("utf-8"), ("%s\n%s" % (ALGORITHM_V2, base_hash)).encode("utf-8"), hashlib.sha256).digest()
        for r in walk(ann["pool"], ann["rules"], ann["fixed"], key)["result"]:
            counts[r["institution"]] += 1
    return [{"institution": c, "perTenThousand": (counts[c] * 10000 * 2 + n) // (2 * n)} for c in sorted(counts)] if n else []


def verify_v2(record, problems, announcement=None, with_probabilities=False):
    ann = record["announcement"]
    f = frozen_hash(ann)
    if f != record.get("frozenHash"):
        problems.append("frozenHash 与公告内容不符：记录 %s，重算 %s" % (record.get("frozenHash"), f))
    if announcement is not None:
        body = {k: v for k, v in announcement.items() if k != "frozenHash"}
        if frozen_hash(body) != announcement.get("frozenHash"):
            problems.append("抽选公告文件的 frozenHash 与其内容不符（公告被改动）")
        if announcement.get("frozenHash") != record.get("frozenHash"):
            problems.append("抽选记录与所给抽选公告不是同一次冻结（frozenHash 不同）")
    try:
        seed_c = check_seed(record["seed"]["input"], ann["seedRule"])
    except ValueError as e:
        problems.append("随机种子不符合公告的种子规则：%s" % e)
        return
    if seed_c != record["seed"]["canonical"]:
        problems.append("种子规范形式不符：记录 %s，重算 %s" % (record["seed"]["canonical"], seed_c))
    reasons = infeasibility(ann["pool"], ann["rules"], ann["fixed"])
    if reasons:
        problems.append("公告中的成员库无法满足规则：" + "；".join(reasons))
        return
    if with_probabilities and probabilities(ann) != ann["probabilities"]:
        problems.append("公告中的入选概率与重新模拟的结果不符")
    key = hmac.new(seed_c.encode("utf-8"), ("%s\n%s" % (ALGORITHM_V2, f)).encode("utf-8"), hashlib.sha256).digest()
    compare(problems, record, walk(ann["pool"], ann["rules"], ann["fixed"], key))


def run_vectors_v2(vectors):
    """The outputs for the v2 test vectors of docs/draw-algorithm.md §12, computed here."""
    draws = []
    for v in vectors["draws"]:
        ann = v["announcement"]
        f = frozen_hash(ann)
        seed_c = check_seed(v["seed"], ann["seedRule"])
        key = hmac.new(seed_c.encode("utf-8"), ("%s\n%s" % (ALGORITHM_V2, f)).encode("utf-8"), hashlib.sha256).digest()
        out = walk(ann["pool"], ann["rules"], ann["fixed"], key)
        draws.append({"frozenHash": f, "seedCanonical": seed_c, "probabilities": probabilities(ann), "result": out["result"], "steps": out["steps"]})
    infeasible = [infeasibility(v["pool"], v["rules"], v["fixed"]) for v in vectors["infeasible"]]
    seeds = []
    for v in vectors["seeds"]:
        try:
            seeds.append({"canonical": check_seed(v["input"], v["rule"])})
        except ValueError:
            seeds.append({"error": True})
    return {"draws": draws, "infeasible": infeasible, "seeds": seeds}


def compare(problems, record, out):
    if out["result"] != [{"institution": r["institution"], "person": r["person"]} for r in record["result"]]:
        problems.append("抽选结果不符")
    recorded_steps = [{k: s[k] for k in ("round", "institution", "decision", "person") if k in s} for s in record["steps"]]
    if out["steps"] != recorded_steps:
        problems.append("抽选过程（逐步接受/跳过）不符")


def verify_record(record, announcement=None, with_probabilities=False):
    """Returns a list of problems; empty when the record is exactly reproduced."""
    problems = []
    body = {k: v for k, v in record.items() if k != "recordHash"}
    if sha256(canonical_json(body)) != record.get("recordHash"):
        problems.append("recordHash 与记录内容不符（记录被改动）")
    if record.get("version") == 2:
        verify_v2(record, problems, announcement, with_probabilities)
        return problems
    out = run_draw(record["pool"], record["rules"], record["seed"]["input"], record.get("previousHash", ""), record.get("fixed", []))
    for k in ("poolHash", "rulesHash"):
        if out[k] != record.get(k):
            problems.append("%s 不符：记录 %s，重算 %s" % (k, record.get(k), out[k]))
    if out["seedCanonical"] != record["seed"]["canonical"]:
        problems.append("种子规范形式不符：记录 %s，重算 %s" % (record["seed"]["canonical"], out["seedCanonical"]))
    if "infeasible" in out:
        problems.append("记录中的成员库无法满足规则：" + "；".join(out["infeasible"]))
        return problems
    compare(problems, record, out)
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
    if len(argv) == 3 and argv[1] == "--vectors-v2":
        with open(argv[2], encoding="utf-8") as f:
            print(json.dumps(run_vectors_v2(json.load(f)), ensure_ascii=False))
        return 0
    with_probabilities = "--probabilities" in argv
    files = [a for a in argv[1:] if a != "--probabilities"]
    if len(files) not in (1, 2):
        print(__doc__)
        return 2
    with open(files[0], encoding="utf-8") as f:
        record = json.load(f)
    announcement = None
    if len(files) == 2:
        with open(files[1], encoding="utf-8") as f:
            announcement = json.load(f)
    problems = verify_record(record, announcement, with_probabilities)
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
