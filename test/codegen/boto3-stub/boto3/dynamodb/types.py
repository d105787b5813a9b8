"""The part of boto3.dynamodb.types.TypeSerializer the generated code uses, with boto3's rules: int and Decimal are
numbers, float is refused, sets become SS/NS/BS."""
from decimal import Decimal


class TypeSerializer:
    def serialize(self, value):
        if value is None:
            return {"NULL": True}
        if isinstance(value, bool):
            return {"BOOL": value}
        if isinstance(value, float):
            raise TypeError("Float types are not supported. Use Decimal types instead.")
        if isinstance(value, (int, Decimal)):
            return {"N": str(value)}
        if isinstance(value, str):
            return {"S": value}
        if isinstance(value, (bytes, bytearray)):
            return {"B": bytes(value)}
        if isinstance(value, set):
            first = next(iter(value))
            kind = "NS" if isinstance(first, (int, Decimal)) else "BS" if isinstance(first, bytes) else "SS"
            return {kind: sorted(str(v) if kind == "NS" else v for v in value)}
        if isinstance(value, dict):
            return {"M": {k: self.serialize(v) for k, v in value.items()}}
        if isinstance(value, list):
            return {"L": [self.serialize(v) for v in value]}
        raise TypeError(f"Unsupported type {type(value)} for value {value!r}")
