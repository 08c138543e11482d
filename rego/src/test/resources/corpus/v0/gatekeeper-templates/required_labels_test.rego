package k8srequiredlabels

review(labels) = output {
  output = {"object": {"metadata": {"name": "nginx", "labels": labels}}}
}

owner_param = {"labels": [{"key": "owner", "allowedRegex": "^[a-z]+\\.team$"}]}

test_no_labels_violates {
  results := violation with input as {"review": review({}), "parameters": owner_param}
  count(results) == 1
}

test_matching_label_is_fine {
  results := violation with input as {"review": review({"owner": "sre.team"}), "parameters": owner_param}
  count(results) == 0
}

test_label_failing_regex_violates {
  results := violation with input as {"review": review({"owner": "Bob"}), "parameters": owner_param}
  some r
  results[r]
  r.msg == "Label <owner: Bob> does not satisfy allowed regex: ^[a-z]+\\.team$"
}

test_custom_message_wins {
  params := {"message": "label it!", "labels": [{"key": "owner", "allowedRegex": ""}]}
  results := violation with input as {"review": review({}), "parameters": params}
  results[{"msg": "label it!", "details": {"missing_labels": {"owner"}}}]
}

test_missing_label_details {
  results := violation with input as {"review": review({"app": "x"}), "parameters": owner_param}
  r := results[_]
  r.details.missing_labels == {"owner"}
}
