#!/usr/bin/env bash
# Rebuilds the sample memories (memory/<locale>.xlf) from the sample translations here.
# Each <page>.tsv row holds a source unit as the XLIFF 1.2 job shows it and its translations;
# the rows are written as targets into an extracted job, which is imported with origin
# "sample": proposed translations, unreviewed, for the community organisations to review.
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=(swift run --quiet translate-pipeline)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for table in memory/sample-sources/*.tsv; do
  page=$(basename "$table" .tsv).html
  locales=$(grep -v '^#' "$table" | head -1 >/dev/null; sed -n 's/^# Columns: source[^<]*<TAB> //p' "$table" | sed 's/ <TAB> / /g')
  for locale in $locales; do
    "${tool[@]}" extract "content/$page" --target "$locale" -o "$work/$page.$locale.xlf" >/dev/null
    python3 - "$table" "$locale" "$work/$page.$locale.xlf" <<'PY'
import re, sys
table, locale, job = sys.argv[1:4]
header = [line for line in open(table, encoding="utf-8") if line.startswith("# Columns:")][0]
columns = [c.strip() for c in header.split(":", 1)[1].split("<TAB>")]
index = columns.index(locale)
rows = {}
for line in open(table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    cells = line.rstrip("\n").split("\t")
    rows[cells[0]] = cells[index]
text = open(job, encoding="utf-8").read()
def fill(match):
    source = match.group(1)
    target = rows.get(source)
    if target is None:
        return match.group(0)
    return match.group(0) + '\n        <target state="translated">' + target + "</target>"
# The target follows <seg-source> where the job has one (units of several sentences).
text = re.sub(r"<source>(.*?)</source>(?:\s*<seg-source>.*?</seg-source>)?", fill, text)
open(job, "w", encoding="utf-8").write(text)
PY
    "${tool[@]}" memory import --locale "$locale" --origin sample \
      --translator "translate-pipeline sample translations (unreviewed)" "$work/$page.$locale.xlf"
  done
done
