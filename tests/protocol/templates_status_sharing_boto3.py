"""Launch templates, status checks, attributes, tags, sharing and snapshots through boto3 against mini-EC2: launch templates, RunInstances from a
template, DescribeInstanceStatus and boto3's instance_status_ok waiter, ModifyInstanceAttribute,
DescribeTags, DeleteSnapshot. Usage: python3 templates_status_sharing_boto3.py ENDPOINT_URL REGION
Prints one JSON object of what boto3 saw; templates-status-sharing.test.ts checks it."""
import base64
import json
import sys

from wire_clients import client, error_message as error_of

endpoint, region = sys.argv[1:3]
ec2 = client("ec2", endpoint, region)
fast = {"Delay": 1, "MaxAttempts": 120}

images = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["al2023-ami-2023.*"]}, {"Name": "architecture", "Values": ["x86_64"]}])
ami = sorted(images["Images"], key=lambda i: i["CreationDate"])[-1]["ImageId"]

created = ec2.create_launch_template(
    LaunchTemplateName="web",
    LaunchTemplateData={
        "ImageId": ami,
        "InstanceType": "t3.micro",
        "UserData": base64.b64encode(b"#!/bin/bash\necho hi\n").decode(),
        "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Role", "Value": "web"}]}],
    },
    TagSpecifications=[{"ResourceType": "launch-template", "Tags": [{"Key": "team", "Value": "a"}]}],
)
template_id = created["LaunchTemplate"]["LaunchTemplateId"]
version2 = ec2.create_launch_template_version(LaunchTemplateId=template_id, SourceVersion="1", LaunchTemplateData={"InstanceType": "t3.small"})
ec2.modify_launch_template(LaunchTemplateId=template_id, DefaultVersion="2")
versions = ec2.describe_launch_template_versions(LaunchTemplateName="web", Versions=["$Default", "$Latest", "1"])
described = ec2.describe_launch_templates(LaunchTemplateNames=["web"])

launch = ec2.run_instances(LaunchTemplate={"LaunchTemplateName": "web"}, MinCount=1, MaxCount=1)
instance_id = launch["Instances"][0]["InstanceId"]
ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=fast)
status_right_after = ec2.describe_instance_status(InstanceIds=[instance_id])["InstanceStatuses"]
ec2.get_waiter("instance_status_ok").wait(InstanceIds=[instance_id], WaiterConfig=fast)
status_ok = ec2.describe_instance_status(InstanceIds=[instance_id])["InstanceStatuses"]
tags = ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [instance_id]}])["Tags"]

modify_running = error_of(lambda: ec2.modify_instance_attribute(InstanceId=instance_id, InstanceType={"Value": "t3.large"}))
ec2.stop_instances(InstanceIds=[instance_id])
ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance_id], WaiterConfig=fast)
ec2.modify_instance_attribute(InstanceId=instance_id, InstanceType={"Value": "t3.large"})
ec2.modify_instance_attribute(InstanceId=instance_id, UserData={"Value": b"#!/bin/bash\necho changed\n"})
type_after = ec2.describe_instance_attribute(InstanceId=instance_id, Attribute="instanceType")["InstanceType"]["Value"]
user_data_after = ec2.describe_instance_attribute(InstanceId=instance_id, Attribute="userData")["UserData"]["Value"]
all_statuses = ec2.describe_instance_status(IncludeAllInstances=True)["InstanceStatuses"]

image = ec2.create_image(InstanceId=instance_id, Name="web-image")
ec2.get_waiter("image_available").wait(ImageIds=[image["ImageId"]], WaiterConfig=fast)
snapshot_id = ec2.describe_images(ImageIds=[image["ImageId"]])["Images"][0]["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"]
delete_in_use = error_of(lambda: ec2.delete_snapshot(SnapshotId=snapshot_id))
ec2.modify_image_attribute(ImageId=image["ImageId"], LaunchPermission={"Add": [{"Group": "all"}, {"UserId": "210987654321"}]})
shared = ec2.describe_image_attribute(ImageId=image["ImageId"], Attribute="launchPermission")["LaunchPermissions"]
public_now = ec2.describe_images(ImageIds=[image["ImageId"]])["Images"][0]["Public"]
ec2.reset_image_attribute(ImageId=image["ImageId"], Attribute="launchPermission")
after_reset = ec2.describe_image_attribute(ImageId=image["ImageId"], Attribute="launchPermission")["LaunchPermissions"]
ec2.deregister_image(ImageId=image["ImageId"])
left_behind = [s["SnapshotId"] for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]]
ec2.delete_snapshot(SnapshotId=snapshot_id)
after_delete = [s["SnapshotId"] for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]]

ec2.delete_launch_template(LaunchTemplateId=template_id)
summary = {
    "templateId": template_id,
    "created": {k: created["LaunchTemplate"][k] for k in ["LaunchTemplateName", "DefaultVersionNumber", "LatestVersionNumber"]},
    "version2": {"number": version2["LaunchTemplateVersion"]["VersionNumber"], "data": version2["LaunchTemplateVersion"]["LaunchTemplateData"]},
    "versions": [[v["VersionNumber"], v["DefaultVersion"]] for v in versions["LaunchTemplateVersions"]],
    "described": [[t["LaunchTemplateName"], t["DefaultVersionNumber"], t["LatestVersionNumber"], t.get("Tags")] for t in described["LaunchTemplates"]],
    "launched": {"type": launch["Instances"][0]["InstanceType"], "imageId": launch["Instances"][0]["ImageId"], "ami": ami},
    "statusRightAfter": [[s["InstanceState"]["Name"], s["InstanceStatus"]["Status"], s["SystemStatus"]["Status"]] for s in status_right_after],
    "statusOk": [[s["InstanceStatus"]["Status"], s["InstanceStatus"]["Details"][0]["Status"]] for s in status_ok],
    "tags": sorted([[t["Key"], t["Value"], t["ResourceType"]] for t in tags]),
    "modifyRunning": modify_running,
    "typeAfter": type_after,
    "userDataAfter": base64.b64decode(user_data_after).decode(),
    "allStatuses": [[s["InstanceId"], s["InstanceState"]["Name"], s["InstanceStatus"]["Status"]] for s in all_statuses],
    "sharing": {"shared": shared, "publicNow": public_now, "afterReset": after_reset},
    "snapshot": {"id": snapshot_id, "deleteInUse": delete_in_use, "leftBehind": left_behind, "afterDelete": after_delete},
    "errors": {
        "duplicateTemplate": error_of(lambda: ec2.create_launch_template(LaunchTemplateName="web-2", LaunchTemplateData={"InstanceType": "t3.micro"}) and ec2.create_launch_template(LaunchTemplateName="web-2", LaunchTemplateData={"InstanceType": "t3.micro"})),
        "templateGone": error_of(lambda: ec2.describe_launch_templates(LaunchTemplateIds=[template_id])),
        "unknownVersion": error_of(lambda: ec2.describe_launch_template_versions(LaunchTemplateName="web-2", Versions=["7"])),
    },
}
print(json.dumps(summary))
