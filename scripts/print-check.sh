#!/usr/bin/env bash
# Print check for the HTML report (issue 3), in a real browser.
#
# Builds pqs, answers EVERY bundled item of a fresh assessment (a mix of statuses, some notes with special
# characters, a long organisation name), renders `pqs report --format html` with and without --summary,
# prints both to PDF with headless Chromium, FAILS unless the summary is exactly one A4 page, and turns
# page 1 of each into a PNG to look at. A bakery's draft privacy statement (`pqs privacyverklaring`) is
# printed too: it must be A4 with nothing sticking out of its text column.
#
# Usage: scripts/print-check.sh [OUTPUT_DIR]      (default: target/print-check)
# Needs chromium, poppler-utils (pdfinfo, pdftoppm) and python3; installs the first two with apt-get when
# they are missing (CI runs as root). Honours CARGO_TARGET_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
out=${1:-target/print-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

have() { command -v "$1" >/dev/null 2>&1; }

browser=""
find_browser() {
  local candidate
  for candidate in chromium chromium-browser google-chrome; do
    if have "$candidate"; then
      browser=$candidate
      return 0
    fi
  done
  return 1
}

if ! find_browser || ! have pdfinfo || ! have pdftoppm; then
  echo "== installing chromium and poppler-utils"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update
  $sudo apt-get install -y chromium poppler-utils
  find_browser || { echo "print-check: no chromium after installing it" >&2; exit 1; }
fi
have python3 || { echo "print-check: python3 is needed to read JSON" >&2; exit 1; }

# PQS_PROFILE=release for a release build, or any other cargo profile; CI uses the debug binary its tests
# already built. Cargo's "dev" profile lives in the folder "debug".
profile="${PQS_PROFILE:-debug}"
cargo_profile=$profile
if [ "$profile" = debug ]; then cargo_profile=dev; fi
echo "== cargo build ($cargo_profile)"
cargo build --locked --profile "$cargo_profile"
pqs="${CARGO_TARGET_DIR:-$repo/target}/$profile/pqs"
[ -x "$pqs" ] || { echo "print-check: $pqs was not built" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data" "$work/checklists"
name=print-check

# A fresh data dir and an empty checklist dir: only the bundled checklists, nothing of the user's.
pqs_run() { "$pqs" --data-dir "$work/data" --checklists "$work/checklists" "$@"; }

echo "== answering every bundled item"
ids=$(pqs_run checklists --format json | python3 -c '
import json, sys
for checklist in json.load(sys.stdin)["checklists"]:
    for item in checklist["items"]:
        print(item["id"])
')
[ -n "$ids" ] || { echo "print-check: no items found" >&2; exit 1; }

organisation='Stichting Kinderopvang & Buitenschoolse Opvang "De Vrolijke Regenboog" <Midden-Nederland> B.V.'
statuses=(ja ja deels nee ja nvt weet-niet)
# The whole scan, as a consultant would print it: every item is asked, follow-ups of a "nee" included in
# the file even where the report shows them as steps of their parent.
pqs_run details -a "$name" --depth volledig >/dev/null
# A tall logo (the worst case for the summary's header height) embedded in both documents.
printf '%s' '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400"><rect width="100" height="400" fill="#345"/></svg>' >"$work/logo.svg"
pqs_run details -a "$name" --logo "$work/logo.svg" >/dev/null
n=0
while IFS= read -r id; do
  args=(answer -a "$name" "$id" "${statuses[n % ${#statuses[@]}]}")
  if [ "$n" -eq 0 ]; then args+=(--organisation "$organisation"); fi
  case $((n % 9)) in
    2) args+=(--note $'Besproken met de boekhouder, "na de zomer" oppakken.\nTweede regel: <b>niet vet</b> & 100% zeker') ;;
    5) args+=(--note '<script>alert(1)</script> komma, pijp | en een citaat "zo"') ;;
  esac
  pqs_run "${args[@]}"
  n=$((n + 1))
done <<<"$ids"

# Every answer is in the file and in the report (shared items once), whether or not its parent asks it.
answered=$(pqs_run report -a "$name" --format json | python3 -c '
import json, sys
report = json.load(sys.stdin)
print(len({item["id"] for checklist in report["checklists"] for item in checklist["items"]
           if item["status"] != "unanswered"}))
')
if [ "$answered" -ne "$n" ]; then
  echo "print-check: $answered of $n items answered" >&2
  exit 1
fi
echo "   $n items answered"

# Details and an action plan (one entry overdue), written into the file as the TUI would: they head the
# summary and add a line to it, so the one-page check covers them.
pqs_run report -a "$name" --format json | python3 -c '
import json, sys
gaps = json.load(sys.stdin)["gaps"]
print("""
[details]
contact = "Mevrouw J. (Jolanda) van den Berg-de Vries"
assessor = "Adviesbureau Privacy & Co <advies@example.nl>"
kvk = "12345678"
""")
dues = ["2020-01-31", "2099-12-31", "2099-06-30"]
for gap, due in zip(gaps, dues):
    print(f"""[plan."{gap["id"]}"]
owner = "Jolanda"
due = "{due}"
action = "Samen met de webbouwer oppakken, <b>voor</b> de zomer"
""")
' >>"$work/data/$name.toml"

# A small business as the quick scan leaves it: a bakery with a webshop, newsletter and staff, every
# question it is asked answered in a realistic mix. Its full report must fit 10 A4 pages.
small=bakkerij
pqs_run details -a "$small" --organisation "Bakkerij De Korenschoof" --contact "Anne de Bakker" \
  --assessor "Eva de Vries" --logo "$work/logo.svg" >/dev/null
for answer in omvang=2-9 klanten=consumenten personeel=ja website=ja webshop=ja cookies=ja \
  analytics-zonder-toestemming=nee sociale-media=ja nieuwsbrief=ja toestemming=ja verwerkers=ja \
  buiten-eer=ja personeel-gezondheid=nee personeel-volgen=nee fg=nee eigen-webserver=nee telemarketing=nee \
  gerechtvaardigd-belang=nee camera=nee fotos=nee kinderen=nee bijzondere-gegevens=nee \
  strafrechtelijke-gegevens=nee automatische-besluiten=nee ai-tools=nee verwerker-voor-klanten=nee; do
  pqs_run intake -a "$small" "${answer%%=*}" "${answer#*=}" >/dev/null 2>&1 || true
done
small_ids=$(pqs_run report -a "$small" --format json | python3 -c '
import json, sys
seen = set()
for checklist in json.load(sys.stdin)["checklists"]:
    for item in checklist["items"]:
        if item["asked"] and item["id"] not in seen:
            seen.add(item["id"])
            print(item["id"])
')
i=0
small_statuses=(ja nee ja deels ja weet-niet ja nee)
while IFS= read -r id; do
  pqs_run answer -a "$small" "$id" "${small_statuses[i % ${#small_statuses[@]}]}" >/dev/null
  i=$((i + 1))
done <<<"$small_ids"
echo "   $small: $i questions of the quick scan answered"

# The documents, on the consultant's client: every suggested activity and processor, two breaches and a drill.
for s in bestellingen personeelsadministratie salarisadministratie nieuwsbrief camerabeelden; do
  pqs_run register -a "$name" add --from "$s" >/dev/null
done
for s in hosting webshopplatform mailprogramma salarisverwerker mail-en-opslag administratiekantoor; do
  pqs_run verwerkers -a "$name" add --from "$s" --location eer >/dev/null
done
pqs_run datalek -a "$name" add --what "Laptop met klantenlijst gestolen uit de auto" --found "2026-11-02 09:15" \
  --data "Namen en adressen van klanten" --people "ongeveer 400" --consequences "Kans op misbruik is klein: de schijf is versleuteld" \
  --measures "Laptop op afstand gewist, wachtwoorden gewijzigd" --not-reported "Versleutelde schijf: geen risico" \
  --not-informed "Geen hoog risico" >/dev/null
pqs_run datalek -a "$name" add --drill --what "Oefening: mail met bestellingen aan de verkeerde klant" \
  --done "1=Anne: lek gemeld bij Eva" --done "risico=Eva: risico beoordeeld" --evaluation "Vaste contactpersoon werkt; meldformulier klaarzetten" >/dev/null

echo "== rendering HTML"
pqs_run register -a "$name" --format html -o "$out/register.html"
pqs_run verwerkers -a "$name" --format html -o "$out/processors.html"
pqs_run datalek -a "$name" --format html -o "$out/breaches.html"
pqs_run report -a "$name" --format html --summary -o "$out/summary.html"
pqs_run report -a "$name" --format html -o "$out/report.html"
# The bakery's register and processors, from the suggestions: its report (with the documents section)
# must still fit 10 pages, and its draft privacy statement is made from them.
for activity in bestellingen personeelsadministratie salarisadministratie nieuwsbrief; do
  pqs_run register -a "$small" add --from "$activity" --transfers geen >/dev/null
done
pqs_run verwerkers -a "$small" add --from webshopplatform --location eer --agreement 2026-11-01 >/dev/null
pqs_run verwerkers -a "$small" add --from mailprogramma --location buiten-eer \
  --safeguard "EU-US Data Privacy Framework (Verenigde Staten)" --agreement 2026-11-01 >/dev/null
pqs_run verwerkers -a "$small" add --from salarisverwerker --location eer >/dev/null
pqs_run verwerkers -a "$small" add --from administratiekantoor >/dev/null
pqs_run report -a "$small" --format html -o "$out/small.html"
pqs_run privacyverklaring -a "$small" --format html -o "$out/statement.html"

to_pdf() {
  local html=$1 pdf=$2 profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  rm -f "$pdf"
  if ! timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" \
    >"$work/chromium.log" 2>&1 || [ ! -s "$pdf" ]; then
    cat "$work/chromium.log" >&2
    echo "print-check: chromium could not print $html" >&2
    exit 1
  fi
}

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# Whether anything in the text column is wider than it: a copy of the page with the column set to the
# width it has on A4 and a script of ours that counts what sticks out, read back from the DOM.
overflowing() {
  local html=$1 probe profile
  probe="$work/$(basename "$html" .html)-probe.html"
  profile=$(mktemp -d "$work/profile.XXXXXX")
  python3 - "$html" "$probe" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = """<style>.sheet{width:174mm!important;padding:0!important;margin:0!important}</style>
<script>addEventListener("load", () => {
  const sheet = document.querySelector(".sheet"), edge = sheet.getBoundingClientRect().right + 0.5;
  const wide = [...sheet.querySelectorAll("*")].filter(e =>
    e.getBoundingClientRect().right > edge || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== "inline");
  document.body.setAttribute("data-overflowing", String(wide.length));
});</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</head>", probe + "</head>", 1))
PY
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,1000 \
    --virtual-time-budget=3000 --dump-dom "file://$probe" 2>/dev/null |
    sed -n 's/.*data-overflowing="\([0-9]*\)".*/\1/p' | head -n 1
}

echo "== printing with $("$browser" --version 2>/dev/null | head -n 1)"
status=0
for doc in summary report small register processors breaches statement; do
  to_pdf "$out/$doc.html" "$out/$doc.pdf"
  count=$(pages "$out/$doc.pdf")
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/$doc.pdf" "$out/$doc-page1"
  echo "   $doc: $count page(s), $out/$doc.pdf"
  echo "   $doc page 1: $out/$doc-page1.png"
  if [ "$doc" = summary ] && [ "$count" -ne 1 ]; then
    echo "print-check: FAILED: the summary is $count pages, it must be exactly 1 A4 page" >&2
    status=1
  fi
  case $doc in register | processors | breaches)
    if [ "$count" -gt 4 ]; then
      echo "print-check: FAILED: the $doc document is $count pages for a small business, at most 4" >&2
      status=1
    fi ;;
  esac
  if [ "$doc" = small ] && [ "$count" -gt 10 ]; then
    echo "print-check: FAILED: a small business's full report is $count pages, at most 10 A4 pages" >&2
    status=1
  fi
  if [[ " register processors breaches statement " == *" $doc "* ]]; then
    size=$(pdfinfo "$out/$doc.pdf" | awk -F': *' '/^Page size:/ { print $2 }')
    wide=$(overflowing "$out/$doc.html")
    echo "   $doc: page size $size; elements wider than the text column: ${wide:-unknown}"
    if [[ "$size" != *"(A4)"* ]]; then
      echo "print-check: FAILED: the $doc document is not A4 ($size)" >&2
      status=1
    fi
    if [ "${wide:-x}" != 0 ]; then
      echo "print-check: FAILED: ${wide:-an unknown number of} elements stick out of the $doc document's text column" >&2
      status=1
    fi
  fi
done
if [ "$status" -eq 0 ]; then
  echo "== print check passed: summary is exactly 1 page, a small business's report at most 10, each document at most 4 pages, the documents A4 without overflow"
fi
exit "$status"
