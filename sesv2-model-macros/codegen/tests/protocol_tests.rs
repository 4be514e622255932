//! `Config::protocol_tests`: one `#[test]` per client case of a model's
//! `smithy.test` HTTP traits, on operations and on error structures, named
//! after the case id; server cases left out; unsupported features ignored
//! with their reason. (That the tests compile and pass is what
//! `scripts/protocol-tests.sh` checks, on Smithy's own suites.)

use sesv2_model_codegen::{Config, Generated, ModelFiles, generate_files};

const MODEL: &str = r#"
$version: "2"
namespace example.greetings

@aws.protocols#restJson1
service Greetings {
    version: "2024-01-01"
    operations: [SayHello, Upload, Chat]
}

@http(method: "POST", uri: "/hello/{name}")
@smithy.test#httpRequestTests([
    {
        id: "SayHelloSendsTheNameInThePath"
        protocol: aws.protocols#restJson1
        method: "POST"
        uri: "/hello/Ada"
        params: { name: "Ada", mood: "HAPPY" }
        body: "{\"mood\":\"HAPPY\"}"
        bodyMediaType: "application/json"
    }
    {
        id: "ServerOnlyCase"
        protocol: aws.protocols#restJson1
        method: "POST"
        uri: "/hello/Ada"
        params: { name: "Ada" }
        appliesTo: "server"
    }
    {
        id: "OtherProtocolCase"
        protocol: aws.protocols#awsJson1_1
        method: "POST"
        uri: "/"
        params: { name: "Ada" }
    }
])
@smithy.test#httpResponseTests([
    {
        id: "SayHelloReadsTheGreeting"
        protocol: aws.protocols#restJson1
        code: 200
        headers: { "X-Greeting-Count": "3" }
        body: "{\"text\":\"Hello, Ada\"}"
        params: { text: "Hello, Ada", count: 3 }
    }
])
operation SayHello {
    input := {
        @required
        @httpLabel
        name: String
        mood: Mood
    }
    output := {
        text: String
        @httpHeader("X-Greeting-Count")
        count: Integer
    }
    errors: [Rude]
}

@http(method: "PUT", uri: "/upload")
@requestCompression(encodings: ["gzip"])
@smithy.test#httpRequestTests([
    {
        id: "UploadIsCompressed"
        protocol: aws.protocols#restJson1
        method: "PUT"
        uri: "/upload"
        params: { data: "x" }
    }
])
operation Upload {
    input := {
        @httpPayload
        data: Blob
    }
}

@http(method: "POST", uri: "/chat")
@smithy.test#httpRequestTests([
    {
        id: "ChatStreamsEvents"
        protocol: aws.protocols#restJson1
        method: "POST"
        uri: "/chat"
        params: {}
    }
])
operation Chat {
    input := {
        @httpPayload
        events: Events
    }
}

@streaming
union Events {
    said: Said
}

structure Said {
    text: String
}

@error("client")
@httpError(400)
@smithy.test#httpResponseTests([
    {
        id: "RudeIsReadFromItsCode"
        protocol: aws.protocols#restJson1
        code: 400
        headers: { "X-Amzn-Errortype": "Rude" }
        body: "{\"message\":\"no\"}"
        params: { message: "no" }
    }
])
structure Rude {
    message: String
}

enum Mood {
    HAPPY
    GRUMPY
}
"#;

fn generate(protocol_tests: bool) -> Generated {
    let mut files = ModelFiles::new();
    files.push("greetings.smithy", MODEL);
    let config = Config {
        protocol_tests,
        ..Config::default()
    };
    generate_files(&config, &files).unwrap_or_else(|errors| panic!("{errors}"))
}

#[test]
fn client_cases_become_tests_named_after_their_ids() {
    let generated = generate(true);
    let source = &generated.source;
    for name in [
        "fn say_hello_sends_the_name_in_the_path()",
        "fn say_hello_reads_the_greeting()",
        "fn rude_is_read_from_its_code()",
        "fn upload_is_compressed()",
        "fn chat_streams_events()",
    ] {
        assert!(source.contains(name), "no `{name}` in the generated tests");
    }
    assert!(!source.contains("fn server_only_case()"));
    assert!(!source.contains("fn other_protocol_case()"));
    assert_eq!(
        (
            generated.summary.protocol_tests,
            generated.summary.ignored_protocol_tests
        ),
        (5, 1)
    );
    assert!(
        generated
            .summary
            .to_string()
            .ends_with("; 5 protocol tests (1 ignored)")
    );
}

#[test]
fn cases_of_unsupported_features_are_ignored_with_the_reason() {
    let source = generate(true).source;
    let chat = source
        .find("fn chat_streams_events()")
        .expect("the event stream's test");
    let attributes = &source[..chat];
    assert!(
        attributes.ends_with("#[test]\n#[ignore = \"not supported: event streams\"]\n"),
        "{}",
        &attributes[attributes.len().saturating_sub(200)..]
    );
    let upload = source.find("fn upload_is_compressed()").expect("the upload's test");
    assert!(source[..upload].ends_with("#[test]\n"), "compression is supported");
}

#[test]
fn params_are_built_with_the_generated_builders() {
    let source = generate(true).source;
    assert!(source.contains(
        "super::SayHelloInput::builder().mood(super::Mood::from(\"HAPPY\"))\
         .name(::std::string::String::from(\"Ada\")).build()"
    ));
    assert!(source.contains("super::operations::SayHelloError::Rude(__read)"));
}

#[test]
fn a_case_whose_params_do_not_fit_is_left_out_with_a_note() {
    let mut files = ModelFiles::new();
    files.push(
        "counter.smithy",
        r#"
$version: "2"
namespace example.counter

@aws.protocols#restJson1
service Counter { operations: [Add] }

@http(method: "POST", uri: "/add")
@smithy.test#httpRequestTests([
    { id: "AddTooMuch", protocol: aws.protocols#restJson1, method: "POST", uri: "/add", params: { by: 3000000000 } }
    { id: "AddSome", protocol: aws.protocols#restJson1, method: "POST", uri: "/add", params: { by: 3 } }
])
operation Add {
    input := { by: Integer }
}
"#,
    );
    let config = Config {
        protocol_tests: true,
        ..Config::default()
    };
    let generated = generate_files(&config, &files).unwrap_or_else(|errors| panic!("{errors}"));
    assert!(!generated.source.contains("fn add_too_much()"));
    assert!(generated.source.contains("fn add_some()"));
    assert_eq!(generated.summary.protocol_tests, 1);
    let notes: Vec<String> = generated.notes.iter().map(ToString::to_string).collect();
    assert!(
        notes
            .iter()
            .any(|note| note.contains("the request case `AddTooMuch` is left out") && note.contains("3000000000")),
        "{notes:?}"
    );
}

#[test]
fn without_the_option_no_tests_are_generated() {
    let generated = generate(false);
    assert!(!generated.source.contains("mod protocol_tests"));
    assert_eq!(generated.summary.protocol_tests, 0);
}
