"""Smoke test of the Python client generated from the spec.

Usage: python3 smoke_test.py SPEC_YAML PACKAGE  (with the generated package on PYTHONPATH)

Checks that the package imports, that every operationId is a method of one of its API classes, that every
2xx JSON response example and every top-level object-schema example of the spec parses into the generated
pydantic model (an `anyOf`/`oneOf` schema into one of its branches), and that the continuous heart-rate range's
three examples (one day, an array of days, the `heart_rates` wrapper) land in the three different branches.
"""

import importlib
import inspect
import re
import sys

import yaml


def model_name(schema_name: str) -> str:
    """The generator's class name for a schema: `exerciseHashId` -> ExerciseHashId, `sleep-score` -> SleepScore."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_ ]", schema_name) if part)


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def branch_name(instance) -> str:
    """The branch of an anyOf/oneOf model an instance came from: `List[Model]` for a list, else the class name."""
    if isinstance(instance, list):
        return "List[" + (type(instance[0]).__name__ if instance else "?") + "]"
    return type(instance).__name__


def main(spec_path: str, package: str) -> int:
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    importlib.import_module(package)
    apis = importlib.import_module(package + ".api")
    models = importlib.import_module(package + ".models")
    schemas = spec["components"]["schemas"]
    problems = []

    methods = set()
    api_classes = [c for n, c in inspect.getmembers(apis, inspect.isclass) if n.endswith("Api")]
    for cls in api_classes:
        methods.update(name for name, _ in inspect.getmembers(cls, inspect.isfunction))
    if len(api_classes) != len(spec["tags"]):
        problems.append(f"{len(api_classes)} API classes for {len(spec['tags'])} tags")

    def model_for(name: str):
        cls = getattr(models, model_name(name), None)
        if cls is None:
            problems.append(f"no model class {model_name(name)} for schema {name}")
        return cls

    def parse(where: str, schema: dict, value) -> int:
        """Parses value into the model(s) schema points at; returns how many objects were parsed."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            target = schemas[name]
            if target.get("type") == "array":
                return parse(where, target, value)
            alternatives = "anyOf" in target or "oneOf" in target
            if target.get("type") != "object" and not alternatives:
                return 0
            cls = model_for(name)
            if cls is None:
                return 0
            try:
                parsed_value = cls.from_dict(value)
                if parsed_value is None or alternatives and parsed_value.actual_instance is None:
                    problems.append(f"{where}: {name} parsed to None")
                elif alternatives:
                    branches.setdefault(where, []).append(branch_name(parsed_value.actual_instance))
                return 1
            except Exception as e:  # noqa: BLE001 - report every failure, not just the first
                problems.append(f"{where}: {name}: {type(e).__name__}: {e}")
                return 0
        if schema.get("type") == "array" and isinstance(value, list):
            return sum(parse(f"{where}[{i}]", schema["items"], item) for i, item in enumerate(value))
        return 0

    branches = {}  # where -> the branch each anyOf/oneOf example parsed into, in example order
    parsed = 0
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            if snake(op["operationId"]) not in methods:
                problems.append(f"{method.upper()} {path}: no method {snake(op['operationId'])}")
            for status, response in op.get("responses", {}).items():
                media = response.get("content", {}).get("application/json")
                if not status.startswith("2") or not media or "schema" not in media:
                    continue
                examples = [media["example"]] if "example" in media else []
                examples += [e["value"] for e in media.get("examples", {}).values() if "value" in e]
                for example in examples:
                    parsed += parse(f"{op['operationId']} {status}", media["schema"], example)
    for name, schema in schemas.items():
        if schema.get("type") == "object" and "example" in schema:
            parsed += parse(f"schema {name}", {"$ref": "#/components/schemas/" + name}, schema["example"])

    range_branches = branches.get("listContinuousHeartRate 200")
    expected_branches = ["ContinuousHeartrate", "List[ContinuousHeartrate]", "ContinuousHeartrateDays"]
    if range_branches != expected_branches:
        problems.append(f"listContinuousHeartRate 200: examples parsed into {range_branches}, "
                        f"expected {expected_branches}")

    for problem in problems:
        print("polyglot smoke test: " + problem, file=sys.stderr)
    print(f"polyglot smoke test: {len(api_classes)} API classes, {len(methods)} methods, "
          f"{parsed} example objects parsed, {len(problems)} problems")
    return 1 if problems or parsed < 50 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
