#!/usr/bin/env python3
"""Validates a condis-check SARIF log against the parts of the SARIF 2.1.0
structure GitHub code scanning relies on, and condis-check's own promises.

usage: check-sarif.py LOG.sarif [--rule ID]...

--rule ID: a rule whose metadata must be present (every condis.* rule).
Prints "sarif: ok, N results, M rules" or the first problems and exits 1.
"""
import json
import sys

problems = []


def need(cond, what):
    if not cond:
        problems.append(what)
    return cond


def text(obj, where):
    return need(isinstance(obj, dict) and isinstance(obj.get("text"), str)
                and obj["text"].strip() != "", where + ": needs a non-empty text")


def check_location(loc, base_ids, where):
    phys = loc.get("physicalLocation") if isinstance(loc, dict) else None
    if not need(isinstance(phys, dict), where + ": physicalLocation"):
        return
    art = phys.get("artifactLocation")
    if not need(isinstance(art, dict) and isinstance(art.get("uri"), str),
                where + ": artifactLocation.uri"):
        return
    uri = art["uri"]
    if "uriBaseId" in art:
        need(art["uriBaseId"] in base_ids,
             where + ": uriBaseId %r not in originalUriBaseIds" % art["uriBaseId"])
        need(not uri.startswith("/") and "://" not in uri,
             where + ": URI with a base id must be relative: %r" % uri)
    else:
        need(uri.startswith("file:///"), where + ": absolute URI expected: %r" % uri)
    region = phys.get("region")
    if region is not None:
        need(isinstance(region.get("startLine"), int) and region["startLine"] >= 1,
             where + ": region.startLine >= 1")
        if "startColumn" in region:
            need(isinstance(region["startColumn"], int) and region["startColumn"] >= 1,
                 where + ": region.startColumn >= 1")


def main(argv):
    path = argv[1]
    wanted = [argv[i + 1] for i, a in enumerate(argv) if a == "--rule"]
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    need(log.get("version") == "2.1.0", "version must be 2.1.0")
    need(isinstance(log.get("$schema"), str) and "sarif" in log["$schema"],
         "$schema must name the SARIF schema")
    runs = log.get("runs")
    if not need(isinstance(runs, list) and len(runs) == 1, "exactly one run"):
        return report()
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    need(driver.get("name") == "condis-check", "tool.driver.name")
    rules = driver.get("rules", [])
    need(isinstance(rules, list), "tool.driver.rules must be an array")
    ids = []
    for i, rule in enumerate(rules):
        where = "rules[%d]" % i
        need(isinstance(rule.get("id"), str) and rule["id"], where + ".id")
        ids.append(rule.get("id"))
        text(rule.get("shortDescription"), where + ".shortDescription")
        text(rule.get("fullDescription"), where + ".fullDescription")
        help_uri = rule.get("helpUri")
        if help_uri is not None:
            need(help_uri.startswith("https://"), where + ".helpUri must be https")
        if str(rule.get("id")).startswith("condis."):
            need(str(help_uri).endswith(".md"),
                 where + ".helpUri must be the rule's docs page")
    need(len(ids) == len(set(ids)), "rule ids must be unique")
    for r in wanted:
        need(r in ids, "rule metadata missing for " + r)
    base_ids = run.get("originalUriBaseIds", {})
    root = base_ids.get("%SRCROOT%", {}).get("uri", "")
    need(root.startswith("file:///") and root.endswith("/"),
         "%SRCROOT% must be an absolute file URI ending in '/'")
    invocations = run.get("invocations")
    need(isinstance(invocations, list) and invocations
         and isinstance(invocations[0].get("executionSuccessful"), bool),
         "invocations[0].executionSuccessful")
    results = run.get("results")
    if not need(isinstance(results, list), "results must be an array"):
        return report()
    for i, res in enumerate(results):
        where = "results[%d]" % i
        rid = res.get("ruleId")
        need(rid in ids, where + ": no rule metadata for ruleId %r" % rid)
        idx = res.get("ruleIndex")
        need(isinstance(idx, int) and 0 <= idx < len(ids) and ids[idx] == rid,
             where + ": ruleIndex must point at ruleId")
        need(res.get("level") in ("warning", "error", "note"), where + ".level")
        text(res.get("message"), where + ".message")
        locs = res.get("locations")
        if need(isinstance(locs, list) and locs, where + ".locations"):
            for loc in locs:
                check_location(loc, base_ids, where + ".locations")
        fp = res.get("partialFingerprints", {})
        need(isinstance(fp.get("condisIssueHash/v1"), str) and fp["condisIssueHash/v1"],
             where + ".partialFingerprints")
        for flow in res.get("codeFlows", []):
            for tf in flow.get("threadFlows", []):
                steps = tf.get("locations")
                need(isinstance(steps, list) and steps, where + ": threadFlow steps")
                for step in steps or []:
                    loc = step.get("location", {})
                    check_location(loc, base_ids, where + ".codeFlows")
                    text(loc.get("message"), where + ".codeFlows message")
    return report(len(results), len(ids))


def report(nres=0, nrules=0):
    if problems:
        for p in problems[:20]:
            print("sarif: " + p)
        return 1
    print("sarif: ok, %d results, %d rules" % (nres, nrules))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
