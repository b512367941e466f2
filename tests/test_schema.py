"""The schema is written once (schema/) and every derived form agrees with it."""

import json

import datasets
import pyarrow as pa

from earnings_events import schema


def test_every_derived_form_names_the_same_fields_in_order():
    for config in schema.CONFIGS:
        names = schema.load(config).names
        assert schema.arrow_schema(config).names == names
        assert list(schema.features(config)) == names
        assert list(schema.json_schema(config)["properties"]) == names
        assert [f["name"] for f in schema.card_features(config)] == names


def test_arrow_schema_matches_datasets_features_and_embeds_them():
    for config in schema.CONFIGS:
        ours = schema.arrow_schema(config)
        feats = schema.features(config)
        theirs = feats.arrow_schema
        assert [f.type for f in ours] == [f.type for f in theirs]
        meta = json.loads(ours.metadata[b"huggingface"])
        assert datasets.Features.from_dict(meta["info"]["features"]) == feats


def test_class_labels_and_required_statement_fields():
    spec = schema.load("statements")
    feats = schema.features("statements")
    assert isinstance(feats["label"], datasets.ClassLabel)
    assert feats["label"].names == ["outlook", "performance", "risk", "other"]
    assert spec.field("label").precedence == ("risk", "outlook", "performance", "other")
    assert feats["speaker_role"].names == ["executive", "analyst", "other"]
    required = {
        "id",
        "company",
        "ticker",
        "quarter",
        "fiscal_year",
        "fiscal_quarter",
        "statement",
        "speaker",
        "speaker_role",
        "label",
        "label_source",
        "article_id",
        "url",
        "published",
        "char_start",
        "char_end",
    }
    assert required <= set(spec.names)
    nullable = {f.name for f in spec.fields if f.nullable}
    assert {"ticker", "quarter", "fiscal_year", "fiscal_quarter", "url", "published"} == nullable
    assert not schema.arrow_schema("statements").field("statement").nullable
    assert schema.arrow_schema("statements").field("published").type == pa.date32()


def test_json_schema_accepts_nulls_only_where_allowed():
    js = schema.json_schema("statements")
    assert "anyOf" in js["properties"]["ticker"]
    assert js["properties"]["label"]["enum"] == ["outlook", "performance", "risk", "other"]
    assert js["properties"]["quarter"]["anyOf"][0]["pattern"] == "^[0-9]{4}Q[1-4]$"
    assert "anyOf" not in js["properties"]["statement"]
    assert js["required"] == schema.load("statements").names
