"""Writes CloudFormation templates and one large Terraform plan built from the same seeded requests as the
payload corpus, or (--terraform) a tree of Terraform modules. Usage: generate_iac.py TEMPLATES PLAN_RESOURCES
FOLDER [SEED], or generate_iac.py --terraform FILES FOLDER [SEED]"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_corpus import request  # noqa: E402
import random  # noqa: E402


def cloudformation(body, index):
    properties = {}
    for api, cfn in (("name", "Name"), ("Name", "Names")):
        if api in body:
            properties[cfn] = body[api]
    if body.get("tags"):
        properties["Tags"] = [{"Key": t["key"], "Value": t["value"] or "x"} for t in body["tags"]]
    if "encryptionConfiguration" in body:
        properties["EncryptionConfiguration"] = {
            {"type": "Type", "kmsKeyId": "KmsKeyId", "kmsDataKeyReusePeriodSeconds": "KmsDataKeyReusePeriodSeconds"}[k]: v
            for k, v in body["encryptionConfiguration"].items()}
    return {"AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {f"Activity{index}": {"Type": "AWS::StepFunctions::Activity", "Properties": properties}}}


def plan(bodies):
    changes = []
    for index, body in enumerate(bodies):
        after = {"name": body.get("name", body.get("Name")),
                 "tags": {t["key"]: t["value"] for t in body.get("tags", [])},
                 "tags_all": {t["key"]: t["value"] for t in body.get("tags", [])},
                 "encryption_configuration": []}
        encryption = body.get("encryptionConfiguration")
        if encryption:
            after["encryption_configuration"] = [{"type": encryption["type"], "kms_key_id": encryption.get("kmsKeyId", ""),
                                                  "kms_data_key_reuse_period_seconds": encryption.get("kmsDataKeyReusePeriodSeconds", 0)}]
        changes.append({"address": f"aws_sfn_activity.a[{index}]", "mode": "managed", "type": "aws_sfn_activity",
                        "name": "a", "index": index,
                        "change": {"actions": ["create"], "before": None, "after": after,
                                   "after_unknown": {"arn": True, "id": True, "creation_date": True}}})
    return {"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": changes}


def hcl(value):
    return json.dumps(value)  # a JSON string or number is an HCL literal


def activity(body, index, rng):
    """One aws_sfn_activity block: its name a literal, a variable or a template; its tags literal or a local."""
    name = body.get("name", body.get("Name"))
    choice = rng.random()
    lines = [f'resource "aws_sfn_activity" "a{index}" {{']
    if choice < 0.2:
        lines.append(f"  name = var.name_{index}")
    elif choice < 0.4:
        lines.append(f'  name = "{name}-${{var.environment}}"')
    else:
        lines.append(f"  name = {hcl(name)}")
    if rng.random() < 0.2:
        lines.append("  provider = aws.west")
    if rng.random() < 0.3:
        lines.append("  tags = local.common_tags")
    elif body.get("tags"):
        lines.append("  tags = {")
        lines += [f"    {hcl(t['key'])} = {hcl(t['value'])}" for t in body["tags"]]
        lines.append("  }")
    encryption = body.get("encryptionConfiguration")
    if encryption:
        lines.append("  encryption_configuration {")
        names = {"type": "type", "kmsKeyId": "kms_key_id", "kmsDataKeyReusePeriodSeconds": "kms_data_key_reuse_period_seconds"}
        lines += [f"    {names[k]} = {hcl(v)}" for k, v in encryption.items()]
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def terraform(files, folder, rng):
    """Modules of ten files, as real ones are laid out: variables.tf (defaults the activities use), providers.tf
    (default tags, an aliased provider), locals.tf, outputs.tf and versions.tf without activities, and five files
    of one to three activities each."""
    per_module = 10
    for module in range(files // per_module):
        path = os.path.join(folder, f"module-{module:03d}")
        os.makedirs(path, exist_ok=True)
        bodies = [[request(rng) for _ in range(rng.randint(1, 3))] for _ in range(5)]
        count = sum(len(group) for group in bodies)
        variables = ['variable "environment" {\n  type    = string\n  default = "prod"\n}\n']
        variables += [f'variable "name_{i}" {{\n  type    = string\n  default = {hcl("queue-" + str(i) + (" v2" if i % 7 == 0 else ""))}\n}}\n'
                      for i in range(count)]
        texts = {
            "variables.tf": "\n".join(variables),
            "providers.tf": 'provider "aws" {\n  region = "eu-west-1"\n  default_tags {\n    tags = {\n'
                            '      project = "orders"\n      "cost center" = "42"\n    }\n  }\n}\n\n'
                            'provider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n',
            "locals.tf": 'locals {\n  common_tags = {\n    team = "payments"\n    owner = "orders"\n  }\n}\n',
            "outputs.tf": "".join(f'output "arn_{i}" {{\n  value = aws_sfn_activity.a{i}.id\n}}\n' for i in range(count)),
            "versions.tf": 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n'
                           '      version = "~> 5.0"\n    }\n  }\n}\n',
        }
        index = 0
        for number, group in enumerate(bodies):
            blocks = []
            for body in group:
                blocks.append(activity(body, index, rng))
                index += 1
            texts[f"activities-{number}.tf"] = "\n".join(blocks)
        for name, text in texts.items():
            with open(os.path.join(path, name), "w") as out:
                out.write(text)


def main():
    if sys.argv[1] == "--terraform":
        files, folder = int(sys.argv[2]), sys.argv[3]
        terraform(files, folder, random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7))
        return
    templates, resources, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    os.makedirs(os.path.join(folder, "templates"), exist_ok=True)
    for index in range(templates):
        with open(os.path.join(folder, "templates", f"template-{index:04d}.json"), "w") as out:
            json.dump(cloudformation(request(rng), index), out, indent=1)
    with open(os.path.join(folder, "plan.json"), "w") as out:
        json.dump(plan([request(rng) for _ in range(resources)]), out, indent=1)


if __name__ == "__main__":
    main()
