#!/usr/bin/env python3
"""Validates a condis-check SARIF log against the parts of the SARIF 2.1.0
structure GitHub code scanning relies on, and condis-check's own promises.
(The official schema itself is checked by scripts/sarif-validator.)

GitHub's documented requirements checked here ("SARIF support for code
scanning"): tool.driver.name, and version/semanticVersion to tell a tool
change from a code change; per result ruleId, message.text, locations with
artifactLocation.uri and a full region (startLine, startColumn, endLine,
endColumn); partialFingerprints; rules with an id and a help text; the
upload limits (25,000 results and rules per run, 1,000 locations and
related locations per result, 10,000 thread-flow locations, 20 tags a rule).

usage: check-sarif.py LOG.sarif [--rule ID]...

--rule ID: a rule whose metadata must be present (every condis.* rule).
Prints "sarif: ok, N results, M rules" or the first problems and exits 1.
"""
import json
import re
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
    if need(isinstance(region, dict), where + ": region"):
        check_region(region, where + ".region")


def check_region(region, where):
    """A full region: GitHub marks start and end line and column required."""
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        if not need(isinstance(region.get(key), int) and region[key] >= 1,
                    where + ": %s >= 1" % key):
            return
    need((region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"]),
         where + ": the region must not end before it starts")


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
    semver = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$")
    need(isinstance(driver.get("version"), str) and driver["version"],
         "tool.driver.version")
    need(isinstance(driver.get("semanticVersion"), str)
         and semver.match(driver["semanticVersion"]) is not None,
         "tool.driver.semanticVersion must be a semantic version")
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
            # The help is the docs page itself: its title is the rule's id.
            hlp = rule.get("help", {})
            text(hlp, where + ".help")
            need(str(hlp.get("markdown", "")).startswith("# " + rule["id"]),
                 where + ".help.markdown must be the rule's docs page")
        need(len(rule.get("properties", {}).get("tags", [])) <= 20,
             where + ": at most 20 tags")
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
    need(len(results) <= 25000 and len(rules) <= 25000,
         "at most 25,000 results and rules per run")
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
        need(len(locs or []) <= 1000, where + ": at most 1,000 locations")
        if need(isinstance(locs, list) and locs, where + ".locations"):
            for loc in locs:
                check_location(loc, base_ids, where + ".locations")
        fp = res.get("partialFingerprints", {})
        need(isinstance(fp.get("condisIssueHash/v1"), str) and fp["condisIssueHash/v1"],
             where + ".partialFingerprints")
        related = res.get("relatedLocations", [])
        need(len(related) <= 1000, where + ": at most 1,000 related locations")
        rel_ids = [r.get("id") for r in related]
        need(all(isinstance(i, int) and i >= 0 for i in rel_ids)
             and len(set(rel_ids)) == len(rel_ids),
             where + ".relatedLocations: unique non-negative ids")
        for r in related:
            check_location(r, base_ids, where + ".relatedLocations")
            text(r.get("message"), where + ".relatedLocations message")
        for fix in res.get("fixes", []):
            text(fix.get("description"), where + ".fixes description")
            changes = fix.get("artifactChanges")
            if need(isinstance(changes, list) and changes, where + ".fixes.artifactChanges"):
                for ch in changes:
                    art = ch.get("artifactLocation", {})
                    need(isinstance(art.get("uri"), str), where + ".fixes artifactLocation.uri")
                    reps = ch.get("replacements")
                    if need(isinstance(reps, list) and reps, where + ".fixes replacements"):
                        for rp in reps:
                            check_region(rp.get("deletedRegion", {}),
                                         where + ".fixes deletedRegion")
                            need(isinstance(rp.get("insertedContent", {}).get("text"), str),
                                 where + ".fixes insertedContent.text")
        nsteps = 0
        for flow in res.get("codeFlows", []):
            for tf in flow.get("threadFlows", []):
                steps = tf.get("locations")
                need(isinstance(steps, list) and steps, where + ": threadFlow steps")
                nsteps += len(steps or [])
                for step in steps or []:
                    loc = step.get("location", {})
                    check_location(loc, base_ids, where + ".codeFlows")
                    text(loc.get("message"), where + ".codeFlows message")
        need(nsteps <= 10000, where + ": at most 10,000 thread-flow locations")
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
