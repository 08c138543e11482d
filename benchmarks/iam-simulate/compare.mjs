// Side-by-side: the same requests through Tripline's evaluator and @cloud-copilot/iam-simulate.
// Reports decisions per second for each (in process, after a warm-up) and every disagreement,
// grouped by kind, in disagreements.json.
//
//   npm install                              # installs iam-simulate into ./node_modules (git-ignored)
//   node generate-requests.mjs 3000 requests.json
//   node compare.mjs requests.json           # TRIPLINE_CP overrides the class path (default ../../cli/target/tripline.jar)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'requests.json');
const requests = JSON.parse(fs.readFileSync(file, 'utf8'));

if (!fs.existsSync(path.join(here, 'node_modules/@cloud-copilot/iam-simulate'))) {
  console.error('installing @cloud-copilot/iam-simulate into benchmarks/iam-simulate/node_modules ...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
// runSimulation is iam-simulate's public entry point (it validates its input); runUnsafeSimulation
// (0.1.173) throws on simulations with a resource policy, so it is not measured.
const { runSimulation } = await import('@cloud-copilot/iam-simulate');

// ---- Tripline request -> iam-simulate Simulation
const levels = (ls) => (ls ?? []).map((l) => ({ orgIdentifier: l.target, policies: l.policies.map((p) => ({ name: p.name ?? 'policy', policy: p.document })) }));
// iam-simulate accepts only Deny statements in RCPs and adds AWS's RCPFullAWSAccess to every level itself;
// the generator attaches RCPFullAWSAccess to every RCP level explicitly (Tripline's request format), so drop it here.
const rcpLevels = (ls) => levels(ls).map((l) => ({ ...l, policies: l.policies.filter((p) => p.name !== 'RCPFullAWSAccess') }));
function toSimulation(r) {
  const principalAccount = r.principal.accountId ?? r.principal.arn.split(':')[4];
  return {
    request: {
      principal: r.principal.arn,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount ?? principalAccount },
      contextVariables: r.context ?? {},
    },
    identityPolicies: (r.identityPolicies ?? []).map((p, i) => ({ name: p.name ?? `identity${i}`, policy: p.document })),
    serviceControlPolicies: levels(r.scps),
    resourceControlPolicies: rcpLevels(r.rcps),
    resourcePolicy: r.resourcePolicy?.document,
    permissionBoundaryPolicies: r.permissionsBoundary ? [{ name: r.permissionsBoundary.name ?? 'boundary', policy: r.permissionsBoundary.document }] : undefined,
    sessionPolicy: r.sessionPolicy?.document,
  };
}
const DECISION = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };
const simulations = requests.map(toSimulation);

async function simulateAll() {
  const out = [];
  for (const s of simulations) {
    const res = await runSimulation(s, {});
    out.push(res.resultType === 'error' ? { decision: 'error', errors: res.errors } : { decision: DECISION[res.overallResult] ?? res.overallResult });
  }
  return out;
}

// ---- iam-simulate throughput (warm-up 3 s, measure 5 s, as the Java harness does)
let simDecisions = await simulateAll();
let t = Date.now();
while (Date.now() - t < 3000) await simulateAll();
let rounds = 0;
const start = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - start) < 5e9) { await simulateAll(); rounds++; }
const simSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const simPerSecond = (rounds * requests.length) / simSeconds;


// ---- Tripline (same file, same warm-up and measurement, in its own JVM)
const classpath = process.env.TRIPLINE_CP ?? path.join(here, '../../cli/target/tripline.jar');
const decisionsFile = path.join(here, 'tripline-decisions.json');
const triplineStats = JSON.parse(execFileSync('java', ['-cp', classpath, path.join(here, 'TriplineThroughput.java'), file, decisionsFile], { encoding: 'utf8' }).trim().split('\n').pop());
const tripline = JSON.parse(fs.readFileSync(decisionsFile, 'utf8'));

// ---- Disagreements, classified
function classify(r, ours, theirs) {
  if (theirs.decision === 'error') return 'iam-simulate rejected the request (validation)';
  const docs = [...(r.identityPolicies ?? []).map((p) => p.document), r.permissionsBoundary?.document, r.sessionPolicy?.document, r.resourcePolicy?.document,
    ...(r.scps ?? []).flatMap((l) => l.policies.map((p) => p.document)), ...(r.rcps ?? []).flatMap((l) => l.policies.map((p) => p.document))].filter(Boolean);
  const patterns = docs.flatMap((d) => [].concat(d.Statement)).flatMap((st) => [].concat(st.Resource ?? [], st.NotResource ?? []));
  const service = r.action.split(':')[0];
  if (service === 'kms' && !r.resourcePolicy) return 'A: KMS request without a key policy (iam-simulate denies; Tripline evaluates the policies it is given)';
  if (r.action === 'sts:AssumeRole' && !r.resourcePolicy) return 'A: sts:AssumeRole without a trust policy (iam-simulate denies; Tripline evaluates the policies it is given)';
  if (patterns.some((p) => p !== '*' && p.split(':').length < 6)) return 'B: ARN pattern with fewer than six segments (AWS: a trailing * extends across colons; iam-simulate lets it match any ARN in NotResource)';
  if (r.resourcePolicy && r.sessionPolicy && ours.decidingPolicyType === 'resourcePolicy') return 'C: same-account resource policy naming the session (or *) vs the session policy';
  if (docs.some((d) => !d.Version) && JSON.stringify(docs).includes('${')) return 'D: policy variables in a document without Version 2012-10-17';
  return `other (tripline ${ours.decision}/${ours.decidingPolicyType}, iam-simulate ${theirs.decision})`;
}
const disagreements = [];
const kinds = {};
for (let i = 0; i < requests.length; i++) {
  const ours = tripline[i];
  const theirs = simDecisions[i];
  if (ours.decision !== theirs.decision) {
    const kind = classify(requests[i], ours, theirs);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    disagreements.push({ index: i, kind, tripline: ours, iamSimulate: theirs, request: requests[i] });
  }
}
fs.writeFileSync(path.join(here, 'disagreements.json'), JSON.stringify(disagreements, null, 2));
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/@cloud-copilot/iam-simulate/package.json'), 'utf8'));
console.log(JSON.stringify({
  requests: requests.length,
  tripline: { evaluateOnlyDecisionsPerSecond: Math.round(triplineStats.decisionsPerSecond), withParsingAndSchemaValidation: Math.round(triplineStats.endToEndDecisionsPerSecond) },
  iamSimulate: { version: pkg.version, runSimulationDecisionsPerSecond: Math.round(simPerSecond) },
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  loadAverage: (await import('node:os')).loadavg().map((x) => x.toFixed(1)),
  agreements: requests.length - disagreements.length,
  disagreements: disagreements.length,
  byKind: kinds,
}, null, 2));
