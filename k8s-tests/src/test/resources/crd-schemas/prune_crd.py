#!/usr/bin/env python3
"""Writes the minimal JSON schemas of crd-schemas/ from the operators' real CRDs.

Each schema keeps, from the CRD's openAPIV3Schema, only the fields that the rendered overlays
use, with additionalProperties false on every object: a field the manifests start to use must be
added here on purpose (run this again), and a field the real CRD does not have stops this script.
Free-form maps of the CRDs (x-kubernetes-preserve-unknown-fields, e.g. Kafka `config`) stay free.

  kubectl kustomize k8s/overlays/prod > /tmp/prod.yaml
  python3 prune_crd.py /tmp/prod.yaml <crd.yaml>... [--extra Kind:path:schema.json]

Needs PyYAML. The CRDs used for the committed schemas are listed in README.md.
"""
import json
import sys

import yaml

LABEL_SELECTOR = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "matchLabels": {"type": "object", "additionalProperties": {"type": "string"}},
        "matchExpressions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["key", "operator"],
                "properties": {
                    "key": {"type": "string"},
                    "operator": {"type": "string", "enum": ["In", "NotIn", "Exists", "DoesNotExist"]},
                    "values": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}
# networking.k8s.io/v1 NetworkPolicyPeer, for the Keycloak operator's spec.networkPolicy (newer
# than the last published CRD file; the operator's NetworkPolicySpec takes a list of these).
NETWORK_POLICY_PEER = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "podSelector": LABEL_SELECTOR,
        "namespaceSelector": LABEL_SELECTOR,
        "ipBlock": {
            "type": "object",
            "additionalProperties": False,
            "required": ["cidr"],
            "properties": {"cidr": {"type": "string"}, "except": {"type": "array", "items": {"type": "string"}}},
        },
    },
}
KEYCLOAK_NETWORK_POLICY = {
    "type": "object",
    "properties": {
        "enabled": {"type": "boolean"},
        "http": {"type": "array", "items": NETWORK_POLICY_PEER},
        "https": {"type": "array", "items": NETWORK_POLICY_PEER},
        "management": {"type": "array", "items": NETWORK_POLICY_PEER},
    },
}
EXTRA = {("Keycloak", "networkPolicy"): KEYCLOAK_NETWORK_POLICY}

METADATA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "namespace": {"type": "string"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}

KEPT = ("type", "enum", "format", "minimum", "maximum", "pattern", "minItems", "maxItems", "minLength", "maxLength")


def prune(schema, values, path):
    out = {k: schema[k] for k in KEPT if k in schema}
    if schema.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        return {"anyOf": [{"type": "integer"}, {"type": "string"}]}
    if schema.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    if "properties" in schema:
        used = {}
        for value in values:
            if not isinstance(value, dict):
                continue
            for key, item in value.items():
                used.setdefault(key, []).append(item)
        unknown = sorted(set(used) - set(schema["properties"]))
        if unknown:
            sys.exit(f"{path}: the CRD has no field {unknown}")
        out["type"] = "object"
        out["additionalProperties"] = False
        out["properties"] = {k: prune(schema["properties"][k], used[k], f"{path}.{k}") for k in sorted(used)}
        if schema.get("required"):
            out["required"] = schema["required"]
        return out
    if isinstance(schema.get("additionalProperties"), dict):
        items = [v for value in values if isinstance(value, dict) for v in value.values()]
        out["type"] = "object"
        out["additionalProperties"] = prune(schema["additionalProperties"], items, f"{path}.*")
        return out
    if schema.get("x-kubernetes-preserve-unknown-fields"):
        return {"type": "object"}
    if schema.get("type") == "array" and "items" in schema:
        items = [v for value in values if isinstance(value, list) for v in value]
        out["items"] = prune(schema["items"], items, f"{path}[]")
    return out


def main(rendered, crd_files):
    objects = [d for d in yaml.safe_load_all(open(rendered)) if d]
    for crd_file in crd_files:
        crd = yaml.safe_load(open(crd_file))
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            api_version = f"{group}/{version['name']}"
            used = [o for o in objects if o["apiVersion"] == api_version and o["kind"] == kind]
            if not used:
                continue
            spec_schema = dict(version["schema"]["openAPIV3Schema"]["properties"]["spec"])
            spec_schema["properties"] = dict(spec_schema["properties"])
            for (extra_kind, field), extra in EXTRA.items():
                if extra_kind == kind and field not in spec_schema["properties"]:
                    spec_schema["properties"][field] = extra
            schema = {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "title": f"{kind} ({api_version}), only the fields the overlays use; from {crd_file.split('/')[-1]}",
                "type": "object",
                "additionalProperties": False,
                "required": ["apiVersion", "kind", "metadata", "spec"],
                "properties": {
                    "apiVersion": {"const": api_version},
                    "kind": {"const": kind},
                    "metadata": METADATA,
                    "spec": prune(spec_schema, [o["spec"] for o in used], f"{kind}.spec"),
                },
            }
            name = f"{group}_{version['name']}_{kind}.json"
            with open(name, "w") as out:
                json.dump(schema, out, indent=2)
                out.write("\n")
            print(f"{name}: {len(used)} object(s)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
