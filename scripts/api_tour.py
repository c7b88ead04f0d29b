#!/usr/bin/env python3
"""The README's curl tour: runs every example with curl against a running server and
rewrites the part of README.md between `<!-- tour:start -->` and `<!-- tour:end -->` with
the commands and the responses they got.

    cargo run --release &            # serves the seed documents on 127.0.0.1:8080
    python3 scripts/api_tour.py      # or: python3 scripts/api_tour.py http://host:port

The read examples show the seed as served; the write examples create a trip of their own and
delete it at the end, so the tour can be run again on the same server.
"""

import json
import pathlib
import re
import subprocess
import sys

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOWN = "localhost:8080"
README = pathlib.Path(__file__).resolve().parent.parent / "README.md"
HEADERS = ("content-type", "location", "etag", "x-total-count", "link", "allow")
MAX_LINES = 40

ids = {}


def curl(method, path, body, headers, show_headers):
    """Runs curl; returns (command as shown, status line, kept headers, body text)."""
    args = ["curl", "-s", "-i"]
    shown = ["curl", "-s", "-i"] if show_headers else ["curl", "-s"]
    if method != "GET":
        args += ["-X", method]
        shown += ["-X", method]
    for header in headers:
        args += ["-H", header]
        shown += ["-H", f"'{header}'"]
    if body is not None:
        data = json.dumps(body, ensure_ascii=False)
        args += ["-H", "content-type: application/json", "--data", data]
        shown += ["-H", "'content-type: application/json'", "--data", f"'{data}'"]
    args.append(BASE + path)
    shown.append(f"'{SHOWN}{path}'" if "?" in path or "&" in path else SHOWN + path)
    raw = subprocess.run(args, capture_output=True, check=True).stdout.decode()
    head, _, text = raw.replace("\r\n", "\n").partition("\n\n")
    lines = head.split("\n")
    kept = [l for l in lines[1:] if l.split(":")[0].lower() in HEADERS]
    return " ".join(shown), lines[0], kept, text


def pretty(text):
    try:
        value = json.loads(text)
    except ValueError:
        return text.strip()
    out = json.dumps(value, indent=2, ensure_ascii=False).split("\n")
    if len(out) > MAX_LINES:
        out = out[:MAX_LINES] + ["  ..."]
    return "\n".join(out)


def example(title, method, path, body=None, headers=(), keep=None, show_headers=None, keep_etag=False):
    """One example: the command, then its status, headers and body."""
    path = path.format(**ids)
    if body is not None:
        body = json.loads(json.dumps(body).replace('"@trip"', str(ids.get("trip", 0))))
    show = show_headers if show_headers is not None else (method != "GET" or bool(headers))
    command, status, kept, text = curl(method, path, body, headers, show)
    if keep and text.strip():
        ids[keep] = json.loads(text)["id"]
    if keep_etag:
        ids["etag"] = next(l.split(":", 1)[1].strip() for l in kept if l.lower().startswith("etag"))
    response = [status] + kept + [""] if show else []
    response.append(pretty(text))
    return f"**{title}**\n\n```sh\n{command}\n```\n```http\n" + "\n".join(response).strip() + "\n```\n"


def tour():
    parts = ["### Reading the seed\n"]
    parts.append(example("Meetings with Lavrov (participant filter, case- and accent-insensitive)", "GET", "/meetings?participant=lavrov"))
    parts.append(example("Trips, with the list headers", "GET", "/trips?limit=2", show_headers=True))
    parts.append(example("Legs to Poland, newest first", "GET", "/legs?country=poland&sort=-date"))
    parts.append(example("Legs by place (origin, destination or stopover)", "GET", "/legs?place=rzeszow"))
    parts.append(example("Planned legs", "GET", "/legs?status=planned"))
    parts.append(example("Meetings of one kind on one day", "GET", "/meetings?kind=meal&from=2022-04-26&to=2022-04-26"))
    parts.append(example("The timeline, day by day", "GET", "/timeline?from=2022-04-25&to=2022-04-26"))
    parts.append(example("Health", "GET", "/healthz"))
    parts.append("### Writing\n")
    parts.append(example("Create a trip", "POST", "/trips", {"traveller": {"name": "Ana Lima", "role": "Foreign Minister"}, "title": "Visit to Chile"}, keep="trip"))
    parts.append(example("Add a leg (appended; `seq` places it)", "POST", "/legs", {"trip_id": "@trip", "origin": {"name": "Lisbon", "country": "Portugal", "country_code": "PT"}, "destination": {"name": "Santiago", "country": "Chile", "country_code": "CL"}, "date": "2023-05-02", "mode": "air"}, keep="leg"))
    parts.append(example("Add a meeting", "POST", "/meetings", {"trip_id": "@trip", "date": "2023-05-03", "part_of_day": "morning", "place": {"name": "Santiago", "country": "Chile", "country_code": "CL"}, "kind": "meeting", "participants": [{"name": "Rosa Díaz", "role": "Foreign Minister", "country": "Chile"}]}, keep="meeting"))
    parts.append(example("Read the trip with its legs and meetings", "GET", "/trips/{trip}", show_headers=True, keep_etag=True))
    parts.append(example("Its legs and its meetings", "GET", "/trips/{trip}/legs"))
    parts.append(example("", "GET", "/trips/{trip}/meetings").replace("****\n\n", ""))
    parts.append(example("One leg, one meeting", "GET", "/legs/{leg}"))
    parts.append(example("", "GET", "/meetings/{meeting}").replace("****\n\n", ""))
    parts.append(example("Not modified: `If-None-Match` with the ETag just read", "GET", "/trips/{trip}", headers=(f'if-none-match: {ids["etag"]}',)))
    parts.append(example("Correct a field (JSON merge patch, RFC 7396)", "PATCH", "/meetings/{meeting}", {"summary": "Talks on trade", "part_of_day": None}))
    parts.append(example("Replace a leg (PUT takes the whole writable item)", "PUT", "/legs/{leg}", {"trip_id": "@trip", "origin": {"name": "Lisbon"}, "destination": {"name": "Santiago"}, "date": "2023-05-01", "mode": "air"}))
    parts.append(example("A stale `If-Match` changes nothing", "PATCH", "/legs/{leg}", {"mode": "sea"}, headers=(f'if-match: "leg-{ids["leg"]}-v1"',)))
    parts.append(example("A body with bad fields: every one is named", "POST", "/meetings", {"trip_id": "@trip", "date": "2023-02-30", "kind": "party", "participants": [{"name": ""}], "colour": "red"}))
    parts.append(example("A bad query parameter", "GET", "/legs?from=2022-13-01&limit=-1", show_headers=True))
    parts.append(example("Delete the trip with its legs and meetings", "DELETE", "/trips/{trip}"))
    parts.append(example("Gone", "GET", "/legs/{leg}", show_headers=True))
    return "\n".join(parts)


def main():
    text = README.read_text()
    start, end = "<!-- tour:start -->", "<!-- tour:end -->"
    if start not in text or end not in text:
        sys.exit(f"{README} has no {start} ... {end} section")
    generated = f"{start}\n<!-- generated by scripts/api_tour.py; edit the script, not this section -->\n\n{tour()}\n{end}"
    README.write_text(re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: generated, text, flags=re.S))
    print(f"rewrote the tour in {README}")


if __name__ == "__main__":
    main()
