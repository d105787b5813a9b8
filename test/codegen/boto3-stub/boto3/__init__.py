"""A recording stand-in for boto3, for tests only: boto3 cannot be installed on the test machines (no PyPI), so the
generated Python is executed against this stub, which records every call's arguments and answers with nothing.
It checks that the generated code runs and builds the request Monotable's own request builder builds."""

CALLS = []


class _Table:
    def __init__(self, name):
        self.name = name

    def _call(self, operation, kwargs):
        CALLS.append({"operation": operation, "TableName": self.name, "kwargs": kwargs})
        return {}

    def get_item(self, **kwargs):
        return self._call("GetItem", kwargs)

    def query(self, **kwargs):
        return self._call("Query", kwargs)

    def scan(self, **kwargs):
        return self._call("Scan", kwargs)

    def put_item(self, **kwargs):
        return self._call("PutItem", kwargs)

    def update_item(self, **kwargs):
        return self._call("UpdateItem", kwargs)

    def delete_item(self, **kwargs):
        return self._call("DeleteItem", kwargs)


class _Client:
    def transact_write_items(self, **kwargs):
        CALLS.append({"operation": "TransactWriteItems", "kwargs": kwargs})
        return {}


class _Meta:
    client = _Client()


class _Resource:
    meta = _Meta()

    def Table(self, name):
        return _Table(name)

    def batch_get_item(self, **kwargs):
        CALLS.append({"operation": "BatchGetItem", "kwargs": kwargs})
        return {}


def resource(service):
    assert service == "dynamodb"
    return _Resource()


class _ResourceInUseException(Exception):
    pass


class _Exceptions:
    ResourceInUseException = _ResourceInUseException


class _Waiter:
    def __init__(self, name):
        self.name = name

    def wait(self, **kwargs):
        CALLS.append({"operation": f"wait:{self.name}", "kwargs": kwargs})


class _LowLevelClient:
    """boto3.client("dynamodb"): records create_table, waiters and update_time_to_live. A table name listed in
    EXISTING raises ResourceInUseException, as DynamoDB does for a table that already exists."""

    exceptions = _Exceptions()

    def __init__(self, **config):
        CALLS.append({"operation": "client", "kwargs": config})

    def create_table(self, **kwargs):
        if kwargs.get("TableName") in EXISTING:
            raise _ResourceInUseException("Table already exists")
        CALLS.append({"operation": "CreateTable", "kwargs": kwargs})
        return {"TableDescription": {"TableName": kwargs.get("TableName"), "TableStatus": "CREATING"}}

    def get_waiter(self, name):
        return _Waiter(name)

    def update_time_to_live(self, **kwargs):
        CALLS.append({"operation": "UpdateTimeToLive", "kwargs": kwargs})
        return {}


EXISTING = set(filter(None, __import__("os").environ.get("STUB_EXISTING_TABLES", "").split(",")))


def client(service, **config):
    assert service == "dynamodb"
    return _LowLevelClient(**config)


class _Session:
    region_name = __import__("os").environ.get("AWS_DEFAULT_REGION") or None


class session:  # noqa: N801  (boto3.session.Session)
    Session = _Session
