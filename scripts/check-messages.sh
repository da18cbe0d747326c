#!/usr/bin/env bash
# Fails when the Dutch .po file is not current with the source (makemessages would change it).
set -euo pipefail
cd "$(dirname "$0")/.."
po=locale/nl/LC_MESSAGES/django.po
before="$(mktemp)"; cp "$po" "$before"
.venv/bin/python manage.py makemessages -l nl --no-location --no-obsolete \
  -i '.venv/*' -i 'tests/*' -i 'bench/*' >/dev/null
if ! diff -q <(grep -v '^"POT-Creation-Date' "$before") <(grep -v '^"POT-Creation-Date' "$po") >/dev/null; then
  diff <(grep -v '^"POT-Creation-Date' "$before") <(grep -v '^"POT-Creation-Date' "$po") | head -40 >&2
  cp "$before" "$po"; rm -f "$before"
  echo "The Dutch messages are not current: run 'make messages' and translate the new strings." >&2
  exit 1
fi
cp "$before" "$po"; rm -f "$before"
# the site's catalog, and the hand-kept Dutch for strings of Wagtail and wagtail-localize
for catalog in "$po" locale/packages/nl/LC_MESSAGES/django.po locale/packages/nl/LC_MESSAGES/djangojs.po; do
  untranslated=$(.venv/bin/python - "$catalog" <<'PY'
import sys
import polib
po = polib.pofile(sys.argv[1])
print(len([e for e in po.untranslated_entries() if not e.obsolete]) + len(po.fuzzy_entries()))
PY
)
  if [ "$untranslated" != 0 ]; then
    echo "$untranslated untranslated or fuzzy string(s) in $catalog: translate them (make messages lists them)." >&2
    exit 1
  fi
done
echo "Dutch messages current."
