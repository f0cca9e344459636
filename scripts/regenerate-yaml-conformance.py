#!/usr/bin/env python3
"""Regenerate the expected trees of the YAML conformance corpus with PyYAML.

For every Tests/YAMLReaderTests/Fixtures/conformance/NAME.yaml this writes NAME.json: the
document as PyYAML's safe_load reads it, in the shape of YAMLReader's `Node.json`:
mappings as objects (document order), sequences as arrays, dates as ISO strings,
infinities and NaN as the strings ".inf", "-.inf", ".nan".

Run once after adding or changing a document, review the diff, and commit both files:

    python3 scripts/regenerate-yaml-conformance.py

The same conversion is used at test time to compare scenarios/*.yaml (see `to_json`);
with `--stdin` it converts one document from standard input and prints the JSON.
"""
import datetime
import json
import math
import pathlib
import sys

import yaml


def key_text(key):
    """Mapping keys as JSON object keys (json.dumps would turn 1 into "1", True into "true")."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, (datetime.date, datetime.datetime)):
        return key.isoformat()
    return str(key)


def to_json(value):
    if isinstance(value, dict):
        return {key_text(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def render(text):
    return json.dumps(to_json(yaml.safe_load(text)), ensure_ascii=False, indent=2) + "\n"


def main():
    if "--stdin" in sys.argv:
        sys.stdout.write(render(sys.stdin.buffer.read().decode("utf-8")))
        return
    folder = pathlib.Path(__file__).resolve().parent.parent / "Tests/YAMLReaderTests/Fixtures/conformance"
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_bytes().decode("utf-8")
        try:
            rendered = render(text)
        except yaml.YAMLError as error:
            sys.exit(f"{path.name}: PyYAML cannot read it, so it does not belong in the corpus:\n{error}")
        path.with_suffix(".json").write_text(rendered, encoding="utf-8")
        print(f"wrote {path.with_suffix('.json').name}")


if __name__ == "__main__":
    main()
