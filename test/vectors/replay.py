#!/usr/bin/env python3
"""Replays sec-rules decision vectors with a small evaluator of its own, from the exported tables alone.

    python3 replay.py TABLES.json VECTORS.json

TABLES.json is `secc export tables --format json`, VECTORS.json `secc export vectors --format json`.
For every vector the evaluator decides the request from the tables of the version in force on its
date, and compares decision, failed checks, TRT and legal basis with the vector. Prints each
disagreement and a summary; exit 0 when every vector agrees, 1 when one does not, 2 on bad input.
Standard library only: a model for a gateway written in Python (the same steps port to Java or C#).

REPLAY_MUTATE names one deliberate mistake, to prove the comparison can fail:
  ignore-dcc-scheduled  treat every SR as DCC Scheduled
  na-is-available       treat an N/A Target Response Time as available
  day-before-release    switch to a release's text the day before its date
"""
import datetime
import json
import os
import sys

MUTATION = os.environ.get("REPLAY_MUTATE", "")


def version_on(tables, date):
    """The version in force on a date: the last interval whose `from` is null or not after it."""
    found = tables["intervals"][0]
    for interval in tables["intervals"]:
        start = interval["from"]
        if start is not None and MUTATION == "day-before-release":
            start = day_before(start)
        if start is None or start <= date:
            found = interval
    return found["version"]


def day_before(date):
    return (datetime.date.fromisoformat(date) - datetime.timedelta(days=1)).isoformat()


class Version:
    """One version's tables, indexed for lookups."""

    def __init__(self, data):
        self.roles = {role["id"]: role for role in data["user_roles"]}
        self.role_list = data["user_roles"]
        self.services = {sr["ref"]: sr for sr in data["service_requests"]}
        self.service_list = data["service_requests"]
        self.eligibility = {(cell["sr"], cell["user_role"]): cell for cell in data["eligibility"]}
        self.trt = {(cell["sr"], cell["user_role"], cell["smets"], cell["mode"]): cell for cell in data["trt"]}
        self.scope = data["trt_scope"]


def table_clause(entries, fallback):
    """The clause of a table (a failed lookup cites the table's clause)."""
    return "clause/" + (entries[0]["clause"] if entries and entries[0]["clause"] else fallback)


def decide(version, sr, role, smets, mode):
    """The decision, in the order of the checks: H1.1, Appendix E, the DCC Scheduled flag, Appendix AB."""
    failed, passed = [], []
    if role in version.roles:
        passed.append(version.roles[role]["address"])
    else:
        failed.append(("user-role", table_clause(version.role_list, "H1.1")))
    if sr not in version.services:
        failed.append(("service-request", table_clause(version.service_list, "E2.1")))
    if failed:
        return rejected(failed, None)
    service = version.services[sr]
    cell = version.eligibility.get((sr, role))
    if cell is None:
        return rejected([("eligibility", service["address"])], None)
    if not cell["eligible"]:
        return rejected([("eligibility", cell["address"])], None)
    passed.append(cell["address"])
    if mode == "scheduled":
        if service["dcc_scheduled"] or MUTATION == "ignore-dcc-scheduled":
            passed.append(service["address"])
        else:
            failed.append(("dcc-scheduled", service["address"]))
    trt, not_available = None, False
    scope = version.scope
    if scope is not None and sr not in scope["service_requests"]:
        passed.append(scope["address"])
    else:
        cell = version.trt.get((sr, role, smets, mode))
        if cell is None:
            failed.append(("availability", service["address"]))
        elif cell["seconds"] is None and MUTATION != "na-is-available":
            failed.append(("availability", cell["address"]))
            not_available = True
        else:
            passed.append(cell["address"])
            trt = cell["seconds"]
    if failed:
        return rejected(failed, "not-available" if not_available else None)
    return {"decision": "accepted", "rejected_by": [], "trt": trt, "legal_basis": passed}


def rejected(failed, trt):
    return {
        "decision": "rejected",
        "rejected_by": [code for code, _ in failed],
        "trt": trt,
        "legal_basis": [address for _, address in failed],
    }


FIELDS = ("version", "decision", "rejected_by", "trt", "legal_basis")


def main(argv):
    if len(argv) != 3:
        print("usage: replay.py TABLES.json VECTORS.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            tables = json.load(handle)
        with open(argv[2], encoding="utf-8") as handle:
            vectors = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"replay.py: cannot read the input: {error}", file=sys.stderr)
        return 2
    if tables.get("format") != "sec-rules/gateway-tables@1" or vectors.get("format") != "sec-rules/decision-vectors@1":
        print("replay.py: expected secc export tables and secc export vectors (formats @1)", file=sys.stderr)
        return 2
    versions = {key: Version(data) for key, data in tables["versions"].items()}
    disagreements = 0
    for line, vector in enumerate(vectors["vectors"], start=1):
        key = version_on(tables, vector["at"])
        got = decide(versions[key], vector["sr"], vector["user_role"], vector["smets"], vector["mode"])
        got["version"] = key
        wrong = [field for field in FIELDS if got[field] != vector[field]]
        if wrong:
            disagreements += 1
            if disagreements <= 20:
                name = f"{vector['at']} SR {vector['sr']} {vector['user_role']} SMETS{vector['smets']} {vector['mode']}"
                details = "; ".join(f"{field}: vector {json.dumps(vector[field])}, replay {json.dumps(got[field])}" for field in wrong)
                print(f"vector {line} ({name}): {details}")
    total = len(vectors["vectors"])
    print(f"replay.py: {total} vectors, {total - disagreements} agree, {disagreements} disagree")
    return 0 if disagreements == 0 and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
