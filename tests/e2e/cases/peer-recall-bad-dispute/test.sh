# A dispute must name an expectation and give a reason; otherwise exit 2.
mkdir -p "$TMP/peers"
cp fixtures/peers/expectations.json "$TMP/peers/"
echo '{"disputes": [{"plan": "x.json", "tool": "checkov", "id": "CKV_AWS_1", "address": "a.b", "reason": "r"}]}' > "$TMP/peers/disputes.json"
python3 scripts/peer-recall.py --circuit "$CIRCUIT" --peers "$TMP/peers"
