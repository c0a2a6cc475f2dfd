#!/usr/bin/env python3
"""Independent verifier for 亮家底 member draws (liangjiadi-draw-v1 and liangjiadi-draw-v2).

Python 3 standard library only. Written from docs/draw-algorithm.md, not from the app's code, so a
supervisor (纪检监察) can check a published draw record without trusting the app:

    python3 verify_draw.py 抽选记录.json                      # re-runs the draw, compares, exit 0 if identical
    python3 verify_draw.py 抽选记录.json 抽选公告.json        # v2: also checks the record against the announcement
    python3 verify_draw.py --probabilities 抽选记录.json      # v2: also re-simulates the published probabilities
    python3 verify_draw.py --chain 抽选记录链.json            # every freeze, cancelled ones too: previousHash links

Files are read strictly (duplicate keys and numbers other than canonical integers are refused) and must have
exactly the published shape; a record passes only when every seat's names, band, type and role, every ranking
score and every step with its reason equal the ones re-derived here (docs/draw-algorithm.md §13, §14).

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


def run_draw(pool, rules, seed, previous_hash, fixed, reasons=False):
    seed_c = canonical_seed(seed)
    pool_hash = sha256(canonical_json(canonical_pool(pool)))
    rules_hash = sha256(canonical_json(canonical_rules(rules)))
    infeasible = infeasibility(pool, rules, fixed)
    if infeasible:
        return {"poolHash": pool_hash, "rulesHash": rules_hash, "seedCanonical": seed_c, "infeasible": infeasible}
    key = hmac.new(seed_c.encode("utf-8"), ("%s\n%s\n%s\n%s" % (ALGORITHM, pool_hash, rules_hash, previous_hash)).encode("utf-8"), hashlib.sha256).digest()
    out = walk(pool, rules, fixed, key, reasons)
    return dict(out, poolHash=pool_hash, rulesHash=rules_hash, seedCanonical=seed_c)


def band_label(b):
    return "一级及基层机构" if b == "一级及基层" else b + "医院"


def walk(pool, rules, fixed, key, reasons=False):
    """§7: the walk for a key (v1 and v2 differ only in the key). With reasons=True every step carries
    its reason (§13) and the outcome its ranking, as a record states them."""
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

    def blocker(c, rest):
        """None when taking c keeps every minimum reachable; else why not (§13)."""
        left = seats - filled - 1
        need = 0
        for b in BANDS:
            d = max(0, rules["minimums"][b] - counts[b] - (1 if c["band"] == b else 0))
            need += d
            if sum(1 for r in rest if r["band"] == b) < d:
                return "接受后%s将无法达到%d名" % (band_label(b), rules["minimums"][b])
        if need > left:
            return "剩余%d个席位须留给未达最低人数的级别" % left
        if len(rest) < left:
            return "接受后剩余机构不足以填满席位"
        return None

    def step(round_, inst, decision, reason, person=None):
        s = {"round": round_, "institution": inst["code"], "decision": decision}
        if person is not None:
            s["person"] = person
        if reasons:
            s["reason"] = reason
        steps.append(s)

    def accept(round_, inst, reason):
        nonlocal filled
        person = pick_person(inst)
        accepted.add(inst["code"])
        counts[inst["band"]] += 1
        filled += 1
        covered.add(inst["type"])
        result.append({"institution": inst["code"], "person": person})
        step(round_, inst, "accepted", reason, person)

    if rules["coverTypes"]:
        for inst in candidates:
            if filled >= seats:
                break
            if inst["type"] in covered:
                step("types", inst, "skipped", "机构类型“%s”已有代表，第二轮再考虑" % inst["type"])
                continue
            rest = [c for c in candidates if c["code"] != inst["code"] and c["code"] not in accepted]
            why = blocker(inst, rest)
            if why is None:
                accept("types", inst, "新增机构类型“%s”" % inst["type"])
            else:
                step("types", inst, "skipped", why)
    for k, inst in enumerate(candidates):
        if filled >= seats:
            break
        if inst["code"] in accepted:
            continue
        rest = [c for c in candidates[k + 1:] if c["code"] not in accepted]
        why = blocker(inst, rest)
        if why is None:
            accept("fill", inst, "满足各级别最低人数")
        else:
            step("fill", inst, "skipped", why)

    fixed_pharm = sum(1 for f in fixed if by_code.get(f["institution"], {}).get("kind") == "pharmacy")
    pharmacies = sorted(
        [i for i in pool["institutions"] if i["kind"] == "pharmacy" and i["people"] and i["code"] not in fixed_inst],
        key=lambda i: score(key, "pharmacy:" + i["code"]),
    )
    for inst in pharmacies[: max(0, rules["pharmacySeats"] - fixed_pharm)]:
        person = pick_person(inst)
        result.append({"institution": inst["code"], "person": person})
        step("pharmacy", inst, "accepted", "零售药店代表", person)

    out = {"result": result, "steps": steps}
    if reasons:
        out["ranking"] = [{"institution": i["code"], "score": score(key, "institution:" + i["code"])} for i in candidates] + [
            {"institution": i["code"], "score": score(key, "pharmacy:" + i["code"])} for i in pharmacies
        ]
    return out


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
    compare(problems, record, ann["pool"], walk(ann["pool"], ann["rules"], ann["fixed"], key, reasons=True))


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


SEAT_FIELDS = [("institution", "机构编码"), ("institutionName", "机构名称"), ("band", "级别"), ("type", "机构类型"),
               ("kind", "类别"), ("person", "人员编号"), ("name", "姓名"), ("role", "职务")]


def seat_rows(pool, selected):
    """§13: each seat as the record prints it, described from the pool it was drawn from."""
    by_code = {i["code"]: i for i in pool["institutions"]}
    rows = []
    for r in selected:
        inst = by_code[r["institution"]]
        p = next(x for x in inst["people"] if x["id"] == r["person"])
        rows.append({"institution": r["institution"], "institutionName": inst["name"], "band": inst["band"], "type": inst["type"],
                     "kind": inst["kind"], "person": r["person"], "name": p["name"], "role": p["role"]})
    return rows


def show(v):
    return "“%s”" % v if isinstance(v, str) else canonical_json(v)


def first_diff(a, b):
    for i in range(max(len(a), len(b))):
        if (a[i] if i < len(a) else None) != (b[i] if i < len(b) else None):
            return i
    return -1


def compare(problems, record, pool, out):
    """Everything the record states about the outcome, against the pool and the key (§13)."""
    recorded, expected = record["result"], seat_rows(pool, out["result"])
    if len(recorded) != len(expected):
        problems.append("抽选结果人数不符：记录 %d 名，重新抽选 %d 名" % (len(recorded), len(expected)))
    for i in range(min(len(recorded), len(expected))):
        for k, label in SEAT_FIELDS:
            if recorded[i][k] != expected[i][k]:
                problems.append("抽选结果第 %d 名的%s不符：记录%s，按成员库应为%s" % (i + 1, label, show(recorded[i][k]), show(expected[i][k])))
    r = first_diff(record["ranking"], out["ranking"])
    if r >= 0:
        problems.append("排序分数（ranking）第 %d 项不符" % (r + 1))
    s = first_diff(record["steps"], out["steps"])
    if s >= 0:
        problems.append("抽选过程（逐步接受/跳过）第 %d 步不符" % (s + 1))


# --- reading a published file (§13) -------------------------------------------------------------


class NotCanonical(ValueError):
    pass


def _pairs(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise NotCanonical("对象中的键“%s”重复出现" % k)
        out[k] = v
    return out


def _int(text):
    n = int(text)
    if text == "-0" or abs(n) > 2 ** 53 - 1:
        raise NotCanonical("数字“%s”不是规范的整数写法" % text)
    return n


def _float(text):
    raise NotCanonical("数字“%s”不是规范的整数写法（只允许不带小数点、指数和前导零的整数）" % text)


def load_strict(path):
    """The file's JSON, refusing duplicate keys and numbers that are not canonical integers."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_int=_int, parse_float=_float, parse_constant=_float)
    except RecursionError:
        raise NotCanonical("嵌套过深")


HEX64 = re.compile("[0-9a-f]{64}")
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
PERSON = re.compile(r"M\d{5,}")


def _is_int(v, lo=None, hi=None):
    return isinstance(v, int) and not isinstance(v, bool) and (lo is None or v >= lo) and (hi is None or v <= hi)


def _str(pattern=None, min_len=0):
    return lambda v: isinstance(v, str) and len(v) >= min_len and (pattern is None or pattern.fullmatch(v) is not None)


def _enum(*values):
    return lambda v: isinstance(v, str) and v in values


def _const(c):
    return lambda v: type(v) is type(c) and v == c


def _int_in(lo=None, hi=None):
    return lambda v: _is_int(v, lo, hi)


def _obj(fields, optional=()):
    return ("object", fields, set(optional))


def _arr(item):
    return ("array", item)


def _null_or(spec):
    return ("null_or", spec)


def check_shape(spec, v, path, what, problems):
    """Appends where v departs from spec: unknown fields, missing fields, wrong values."""
    if len(problems) >= 20:
        return
    if isinstance(spec, tuple) and spec[0] == "null_or":
        if v is not None:
            check_shape(spec[1], v, path, what, problems)
        return
    if isinstance(spec, tuple) and spec[0] == "object":
        _, fields, optional = spec
        if not isinstance(v, dict):
            problems.append("%s的字段 %s 不符合公布的格式" % (what, path or "（顶层）"))
            return
        extra = [k for k in v if k not in fields]
        if extra:
            problems.append("%s含有公布格式之外的字段：%s%s" % (what, path + " 中的 " if path else "", "、".join(extra)))
        for k, sub in fields.items():
            p = "%s.%s" % (path, k) if path else k
            if k not in v:
                if k not in optional:
                    problems.append("%s的字段 %s 不符合公布的格式" % (what, p))
            else:
                check_shape(sub, v[k], p, what, problems)
        return
    if isinstance(spec, tuple) and spec[0] == "array":
        if not isinstance(v, list):
            problems.append("%s的字段 %s 不符合公布的格式" % (what, path))
            return
        for i, x in enumerate(v):
            check_shape(spec[1], x, "%s[%d]" % (path, i), what, problems)
        return
    if not spec(v):
        problems.append("%s的字段 %s 不符合公布的格式" % (what, path))


_BAND = _enum("三级", "二级", "一级及基层", "未定级")
_KIND = _enum("hospital", "pharmacy")
_SEAT = _obj({"institution": _str(), "person": _str(PERSON)})
_POOL = _obj({"institutions": _arr(_obj({"band": _BAND, "code": _str(min_len=1), "kind": _KIND, "name": _str(),
                                          "people": _arr(_obj({"id": _str(PERSON), "name": _str(), "role": _str()})),
                                          "type": _str(min_len=1)}))})


def _rules(min_seats):
    return _obj({"coverTypes": lambda v: isinstance(v, bool), "maxPerInstitution": _const(1),
                 "minimums": _obj({"三级": _int_in(0), "二级": _int_in(0), "一级及基层": _int_in(0)}),
                 "pharmacySeats": _int_in(0), "seats": _int_in(min_seats)})


ANNOUNCEMENT_FIELDS = {
    "format": _const("liangjiadi-draw-announcement"), "version": _const(2), "algorithm": _const(ALGORITHM_V2),
    "number": _int_in(1), "attempt": _int_in(1), "region": _obj({"code": _str(), "name": _str()}),
    "kind": _enum("initial", "replacement"), "frozenAt": _str(INSTANT), "pool": _POOL, "rules": _rules(8),
    "types": lambda v: isinstance(v, list) and all(isinstance(t, str) and t for t in v) and len(set(v)) == len(v),
    "fixed": _arr(_SEAT),
    "replaces": _null_or(_obj({"institution": _str(), "person": _str(PERSON), "reason": _str(min_len=1)})),
    "previousHash": _str(re.compile("([0-9a-f]{64})?")),
    "seedRule": _obj({"source": _str(min_len=1), "count": _int_in(1, 40), "digits": _int_in(1, 6), "order": _str(min_len=1)}),
    "simulations": lambda v: _is_int(v) and v in (0, 1000),
    "probabilities": _arr(_obj({"institution": _str(), "perTenThousand": _int_in(0, 10000)})),
}
ANNOUNCEMENT = _obj(ANNOUNCEMENT_FIELDS)
PUBLISHED_ANNOUNCEMENT = _obj(dict(ANNOUNCEMENT_FIELDS, frozenHash=_str(HEX64)))
_DRAWN = {
    "drawnAt": _str(INSTANT), "witnesses": lambda v: isinstance(v, list) and len(v) >= 2 and all(isinstance(w, str) and w for w in v),
    "ranking": _arr(_obj({"institution": _str(), "score": _str(HEX64)})),
    "steps": _arr(_obj({"round": _enum("types", "fill", "pharmacy"), "institution": _str(), "decision": _enum("accepted", "skipped"),
                        "reason": _str(), "person": _str(PERSON)}, optional=("person",))),
    "result": _arr(_obj({"institution": _str(), "institutionName": _str(), "band": _BAND, "type": _str(), "kind": _KIND,
                         "person": _str(PERSON), "name": _str(), "role": _str()})),
    "recordHash": _str(HEX64),
}
RECORD_V2 = _obj(dict(_DRAWN, format=_const("liangjiadi-draw-record"), version=_const(2), algorithm=_const(ALGORITHM_V2),
                      announcement=ANNOUNCEMENT, frozenHash=_str(HEX64),
                      seed=_obj({"input": _str(), "canonical": _str(re.compile("[0-9]+(-[0-9]+)*"))})))
RECORD_V1 = _obj(dict(_DRAWN, format=_const("liangjiadi-draw-record"), version=_const(1), algorithm=_const(ALGORITHM),
                      kind=_enum("initial", "replacement"), region=_obj({"code": _str(), "name": _str()}), frozenAt=_str(),
                      rules=_rules(0), rulesHash=_str(HEX64), pool=_POOL, poolHash=_str(HEX64), fixed=_arr(_SEAT),
                      previousHash=_str(re.compile("([0-9a-f]{64})?")),
                      replaces=_null_or(_obj({"institution": _str(), "person": _str(PERSON), "reason": _str()})),
                      seed=_obj({"input": _str(), "canonical": _str(re.compile("[0-9A-Z]+(-[0-9A-Z]+)*"))})))


def shape_problems(record, announcement=None):
    problems = []
    if not isinstance(record, dict) or record.get("format") != "liangjiadi-draw-record":
        return ["文件不是亮家底抽选记录（format 字段不符）"]
    check_shape(RECORD_V2 if record.get("version") == 2 else RECORD_V1, record, "", "抽选记录", problems)
    if announcement is not None:
        check_shape(PUBLISHED_ANNOUNCEMENT, announcement, "", "抽选公告文件", problems)
    return problems


def verify_record(record, announcement=None, with_probabilities=False):
    """Returns a list of problems; empty when the record is exactly reproduced."""
    problems = shape_problems(record, announcement)
    if problems:
        return problems
    body = {k: v for k, v in record.items() if k != "recordHash"}
    if sha256(canonical_json(body)) != record.get("recordHash"):
        problems.append("recordHash 与记录内容不符（记录被改动）")
    if record.get("version") == 2:
        verify_v2(record, problems, announcement, with_probabilities)
        return problems
    out = run_draw(record["pool"], record["rules"], record["seed"]["input"], record["previousHash"], record["fixed"], reasons=True)
    for k in ("poolHash", "rulesHash"):
        if out[k] != record.get(k):
            problems.append("%s 不符：记录 %s，重算 %s" % (k, record.get(k), out[k]))
    if out["seedCanonical"] != record["seed"]["canonical"]:
        problems.append("种子规范形式不符：记录 %s，重算 %s" % (record["seed"]["canonical"], out["seedCanonical"]))
    if "infeasible" in out:
        problems.append("记录中的成员库无法满足规则：" + "；".join(out["infeasible"]))
        return problems
    compare(problems, record, record["pool"], out)
    return problems


CANCELLATION = _obj({"format": _const("liangjiadi-draw-cancellation"), "version": _const(2), "number": _int_in(1),
                     "frozenHash": _str(HEX64), "cancelledAt": _str(), "reason": _str(), "cancellationHash": _str(HEX64)})
_ANY_OBJECT = lambda v: v is None or isinstance(v, dict)  # noqa: E731
CHAIN = _obj({"format": _const("liangjiadi-draw-chain"), "version": _const(1), "region": _obj({"code": _str(), "name": _str()}),
              "entries": _arr(_obj({"number": _int_in(1), "status": _enum("frozen", "drawn", "cancelled"), "announcement": _ANY_OBJECT,
                                    "cancellation": _ANY_OBJECT, "record": _ANY_OBJECT}))})


def verify_chain(chain):
    """§14: every announcement's previousHash is the hash of the entry before it; every entry re-checked."""
    problems = []
    check_shape(CHAIN, chain, "", "抽选记录链", problems)
    if problems:
        return problems
    head, last = "", 0
    for e in chain["entries"]:
        n = "第 %d 号" % e["number"]
        if e["number"] <= last:
            problems.append("%s排在第 %d 号之后：记录链应按编号从小到大排列" % (n, last))
        last = e["number"]
        a = e["announcement"]
        if a is not None:
            sp = []
            check_shape(PUBLISHED_ANNOUNCEMENT, a, "", n + "抽选公告", sp)
            if sp:
                problems.extend(sp)
                continue
            body = {k: v for k, v in a.items() if k != "frozenHash"}
            if frozen_hash(body) != a["frozenHash"]:
                problems.append("%s抽选公告的 frozenHash 与其内容不符（公告被改动）" % n)
            if a["number"] != e["number"]:
                problems.append("%s抽选公告的编号写作 %s" % (n, a["number"]))
            if a["previousHash"] != head:
                problems.append("%s抽选公告的 previousHash（%s）不是链上前一条的哈希（%s）：其间有记录被删除、改动或调换" % (n, a["previousHash"] or "空", head or "空"))
        c = e["cancellation"]
        if c is not None:
            sp = []
            check_shape(CANCELLATION, c, "", n + "作废记录", sp)
            if sp:
                problems.extend(sp)
            else:
                doc = {k: v for k, v in c.items() if k != "cancellationHash"}
                if sha256(canonical_json(doc)) != c["cancellationHash"]:
                    problems.append("%s作废记录的 cancellationHash 与其内容不符（记录被改动）" % n)
                if a is None or doc["frozenHash"] != a["frozenHash"]:
                    problems.append("%s作废记录所作废的不是该号抽选公告（frozenHash 不同）" % n)
                if doc["number"] != e["number"]:
                    problems.append("%s作废记录的编号写作 %s" % (n, doc["number"]))
                head = c["cancellationHash"]
        r = e["record"]
        if r is not None:
            problems.extend("%s抽选记录：%s" % (n, p) for p in verify_record(r, a))
            if r.get("version") == 1 and r.get("previousHash") != head:
                problems.append("%s抽选记录的 previousHash 不是链上前一条的哈希：其间有记录被删除、改动或调换" % n)
            body = {k: v for k, v in r.items() if k != "recordHash"}
            if sha256(canonical_json(body)) == r.get("recordHash"):
                head = r["recordHash"]
        if a is not None and (e["status"] == "cancelled") != (c is not None):
            problems.append("%s的状态“%s”与其内容不符" % (n, e["status"]))
        if (e["status"] == "drawn") != (r is not None):
            problems.append("%s的状态“%s”与其内容不符" % (n, e["status"]))
    return problems


def main(argv):
    if len(argv) == 3 and argv[1] == "--chain":
        try:
            chain = load_strict(argv[2])
        except ValueError as e:
            print("复核不通过：\n  - 文件不是规范的 JSON：%s" % e)
            return 1
        problems = verify_chain(chain)
        if problems:
            print("复核不通过：")
            for p in problems:
                print("  - " + p)
            return 1
        print("复核通过：记录链完整，每份抽选公告的 previousHash 都是前一条的哈希，每份抽选记录都按公告重新抽选一致。")
        for e in chain["entries"]:
            print("  第 %d 号  %s" % (e["number"], {"frozen": "已冻结", "drawn": "已抽选", "cancelled": "已作废"}[e["status"]]))
        return 0
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
    try:
        record = load_strict(files[0])
        announcement = load_strict(files[1]) if len(files) == 2 else None
    except ValueError as e:
        print("复核不通过：\n  - 文件不是规范的 JSON：%s" % e)
        return 1
    problems = verify_record(record, announcement, with_probabilities)
    if problems:
        print("复核不通过：")
        for p in problems:
            print("  - " + p)
        return 1
    print("复核通过：按公开的成员库、规则和种子重新抽选，结果与记录逐项一致（机构、姓名、级别、排序分数、每一步）。")
    for r in record["result"]:
        print("  %s  %s  %s" % (r["institution"], r["institutionName"], r["name"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
