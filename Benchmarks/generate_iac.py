"""Writes CloudFormation templates and one large Terraform plan built from the same seeded requests as the
payload corpus. Usage: generate_iac.py TEMPLATES PLAN_RESOURCES FOLDER [SEED]"""
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


def main():
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
