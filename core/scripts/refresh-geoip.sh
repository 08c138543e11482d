#!/usr/bin/env bash
# Refreshes the bundled IP enrichment data from the npm registry (see
# core/src/main/resources/io/tripline/core/enrich/SOURCES.md for sources and licences).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/main/resources/io/tripline/core/enrich"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @ip-location-db/geo-whois-asn-country-mmdb @ip-location-db/asn >/dev/null
mkdir cc asn
tar xzf ip-location-db-geo-whois-asn-country-mmdb-*.tgz -C cc
tar xzf ip-location-db-asn-*.tgz -C asn
cp cc/package/geo-whois-asn-country.mmdb "$dest/"
gzip -9 -c asn/package/asn-ipv4-num.csv > "$dest/asn-ipv4-num.csv.gz"
version="$(node -p "require('./cc/package/package.json').version")"
sed -i -E "s/\| [0-9]+\.[0-9]+\.[0-9]+ \|/| $version |/g" "$dest/SOURCES.md"
echo "refreshed to $version"
