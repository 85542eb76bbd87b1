#!/usr/bin/env bash
# The fragility index of the Landes with curl only: an evaluation per commune from the shipped
# census data, the skills aggregates of this year (the demo's 31 certified residents: Dax and
# Mont-de-Marsan published, Saint-Paul-lès-Dax withheld), a second evaluation with measured skills,
# their comparison, the CSV and the SVG map.
#
#   TOKEN=jal_… API=http://localhost:8080/api/v1 ops/demo/fragility.sh
#
# Files are written to ./demo-output.
set -euo pipefail

: "${TOKEN:?set TOKEN to the administrator token printed at start}"
API=${API:-http://localhost:8080/api/v1}
OUT=demo-output
mkdir -p "$OUT"
YEAR=$(TZ=Europe/Paris date +%Y)

call() { # method path [json]
  curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "$API$2" ${3:+-d "$3"}
}
field() { # name < json: the first value of a string field
  grep -o "\"$1\":\"[^\"]*\"" | sed -n 1p | cut -d '"' -f 4
}

# 1. Census only: the 327 communes of 2026, against the département's references.
CENSUS=$(call POST /fragility/evaluations '{"vintage":"RP2016","level":"COMMUNE"}' | field id)
echo "Évaluation (recensement) : $CENSUS"

# 2. This year's skills aggregates (the nightly job, run now), public-safe.
call POST /jobs/skills-aggregates/run '{}' >/dev/null
sleep 3
call GET "/fragility/aggregates?year=$YEAR" > "$OUT/agregats-$YEAR.json"
echo "Agrégats $YEAR : $OUT/agregats-$YEAR.json"
grep -o '"level":"COMMUNE","code":"[0-9]*","name":"[^"]*"[^}]*' "$OUT/agregats-$YEAR.json" | sed 's/"level":"COMMUNE",//' || true

# 3. The same with measured skills, compared with the first.
SKILLS=$(call POST /fragility/evaluations "{\"vintage\":\"RP2016\",\"level\":\"COMMUNE\",\"skillsYear\":$YEAR}" | field id)
echo "Évaluation (avec les compétences $YEAR) : $SKILLS"
call GET "/fragility/evaluations/$CENSUS/compare/$SKILLS" > "$OUT/comparaison.json"
echo "Comparaison : $OUT/comparaison.json (Dax : $(grep -o '"unitCode":"40088"[^}]*' "$OUT/comparaison.json"))"

# 4. The outputs: one row per commune, and the map.
curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" "$API/fragility/evaluations/$SKILLS/units.csv" > "$OUT/indice-communes.csv"
curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" "$API/fragility/evaluations/$SKILLS/map.svg" > "$OUT/carte-communes.svg"
echo "CSV : $OUT/indice-communes.csv ($(wc -l < "$OUT/indice-communes.csv") lignes), carte : $OUT/carte-communes.svg ($(wc -c < "$OUT/carte-communes.svg") octets)"
