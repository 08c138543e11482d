# METADATA
# title: VPC flow logs deleted
# description: >-
#   DeleteFlowLogs on ec2.amazonaws.com, whatever the outcome: network traffic of the VPC, subnet
#   or interface stops being recorded. EC2 writes the request in its XML-derived shape,
#   requestParameters.DeleteFlowLogsRequest.FlowLogId as {content, tag} or a list of them; every
#   id is reported. Calls made by AWS services are quiet. Elastic's "AWS VPC Flow Logs Deletion"
#   and Panther's AWS.VPCFlow.LogsDeleted are success-only.
# custom:
#   id: TRL-EC2-001
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, EC2, VPC, Flow Logs, Log Tampering, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Flow logs removed while their VPC is torn down (a DeleteVpc follows); infrastructure as code replacing a flow log.
#   references:
#     - https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteFlowLogs.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.vpc-remove-flow-logs/
#     - https://www.elastic.co/guide/en/security/current/aws-vpc-flow-logs-deletion.html
#   investigation:
#     - Which VPCs or interfaces lost flow logs (DescribeFlowLogs history), and was the VPC deleted next?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look at network activity that followed in the affected VPCs (other telemetry, GuardDuty).
#   response:
#     - Recreate the flow logs.
#     - Restrict ec2:DeleteFlowLogs to network administrators with an SCP.
package tripline.rules.aws.ec2.flow_logs_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

request := object.get(aws.params(input), "DeleteFlowLogsRequest", {})

flow_log_ids contains id if {
	id := request.FlowLogId.content
}

flow_log_ids contains id if {
	some item in request.FlowLogId
	id := item.content
}

flow_log_ids contains id if {
	id := request.FlowLogId
	is_string(id)
}

# The JSON API shape (flowLogIds) some tools write.
flow_log_ids contains id if {
	some id in aws.params(input).flowLogIds
}

alert contains a if {
	input.eventSource == "ec2.amazonaws.com"
	input.eventName == "DeleteFlowLogs"
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	ids := sort(flow_log_ids)
	a := aws.alert(
		input,
		sprintf("%s %s VPC flow log(s) %s", [aws.principal_name(input), verb, concat(", ", ids)]),
		{"resources": ids},
	)
}

verb := "deleted" if aws.succeeded(input)

else := "tried to delete"
