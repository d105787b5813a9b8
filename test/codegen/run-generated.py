"""Runs functions of a generated Python module against the recording boto3 stub and prints the requests they made
as DynamoDB JSON. Usage: python3 run-generated.py MODULE.py < calls.json

calls.json: [{"function": "list_messages", "args": [{"type": "S", "value": "..."}], "batch": false}, ...]
A batch call passes "keys": [{"param": {"type": ..., "value": ...}}, ...] instead of "args"."""
import base64
import importlib.util
import json
import os
import sys
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "boto3-stub"))

import boto3  # noqa: E402  (the stub)
from boto3.dynamodb.types import TypeSerializer  # noqa: E402

spec = importlib.util.spec_from_file_location("generated", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
serializer = TypeSerializer()


def native(arg):
    kind, value = arg["type"], arg["value"]
    if kind == "N":
        return Decimal(value)
    if kind == "BOOL":
        return value in (True, "true")
    if kind == "B":
        return base64.b64decode(value)
    if kind in ("SS", "NS"):
        return {Decimal(v) if kind == "NS" else v for v in value}
    return value


def typed(values):
    return {name: serializer.serialize(value) for name, value in values.items()}


def jsonable(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


results = []
for call in json.load(sys.stdin):
    boto3.CALLS.clear()
    fn = getattr(module, call["function"])
    if "keys" in call:
        fn([{name: native(arg) for name, arg in key.items()} for key in call["keys"]])
    else:
        fn(*[native(arg) for arg in call["args"]])
    (recorded,) = boto3.CALLS
    kwargs = dict(recorded["kwargs"])
    if recorded["operation"] == "BatchGetItem":
        for request in kwargs["RequestItems"].values():
            request["Keys"] = [typed(key) for key in request["Keys"]]
    elif recorded["operation"] != "TransactWriteItems":
        for field in ("Key", "Item", "ExpressionAttributeValues"):
            if field in kwargs:
                kwargs[field] = typed(kwargs[field])
        kwargs = {"TableName": recorded["TableName"], **kwargs}
    results.append({"operation": recorded["operation"], "input": jsonable(kwargs)})
print(json.dumps(results))
