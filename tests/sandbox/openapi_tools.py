"""Just enough JSON Schema for the fuzz: hypothesis strategies from the OpenAPI document's
schemas (mostly valid values, sometimes junk), and a validator for responses."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

Schema = dict[str, Any]

TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
JUNK: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(TEXT, st.integers(), max_size=2),
)


class Resolver:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        # Property name -> real values (ids), so requests also reach the success paths.
        self.hints: dict[str, list[Any]] = {}

    def resolve(self, schema: Schema) -> Schema:
        while "$ref" in schema:
            node: Any = self.document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def strategy(self, schema: Schema, junk: float = 0.05) -> st.SearchStrategy[Any]:
        """Values of the schema, with a `junk` share of values of any other type."""
        valid = self._valid(self.resolve(schema))
        if junk <= 0:
            return valid
        # sampled_from leans to its first element: mostly valid values, a little junk.
        odds = max(2, round(1 / junk))
        return st.sampled_from([False] * (odds - 1) + [True]).flatmap(
            lambda is_junk: JUNK if is_junk else valid
        )

    def _valid(self, schema: Schema) -> st.SearchStrategy[Any]:
        if "anyOf" in schema:
            return st.one_of([self.strategy(s, junk=0) for s in schema["anyOf"]])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        if "const" in schema:
            return st.just(schema["const"])
        kind = schema.get("type")
        if kind == "string":
            if "pattern" in schema:
                return st.from_regex(schema["pattern"], fullmatch=True).filter(
                    lambda s: len(s) <= schema.get("maxLength", 10_000)
                )
            return st.text(
                st.characters(codec="utf-8"),
                min_size=schema.get("minLength", 0),
                max_size=min(schema.get("maxLength", 60), 60),
            )
        if kind == "integer":
            return st.integers(
                min_value=schema.get("minimum", -(2**40)), max_value=schema.get("maximum", 2**40)
            )
        if kind == "boolean":
            return st.booleans()
        if kind == "null":
            return st.none()
        if kind == "array":
            return st.lists(self.strategy(schema.get("items", {}), junk=0.05), max_size=4)
        if kind == "object" or "properties" in schema:
            return self._object(schema)
        return JUNK

    def _object(self, schema: Schema) -> st.SearchStrategy[dict[str, Any]]:
        properties: dict[str, Schema] = schema.get("properties", {})
        required = set(schema.get("required", []))

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, Any]:
            value: dict[str, Any] = {}
            for name, sub in properties.items():
                keep = name in required or draw(st.booleans())
                if name in required and draw(st.sampled_from([False] * 19 + [True])):
                    keep = False  # now and then a required field is missing
                if keep and name in self.hints and draw(st.sampled_from([True, True, False])):
                    value[name] = draw(st.sampled_from(self.hints[name]))
                elif keep:
                    value[name] = draw(self.strategy(sub))
            if draw(st.sampled_from([False] * 9 + [True])):  # now and then an unknown field
                value[draw(st.sampled_from(["status", "account_id", "price", "id", "x"]))] = draw(
                    JUNK
                )
            return value

        return build()

    def errors(self, value: Any, schema: Schema, where: str = "$") -> list[str]:
        """Why `value` does not match `schema` (empty when it does)."""
        schema = self.resolve(schema)
        if "anyOf" in schema:
            if any(not self.errors(value, s, where) for s in schema["anyOf"]):
                return []
            return [f"{where}: matches none of anyOf"]
        if "enum" in schema and value not in schema["enum"]:
            return [f"{where}: {value!r} not in {schema['enum']}"]
        if "const" in schema and value != schema["const"]:
            return [f"{where}: {value!r} != {schema['const']!r}"]
        kind = schema.get("type")
        checks = {
            "string": lambda v: isinstance(v, str),
            "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "boolean": lambda v: isinstance(v, bool),
            "null": lambda v: v is None,
            "array": lambda v: isinstance(v, list),
            "object": lambda v: isinstance(v, dict),
        }
        if kind in checks and not checks[kind](value):
            return [f"{where}: {value!r} is not {kind}"]
        if kind == "string" and "pattern" in schema and not re.search(schema["pattern"], value):
            return [f"{where}: {value!r} does not match {schema['pattern']}"]
        problems: list[str] = []
        if kind == "array":
            for index, item in enumerate(value):
                problems += self.errors(item, schema.get("items", {}), f"{where}[{index}]")
        if isinstance(value, dict) and "properties" in schema:
            for name in schema.get("required", []):
                if name not in value:
                    problems.append(f"{where}: missing {name}")
            for name, sub in schema["properties"].items():
                if name in value:
                    problems += self.errors(value[name], sub, f"{where}.{name}")
        return problems
