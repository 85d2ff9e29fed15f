"""The protocol tests' scenario through the AWS CLI (see scenario.ts for the steps and the checks).

Every step is an `aws ec2 ...` command line, given to the CLI's own driver (awscli.clidriver, what the
`aws` command runs) inside this one Python process: the CLI costs ~0.7 s of start-up per command, and
this scenario has 25 of them. Argument parsing, request building, output and waiters (`aws ec2 wait`)
are the CLI's; aws-cli.test.ts also runs the real `aws` command. Where the `aws` command is not this
python3's awscli package (AWS CLI v2's standalone build), each step runs the `aws` command instead.

Usage: python3 aws_cli_scenario.py ENDPOINT REGION AMI_NAME_FILTER IMAGE_NAME MISSING_AMI OUTDIR
Writes each step's JSON output to OUTDIR/<step>.json, each expected error's CLI message to OUTDIR/<case>.err.
"""
import contextlib
import io
import json
import os
import subprocess
import sys

from wire_clients import cli_environment

endpoint, region, name_filter, image_name, missing_ami, out = sys.argv[1:7]
cli_environment(region)
try:
    from awscli.clidriver import create_clidriver  # noqa: E402  (after the environment is set)

    driver = create_clidriver()  # one driver, one botocore session: the service model is loaded once
except ImportError:  # an `aws` that is not this python3's package (AWS CLI v2's own binary): run the command
    driver = None


def aws(*args):
    """Runs `aws ec2 ARGS --endpoint-url ... --region ... --output json`; returns (exit code, stdout, stderr)."""
    argv = ["ec2", *args, "--endpoint-url", endpoint, "--region", region, "--output", "json"]
    if driver is None:
        run = subprocess.run(["aws", *argv], capture_output=True, text=True)
        return run.returncode, run.stdout, run.stderr
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = driver.main(argv)
    return code, stdout.getvalue(), stderr.getvalue()


def step(name, *args):
    code, stdout, stderr = aws(*args)
    if code != 0:
        sys.exit(f"aws ec2 {' '.join(args)} failed ({code}): {stderr}")
    if name:
        with open(os.path.join(out, f"{name}.json"), "w") as f:
            f.write(stdout)
    return json.loads(stdout) if stdout.strip() else None


def fails(name, *args):
    code, _, stderr = aws(*args)
    if code == 0:
        sys.exit(f"{name}: aws ec2 {' '.join(args)} succeeded, expected an error")
    with open(os.path.join(out, f"{name}.err"), "w") as f:
        f.write(stderr)


filters = [f"Name=name,Values={name_filter}", "Name=architecture,Values=x86_64", "Name=state,Values=available"]
step("images", "describe-images", "--owners", "amazon", "--filters", *filters)
ami = step(None, "describe-images", "--owners", "amazon", "--filters", *filters, "--query", "sort_by(Images,&CreationDate)[-1].ImageId")

launch = step("launch", "run-instances", "--image-id", ami, "--instance-type", "t3.micro", "--count", "2")
ids = [i["InstanceId"] for i in launch["Instances"]]
step(None, "wait", "instance-running", "--instance-ids", *ids)
step("running", "describe-instances", "--instance-ids", *ids)

image = step("created", "create-image", "--instance-id", ids[0], "--name", image_name, "--description", "web server")["ImageId"]
step("right-after", "describe-images", "--image-ids", image)
step(None, "wait", "image-available", "--image-ids", image)
step("available", "describe-images", "--image-ids", image)

clone = step("clone", "run-instances", "--image-id", image, "--instance-type", "t3.micro", "--count", "1")["Instances"][0]["InstanceId"]
step(None, "create-tags", "--resources", clone, "--tags", "Key=Role,Value=clone")
step("tagged", "describe-instances", "--filters", "Name=tag:Role,Values=clone")

step(None, "wait", "instance-running", "--instance-ids", clone)
step("stopped", "stop-instances", "--instance-ids", clone)
step(None, "wait", "instance-stopped", "--instance-ids", clone)
step("after-stop", "describe-instances", "--instance-ids", clone)
fails("duplicateImageName", "create-image", "--instance-id", clone, "--name", image_name)

everything = [*ids, clone]
step("terminated", "terminate-instances", "--instance-ids", *everything)
step(None, "wait", "instance-terminated", "--instance-ids", *everything)
step("after-terminate", "describe-instances", "--instance-ids", *everything)
fails("startTerminated", "start-instances", "--instance-ids", ids[1])  # while still listed (1 simulated hour)

fails("amiNotFound", "describe-images", "--image-ids", missing_ami)
fails("amiMalformed", "run-instances", "--image-id", "ami-nope", "--count", "1")
fails("dryRun", "run-instances", "--image-id", ami, "--instance-type", "t3.micro", "--count", "1", "--dry-run")
fails("unknownFilter", "describe-images", "--filters", "Name=colour,Values=blue")
print("done")
