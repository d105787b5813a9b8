"""Runs a generated schema-load script against the recording boto3 stub and prints, after the script's own output,
one line `CALLS: [...]` with the calls it made. Usage: python3 run-schema-load.py SCRIPT [ARGS...]"""
import json
import os
import runpy
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "boto3-stub"))

import boto3  # noqa: E402  (the stub)

script = sys.argv[1]
sys.argv = [script, *sys.argv[2:]]
code = 0
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else 1
    if not isinstance(exit.code, int) and exit.code is not None:
        print(exit.code, file=sys.stderr)
print("CALLS: " + json.dumps(boto3.CALLS))
sys.exit(code)
