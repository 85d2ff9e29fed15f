#!/usr/bin/env bash
# The protocol tests' scenario through the AWS CLI (see scenario.ts for the steps and the checks).
# Usage: aws-cli-scenario.sh ENDPOINT REGION AMI_NAME_FILTER IMAGE_NAME MISSING_AMI OUTDIR
# Each step's JSON output goes to OUTDIR/<step>.json; each expected error's CLI message to OUTDIR/<case>.err.
# Dummy credentials: mini-EC2 does not verify signatures.
set -euo pipefail
endpoint=$1 region=$2 name_filter=$3 image_name=$4 missing_ami=$5 out=$6
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=$region
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER= AWS_MAX_ATTEMPTS=1
ec2() { aws ec2 "$@" --endpoint-url "$endpoint" --region "$region" --output json; }
# An expected failure: keep the CLI's message, fail the script if the call succeeds.
fails() { local name=$1; shift; if ec2 "$@" >"$out/$name.out" 2>"$out/$name.err"; then echo "$name: no error" >&2; exit 1; fi; }

ec2 describe-images --owners amazon \
  --filters "Name=name,Values=$name_filter" Name=architecture,Values=x86_64 Name=state,Values=available >"$out/images.json"
ami=$(ec2 describe-images --owners amazon \
  --filters "Name=name,Values=$name_filter" Name=architecture,Values=x86_64 Name=state,Values=available \
  --query 'sort_by(Images,&CreationDate)[-1].ImageId' --output text)

ec2 run-instances --image-id "$ami" --instance-type t3.micro --count 2 >"$out/launch.json"
read -r id1 id2 < <(python3 -c 'import json,sys; print(*[i["InstanceId"] for i in json.load(open(sys.argv[1]))["Instances"]])' "$out/launch.json")
ec2 wait instance-running --instance-ids "$id1" "$id2"
ec2 describe-instances --instance-ids "$id1" "$id2" >"$out/running.json"

ec2 create-image --instance-id "$id1" --name "$image_name" --description "web server" >"$out/created.json"
image=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ImageId"])' "$out/created.json")
ec2 describe-images --image-ids "$image" >"$out/right-after.json"
ec2 wait image-available --image-ids "$image"
ec2 describe-images --image-ids "$image" >"$out/available.json"

ec2 run-instances --image-id "$image" --instance-type t3.micro --count 1 >"$out/clone.json"
clone=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Instances"][0]["InstanceId"])' "$out/clone.json")
ec2 create-tags --resources "$clone" --tags Key=Role,Value=clone
ec2 describe-instances --filters Name=tag:Role,Values=clone >"$out/tagged.json"

ec2 wait instance-running --instance-ids "$clone"
ec2 stop-instances --instance-ids "$clone" >"$out/stopped.json"
ec2 wait instance-stopped --instance-ids "$clone"
ec2 describe-instances --instance-ids "$clone" >"$out/after-stop.json"
fails duplicateImageName create-image --instance-id "$clone" --name "$image_name"

ec2 terminate-instances --instance-ids "$id1" "$id2" "$clone" >"$out/terminated.json"
ec2 wait instance-terminated --instance-ids "$id1" "$id2" "$clone"
ec2 describe-instances --instance-ids "$id1" "$id2" "$clone" >"$out/after-terminate.json"

fails amiNotFound describe-images --image-ids "$missing_ami"
fails amiMalformed run-instances --image-id ami-nope --count 1
fails dryRun run-instances --image-id "$ami" --instance-type t3.micro --count 1 --dry-run
fails startTerminated start-instances --instance-ids "$id2"
fails unknownFilter describe-images --filters Name=colour,Values=blue
echo done
