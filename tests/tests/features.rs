//! The member kinds beyond GetImportJob's, from `tests/models/features.json`:
//! blobs, every number width, jsonName, lists, sparse lists and maps, maps
//! keyed by enums, unions, keyword member names.

use std::collections::HashMap;

use serde_json::{Value, json};
use sesv2_model::Blob;
use sesv2_model_tests::features::{Circle, Colour, Part, Shape, Widget, WidgetConflict};

const WIDGET: &str = r#"{
    "Id": "w-1",
    "name": "Sprocket",
    "Enabled": true,
    "Tiny": -128,
    "Small": 32767,
    "Count": 12,
    "Big": 9007199254740993,
    "Ratio": 0.5,
    "Weight": 1.25,
    "Checksum": "3q2+7w==",
    "CreatedAt": 1700000000.25,
    "Colour": "dark-blue",
    "Tags": ["a", "b"],
    "Notes": ["first", null, "third"],
    "Attributes": {"height": 3, "width": 4},
    "Ratings": {"red": 4.5, "ultraviolet": 1.0},
    "Optional": {"kept": "x", "cleared": null},
    "Parts": [{"Name": "cog", "Quantity": 2}, {"Name": "spring"}],
    "Shape": {"Circle": {"Radius": 2.5}},
    "type": "gear",
    "Self": "me"
}"#;

fn widget(body: &str) -> Widget {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}\nin {body}"))
}

fn error(body: &str) -> String {
    serde_json::from_str::<Widget>(body).unwrap_err().to_string()
}

#[test]
fn every_member_kind_decodes_and_reencodes_to_the_same_json() {
    let widget = widget(WIDGET);
    assert_eq!(widget.id(), "w-1");
    assert_eq!(widget.name(), Some("Sprocket"));
    assert_eq!(widget.enabled(), Some(true));
    assert_eq!(widget.tiny(), Some(i8::MIN));
    assert_eq!(widget.small(), Some(i16::MAX));
    assert_eq!(widget.count(), 12);
    assert_eq!(widget.big(), Some(9_007_199_254_740_993));
    assert_eq!(widget.ratio(), Some(0.5));
    assert_eq!(widget.weight(), Some(1.25));
    assert_eq!(
        widget.checksum().map(Blob::as_bytes),
        Some([0xde, 0xad, 0xbe, 0xef].as_slice())
    );
    assert_eq!(widget.created_at().map(|t| t.subsec_nanos()), Some(250_000_000));
    assert_eq!(widget.colour(), Some(&Colour::DarkBlue));
    assert_eq!(widget.tags(), Some(["a".to_owned(), "b".to_owned()].as_slice()));
    assert_eq!(
        widget.notes(),
        Some([Some("first".to_owned()), None, Some("third".to_owned())].as_slice())
    );
    assert_eq!(widget.attributes().and_then(|a| a.get("width")), Some(&4));
    let ratings = widget.ratings().unwrap();
    assert_eq!(ratings.get(&Colour::Red), Some(&4.5));
    assert_eq!(ratings.get(&Colour::from("ultraviolet")), Some(&1.0));
    let optional = widget.optional().unwrap();
    assert_eq!(optional.get("kept"), Some(&Some("x".to_owned())));
    assert_eq!(optional.get("cleared"), Some(&None));
    let parts = widget.parts().unwrap();
    assert_eq!(parts[0].name(), "cog");
    assert_eq!(parts[1].quantity(), None);
    assert_eq!(
        widget.shape(),
        Some(&Shape::Circle(Circle::builder().radius(2.5).build().unwrap()))
    );
    assert_eq!(widget.r#type(), Some("gear"));
    assert_eq!(widget.self_(), Some("me"));

    let expected: Value = serde_json::from_str(WIDGET).unwrap();
    assert_eq!(serde_json::to_value(&widget).unwrap(), expected);
}

#[test]
fn dense_collections_drop_nulls_and_sparse_ones_keep_them() {
    let widget =
        widget(r#"{"Id": "w", "Count": 1, "Tags": ["a", null], "Attributes": {"x": null, "y": 2}, "Notes": [null]}"#);
    assert_eq!(widget.tags(), Some(["a".to_owned()].as_slice()));
    assert_eq!(widget.attributes(), Some(&HashMap::from([("y".to_owned(), 2)])));
    assert_eq!(widget.notes(), Some([None].as_slice()));
    assert_eq!(serde_json::to_value(&widget).unwrap()["Notes"], json!([null]));
}

#[test]
fn non_finite_doubles_travel_as_strings() {
    let widget =
        widget(r#"{"Id": "w", "Count": 1, "Weight": "NaN", "Ratio": "-Infinity", "Ratings": {"red": "Infinity"}}"#);
    assert!(widget.weight().unwrap().is_nan());
    assert_eq!(widget.ratio(), Some(f32::NEG_INFINITY));
    assert_eq!(widget.ratings().unwrap()[&Colour::Red], f64::INFINITY);
    let value = serde_json::to_value(&widget).unwrap();
    assert_eq!(value["Weight"], "NaN");
    assert_eq!(value["Ratio"], "-Infinity");
    assert_eq!(value["Ratings"]["red"], "Infinity");
    assert_eq!(
        error(r#"{"Id": "w", "Count": 1, "Weight": "heavy"}"#),
        "invalid value: string \"heavy\", expected a number, \"NaN\", \"Infinity\" or \"-Infinity\" \
         for `Widget.Weight` at line 1 column 41"
    );
}

#[test]
fn narrow_integers_reject_values_out_of_their_range() {
    assert_eq!(
        error(r#"{"Id": "w", "Count": 1, "Tiny": 128}"#),
        "invalid value: integer `128`, expected an 8-bit integer for `Widget.Tiny` at line 1 column 35"
    );
    assert_eq!(
        error(r#"{"Id": "w", "Count": 1.5}"#),
        "invalid type: floating point `1.5`, expected a 32-bit integer for `Widget.Count` at line 1 column 24"
    );
}

#[test]
fn blobs_are_base64_and_bad_base64_is_an_error() {
    let widget = widget(r#"{"Id": "w", "Count": 1, "Checksum": "aGk"}"#);
    assert_eq!(widget.checksum().unwrap().as_bytes(), b"hi");
    assert_eq!(serde_json::to_value(&widget).unwrap()["Checksum"], "aGk=");
    assert_eq!(
        error(r#"{"Id": "w", "Count": 1, "Checksum": "not base64!"}"#),
        "invalid value: string \"not base64!\", expected a base64 string for `Widget.Checksum` at line 1 column 49"
    );
}

#[test]
fn json_name_renames_the_member_on_the_wire_only() {
    let widget = Widget::builder().id("w").count(1).name("Sprocket").build().unwrap();
    assert_eq!(
        serde_json::to_value(&widget).unwrap(),
        json!({"Id": "w", "Count": 1, "name": "Sprocket"})
    );
    assert_eq!(
        self::widget(r#"{"Id": "w", "Count": 1, "Name": "ignored"}"#).name(),
        None
    );
}

#[test]
fn an_enum_member_called_unknown_keeps_its_name_and_the_fallback_moves_aside() {
    assert_eq!(Colour::from("unknown"), Colour::Unknown);
    let other = Colour::from("ultraviolet");
    assert!(matches!(&other, Colour::UnknownValue(value) if value.as_str() == "ultraviolet"));
    assert_eq!(Colour::values(), ["red", "dark-blue", "unknown"]);
    assert_eq!("dark-blue".parse::<Colour>(), Ok(Colour::DarkBlue));
    assert_eq!(Colour::DarkBlue.to_string(), "dark-blue");
}

#[test]
fn union_members_round_trip() {
    for (body, expected) in [
        (
            json!({"Circle": {"Radius": 1.5}}),
            Shape::Circle(Circle::builder().radius(1.5).build().unwrap()),
        ),
        (json!({"Square": 2.0}), Shape::Square(2.0)),
        (json!({"Point": {}}), Shape::Point),
        (json!({"label": "hexagon"}), Shape::Label("hexagon".to_owned())),
    ] {
        let shape: Shape = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(shape, expected);
        assert_eq!(serde_json::to_value(&shape).unwrap(), body);
    }
}

#[test]
fn unknown_union_members_keep_their_name_and_value() {
    let body = json!({"Polygon": {"Sides": [3, 4, 5], "Closed": true}});
    let shape: Shape = serde_json::from_value(body.clone()).unwrap();
    let Shape::Unknown(member) = &shape else {
        panic!("expected the unknown variant, got {shape:?}");
    };
    assert_eq!(member.name(), "Polygon");
    assert_eq!(member.value(), &json!({"Sides": [3, 4, 5], "Closed": true}));
    assert_eq!(serde_json::to_value(&shape).unwrap(), body);
}

#[test]
fn unions_need_exactly_one_member() {
    let error = |body: &str| serde_json::from_str::<Shape>(body).unwrap_err().to_string();
    assert_eq!(
        error(r#"{"Square": 1, "label": "x"}"#),
        "invalid `Shape` union: more than one member is set; expected exactly one at line 1 column 27"
    );
    assert_eq!(
        error("{}"),
        "invalid `Shape` union: no member is set; expected exactly one at line 1 column 2"
    );
    // Members set to null and protocol metadata do not count.
    let shape: Shape = serde_json::from_str(r#"{"__type": "Shape", "Circle": null, "Square": 3}"#).unwrap();
    assert_eq!(shape, Shape::Square(3.0));
}

#[test]
fn defaults_exist_only_without_required_members() {
    let part = Part::builder().name("cog").build().unwrap();
    assert_eq!(part.quantity(), None);
    assert_eq!(Part::builder().quantity(1).build().unwrap_err().member(), "Name");
    let conflict = WidgetConflict::builder().message("w-1 exists").build().unwrap();
    assert_eq!(conflict.to_string(), "WidgetConflict: w-1 exists");
}

#[test]
fn enum_values_that_collide_after_conversion_get_numbered_variants() {
    use sesv2_model_tests::keywords::Punctuation;

    // Model order decides: the first keeps the plain name.
    assert_eq!(Punctuation::from("a-b"), Punctuation::AB);
    assert_eq!(Punctuation::from("a_b"), Punctuation::AB2);
    assert_eq!(Punctuation::from("a.b"), Punctuation::AB3);
    assert_eq!(Punctuation::from("AB2"), Punctuation::Ab2);
    assert_eq!(Punctuation::AB2.as_str(), "a_b");
}

#[test]
fn keyword_and_std_names_generate_usable_types() {
    use sesv2_model_tests::keywords::{self, Default, Keywords};

    let option = keywords::Option::builder().some("x").none(true).build();
    let string = keywords::String::builder().value(option.clone()).build().unwrap();
    assert_eq!(string.value(), &option);
    let keywords = Keywords::builder()
        .r#type("t")
        .self_("s")
        .r#async("a")
        .r#gen("g")
        .build();
    assert_eq!(
        serde_json::to_value(&keywords).unwrap(),
        json!({"type": "t", "self": "s", "async": "a", "gen": "g"})
    );
    assert_eq!(Default::from("self"), Default::Self_);
    let result: keywords::Result =
        serde_json::from_str(r#"{"Err": {"Vec": ["type", "mystery"]}, "Ok": {"Value": {}}}"#).unwrap();
    assert_eq!(
        result.err().and_then(|b| b.vec()),
        Some([Default::Type, Default::from("mystery")].as_slice())
    );
    let shadowing: keywords::Self_ =
        serde_json::from_str(r#"{"map": "m", "deserializer": "d", "index": 3, "at": "x"}"#).unwrap();
    assert_eq!(
        (shadowing.map(), shadowing.index(), shadowing.at()),
        (Some("m"), Some(3), Some("x"))
    );
}
