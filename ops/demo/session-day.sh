#!/usr/bin/env bash
# The session day of the demo data, end to end, with curl only:
# attendance, an incident, finalization, the Pix results import, the attestations, their
# public verification, and the referral of the jobseeker sent by France Travail.
#
#   TOKEN=jal_… API=http://localhost:8080/api/v1 ops/demo/session-day.sh
#
# Files are written to ./demo-output. Run it once: a finalized session cannot be finalized again.
set -euo pipefail

: "${TOKEN:?set TOKEN to the administrator token printed at start}"
API=${API:-http://localhost:8080/api/v1}
ROOT=${API%/api/v1}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=demo-output
mkdir -p "$OUT"

call() { # method path [json]
  curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "$API$2" ${3:+-d "$3"}
}
field() { # name < json: the first value of a string field
  grep -o "\"$1\":\"[^\"]*\"" | sed -n 1p | cut -d '"' -f 4
}
enrolment_of() { # birth name < day sheet
  tr '{' '\n' | grep "\"birthName\":\"$1\"" | field enrolmentId
}

# The demo session started an hour before the service did: yesterday's date just after midnight.
FROM=$(TZ=Europe/Paris date -d yesterday +%F)
TODAY=$(TZ=Europe/Paris date +%F)
SESSION=$(call GET "/sessions?from=$FROM&to=$TODAY&limit=200" | tr '{' '\n' \
  | grep 'Session en cours' | field id)
echo "Session en cours : $SESSION"

DAY=$(call GET "/sessions/$SESSION/day")
for name in Darrigrand Labarthe Haddad; do
  call PUT "/enrolments/$(echo "$DAY" | enrolment_of "Démo-$name")/attendance" '{"status":"PRESENT"}' >/dev/null
done
NGUYEN=$(echo "$DAY" | enrolment_of "Démo-Nguyen")
call PUT "/enrolments/$NGUYEN/attendance" '{"status":"ABSENT"}' >/dev/null
LABARTHE=$(echo "$DAY" | enrolment_of "Démo-Labarthe")
call PUT "/enrolments/$LABARTHE/day-report" '{"arrivedAt":"'"$(TZ=Europe/Paris date -d "-50 minutes" +%H:%M)"'","comment":"Arrivée en retard (bus)."}' >/dev/null
call POST "/enrolments/$LABARTHE/incidents" '{"category":"SIGNATURE_ISSUE"}' >/dev/null
echo "Présences notées : 3 présents, 1 absent ; un incident."

echo "Session : $(call PUT "/sessions/$SESSION/finalization" \
  '{"hasIncident":false,"hasJoiningIssue":false,"globalComment":"Session sans difficulté."}' | field status)"

curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$HERE/resultats-session-demo.csv" "$API/sessions/$SESSION/results"
echo

DARRIGRAND=$(echo "$DAY" | enrolment_of "Démo-Darrigrand")
curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -o "$OUT/attestation-darrigrand.pdf" \
  "$API/enrolments/$DARRIGRAND/attestation.pdf"
curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -o "$OUT/attestations-session.pdf" \
  "$API/sessions/$SESSION/attestations.pdf"
curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -o "$OUT/attestations-session.zip" \
  "$API/sessions/$SESSION/attestations.zip"
echo "Attestations enregistrées dans $OUT/"

CODE=$(call GET "/sessions/$SESSION/attestations" | tr '{' '\n' | grep Darrigrand | field code)
echo "Vérification publique : $ROOT/verify/$CODE"
curl -sS "$API/public/attestations/$CODE"
echo

echo "Orientation France Travail de Samira Démo-Haddad : $(call GET "/referrals?limit=50" | field status)"
