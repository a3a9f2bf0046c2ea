#!/usr/bin/env bash
# The message catalogues (docs/translating.md), with Babel:
#   1. extract every _("…"), pgettext, ngettext of qms/ into the template qms/locale/qms.pot (Vietnamese msgids);
#   2. merge it into each language's catalogue, qms/locale/<lang>/LC_MESSAGES/qms.po: new texts come in
#      untranslated, texts gone from the code are dropped;
#   3. compile each .po into the qms.mo the package ships and reads.
# Usage: bash scripts/i18n.sh           after adding or changing a message; then translate the new entries
#        bash scripts/i18n.sh --check   change nothing; fail if the .pot, .po or .mo is not what the code needs
#                                       (tests/test_i18n.py runs this, so CI does)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
pybabel() { "$PYTHON" -m babel.messages.frontend "$@"; }
quiet() { pybabel --quiet "$@"; }
LOCALE=qms/locale
POT=$LOCALE/qms.pot
check=false
[ "${1:-}" = "--check" ] && check=true

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# No line numbers in the catalogues (file names only): moving code does not change them, so their diffs
# show real changes of text. The POT-Creation-Date of the template changes on every run and is ignored.
quiet extract -F babel.cfg -c TRANSLATORS: --add-location=file --sort-output \
  --project=qms --copyright-holder="qms maintainers" -o "$tmp/qms.pot" qms
same_template() { diff -q <(grep -v '^"POT-Creation-Date:' "$1") <(grep -v '^"POT-Creation-Date:' "$2") >/dev/null; }
status=0
if [ -f "$POT" ] && same_template "$POT" "$tmp/qms.pot"; then
  :
elif $check; then
  echo "$POT is not current: run bash scripts/i18n.sh" >&2
  status=1
else
  cp "$tmp/qms.pot" "$POT"
fi

for po in "$LOCALE"/*/LC_MESSAGES/qms.po; do
  lang=$(basename "$(dirname "$(dirname "$po")")")
  if $check; then
    quiet update --check -i "$tmp/qms.pot" -o "$po" -l "$lang" -D qms --ignore-obsolete \
      --no-fuzzy-matching --ignore-pot-creation-date \
      || { echo "$po is not current: run bash scripts/i18n.sh" >&2; status=1; }
    quiet compile -i "$po" -o "$tmp/$lang.mo" -l "$lang" -D qms
    cmp -s "$tmp/$lang.mo" "${po%.po}.mo" || { echo "${po%.po}.mo is not compiled from $po: run bash scripts/i18n.sh" >&2; status=1; }
  else
    quiet update -i "$POT" -o "$po" -l "$lang" -D qms --ignore-obsolete --no-fuzzy-matching \
      --ignore-pot-creation-date
    pybabel compile --statistics -i "$po" -o "${po%.po}.mo" -l "$lang" -D qms
  fi
done
exit $status
