#!/usr/bin/env python3
"""Where a request's time goes, from the traces Zipkin holds: for the root spans named NAME of
SERVICE in the last LOOKBACK seconds, the mean time per trace spent in each (service, span), its own
time (its duration less its children's) and how many such spans a trace has.

    benchmarks/scripts/trace-profile.py gateway "post /api/v1/reservations" [lookback_s] [limit]

Spans that start after the root answered (consumers acting on the request's events) are listed apart:
they cost the machine, not the caller's wait.
"""
import collections
import json
import sys
import urllib.parse
import urllib.request

ZIPKIN = "http://localhost:9411"


def traces(service, name, lookback_s, limit):
    query = urllib.parse.urlencode({"serviceName": service, "spanName": name, "limit": limit,
                                    "lookback": lookback_s * 1000})
    with urllib.request.urlopen(f"{ZIPKIN}/api/v2/traces?{query}") as answer:
        return json.load(answer)


def profile(found, name):
    during, after = collections.defaultdict(lambda: [0, 0, 0]), collections.defaultdict(lambda: [0, 0, 0])
    roots = 0
    for trace in found:
        root = next((s for s in trace if not s.get("parentId") and s.get("name") == name), None)
        if root is None:
            continue
        roots += 1
        root_end = root["timestamp"] + root.get("duration", 0)
        children = collections.defaultdict(int)
        for span in trace:
            if span.get("parentId"):
                children[span["parentId"]] += span.get("duration", 0)
        for span in trace:
            key = (span["localEndpoint"]["serviceName"], span.get("kind", "INTERNAL"), span.get("name", ""))
            table = during if span["timestamp"] < root_end else after
            duration = span.get("duration", 0)
            table[key][0] += duration
            table[key][1] += max(0, duration - children[span["id"]])
            table[key][2] += 1
    return roots, during, after


def show(title, table, roots):
    print(f"\n{title}\n{'service':<18} {'kind':<9} {'span':<44} {'ms/trace':>9} {'own ms':>8} {'spans':>6}")
    for (service, kind, span), (total, own, count) in sorted(table.items(), key=lambda e: -e[1][1]):
        print(f"{service:<18} {kind:<9} {span[:44]:<44} {total / roots / 1000:>9.2f} {own / roots / 1000:>8.2f} "
              f"{count / roots:>6.1f}")


def main():
    service, name = sys.argv[1], sys.argv[2]
    lookback = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    roots, during, after = profile(traces(service, name, lookback, limit), name)
    if roots == 0:
        sys.exit(f"no trace of {service} '{name}' in the last {lookback} s")
    print(f"{roots} traces of {service} '{name}'")
    show("while the caller waits", during, roots)
    show("after the answer (consumers of its events)", after, roots)


if __name__ == "__main__":
    main()
