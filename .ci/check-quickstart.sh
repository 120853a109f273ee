#!/usr/bin/env bash
# Checks the quickstart's printed story (issue 19): every figure that the calibrated district promises, and the
# pictures it writes. Usage: bash .ci/check-quickstart.sh artifacts/quickstart.txt
set -u
out="$1"
fail=0
need() { grep -qE "$1" "$out" || { echo "quickstart check: no line matching /$1/ ($2)"; fail=1; }; }
refuse() { if grep -qE "$1" "$out"; then echo "quickstart check: a line matches /$1/ ($2)"; fail=1; fi; }

need 'Contacts \(六级联动\): ([0-9,]+) of \1 households \(100\.0 %\)' "every household of the calibrated district linked"
need 'chain health: 0 units without an answerer, 0 households without a contact' "every post filled, every household linked"
need '^Statement \(积分明细账\) of ' "a member's statement"
need '^What-if \(规则修订预演\): ' "a what-if summary"
need 'median time to close [0-9]+ (day|days|h|min)' "a duration for people"
refuse 'broken link' "a chain level without an answerer"
refuse '[0-9]:[0-9]{2}:[0-9]{2}:[0-9]{2}' "a raw duration"
refuse ' None( |$)' "a placeholder value"
refuse 'warning' "a build warning"
for svg in community-map score-distribution work-order-funnel; do
  file="artifacts/quickstart/$svg.svg"
  need "artifacts/quickstart/$svg\.svg" "the path of $svg.svg printed"
  if [ ! -s "$file" ]; then
    echo "quickstart check: $file is missing or empty"; fail=1
  elif ! python3 -c 'import sys, xml.dom.minidom; d = xml.dom.minidom.parse(sys.argv[1]); sys.exit(d.documentElement.tagName != "svg")' "$file"; then
    echo "quickstart check: $file is not well-formed SVG"; fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "quickstart check: the story holds ($(grep -c . "$out") lines, three pictures)"
exit "$fail"
