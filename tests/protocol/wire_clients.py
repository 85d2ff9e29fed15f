"""What every Python driver of the protocol tests sets up: a boto3 client of one service and region pointed
at the mini-EC2 endpoint, or the AWS CLI's environment; and the error code or message of a call expected
to fail. Dummy credentials (mini-EC2 reads no signature) and one attempt (an error reaches the test
instead of a retry) in both."""
import os

from botocore.exceptions import ClientError


def cli_environment(region):
    """The AWS CLI's settings for mini-EC2, with no config or credentials file of this machine read."""
    os.environ.update(
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_DEFAULT_REGION=region,
        AWS_CONFIG_FILE="/dev/null",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
        AWS_MAX_ATTEMPTS="1",
        AWS_PAGER="",
    )


def client(service, endpoint, region):
    import boto3  # here, not above: the CLI drivers need botocore only
    from botocore.config import Config

    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}),
    )


def error_code(call):
    """The EC2/SSM error code `call` fails with, or "no error"."""
    try:
        call()
        return "no error"
    except ClientError as error:
        return error.response["Error"]["Code"]


def error_message(call):
    """"Code: Message" of the error `call` fails with, or "no error"."""
    try:
        call()
        return "no error"
    except ClientError as error:
        return error.response["Error"]["Code"] + ": " + error.response["Error"]["Message"]
