//! HTTP bindings and operations from `tests/models/http.json`: bound members
//! stay out of the JSON body, request URIs render with percent-encoding,
//! error responses become the operation's error enum; also streaming
//! members, mixins, `apply` and service renames.

use std::collections::HashMap;

use serde_json::json;
use sesv2_model::{Blob, Endpoint, Operation, Timestamp, http};
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
    // An input member's default is the service's to apply: unset, it is not sent.
    assert_eq!(list.max_keys(), None);
    assert_eq!(
        ListObjects::request_uri(&list).unwrap(),
        "/buckets/b/since/1970-01-01T00%3A00%3A00Z"
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

/// An error response as a service sends it.
fn error_response(status: u16, error_type: Option<&str>, body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    if let Some(error_type) = error_type {
        response = response.header("X-Amzn-Errortype", error_type);
    }
    response.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn operation_errors_are_read_by_code_with_or_without_namespace_and_suffix() {
    let body = r#"{"Message": "no such key", "Key": "k"}"#;
    let expected = GetObjectError::NoSuchKey(NoSuchKey::builder().message("no such key").key("k").build());
    for code in [
        "NoSuchKey",
        "example.http#NoSuchKey",
        "NoSuchKey:http://internal.amazon.com/coral/",
    ] {
        let response = error_response(404, Some(code), body);
        assert_eq!(GetObjectError::from_response(&response), expected, "{code}");
    }
    let typed = r#"{"__type": "example.http#NoSuchKey", "Message": "no such key", "Key": "k"}"#;
    assert_eq!(
        GetObject::parse_response(&error_response(404, None, typed)),
        Err(expected.clone())
    );
    assert_eq!(expected.code(), Some("NoSuchKey"));
    assert_eq!(expected.to_string(), "NoSuchKey: no such key");
    // `Display` shows the modeled error; returning it as the source too
    // would report it twice.
    assert!(std::error::Error::source(&expected).is_none());
}

#[test]
fn service_errors_belong_to_every_operation() {
    let response = error_response(429, Some("Throttled"), r#"{"message": "slow down"}"#);
    assert_eq!(
        GetObjectError::from_response(&response),
        GetObjectError::Throttled(Throttled::builder().message("slow down").build())
    );
    assert!(matches!(
        PingError::from_response(&error_response(429, Some("Throttled"), "{}")),
        PingError::Throttled(_)
    ));
}

#[test]
fn unknown_and_unreadable_errors_are_unhandled_with_what_was_received() {
    let response = error_response(403, None, r#"{"code": "AccessDenied", "message": "nope"}"#);
    let error = GetObjectError::from_response(&response);
    let GetObjectError::Unhandled(unhandled) = &error else {
        panic!("expected an unhandled error, got {error:?}");
    };
    assert_eq!(
        (unhandled.status(), unhandled.code(), unhandled.message()),
        (403, Some("AccessDenied"), Some("nope"))
    );
    assert_eq!(error.to_string(), "unhandled error `AccessDenied` (HTTP 403): nope");

    let error = GetObjectError::from_response(&error_response(404, Some("NoSuchKey"), r#"{"Message": 404}"#));
    assert!(
        error.to_string().starts_with(
            "unhandled error `NoSuchKey` (HTTP 404) (the body: invalid type: integer `404`, expected a string for `NoSuchKey.Message`"
        ),
        "{error}"
    );
    let error = GetObjectError::from_response(&error_response(502, None, "<html>Bad Gateway</html>"));
    assert_eq!(error.code(), None);
    assert_eq!(error.to_string(), "unhandled error (HTTP 502)");
}

#[test]
fn requests_carry_headers_query_and_the_body_members() {
    let endpoint = Endpoint::new("https://storage.example.com").unwrap();
    let request = GetObject::build_request(&get_object(), &endpoint).unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri().to_string(),
        "https://storage.example.com/buckets/my%20bucket/objects/photos/2024/cat%201%2B2.jpg\
         ?x-id=GetObject&versionId=v%3D1%262&part=1&part=2&since=2023-11-14T22%3A13%3A20.5Z&a=1&b=2"
    );
    assert_eq!(request.headers()["range"], "bytes=0-9");
    assert_eq!(request.headers()["content-type"], "application/json");
    assert_eq!(request.body().as_slice(), br#"{"Options":{"Checksum":true}}"#);
}

#[test]
fn responses_fill_bound_members_from_headers_status_and_payload() {
    let response = http::Response::builder()
        .status(200)
        .header("Content-Length", "5")
        .header("x-amz-meta-color", "red")
        .body(b"bytes".to_vec())
        .unwrap();
    let output = GetObject::parse_response(&response).unwrap();
    assert_eq!(output.body().map(|body| body.as_bytes()), Some(b"bytes".as_slice()));
    assert_eq!(output.content_length(), Some(5));
    assert_eq!(output.status(), Some(200));
    assert_eq!(
        output.metadata(),
        Some(&HashMap::from([("color".to_owned(), "red".to_owned())]))
    );
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
