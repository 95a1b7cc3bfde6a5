"""Writes a seeded corpus of CreateActivity request files: about 60% JSON and 40% YAML, 0..60 tags each, and
about 30% with a violation. Usage: generate_corpus.py COUNT FOLDER [SEED]"""
import json
import os
import random
import sys


def request(rng):
    name = "activity-" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-") for _ in range(rng.randint(4, 40)))
    tags = [{"key": f"tag-{i}", "value": rng.choice(["payments", "orders", "", "team/a", "cost:42"])}
            for i in range(rng.randint(0, 60))]
    body = {"name": name}
    if tags:
        body["tags"] = tags
    if rng.random() < 0.5:
        body["encryptionConfiguration"] = {
            "type": "CUSTOMER_MANAGED_KMS_KEY",
            "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:alias/payments",
            "kmsDataKeyReusePeriodSeconds": 300,
        }
    if rng.random() < 0.3:
        broken = rng.randint(0, 4)
        if broken == 0:
            body["name"] = name + " v2"
        elif broken == 1 and tags:
            tags[0]["key"] = "aws:" + tags[0]["key"]
        elif broken == 2:
            body["encryptionConfiguration"] = {"type": "CUSTOMER_MANAGED_KMS_KEY"}
        elif broken == 3:
            body["tags"] = tags + [{"key": f"extra-{i}", "value": "x"} for i in range(51)]
        else:
            body["Name"] = body.pop("name")
    return body


def yaml_text(body):
    lines = [f"name: {json.dumps(body['name'])}" if "name" in body else f"Name: {json.dumps(body['Name'])}"]
    if body.get("tags"):
        lines.append("tags:")
        for tag in body["tags"]:
            lines.append(f"  - key: {json.dumps(tag['key'])}")
            lines.append(f"    value: {json.dumps(tag['value'])}")
    if "encryptionConfiguration" in body:
        lines.append("encryptionConfiguration:")
        for key, value in body["encryptionConfiguration"].items():
            lines.append(f"  {key}: {value}")
    return "\n".join(lines) + "\n"


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    for index in range(count):
        sub = os.path.join(folder, f"{index // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        body = request(rng)
        if rng.random() < 0.6:
            with open(os.path.join(sub, f"request-{index:06d}.json"), "w") as out:
                json.dump(body, out, indent=2)
        else:
            with open(os.path.join(sub, f"request-{index:06d}.yaml"), "w") as out:
                out.write(yaml_text(body))


if __name__ == "__main__":
    main()
