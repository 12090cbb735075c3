#!/usr/bin/env python3
"""A minimal LSP client (Python standard library only) that drives
condis-clangd the way an editor does and checks the diagnostics it publishes.

The sample file carries its own expectations, in comments:

  lsp-diag{{CODE: MESSAGE}}   on the line where a finding with LSP code CODE,
                              source "condis", a message containing MESSAGE
                              and at least one related-information note is
                              expected when the file is opened;
  lsp-fix{{TEXT}}             the line is replaced by TEXT to fix the bug:
                              afterwards no condis finding may remain.

Scenario (each step prints one line that the lit test FileChecks):
  1. open the sample: every lsp-diag arrives, no other condis finding;
  2. apply the lsp-fix edits: the findings go away;
  3. restore the bug and add a syntax error: clang reports the error, no
     (stale) condis finding is published;
  4. open a second file cut off in the middle of the bug: the server
     answers it and a later request, and shuts down cleanly.
With --expect-warnings FILE only step 1 runs, expecting exactly the
warnings that FILE (the text output of `clang --analyze` for the same
sample) reports for the sample, by checker, line and message;
with --expect-none only step 1 runs, expecting no condis finding at all;
with --expect-error TEXT only step 1 runs, expecting an error containing TEXT
(findings are printed, not checked); --no-errors makes step 1 also require
that clangd's own parse reports no error. The .clangd lifts the editor's
wall-clock limits (LOAD_INDEPENDENT) unless --check-option sets them.

Usage: lsp_client.py --server BIN --workdir DIR --include DIR
                     [--relative-include DIR]... [--flag FLAG]...
                     [--checkers LIST] [--check-option KEY=VALUE]...
                     [--fast-check-filter POLICY]
                     [--expect-none | --expect-error TEXT |
                      --expect-warnings FILE] [--all-notes]
                     [--no-errors] [--timeout S] SAMPLE
"""

import argparse
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

DIAG = re.compile(r"lsp-diag\{\{([^:}]+):\s*(.*?)\}\}")
FIX = re.compile(r"lsp-fix\{\{(.*?)\}\}")


# The editor's limits that depend on the machine's speed are lifted unless a
# test sets them itself, so that a busy machine (lit runs tests in parallel)
# cannot change what a test sees: the file's time budget is a day, and Z3
# refutes without time or resource limits (the samples' queries are small).
LOAD_INDEPENDENT = {
    "TimeBudgetMs": "86400000",
    "AnalyzerConfig": "crosscheck-with-z3-timeout-threshold=0,"
                      "crosscheck-with-z3-eqclass-timeout-threshold=0,"
                      "crosscheck-with-z3-rlimit-threshold=0",
}


def check_options(given):
    """The condis-analyzer options of the .clangd: the test's KEY=VALUE
    pairs over LOAD_INDEPENDENT; the test's AnalyzerConfig entries come after
    those and so win."""
    options = dict(LOAD_INDEPENDENT)
    for option in given:
        key, _, value = option.partition("=")
        if key == "AnalyzerConfig":
            value = LOAD_INDEPENDENT[key] + "," + value
        options[key] = value
    return options


class Failure(Exception):
    pass


class Server:
    """One condis-clangd process spoken to over stdin/stdout."""

    def __init__(self, argv, env, log_path, escape_slashes=False):
        """escape_slashes: write '/' as '\\/' in the JSON sent, as Neovim's
        encoder does."""
        self.escape_slashes = escape_slashes
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.log, env=env)
        self.messages = queue.Queue()
        self.next_id = 1
        # uri -> the last diagnostics published for it, whatever was waited for
        self.published = {}
        # (uri, version) -> the first diagnostics published for it once its
        # analysis had ended (not "condisAnalysis": "pending"), kept for a
        # later diagnostics() call while another file was waited for
        self.first = {}
        # every publication, in order: (uri, version, pending, diagnostics)
        self.publications = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self.messages.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(message)
        if self.escape_slashes:
            body = body.replace("/", "\\/")
        body = body.encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method,
                   "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m,
                          timeout, "a reply to " + method)
        if "error" in reply:
            raise Failure("%s failed: %s" % (method, reply["error"]))
        return reply.get("result")

    def wait(self, accept, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("timed out waiting for " + what)
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                raise Failure("timed out waiting for " + what)
            if message is None:
                raise Failure("the server exited (code %s) while waiting for %s"
                              % (self.proc.wait(), what))
            if message.get("method") in ("window/workDoneProgress/create",
                                         "workspace/configuration",
                                         "client/registerCapability"):
                if "id" in message:
                    self.send({"jsonrpc": "2.0", "id": message["id"],
                               "result": None})
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self.published[params["uri"]] = params["diagnostics"]
                self.publications.append((params["uri"], params.get("version"),
                                          is_pending(params),
                                          params["diagnostics"]))
                if not is_pending(params):
                    self.first.setdefault(
                        (params["uri"], params.get("version")),
                        params["diagnostics"])
            if accept(message):
                return message

    def shutdown(self, timeout):
        """Asks the server to shut down and exit; returns its exit code."""
        self.request("shutdown", None, timeout)
        self.notify("exit", None)
        return self.proc.wait(timeout=timeout)

    def diagnostics(self, uri, version, timeout):
        """The first diagnostics published for (uri, version) after its
        analysis ended: clangd's own diagnostics are published first, marked
        pending, and again with the findings once the analysis is over."""
        if (uri, version) in self.first:
            return self.first[(uri, version)]
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
            and not is_pending(m["params"]),
            timeout, "diagnostics of %s version %d" % (uri, version))
        return message["params"]["diagnostics"]

    def any_diagnostics(self, uri, version, timeout):
        """The first diagnostics published for (uri, version), pending or
        not: (pending, diagnostics)."""
        for u, v, pending, diags in self.publications:
            if (u, v) == (uri, version):
                return pending, diags
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            timeout, "diagnostics of %s version %d" % (uri, version))
        return is_pending(message["params"]), message["params"]["diagnostics"]


def is_pending(params):
    """Whether a publishDiagnostics says the file's analysis is pending."""
    return params.get("condisAnalysis") == "pending"


def uri_of(path):
    return "file://" + urllib.request.pathname2url(os.path.abspath(path))


def condis_findings(diagnostics):
    return [d for d in diagnostics if d.get("source") == "condis"]


def describe(d):
    return "%s line %d: %s (%d notes)" % (
        d.get("code"), d["range"]["start"]["line"] + 1, d["message"],
        len(d.get("relatedInformation") or []))


def read_expectations(text):
    expected, fixed = [], []
    for number, line in enumerate(text.splitlines(), 1):
        for code, message in DIAG.findall(line):
            expected.append((code.strip(), number, message.strip()))
        fix = FIX.search(line)
        fixed.append(fix.group(1) if fix else line)
    if not expected:
        raise Failure("the sample has no lsp-diag{{CODE: MESSAGE}} expectation")
    if fixed == text.splitlines():
        raise Failure("the sample has no lsp-fix{{TEXT}} line")
    return expected, "\n".join(fixed) + "\n"


WARNING = re.compile(r"^(.*):(\d+):\d+: warning: (.*) \[([\w.]+)\]$")


def read_warnings(path, sample):
    """The (code, line, message) of each warning clang printed for sample."""
    expected = []
    with open(path) as f:
        for line in f:
            m = WARNING.match(line.rstrip("\n"))
            if m and os.path.basename(m.group(1)) == os.path.basename(sample):
                expected.append((m.group(4), int(m.group(2)), m.group(3)))
    return expected


def check_expected(expected, diagnostics, all_notes=False):
    errors = [d for d in diagnostics if d.get("severity") == 1]
    if errors:
        raise Failure("the sample does not compile in the editor: %s"
                      % [describe(d) for d in errors])
    found = condis_findings(diagnostics)
    for code, line, message in expected:
        match = [d for d in found
                 if d.get("code") == code
                 and d["range"]["start"]["line"] + 1 == line
                 and message.lower() in d["message"].lower()]
        if not match:
            raise Failure("expected %s at line %d with message '%s'; got %s"
                          % (code, line, message,
                             [describe(d) for d in diagnostics]))
        d = match[0]
        notes = d.get("relatedInformation") or []
        if not notes:
            raise Failure("%s has no related-information note" % describe(d))
        for note in notes:
            if not note.get("message") or "uri" not in note.get("location", {}):
                raise Failure("malformed note in %s: %s" % (describe(d), note))
        print("diagnostic " + describe(d))
        print("  first note line %d: %s" % (
            notes[0]["location"]["range"]["start"]["line"] + 1,
            notes[0]["message"]))
        if all_notes:
            for note in notes:
                where = note["location"]
                print("  note %s:%d: %s" % (
                    os.path.basename(urllib.parse.unquote(where["uri"])),
                    where["range"]["start"]["line"] + 1, note["message"]))
        href = (d.get("codeDescription") or {}).get("href")
        if href:
            print("  documentation: " + href.rsplit("/", 2)[-2] + "/"
                  + href.rsplit("/", 1)[-1])
    unexpected = [d for d in found
                  if not any(d.get("code") == c
                             and d["range"]["start"]["line"] + 1 == l
                             for c, l, _ in expected)]
    if unexpected:
        raise Failure("unexpected condis findings: %s"
                      % [describe(d) for d in unexpected])


def check_config(server, config):
    """clangd publishes the problems of a configuration file as diagnostics
    of that file: there must be none."""
    problems = server.published.get(uri_of(config))
    if problems:
        raise Failure("diagnostics on %s: %s" % (
            os.path.basename(config), [d["message"] for d in problems]))


def apply_edits(text, edits):
    """text with the LSP TextEdits applied (ASCII samples: UTF-16 columns are
    byte columns)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position):
        return starts[position["line"]] + position["character"]
    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]),
                       reverse=True):
        text = (text[:offset(edit["range"]["start"])] + edit["newText"]
                + text[offset(edit["range"]["end"]):])
    return text


def change_and_expect_none(server, uri, version, text, what, timeout):
    """Sends text as the file's new version and fails if condis findings
    remain in its diagnostics; what names the change in the message."""
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"text": text}]})
    left = condis_findings(server.diagnostics(uri, version, timeout))
    if left:
        raise Failure("findings remain after the %s: %s"
                      % (what, [describe(d) for d in left]))


def apply_action(server, uri, text, expected, opened, args):
    """Asks for the code actions of each expected finding, as an editor's
    quick-fix menu does (the diagnostic sent back as published), applies the
    one whose title contains args.apply_action to the first finding, and
    expects the findings gone with the next diagnostics."""
    chosen = None
    for code, line, _ in expected:
        d = [d for d in condis_findings(opened) if d.get("code") == code
             and d["range"]["start"]["line"] + 1 == line][0]
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d]}}, args.timeout) or []
        print("code actions %s line %d: %s" % (
            code, line, "; ".join(a["title"] for a in actions) or "none"))
        for a in actions:
            if chosen is None and args.apply_action in a["title"]:
                chosen = a
    if chosen is None:
        raise Failure("no code action with '%s' in its title"
                      % args.apply_action)
    # A client without codeActionLiteralSupport (this one) gets a command
    # whose argument is the edit.
    edit = chosen.get("edit") or (chosen.get("arguments") or [{}])[0]
    changes = edit.get("changes") or {}
    for change in edit.get("documentChanges") or []:
        changes.setdefault(change["textDocument"]["uri"], []).extend(
            change["edits"])
    if list(changes) != [uri]:
        raise Failure("the action does not edit the sample: %s" % chosen)
    new_text = apply_edits(text, changes[uri])
    changed = [l for a, l in zip(text.splitlines(), new_text.splitlines())
               if a != l]
    print("applied '%s': %s" % (chosen["title"],
                                changed[0].strip() if changed else "no change"))
    change_and_expect_none(server, uri, 2, new_text, "action", args.timeout)
    print("after the action: no findings")
    server.shutdown(args.timeout)


def run(args):
    os.makedirs(args.workdir, exist_ok=True)
    workdir = os.path.abspath(args.workdir)
    with open(args.sample) as f:
        text = f.read()
    if args.expect_warnings:
        expected = read_warnings(args.expect_warnings, args.sample)
    elif not args.expect_none and not args.expect_error:
        expected, fixed_text = read_expectations(text)

    # The project the editor would open: the sample, its flags and the
    # .clangd entry docs/editors.md documents.
    sample = os.path.join(workdir, os.path.basename(args.sample))
    with open(sample, "w") as f:
        f.write(text)
    with open(os.path.join(workdir, "compile_flags.txt"), "w") as f:
        f.write("-xc\n" + "".join("-I%s\n" % os.path.abspath(i)
                                   for i in args.include)
                + "".join("-I%s\n" % i for i in args.relative_include)
                + "".join("%s\n" % f for f in args.flag))
    config = os.path.join(workdir, ".clangd")
    if args.config == "clangd":
        with open(config, "w") as f:
            f.write("Diagnostics:\n"
                    "  ClangTidy:\n")
            if args.add:
                f.write("    Add: condis-analyzer\n")
            if args.fast_check_filter:
                f.write("    FastCheckFilter: %s\n" % args.fast_check_filter)
            f.write("    CheckOptions:\n"
                    "      condis-analyzer.Checkers: %s\n" % args.checkers)
            for key, value in check_options(args.check_option).items():
                f.write("      condis-analyzer.%s: '%s'\n" % (key, value))
    if args.clang_tidy is not None:
        with open(os.path.join(workdir, ".clang-tidy"), "w") as f:
            f.write(args.clang_tidy + "\n")
    env = dict(os.environ)
    # Keep the user's clangd configuration out of the test.
    env["XDG_CONFIG_HOME"] = os.path.join(workdir, "xdg")
    server = Server([args.server, "--log=info", "--background-index=false",
                     "--enable-config"], env,
                    os.path.join(workdir, "clangd.log"))
    try:
        server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri_of(workdir),
            "capabilities": {"textDocument": {"publishDiagnostics": {
                "relatedInformation": True, "codeDescriptionSupport": True}}},
        }, args.timeout)
        server.notify("initialized", {})
        uri = uri_of(sample)

        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": text}})
        # Other files opened at the same moment, as an editor restoring a
        # session does; each must get its diagnostics too.
        also = []
        for other in args.also_open:
            with open(other) as f:
                other_text = f.read()
            copy = os.path.join(workdir, os.path.basename(other))
            with open(copy, "w") as f:
                f.write(other_text)
            also.append(uri_of(copy))
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": also[-1], "languageId": "c", "version": 1,
                "text": other_text}})
        for other_uri in also:
            server.diagnostics(other_uri, 1, args.timeout)
        if args.expect_error:
            diags = server.diagnostics(uri, 1, args.timeout)
            errors = [d for d in diags if d.get("severity") == 1
                      and args.expect_error in d["message"]]
            if not errors:
                raise Failure("expected an error containing '%s'; got %s"
                              % (args.expect_error,
                                 [describe(d) for d in diags]))
            print("error line %d: %s" % (errors[0]["range"]["start"]["line"]
                                         + 1, errors[0]["message"]))
            for d in condis_findings(diags):
                print("diagnostic " + describe(d))
        elif args.expect_none:
            found = condis_findings(server.diagnostics(uri, 1, args.timeout))
            check_config(server, config)
            if found:
                raise Failure("expected no findings; got %s"
                              % [describe(d) for d in found])
            print("opened: no findings")
        elif args.expect_warnings:
            check_expected(expected, server.diagnostics(uri, 1, args.timeout),
                           args.all_notes)
            print("opened: %d findings, as clang --analyze reports"
                  % len(expected))
        if args.expect_none or args.expect_error or args.expect_warnings:
            server.shutdown(args.timeout)
            return
        opened = server.diagnostics(uri, 1, args.timeout)
        check_config(server, config)
        check_expected(expected, opened, args.all_notes)
        if args.apply_action:
            apply_action(server, uri, text, expected, opened, args)
            return
        if args.no_errors:
            errors = [d for d in opened if d.get("severity") == 1]
            if errors:
                raise Failure("clangd reported errors: %s"
                              % [describe(d) for d in errors])
            print("opened: no errors")
        print("opened: %d expected findings" % len(expected))

        change_and_expect_none(server, uri, 2, fixed_text, "fix",
                               args.timeout)
        print("fixed: no findings")

        broken_text = text + "\nint brokenAfterBug(int x {\n"
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"text": broken_text}]})
        diags = server.diagnostics(uri, 3, args.timeout)
        errors = [d for d in diags if d.get("severity") == 1]
        if not errors:
            raise Failure("no syntax error reported for the broken buffer")
        if condis_findings(diags):
            raise Failure("findings published for a buffer with errors: %s"
                          % [describe(d) for d in condis_findings(diags)])
        print("broken: %d errors, no findings" % len(errors))

        cut = os.path.join(workdir, "cut-" + os.path.basename(args.sample))
        line = expected[0][1]
        cut_text = "\n".join(text.splitlines()[:line - 1]) + "\n    return (\n"
        with open(cut, "w") as f:
            f.write(cut_text)
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(cut), "languageId": "c", "version": 1,
            "text": cut_text}})
        diags = server.diagnostics(uri_of(cut), 1, args.timeout)
        if condis_findings(diags):
            raise Failure("findings published for an incomplete file")
        symbols = server.request("textDocument/documentSymbol", {
            "textDocument": {"uri": uri}}, args.timeout)
        print("incomplete file: %d errors; server answers (%d symbols)"
              % (len([d for d in diags if d.get("severity") == 1]),
                 len(symbols or [])))

        code = server.shutdown(args.timeout)
        if code != 0:
            raise Failure("the server exited with code %d" % code)
        print("shutdown: exit code 0")
    except BaseException:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        raise
    finally:
        server.log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--include", required=True, action="append",
                        help="an include directory (repeatable): the header "
                        "simulators, the sample's own headers")
    parser.add_argument("--flag", action="append", default=[],
                        help="one more compile flag for compile_flags.txt "
                        "(repeatable; one argument each)")
    parser.add_argument("--relative-include", action="append", default=[],
                        metavar="DIR", help="an -I written as given: relative "
                        "to the project directory (--workdir), as in a "
                        "compile command, not to the server's")
    parser.add_argument("--checkers", default="condis",
                        help="condis-analyzer.Checkers for the .clangd")
    parser.add_argument("--check-option", action="append", default=[],
                        metavar="KEY=VALUE",
                        help="another condis-analyzer option for the .clangd")
    parser.add_argument("--config", choices=["clangd", "none"],
                        default="clangd",
                        help="clangd: a .clangd with the condis-analyzer "
                        "CheckOptions (default); none: no .clangd")
    parser.add_argument("--add", action="store_true",
                        help="the .clangd also says Add: condis-analyzer")
    parser.add_argument("--fast-check-filter",
                        help="Diagnostics.ClangTidy.FastCheckFilter for the "
                        ".clangd")
    parser.add_argument("--clang-tidy", metavar="TEXT",
                        help="a .clang-tidy file with this text")
    parser.add_argument("--apply-action", metavar="TEXT",
                        help="after opening, ask for each finding's code "
                        "actions, apply the first whose title contains TEXT "
                        "and expect the findings gone")
    parser.add_argument("--also-open", action="append", default=[],
                        metavar="FILE",
                        help="another file opened right after the sample "
                        "(repeatable); its diagnostics are waited for")
    parser.add_argument("--no-errors", action="store_true",
                        help="on opening, require no error from clangd's own "
                        "parse either")
    parser.add_argument("--expect-none", action="store_true",
                        help="only open the sample and expect no finding")
    parser.add_argument("--expect-error", metavar="TEXT",
                        help="only open the sample and expect an error "
                        "diagnostic containing TEXT (configuration errors)")
    parser.add_argument("--expect-warnings", metavar="FILE",
                        help="clang --analyze output for the sample")
    parser.add_argument("--all-notes", action="store_true",
                        help="print every note of an expected finding, "
                        "with its file")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("sample")
    args = parser.parse_args()
    try:
        run(args)
    except Failure as e:
        print("FAIL: %s" % e)
        log = os.path.join(args.workdir, "clangd.log")
        if os.path.exists(log):
            with open(log, errors="replace") as f:
                sys.stderr.write("--- clangd.log (tail) ---\n"
                                 + "".join(f.readlines()[-40:]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
