#!/usr/bin/env bash
# The HR journey of the demo data, with curl only: the HR user of the « [DÉMO] Commune de Dax »
# gets a token from the administrator, checks the agent directory (dry run), creates and opens a
# campaign for every agent, imports its Pix Orga export, reads the report (small services withheld),
# and sends ten agents who shared their results to a session of the partner centre.
#
#   TOKEN=jal_… API=http://localhost:8080/api/v1 ops/demo/campaign.sh
#
# Files are written to ./demo-output. Each run makes a new campaign.
set -euo pipefail

: "${TOKEN:?set TOKEN to the administrator token printed at start}"
API=${API:-http://localhost:8080/api/v1}
HERE=$(cd "$(dirname "$0")" && pwd)
AGENTS="$HERE/../../src/main/resources/demo/agents-demo.csv"
OUT=demo-output
mkdir -p "$OUT"

call() { # token method path [json]
  curl -sS --fail-with-body -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    "$API$3" ${4:+-d "$4"}
}
upload() { # token path file
  curl -sS --fail-with-body -X POST -H "Authorization: Bearer $1" -H 'Content-Type: text/csv' \
    --data-binary "@$3" "$API$2"
}
field() { # name < json: the first value of a string field
  grep -o "\"$1\":\"[^\"]*\"" | sed -n 1p | cut -d '"' -f 4
}

# 1. The administrator gives the HR user a token.
HR_USER=$(call "$TOKEN" GET "/users?limit=200" | tr '{' '\n' | grep '"email":"rh@demo.jalon.local"' | field id)
HR=$(call "$TOKEN" POST "/users/$HR_USER/tokens" '{"label":"démo campagne"}' | field token)
AUTHORITY=$(call "$HR" GET /local-authorities | field id)
echo "Collectivité : $AUTHORITY"

# 2. The agent directory: a dry run of the HR file (the demo already imported it: nothing changes).
echo "Annuaire (essai) : $(upload "$HR" "/local-authorities/$AUTHORITY/agents/import?dryRun=true" "$AGENTS")"

# 3. A campaign for every agent.
TODAY=$(TZ=Europe/Paris date +%F)
END=$(TZ=Europe/Paris date -d '+60 days' +%F)
CAMPAIGN_JSON=$(call "$HR" POST /campaigns "{\"authorityId\":\"$AUTHORITY\",\"name\":\"Socle numérique — démo\",\
\"type\":\"ASSESSMENT\",\"startsOn\":\"$TODAY\",\"endsOn\":\"$END\"}")
CAMPAIGN=$(echo "$CAMPAIGN_JSON" | field id)
CODE=$(echo "$CAMPAIGN_JSON" | field code)
call "$HR" POST "/campaigns/$CAMPAIGN/open" >/dev/null
echo "Campagne $CODE ouverte : $(call "$HR" POST "/campaigns/$CAMPAIGN/invitations" '{"all":true}')"

# 4. Its Pix Orga export (the demo export, with this campaign's code).
sed "s/__CODE__/$CODE/" "$HERE/export-pix-orga-demo.csv" > "$OUT/export-pix-orga-$CODE.csv"
echo "Export Pix Orga : $(upload "$HR" "/campaigns/$CAMPAIGN/participation" "$OUT/export-pix-orga-$CODE.csv")"

# 5. The report: the Espaces verts (4 agents) are withheld, and so is the Voirie beside them.
call "$HR" GET "/campaigns/$CAMPAIGN/report" > "$OUT/rapport-$CODE.json"
curl -sS --fail-with-body -H "Authorization: Bearer $HR" "$API/campaigns/$CAMPAIGN/report.csv" > "$OUT/rapport-$CODE.csv"
echo "Rapport : $OUT/rapport-$CODE.json, $OUT/rapport-$CODE.csv — cellules masquées :"
grep -o '"path":"[^"]*"[^}]*"withheld":"[^"]*"' "$OUT/rapport-$CODE.json" | sed 's/"depth.*"withheld"/ →/' || true

# 6. Ten agents who shared, to the first session of the partner centre with ten free seats.
SESSION=$(call "$HR" GET "/local-authorities/$AUTHORITY/sessions" | tr '{' '\n' \
  | grep -E '"freeSeats":([1-9][0-9])' | field id)
AGENT_IDS=$(call "$HR" GET "/campaigns/$CAMPAIGN/participants" | tr '{' '\n' | grep '"status":"SHARED"' \
  | grep -o '"agentId":"[^"]*"' | head -10 | cut -d '"' -f 4 | sed 's/.*/"&"/' | paste -sd, -)
echo "Envoi en certification : $(call "$HR" POST "/campaigns/$CAMPAIGN/certifications" \
  "{\"sessionId\":\"$SESSION\",\"agentIds\":[$AGENT_IDS]}")"
