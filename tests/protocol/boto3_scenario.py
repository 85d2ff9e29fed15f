"""The protocol tests' scenario through boto3 against mini-EC2 (see scenario.ts for the steps and the
checks). Usage: python3 boto3_scenario.py ENDPOINT_URL REGION AMI_NAME_FILTER IMAGE_NAME MISSING_AMI
Prints one JSON object, the ScenarioSummary; boto3's own waiters poll every second."""
import json
import sys

from wire_clients import client, error_code

endpoint, region, name_filter, image_name, missing_ami = sys.argv[1:6]
ec2 = client("ec2", endpoint, region)
fast = {"Delay": 1, "MaxAttempts": 60}

found = ec2.describe_images(
    Owners=["amazon"],
    Filters=[
        {"Name": "name", "Values": [name_filter]},
        {"Name": "architecture", "Values": ["x86_64"]},
        {"Name": "state", "Values": ["available"]},
    ],
)
images = sorted(found["Images"], key=lambda i: i["CreationDate"], reverse=True)
ami = images[0]

launch = ec2.run_instances(ImageId=ami["ImageId"], InstanceType="t3.micro", MinCount=2, MaxCount=2)
ids = [i["InstanceId"] for i in launch["Instances"]]
ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig=fast)
running = ec2.describe_instances(InstanceIds=ids)
running_by_id = {i["InstanceId"]: i["State"]["Name"] for r in running["Reservations"] for i in r["Instances"]}

created = ec2.create_image(InstanceId=ids[0], Name=image_name, Description="web server")
right_after = ec2.describe_images(ImageIds=[created["ImageId"]])
ec2.get_waiter("image_available").wait(ImageIds=[created["ImageId"]], WaiterConfig=fast)
available = ec2.describe_images(ImageIds=[created["ImageId"]])

clone = ec2.run_instances(ImageId=created["ImageId"], InstanceType="t3.micro", MinCount=1, MaxCount=1)
clone_id = clone["Instances"][0]["InstanceId"]
ec2.create_tags(Resources=[clone_id], Tags=[{"Key": "Role", "Value": "clone"}])
tagged = ec2.describe_instances(Filters=[{"Name": "tag:Role", "Values": ["clone"]}])

ec2.get_waiter("instance_running").wait(InstanceIds=[clone_id], WaiterConfig=fast)
stopped = ec2.stop_instances(InstanceIds=[clone_id])
ec2.get_waiter("instance_stopped").wait(InstanceIds=[clone_id], WaiterConfig=fast)
after_stop = ec2.describe_instances(InstanceIds=[clone_id])
duplicate_name = error_code(lambda: ec2.create_image(InstanceId=clone_id, Name=image_name))

everything = ids + [clone_id]
terminated = ec2.terminate_instances(InstanceIds=everything)
ec2.get_waiter("instance_terminated").wait(InstanceIds=everything, WaiterConfig=fast)
after_terminate = ec2.describe_instances(InstanceIds=everything)
final_by_id = {i["InstanceId"]: i["State"]["Name"] for r in after_terminate["Reservations"] for i in r["Instances"]}
terminating = {t["InstanceId"]: t["CurrentState"]["Name"] for t in terminated["TerminatingInstances"]}

summary = {
    "client": "boto3",
    "ami": {
        "id": ami["ImageId"],
        "name": ami["Name"],
        "matched": len(images),
        "architecture": ami["Architecture"],
        "owner": ami.get("ImageOwnerAlias"),
    },
    "launch": {
        "reservationId": launch["ReservationId"],
        "instanceIds": ids,
        "states": [i["State"]["Name"] for i in launch["Instances"]],
        "amiLaunchIndexes": [i["AmiLaunchIndex"] for i in launch["Instances"]],
    },
    "runningStates": [running_by_id[i] for i in ids],
    "image": {
        "id": created["ImageId"],
        "stateRightAfterCreate": right_after["Images"][0]["State"],
        "finalState": available["Images"][0]["State"],
        "sourceInstanceId": available["Images"][0].get("SourceInstanceId"),
    },
    "clone": {
        "instanceId": clone_id,
        "imageId": clone["Instances"][0]["ImageId"],
        "state": clone["Instances"][0]["State"]["Name"],
    },
    "taggedIds": [i["InstanceId"] for r in tagged["Reservations"] for i in r["Instances"]],
    "stop": {
        "previous": stopped["StoppingInstances"][0]["PreviousState"]["Name"],
        "current": stopped["StoppingInstances"][0]["CurrentState"]["Name"],
        "final": after_stop["Reservations"][0]["Instances"][0]["State"]["Name"],
    },
    "terminate": {
        "current": [terminating[i] for i in everything],
        "final": [final_by_id[i] for i in everything],
    },
    "errors": {
        "amiNotFound": error_code(lambda: ec2.describe_images(ImageIds=[missing_ami])),
        "amiMalformed": error_code(lambda: ec2.run_instances(ImageId="ami-nope", MinCount=1, MaxCount=1)),
        "dryRun": error_code(
            lambda: ec2.run_instances(ImageId=ami["ImageId"], InstanceType="t3.micro", MinCount=1, MaxCount=1, DryRun=True)
        ),
        "duplicateImageName": duplicate_name,
        "startTerminated": error_code(lambda: ec2.start_instances(InstanceIds=[ids[1]])),
        "unknownFilter": error_code(lambda: ec2.describe_images(Filters=[{"Name": "colour", "Values": ["blue"]}])),
    },
}
print(json.dumps(summary))
