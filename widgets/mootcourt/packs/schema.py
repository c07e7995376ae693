"""The JSON Schema of a case file of one pack: the generic case schema with the pack's
vocabulary filled in (its id, issues, doctrine parameters and values, remedy kinds, facts,
party attributes and named dates), so an author's editor can complete and check a case of
that pack (`mootcourt schema case --pack PACK`)."""

from __future__ import annotations

import copy
from typing import Any

from ..casefile import CaseFile, Claim
from .pack import Pack


def case_schema(pack: Pack) -> dict[str, Any]:
    """`CaseFile`'s schema, narrowed to what a case of `pack` may say."""
    schema = copy.deepcopy(CaseFile.model_json_schema(by_alias=True))
    defs = schema["$defs"]
    decl = pack.file
    issues = {"enum": list(pack.issues)}
    facts = {"enum": list(pack.facts)}
    schema["properties"]["pack"] = {"const": pack.id, "description": decl.title.en}
    schema["properties"]["issue_labels"]["propertyNames"] = issues
    schema["properties"]["dates"]["propertyNames"] = {"enum": [d.id for d in decl.case.dates]}
    required = [p.name for p in decl.parameters if p.default is None]
    defs["Level"]["properties"]["doctrine"] = {
        "type": "object",
        "description": "a value for each doctrine parameter of the pack",
        "properties": {
            p.name: {
                "allOf": [
                    {"$ref": "#/$defs/Setting"},
                    {"properties": {"value": {"enum": [v.value for v in p.values]}}},
                ],
                "description": p.label.en,
            }
            for p in decl.parameters
        },
        "required": required,
        "additionalProperties": False,
    }
    for key in ("reasoning_order", "reported_issues"):
        defs["Level"]["properties"][key]["anyOf"][0]["items"] = issues
    kind = Claim.model_fields["kind"].alias or "kind"  # the key an author writes
    defs["Claim"]["properties"][kind] = {"enum": list(pack.remedies)}
    defs["Claim"]["properties"]["needs"]["items"] = facts
    for key in ("supports", "defeats"):
        defs["Evidence"]["properties"][key]["items"] = facts
    defs["Party"]["properties"]["attributes"]["items"] = {
        "enum": [a.id for a in decl.case.party_attributes]
    }
    schema["required"] = sorted({*schema.get("required", []), *decl.case.sections})
    schema["title"] = f"CaseFile ({pack.id})"
    return schema
