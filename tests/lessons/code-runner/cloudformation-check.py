"""Deploys each CloudFormation template given on the command line into moto (an AWS emulator), after
moto's cfn-lint based validation, and prints one JSON line per template: the stack status and the EC2
instances it created. Used by tests/lessons/code-examples.test.ts."""
import json
import os
import sys

os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")

import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402

for path in sys.argv[1:]:
    result = {"file": path}
    try:
        with mock_aws():
            body = open(path, encoding="utf-8").read()
            cloudformation = boto3.client("cloudformation", region_name="us-east-1")
            cloudformation.validate_template(TemplateBody=body)
            cloudformation.create_stack(StackName="lesson", TemplateBody=body)
            stack = cloudformation.describe_stacks(StackName="lesson")["Stacks"][0]
            ec2 = boto3.client("ec2", region_name="us-east-1")
            instances = [i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]
            result.update(
                status=stack["StackStatus"],
                outputs={o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])},
                instances=[{"type": i["InstanceType"], "image": i["ImageId"], "tags": {t["Key"]: t["Value"] for t in i.get("Tags", [])}} for i in instances],
            )
    except Exception as error:  # report, never crash: the test names the template
        result["error"] = f"{type(error).__name__}: {error}"
    print(json.dumps(result), flush=True)
