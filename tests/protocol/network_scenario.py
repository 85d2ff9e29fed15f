"""The network scenario (issue 18) through boto3 or the AWS CLI against mini-EC2: a VPC, a subnet that maps
public addresses, a web server's security group (HTTP from anywhere, SSH from one address), a launch into
them, and reading it all back. network-clients.test.ts checks the summary this prints as JSON.

Usage: python3 network_scenario.py boto3|cli ENDPOINT REGION
The CLI steps go to the CLI's own driver (awscli.clidriver, what the `aws` command runs) in this process,
as aws_cli_scenario.py does, or to the `aws` command when that is not this python3's package.
"""
import contextlib
import io
import json
import subprocess
import sys

from wire_clients import cli_environment

mode, endpoint, region = sys.argv[1:4]
cli_environment(region)


class Failed(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def cli_runner():
    try:
        from awscli.clidriver import create_clidriver

        driver = create_clidriver()
    except ImportError:
        driver = None

    def aws(*args, fresh=False):
        argv = ["ec2", *args, "--endpoint-url", endpoint, "--region", region, "--output", "json"]
        if driver is None or fresh:
            run = subprocess.run(["aws", *argv], capture_output=True, text=True)
            code, out, err = run.returncode, run.stdout, run.stderr
        else:
            out_buf, err_buf = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out_buf), contextlib.redirect_stderr(err_buf):
                code = driver.main(argv)
            out, err = out_buf.getvalue(), err_buf.getvalue()
        if code != 0:
            # "An error occurred (InvalidPermission.Duplicate) when calling ..."
            start = err.find("(")
            raise Failed(err[start + 1 : err.find(")", start)] if start >= 0 else err)
        return json.loads(out) if out.strip() else {}

    return aws


def boto3_client():
    from botocore.exceptions import ClientError

    from wire_clients import client

    ec2 = client("ec2", endpoint, region)

    def call(method, **kwargs):
        try:
            return getattr(ec2, method)(**kwargs)
        except ClientError as error:
            raise Failed(error.response["Error"]["Code"])

    return call


def error_of(step):
    try:
        step()
        return "no error"
    except Failed as failure:
        return failure.code


def run_cli():
    aws = cli_runner()
    images = aws("describe-images", "--owners", "amazon", "--filters", "Name=name,Values=al2023-ami-2023.*", "Name=architecture,Values=x86_64")
    ami = sorted(images["Images"], key=lambda i: i["CreationDate"])[-1]["ImageId"]
    vpc = aws("create-vpc", "--cidr-block", "10.0.0.0/16")["Vpc"]
    subnet = aws("create-subnet", "--vpc-id", vpc["VpcId"], "--cidr-block", "10.0.1.0/24", "--availability-zone", f"{region}a")["Subnet"]
    # The real `aws` command: awscli's boolean-attribute customisation leaves state behind in a reused driver.
    aws("modify-subnet-attribute", "--subnet-id", subnet["SubnetId"], "--map-public-ip-on-launch", fresh=True)
    group = aws("create-security-group", "--group-name", "cat-photos-web", "--description", "cat photo web server", "--vpc-id", vpc["VpcId"])["GroupId"]
    aws("authorize-security-group-ingress", "--group-id", group, "--ip-permissions", "IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0}]")
    ssh = ("authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "22", "--cidr", "203.0.113.10/32")
    aws(*ssh)
    duplicate = error_of(lambda: aws(*ssh))
    rules = aws("describe-security-group-rules", "--filters", f"Name=group-id,Values={group}")["SecurityGroupRules"]
    egress_id = next(r["SecurityGroupRuleId"] for r in rules if r["IsEgress"])
    aws("revoke-security-group-egress", "--group-id", group, "--security-group-rule-ids", egress_id)
    after = aws("describe-security-group-rules", "--filters", f"Name=group-id,Values={group}")["SecurityGroupRules"]
    launched = aws("run-instances", "--image-id", ami, "--instance-type", "t3.micro", "--count", "1", "--subnet-id", subnet["SubnetId"], "--security-group-ids", group)
    instance_id = launched["Instances"][0]["InstanceId"]
    instance = aws("describe-instances", "--instance-ids", instance_id)["Reservations"][0]["Instances"][0]
    return summary(
        vpc,
        aws("describe-vpcs", "--vpc-ids", vpc["VpcId"])["Vpcs"][0],
        aws("describe-subnets", "--subnet-ids", subnet["SubnetId"])["Subnets"][0],
        group, rules, after, duplicate, instance,
        error_of(lambda: aws("delete-security-group", "--group-id", group)),
        error_of(lambda: aws("delete-vpc", "--vpc-id", vpc["VpcId"])),
        error_of(lambda: aws("create-subnet", "--vpc-id", vpc["VpcId"], "--cidr-block", "10.0.1.0/25")),
    )


def run_boto3():
    ec2 = boto3_client()
    images = ec2("describe_images", Owners=["amazon"], Filters=[{"Name": "name", "Values": ["al2023-ami-2023.*"]}, {"Name": "architecture", "Values": ["x86_64"]}])
    ami = sorted(images["Images"], key=lambda i: i["CreationDate"])[-1]["ImageId"]
    vpc = ec2("create_vpc", CidrBlock="10.0.0.0/16")["Vpc"]
    subnet = ec2("create_subnet", VpcId=vpc["VpcId"], CidrBlock="10.0.1.0/24", AvailabilityZone=f"{region}a")["Subnet"]
    ec2("modify_subnet_attribute", SubnetId=subnet["SubnetId"], MapPublicIpOnLaunch={"Value": True})
    group = ec2("create_security_group", GroupName="cat-photos-web", Description="cat photo web server", VpcId=vpc["VpcId"])["GroupId"]
    ssh = {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "203.0.113.10/32", "Description": "owner"}]}
    http = {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    ec2("authorize_security_group_ingress", GroupId=group, IpPermissions=[http, ssh])
    duplicate = error_of(lambda: ec2("authorize_security_group_ingress", GroupId=group, IpPermissions=[ssh]))
    rules = ec2("describe_security_group_rules", Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
    egress_id = next(r["SecurityGroupRuleId"] for r in rules if r["IsEgress"])
    ec2("revoke_security_group_egress", GroupId=group, SecurityGroupRuleIds=[egress_id])
    after = ec2("describe_security_group_rules", Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
    launched = ec2("run_instances", ImageId=ami, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=subnet["SubnetId"], SecurityGroupIds=[group])
    instance_id = launched["Instances"][0]["InstanceId"]
    instance = ec2("describe_instances", InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
    return summary(
        vpc,
        ec2("describe_vpcs", VpcIds=[vpc["VpcId"]])["Vpcs"][0],
        ec2("describe_subnets", SubnetIds=[subnet["SubnetId"]])["Subnets"][0],
        group, rules, after, duplicate, instance,
        error_of(lambda: ec2("delete_security_group", GroupId=group)),
        error_of(lambda: ec2("delete_vpc", VpcId=vpc["VpcId"])),
        error_of(lambda: ec2("create_subnet", VpcId=vpc["VpcId"], CidrBlock="10.0.1.0/25")),
    )


def rule_row(r):
    return [r["IsEgress"], r["IpProtocol"], r["FromPort"], r["ToPort"], r.get("CidrIpv4")]


def summary(created, vpc, subnet, group, rules, after, duplicate, instance, delete_group, delete_vpc, overlap):
    return {
        "vpc": {"createdState": created["State"], "state": vpc["State"], "cidr": vpc["CidrBlock"], "isDefault": vpc["IsDefault"]},
        "subnet": {
            "cidr": subnet["CidrBlock"],
            "zone": subnet["AvailabilityZone"],
            "mapPublicIpOnLaunch": subnet["MapPublicIpOnLaunch"],
            "available": subnet["AvailableIpAddressCount"],
        },
        "ruleIds": [r["SecurityGroupRuleId"] for r in rules],
        "rules": sorted(rule_row(r) for r in rules),
        "rulesAfterRevoke": sorted(rule_row(r) for r in after),
        "instance": {
            "subnetId": instance["SubnetId"] == subnet["SubnetId"],
            "vpcId": instance["VpcId"] == vpc["VpcId"],
            "privateIp": instance["PrivateIpAddress"],
            "hasPublicIp": "PublicIpAddress" in instance,
            "groups": [g["GroupId"] == group for g in instance["SecurityGroups"]],
        },
        "errors": {"duplicate": duplicate, "deleteGroupInUse": delete_group, "deleteVpcWithSubnet": delete_vpc, "overlappingSubnet": overlap},
    }


print(json.dumps(run_boto3() if mode == "boto3" else run_cli()))
