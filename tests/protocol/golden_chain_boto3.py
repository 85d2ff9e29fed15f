"""Issue 13's golden-image chain through boto3 against mini-EC2: find the AMI through an SSM public
parameter, user data installs and starts httpd on a builder, CreateImage, a clone launched with another
key pair and type has httpd (seen through Run Command) and none of the builder's tags or user data, and
a copy in another region has it too. Usage: python3 golden_chain_boto3.py ENDPOINT_URL
Prints one JSON object with what each step saw; golden-chain.test.ts checks it."""
import json
import sys
import time

from wire_clients import client, error_code

endpoint = sys.argv[1]
ec2 = client("ec2", endpoint, "us-east-1")
ssm = client("ssm", endpoint, "us-east-1")
west_ec2 = client("ec2", endpoint, "us-west-2")
west_ssm = client("ssm", endpoint, "us-west-2")
fast = {"Delay": 1, "MaxAttempts": 60}

USER_DATA = """#!/bin/bash
dnf install -y httpd
systemctl enable --now httpd
echo "built by user data" > /var/www/html/index.html
"""


def run_command(client, instance_id, commands):
    sent = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[instance_id], Parameters={"commands": commands})
    command_id = sent["Command"]["CommandId"]
    for _ in range(100):
        inv = client.get_command_invocation(CommandId=command_id, InstanceId=instance_id)
        if inv["Status"] not in ("Pending", "InProgress", "Delayed"):
            return inv
        time.sleep(0.05)
    return inv


parameter = ssm.get_parameter(Name="/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")["Parameter"]
ec2.create_key_pair(KeyName="builder-key")
ec2.create_key_pair(KeyName="clone-key")
builder = ec2.run_instances(
    ImageId=parameter["Value"], InstanceType="t3.small", KeyName="builder-key", MinCount=1, MaxCount=1, UserData=USER_DATA,
    TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Role", "Value": "builder"}]}],
)["Instances"][0]["InstanceId"]
ec2.get_waiter("instance_running").wait(InstanceIds=[builder], WaiterConfig=fast)
console = ec2.get_console_output(InstanceId=builder)  # botocore decodes the base64 Output

image_id = ec2.create_image(InstanceId=builder, Name="golden-web")["ImageId"]
ec2.get_waiter("image_available").wait(ImageIds=[image_id], WaiterConfig=fast)

clone = ec2.run_instances(ImageId=image_id, InstanceType="t3.micro", KeyName="clone-key", MinCount=1, MaxCount=1)["Instances"][0]
ec2.get_waiter("instance_running").wait(InstanceIds=[clone["InstanceId"]], WaiterConfig=fast)
clone_check = run_command(ssm, clone["InstanceId"], ["rpm -q httpd", "systemctl is-active httpd", "cat /var/www/html/index.html"])
clone_user_data = ec2.describe_instance_attribute(InstanceId=clone["InstanceId"], Attribute="userData")
invocations = ssm.list_command_invocations(InstanceId=clone["InstanceId"])["CommandInvocations"]

plain = ec2.run_instances(ImageId="resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", MinCount=1, MaxCount=1)["Instances"][0]
ec2.get_waiter("instance_running").wait(InstanceIds=[plain["InstanceId"]], WaiterConfig=fast)
plain_check = run_command(ssm, plain["InstanceId"], ["rpm -q httpd"])

copy_id = west_ec2.copy_image(SourceImageId=image_id, SourceRegion="us-east-1", Name="golden-web-west")["ImageId"]
west_ec2.get_waiter("image_available").wait(ImageIds=[copy_id], WaiterConfig=fast)
west_clone = west_ec2.run_instances(ImageId=copy_id, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
west_ec2.get_waiter("instance_running").wait(InstanceIds=[west_clone], WaiterConfig=fast)
west_check = run_command(west_ssm, west_clone, ["systemctl is-active httpd"])

print(json.dumps({
    "parameter": {"name": parameter["Name"], "value": parameter["Value"], "type": parameter["Type"], "lastModified": str(parameter["LastModifiedDate"])},
    "console": console.get("Output", ""),
    "clone": {
        "imageId": clone["ImageId"], "type": clone["InstanceType"], "key": clone.get("KeyName"), "tags": clone.get("Tags", []),
        "userData": clone_user_data.get("UserData", {}),
        "status": clone_check["Status"], "code": clone_check["ResponseCode"], "stdout": clone_check["StandardOutputContent"],
        "invocations": [i["Status"] for i in invocations],
    },
    "plain": {"imageId": plain["ImageId"], "status": plain_check["Status"], "code": plain_check["ResponseCode"], "stdout": plain_check["StandardOutputContent"]},
    "west": {"copyId": copy_id, "status": west_check["Status"], "stdout": west_check["StandardOutputContent"]},
    "errors": {
        "missingParameter": error_code(lambda: ssm.get_parameter(Name="/aws/service/no/such/parameter")),
        "unknownDocument": error_code(lambda: ssm.send_command(DocumentName="No-Such-Document", InstanceIds=[clone["InstanceId"]], Parameters={"commands": ["true"]})),
        "notManaged": error_code(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=["i-0123456789abcdef0"], Parameters={"commands": ["true"]})),
        "noInvocation": error_code(lambda: ssm.get_command_invocation(CommandId="11111111-2222-4333-a444-555555555555", InstanceId=clone["InstanceId"])),
    },
    "invalidParameters": ssm.get_parameters(Names=[parameter["Name"], "/nope"])["InvalidParameters"],
}))
