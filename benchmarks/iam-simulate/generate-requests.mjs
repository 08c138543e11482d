// Generates varied IAM requests in Tripline's request format (iam/src/main/resources/io/tripline/iam/request.schema.json)
// from a seeded RNG, so every run compares the same requests.
//   node generate-requests.mjs [count=3000] [out=requests.json] [seed=20261122]
import fs from 'node:fs';

const count = Number(process.argv[2] ?? 3000);
const out = process.argv[3] ?? 'requests.json';
let seed = Number(process.argv[4] ?? 20261122) >>> 0;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const some = (xs, max) => { const n = 1 + Math.floor(rnd() * max); return [...new Set(Array.from({ length: n }, () => pick(xs)))]; };

const ACCOUNT = '123456789012';
const OTHER = '999988887777';
const doc = (statements, version = '2012-10-17') => (version ? { Version: version, Statement: statements } : { Statement: statements });

// Actions with a resource their service reference accepts.
const ACTIONS = [
  ['cloudtrail:LookupEvents', () => '*'],
  ['cloudtrail:DescribeTrails', () => '*'],
  ['cloudtrail:StopLogging', (a) => `arn:aws:cloudtrail:us-east-1:${a}:trail/${pick(['org-trail', 'audit', 'dev'])}`],
  ['cloudtrail:UpdateTrail', (a) => `arn:aws:cloudtrail:us-east-1:${a}:trail/${pick(['org-trail', 'audit'])}`],
  ['cloudtrail:DeleteTrail', (a) => `arn:aws:cloudtrail:eu-west-1:${a}:trail/audit`],
  ['s3:GetObject', () => `arn:aws:s3:::${pick(['trail-logs', 'home', 'public-site'])}/${pick(['AWSLogs/x.json.gz', 'dev_user/notes.txt', 'index.html', 'Payroll/nov.csv'])}`],
  ['s3:PutObject', () => `arn:aws:s3:::${pick(['trail-logs', 'home'])}/${pick(['AWSLogs/y.json.gz', 'dev_user/a.txt'])}`],
  ['s3:DeleteObject', () => `arn:aws:s3:::trail-logs/AWSLogs/z.json.gz`],
  ['s3:ListBucket', () => `arn:aws:s3:::${pick(['trail-logs', 'home'])}`],
  ['iam:CreateUser', (a) => `arn:aws:iam::${a}:user/${pick(['eve', 'ci-bot'])}`],
  ['iam:CreateAccessKey', (a) => `arn:aws:iam::${a}:user/${pick(['dev_user', 'admin'])}`],
  ['iam:PassRole', (a) => `arn:aws:iam::${a}:role/${pick(['Deploy', 'Admin'])}`],
  ['sts:AssumeRole', (a) => `arn:aws:iam::${a}:role/${pick(['Admin', 'LogReader'])}`],
  ['kms:Decrypt', (a) => `arn:aws:kms:us-east-1:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  ['ec2:DescribeInstances', () => '*'],
  ['ec2:RunInstances', (a) => `arn:aws:ec2:${pick(['us-east-1', 'eu-west-1'])}:${a}:instance/i-0abc123`],
  ['logs:GetLogEvents', (a) => `arn:aws:logs:us-east-1:${a}:log-group:trail:log-stream:s1`],
  ['guardduty:ListDetectors', () => '*'],
  ['config:DescribeConfigRules', () => '*'],
  ['events:PutRule', (a) => `arn:aws:events:us-east-1:${a}:rule/alert`],
  ['organizations:ListAccounts', () => '*'],
];

const ACTION_PATTERNS = ['*', 'cloudtrail:*', 'cloudtrail:Describe*', 'cloudtrail:LookupEvents', 'cloudtrail:*Trail*', 'CloudTrail:stoplogging',
  's3:*', 's3:Get*', 's3:GetObject', 's3:List*', 's3:Put?bject', 'iam:*', 'iam:*AccessKey*', 'iam:PassRole', 'sts:AssumeRole',
  'kms:Decrypt', 'kms:*', 'ec2:*', 'ec2:Describe*', 'logs:*', 'guardduty:List*', 'config:Describe*', 'events:*', 'organizations:List*'];
const RESOURCE_PATTERNS = (a) => ['*', '*', 'arn:aws:s3:::trail-logs/*', 'arn:aws:s3:::trail-logs', 'arn:aws:s3:::home/${aws:username}/*',
  'arn:aws:s3:::*', `arn:aws:cloudtrail:*:${a}:trail/*`, `arn:aws:cloudtrail:us-east-1:${a}:trail/org-trail`, `arn:aws:iam::${a}:user/*`,
  `arn:aws:iam::${a}:role/Admin`, `arn:aws:kms:*:${a}:key/*`, `arn:aws:ec2:us-east-1:${a}:instance/*`, `arn:aws:logs:us-east-1:*`,
  'arn:aws:s3:::home/${aws:PrincipalTag/team, \'shared\'}/*'];
const CONDITIONS = [
  () => ({ IpAddress: { 'aws:SourceIp': pick(['203.0.113.0/24', '10.0.0.0/8', '2001:db8::/32']) } }),
  () => ({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } }),
  () => ({ Bool: { 'aws:MultiFactorAuthPresent': pick(['true', 'false']) } }),
  () => ({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }),
  () => ({ Bool: { 'aws:SecureTransport': 'false' } }),
  () => ({ StringEquals: { 'aws:PrincipalTag/team': pick(['blue', 'red', ['blue', 'green']]) } }),
  () => ({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } }),
  () => ({ StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } }),
  () => ({ StringLike: { 'aws:username': pick(['dev_*', 'admin', '*']) } }),
  () => ({ StringNotLike: { 'aws:username': 'ci-*' } }),
  () => ({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
  () => ({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
  () => ({ DateGreaterThan: { 'aws:CurrentTime': pick(['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z']) } }),
  () => ({ DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } }),
  () => ({ NumericLessThanEquals: { 'aws:MultiFactorAuthAge': pick(['3600', '300']) } }),
  () => ({ Null: { 'aws:TokenIssueTime': pick(['true', 'false']) } }),
  () => ({ 'ForAnyValue:StringEquals': { 'aws:PrincipalServiceNamesList': ['ec2.amazonaws.com', 'lambda.amazonaws.com'] } }),
  () => ({ 'ForAllValues:StringLike': { 'aws:PrincipalServiceNamesList': ['*.amazonaws.com'] } }),
  () => ({ ArnLike: { 'aws:PrincipalArn': pick([`arn:aws:iam::${ACCOUNT}:user/*`, `arn:aws:iam::${ACCOUNT}:role/Admin`, 'arn:aws:iam::*']) } }),
  () => ({ ArnNotEquals: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/Admin` } }),
  () => ({ StringEquals: { 'aws:PrincipalAccount': ACCOUNT }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
];

function statement(effect, account) {
  const st = { Effect: effect };
  if (chance(0.3)) st.Sid = `S${Math.floor(rnd() * 1000)}`;
  const actions = some(ACTION_PATTERNS, 3);
  if (chance(0.12)) st.NotAction = actions; else st.Action = actions.length === 1 ? actions[0] : actions;
  const resources = some(RESOURCE_PATTERNS(account), 2);
  if (chance(0.08)) st.NotResource = resources; else st.Resource = resources.length === 1 ? resources[0] : resources;
  if (chance(0.45)) st.Condition = pick(CONDITIONS)();
  return st;
}
const policy = (account, deny = 0.25) => doc(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => statement(chance(deny) ? 'Deny' : 'Allow', account)), chance(0.05) ? null : '2012-10-17');

function principal() {
  const r = rnd();
  if (r < 0.45) return { arn: `arn:aws:iam::${ACCOUNT}:user/${pick(['dev_user', 'admin', 'ci-bot'])}`, type: 'IAMUser' };
  if (r < 0.8) { const role = pick(['Admin', 'LogReader', 'Deploy']); return { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${pick(['alice', 'ci'])}`, type: 'AssumedRoleSession', roleArn: `arn:aws:iam::${ACCOUNT}:role/${role}` }; }
  if (r < 0.9) return { arn: `arn:aws:iam::${OTHER}:user/analyst`, type: 'IAMUser' };
  return { arn: `arn:aws:sts::${OTHER}:assumed-role/Auditor/bob`, type: 'AssumedRoleSession', roleArn: `arn:aws:iam::${OTHER}:role/Auditor` };
}

function context(p) {
  const c = {};
  if (chance(0.7)) c['aws:SourceIp'] = pick(['203.0.113.10', '185.143.221.89', '10.1.2.3', '2001:db8::5']);
  if (chance(0.5)) c['aws:MultiFactorAuthPresent'] = pick(['true', 'false']);
  if (chance(0.4)) c['aws:MultiFactorAuthAge'] = pick(['100', '4000']);
  if (chance(0.5)) c['aws:SecureTransport'] = pick(['true', 'false']);
  if (chance(0.4)) c['aws:PrincipalTag/team'] = pick(['blue', 'red', 'green']);
  if (chance(0.5)) c['aws:RequestedRegion'] = pick(['us-east-1', 'eu-west-1', 'ap-south-1']);
  if (chance(0.5)) c['aws:CurrentTime'] = pick(['2026-11-22T09:40:00Z', '2026-03-01T00:00:00Z']);
  if (chance(0.3)) c['aws:TokenIssueTime'] = '2026-11-22T09:00:00Z';
  if (chance(0.4)) c['aws:PrincipalOrgID'] = pick(['o-a1b2c3d4e5', 'o-zzzzzzzzzz']);
  if (chance(0.6)) c['aws:PrincipalArn'] = p.roleArn ?? p.arn;
  if (chance(0.5)) c['aws:PrincipalAccount'] = p.arn.split(':')[4];
  if (p.type === 'IAMUser' && chance(0.7)) c['aws:username'] = p.arn.split('/').pop();
  if (chance(0.2)) c['aws:PrincipalServiceNamesList'] = some(['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs.amazonaws.com'], 2);
  return c;
}

function resourcePolicy(action, account, p) {
  const service = action.split(':')[0];
  const type = service === 'sts' ? 'AWS::IAM::Role' : service === 'kms' ? 'AWS::KMS::Key' : 'AWS::S3::Bucket';
  const who = pick([{ AWS: p.arn }, { AWS: p.roleArn ?? p.arn }, { AWS: `arn:aws:iam::${p.arn.split(':')[4]}:root` }, { AWS: account }, '*', { AWS: `arn:aws:iam::${account}:role/Other` }]);
  const st = { Effect: chance(0.2) ? 'Deny' : 'Allow', Principal: who, Action: pick([action, `${service}:*`, '*']) };
  if (type !== 'AWS::IAM::Role') st.Resource = '*';
  if (chance(0.3)) st.Condition = pick(CONDITIONS)();
  return { resourceType: type, document: doc([st]) };
}

const orgLevels = (withPrincipal, full) => {
  const allow = withPrincipal ? { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' } : { Effect: 'Allow', Action: '*', Resource: '*' };
  const levels = ['root', 'ou:Workloads', 'account'].slice(0, 1 + Math.floor(rnd() * 3));
  return levels.map((target) => {
    const policies = [{ name: full, document: doc([allow]) }];
    if (chance(0.35)) {
      const st = withPrincipal
        ? { Effect: 'Deny', Principal: '*', Action: pick(['s3:*', 'kms:*', 'sts:*']), Resource: '*', Condition: pick(CONDITIONS)() }
        : { Effect: 'Deny', Action: pick(['cloudtrail:StopLogging', 'cloudtrail:*', 'iam:CreateUser', 'ec2:*']), Resource: '*' };
      if (!withPrincipal && chance(0.5)) st.Condition = pick(CONDITIONS)();
      policies.push({ name: 'Guardrail', document: doc([st]) });
    }
    if (!withPrincipal && chance(0.1)) policies.shift(); // a level without FullAWSAccess
    return { target, policies };
  });
};

const requests = [];
for (let i = 0; i < count; i++) {
  const p = principal();
  const [action, res] = pick(ACTIONS);
  const crossAccount = chance(0.15);
  const account = p.arn.split(':')[4];
  const resourceAccount = crossAccount ? (account === ACCOUNT ? OTHER : ACCOUNT) : account;
  const r = { principal: p, action, resource: res(resourceAccount), resourceAccount, context: context(p),
    identityPolicies: Array.from({ length: Math.floor(rnd() * 3) }, (_, j) => ({ name: `policy${j}`, document: policy(account) })) };
  if (chance(0.2)) r.permissionsBoundary = { name: 'Boundary', document: policy(account, 0.1) };
  if (p.type === 'AssumedRoleSession' && chance(0.15)) r.sessionPolicy = { document: policy(account, 0.1) };
  if (chance(0.35)) r.scps = orgLevels(false, 'FullAWSAccess');
  if (chance(0.2)) r.rcps = orgLevels(true, 'RCPFullAWSAccess');
  // Resource-based policies only where the service has them (S3 buckets, role trust policies, KMS key policies).
  if (['s3', 'sts', 'kms'].includes(action.split(':')[0]) && (crossAccount || chance(0.5))) r.resourcePolicy = resourcePolicy(action, resourceAccount, p);
  requests.push(r);
}
fs.writeFileSync(out, JSON.stringify(requests));
console.log(`wrote ${requests.length} requests to ${out}`);
