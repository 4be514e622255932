//! HTTP bindings and operations from `tests/models/http.json`: bound members
//! stay out of the JSON body, request URIs render with percent-encoding,
//! error responses become the operation's error enum; also streaming
//! members, mixins, `apply` and service renames.

use std::collections::HashMap;

use serde_json::json;
use sesv2_model::{Blob, Operation, Timestamp};
use sesv2_model_tests::http::operations::{
    GetObject, GetObjectError, ListObjects, Ping, PingError, PutObject, Subscribe,
};
use sesv2_model_tests::http::{
    Events, Filter, GetObjectInput, GetObjectOutput, ListObjectsInput, NoSuchKey, Object, Options, OtherObject,
    PutObjectInput, PutObjectOutput, Throttled,
};

fn get_object() -> GetObjectInput {
    GetObjectInput::builder()
        .bucket("my bucket")
        .key("photos/2024/cat 1+2.jpg")
        .version_id("v=1&2")
        .part_numbers(vec![1, 2])
        .if_modified_since(Timestamp::from_secs_and_nanos(1_700_000_000, 500_000_000).unwrap())
        .extra(HashMap::from([
            ("versionId".to_owned(), "shadowed".to_owned()),
            ("b".to_owned(), "2".to_owned()),
            ("a".to_owned(), "1".to_owned()),
        ]))
        .range("bytes=0-9")
        .options(Options::builder().checksum(true).build())
        .build()
        .unwrap()
}

#[test]
fn operations_describe_their_http_binding() {
    assert_eq!(GetObject::NAME, "GetObject");
    assert_eq!(GetObject::HTTP_METHOD, "GET");
    assert_eq!(
        GetObject::URI_TEMPLATE,
        "/buckets/{Bucket}/objects/{Key+}?x-id=GetObject"
    );
    assert_eq!(GetObject::HTTP_STATUS_CODE, 200);
    assert_eq!((PutObject::HTTP_METHOD, PutObject::HTTP_STATUS_CODE), ("PUT", 201));
}

#[test]
fn request_uris_render_labels_greedy_labels_and_query_strings() {
    assert_eq!(
        GetObject::request_uri(&get_object()).unwrap(),
        "/buckets/my%20bucket/objects/photos/2024/cat%201%2B2.jpg\
         ?x-id=GetObject&versionId=v%3D1%262&part=1&part=2&since=2023-11-14T22%3A13%3A20.5Z&a=1&b=2"
    );
    let list = ListObjectsInput::builder()
        .bucket("b")
        .since(Timestamp::from_secs(0).unwrap())
        .build()
        .unwrap();
    assert_eq!(list.max_keys(), 1000);
    assert_eq!(
        ListObjects::request_uri(&list).unwrap(),
        "/buckets/b/since/1970-01-01T00%3A00%3A00Z?max-keys=1000"
    );
    assert_eq!(Ping::request_uri(&()).unwrap(), "/ping");
    assert_eq!(Subscribe::request_uri(&()).unwrap(), "/subscribe");
}

#[test]
fn empty_labels_cannot_render() {
    let input = GetObjectInput::builder().bucket("").key("k").build().unwrap();
    let error = GetObject::request_uri(&input).unwrap_err();
    assert_eq!(error.member(), "Bucket");
    assert_eq!(
        error.to_string(),
        "cannot render the request URI: the label member `Bucket` is empty"
    );
}

#[test]
fn the_json_body_leaves_out_members_bound_elsewhere() {
    assert_eq!(
        serde_json::to_value(get_object()).unwrap(),
        json!({"Options": {"Checksum": true}})
    );
    let output = GetObjectOutput::builder()
        .body(Blob::from(b"bytes".as_slice()))
        .content_length(5)
        .metadata(HashMap::from([("color".to_owned(), "red".to_owned())]))
        .status(200)
        .build();
    assert_eq!(serde_json::to_value(&output).unwrap(), json!({}));
    // Outputs whose bound members are optional still decode from the body.
    let decoded: GetObjectOutput = serde_json::from_str(r#"{"Body": "ignored", "ContentLength": 9}"#).unwrap();
    assert_eq!(decoded, GetObjectOutput::builder().build());
}

#[test]
fn operation_errors_are_read_by_code_with_or_without_namespace_and_suffix() {
    let body = br#"{"Message": "no such key", "Key": "k"}"#;
    let expected = GetObjectError::NoSuchKey(NoSuchKey::builder().message("no such key").key("k").build());
    for code in [
        "NoSuchKey",
        "example.http#NoSuchKey",
        "NoSuchKey:http://internal.amazon.com/coral/",
    ] {
        assert_eq!(GetObjectError::from_code(code, body), expected, "{code}");
    }
    assert_eq!(GetObjectError::from_response(Some("NoSuchKey"), body), expected);
    let typed = br#"{"__type": "example.http#NoSuchKey", "Message": "no such key", "Key": "k"}"#;
    assert_eq!(GetObject::parse_error(None, typed), expected);
    assert_eq!(expected.code(), Some("NoSuchKey"));
    assert_eq!(expected.to_string(), "NoSuchKey: no such key");
    assert!(std::error::Error::source(&expected).is_some());
}

#[test]
fn service_errors_belong_to_every_operation() {
    let error = GetObjectError::from_code("Throttled", br#"{"message": "slow down"}"#);
    assert_eq!(
        error,
        GetObjectError::Throttled(Throttled::builder().message("slow down").build())
    );
    assert!(matches!(
        PingError::from_code("Throttled", b"{}"),
        PingError::Throttled(_)
    ));
}

#[test]
fn unknown_and_unreadable_errors_are_unhandled_with_what_was_received() {
    let error = GetObjectError::from_response(None, br#"{"code": "AccessDenied", "message": "nope"}"#);
    let GetObjectError::Unhandled(unhandled) = &error else {
        panic!("expected an unhandled error, got {error:?}");
    };
    assert_eq!(
        (unhandled.code(), unhandled.message()),
        (Some("AccessDenied"), Some("nope"))
    );
    assert_eq!(error.to_string(), "unhandled error `AccessDenied`: nope");

    let error = GetObjectError::from_code("NoSuchKey", br#"{"Message": 404}"#);
    assert!(
        error.to_string().starts_with(
            "unhandled error `NoSuchKey` (invalid type: integer `404`, expected a string for `NoSuchKey.Message`"
        ),
        "{error}"
    );
    let error = GetObjectError::from_response(None, b"<html>Bad Gateway</html>");
    assert_eq!(error.code(), None);
    assert_eq!(error.to_string(), "unhandled error");
}

#[test]
fn mixin_members_come_first_and_non_local_mixin_traits_are_inherited() {
    let put = PutObjectInput::builder()
        .bucket("b")
        .key("a/b")
        .object(Object::builder().name("n").size(3).created_by("ada").build())
        .build()
        .unwrap();
    assert_eq!(PutObject::request_uri(&put).unwrap(), "/buckets/b/objects/a/b");
    let object: Object = serde_json::from_str(r#"{"Name": "n", "CreatedBy": "ada", "Size": 3}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&object).unwrap(),
        r#"{"CreatedBy":"ada","Name":"n","Size":3}"#
    );
    // `@sensitive` comes from the mixin; its `localTraits` documentation does not.
    assert!(!format!("{object:?}").contains("ada"));
}

#[test]
fn renamed_shapes_and_streams_generate() {
    let output = PutObjectOutput::builder()
        .e_tag("\"abc\"")
        .object(OtherObject::builder().id("o-1").build())
        .build();
    assert_eq!(serde_json::to_value(&output).unwrap(), json!({"Object": {"Id": "o-1"}}));
    let event: Events = serde_json::from_value(json!({"Deleted": {"Prefix": "tmp/"}})).unwrap();
    assert_eq!(event, Events::Deleted(Filter::builder().prefix("tmp/").build()));
}
