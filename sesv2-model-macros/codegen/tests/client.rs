//! What the `client` option generates: the service's `client::Service` impl
//! with its rules, and each operation's auth and endpoint parameters, from
//! `@staticContextParams`, `@contextParam` and `@operationContextParams`.

use sesv2_model_codegen::{Config, generate, to_source};

/// A service with endpoint rules and one operation for each way an
/// endpoint parameter is set.
const TABLES: &str = r#"{
    "smithy": "2.0",
    "shapes": {
        "example.tables#Tables": {
            "type": "service",
            "version": "2025-06-30",
            "operations": [
                {"target": "example.tables#GetRow"},
                {"target": "example.tables#BatchGet"},
                {"target": "example.tables#Ping"},
                {"target": "example.tables#Peek"}
            ],
            "traits": {
                "aws.api#service": {"sdkId": "Tables", "endpointPrefix": "tables"},
                "aws.auth#sigv4": {"name": "tablesvc"},
                "aws.protocols#awsJson1_0": {},
                "smithy.rules#endpointRuleSet": {
                    "version": "1.0",
                    "parameters": {
                        "Region": {"type": "String", "builtIn": "AWS::Region", "required": false},
                        "Table": {"type": "String", "required": false},
                        "TableNames": {"type": "stringArray", "required": false},
                        "Mapped": {"type": "stringArray", "required": false},
                        "Fast": {"type": "Boolean", "required": false},
                        "Regions": {"type": "stringArray", "required": false}
                    },
                    "rules": [
                        {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://tables.{Region}.example.com"}}
                    ]
                }
            }
        },
        "example.tables#GetRow": {
            "type": "operation",
            "input": {"target": "example.tables#GetRowInput"},
            "traits": {
                "smithy.rules#staticContextParams": {
                    "Fast": {"value": true},
                    "Regions": {"value": ["eu-west-1", "us-east-1"]}
                }
            }
        },
        "example.tables#GetRowInput": {
            "type": "structure",
            "members": {
                "Table": {
                    "target": "smithy.api#String",
                    "traits": {"smithy.api#required": {}, "smithy.rules#contextParam": {"name": "Table"}}
                },
                "Key": {"target": "smithy.api#String"}
            }
        },
        "example.tables#BatchGet": {
            "type": "operation",
            "input": {"target": "example.tables#BatchGetInput"},
            "traits": {
                "smithy.rules#operationContextParams": {
                    "Mapped": {"path": "keys(Requests)"},
                    "TableNames": {"path": "Items[*].Get.TableName"},
                    "Table": {"path": "Items[0].Get.TableName"}
                }
            }
        },
        "example.tables#BatchGetInput": {
            "type": "structure",
            "members": {
                "Requests": {"target": "example.tables#Requests", "traits": {"smithy.api#required": {}}},
                "Items": {"target": "example.tables#Items"}
            }
        },
        "example.tables#Requests": {
            "type": "map",
            "key": {"target": "smithy.api#String"},
            "value": {"target": "smithy.api#String"}
        },
        "example.tables#Items": {"type": "list", "member": {"target": "example.tables#Item"}},
        "example.tables#Item": {
            "type": "structure",
            "members": {"Get": {"target": "example.tables#Get"}}
        },
        "example.tables#Get": {
            "type": "structure",
            "members": {"TableName": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}
        },
        "example.tables#Ping": {"type": "operation", "traits": {"smithy.api#auth": []}},
        "example.tables#Peek": {"type": "operation", "traits": {"smithy.api#optionalAuth": {}}}
    }
}"#;

fn client() -> Config {
    Config {
        client: true,
        ..Config::default()
    }
}

/// The code with every space and line break taken out, so that what
/// prettyplease wraps compares with a one-line expectation.
fn squeezed(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

fn generated(config: &Config) -> (String, Vec<String>) {
    let generated = generate(config, TABLES.as_bytes()).unwrap_or_else(|errors| panic!("{errors}"));
    let notes = generated.notes.iter().map(ToString::to_string).collect();
    (squeezed(&to_source(&generated).unwrap()), notes)
}

#[test]
fn the_service_names_its_sdk_id_signing_name_version_and_rules() {
    let (code, _) = generated(&client());
    for expected in [
        "pubstructTables;",
        "impl::sesv2_model::client::ServiceforTables{",
        r#"constSDK_ID:&'static::core::primitive::str="Tables";"#,
        r#"constSIGNING_NAME:&'static::core::primitive::str="tablesvc";"#,
        r#"constAPI_VERSION:&'static::core::primitive::str="2025-06-30";"#,
        // The rules, compacted, in the model's order.
        r##"r#"{"version":"1.0","parameters":{"Region":{"type":"String""##,
    ] {
        assert!(code.contains(&squeezed(expected)), "missing `{expected}`");
    }
}

#[test]
fn static_and_member_context_params_are_set_from_the_input() {
    let (code, _) = generated(&client());
    for expected in [
        "impl ::sesv2_model::client::ServiceOperation for GetRow { type Service = Tables;",
        "const AUTH: ::sesv2_model::client::Auth = ::sesv2_model::client::Auth::SigV4;",
        r#"__params.set("Fast", true);"#,
        r#"__params.set("Regions", ::std::vec!["eu-west-1".to_owned(), "us-east-1".to_owned()],);"#,
        r#"::sesv2_model::__private::endpoint::set_string(__params, "Table",
            ::core::iter::once(__input).map(|__v| &__v.table).map(|__v| __v.as_str()),);"#,
    ] {
        assert!(code.contains(&squeezed(expected)), "missing `{expected}`");
    }
}

#[test]
fn operation_context_paths_project_lists_and_take_map_keys() {
    let (code, _) = generated(&client());
    for expected in [
        r#"::sesv2_model::__private::endpoint::set_strings(__params, "Mapped",
            ::core::iter::once(__input).map(|__v| &__v.requests).flat_map(|__v| __v.keys()).map(|__v| __v.as_str()),);"#,
        r#"::sesv2_model::__private::endpoint::set_strings(__params, "TableNames",
            ::core::iter::once(__input).flat_map(|__v| __v.items.as_ref()).flat_map(|__v| __v.iter())
            .flat_map(|__v| __v.get.as_ref()).map(|__v| &__v.table_name).map(|__v| __v.as_str()),);"#,
    ] {
        assert!(code.contains(&squeezed(expected)), "missing `{expected}`");
    }
}

#[test]
fn a_path_outside_the_subset_smithy_allows_is_a_note_and_leaves_the_parameter_unset() {
    let (code, notes) = generated(&client());
    assert!(!code.contains(r#"set_string(__params,"Table",::core::iter::once(__input).flat_map"#));
    assert_eq!(
        notes,
        [
            "example.tables#BatchGet: the endpoint parameter `Table` is left unset: `Items[0].Get.TableName`: `[0]` \
          is not supported; the path may use identifiers, `.`, `[*]` and `keys(...)`"
        ]
    );
}

#[test]
fn auth_follows_the_auth_and_optional_auth_traits() {
    let (code, _) = generated(&client());
    let auth_of = |operation: &str| {
        let start = code
            .find(&squeezed(&format!("ServiceOperation for {operation} {{")))
            .unwrap_or_else(|| panic!("no ServiceOperation impl for {operation}"));
        let auth = &code[start..];
        let auth = &auth[auth.find("client::Auth::").expect("an AUTH constant") + "client::Auth::".len()..];
        auth[..auth.find(';').expect("the constant ends")].to_owned()
    };
    assert_eq!(auth_of("GetRow"), "SigV4");
    assert_eq!(auth_of("Ping"), "None");
    assert_eq!(auth_of("Peek"), "OptionalSigV4");
}

#[test]
fn without_the_option_nothing_of_the_client_is_generated() {
    let (code, notes) = generated(&Config::default());
    assert!(!code.contains("client::Service"), "{code:.400}");
    assert!(!code.contains("endpoint_params"));
    assert!(notes.is_empty(), "{notes:?}");
}
