//! Parsing a rule set's JSON into the tree the evaluator walks: references
//! are resolved to slots, templates and `getAttr` paths split up, and
//! function names and argument counts checked, once, here.

use std::fmt;

use serde_json::Value as Json;

use super::template::{self, PathPart, TemplatePart};
use super::{Deprecated, Parameter, ParameterType, RuleSet, Value};

/// Why a rule set could not be parsed: where in its JSON, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSetError {
    path: String,
    message: String,
}

impl RuleSetError {
    /// Where: a JSON path such as `rules[2].conditions[0].fn` (empty for the document).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong there.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "endpoint rule set: {}", self.message)
        } else {
            write!(f, "endpoint rule set at {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for RuleSetError {}

/// A rule: its conditions, and what it does when they all hold.
#[derive(Debug)]
pub(crate) struct Rule {
    pub(crate) conditions: Vec<Condition>,
    pub(crate) action: Action,
}

#[derive(Debug)]
pub(crate) enum Action {
    Endpoint(EndpointTemplate),
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Debug)]
pub(crate) struct Condition {
    pub(crate) expr: Expr,
    /// The slot `assign` stores the result in.
    pub(crate) assign: Option<usize>,
}

#[derive(Debug)]
pub(crate) struct EndpointTemplate {
    pub(crate) url: Expr,
    pub(crate) headers: Vec<(String, Vec<Expr>)>,
    pub(crate) properties: Vec<(String, Expr)>,
}

/// An expression, with names already resolved to slots.
#[derive(Debug)]
pub(crate) enum Expr {
    /// A string without `{}` parts.
    Str(String),
    Template(Vec<TemplatePart>),
    Bool(bool),
    Int(i64),
    Array(Vec<Expr>),
    Record(Vec<(String, Expr)>),
    Ref(usize),
    GetAttr(Box<Expr>, Vec<PathPart>),
    Call(Function, Vec<Expr>),
}

/// The functions the evaluator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Function {
    BooleanEquals,
    StringEquals,
    IsSet,
    Not,
    Substring,
    ParseUrl,
    IsValidHostLabel,
    UriEncode,
    Coalesce,
    Ite,
    Split,
    Partition,
    ParseArn,
    IsVirtualHostableS3Bucket,
}

impl Function {
    fn from_name(name: &str) -> Option<Function> {
        Some(match name {
            "booleanEquals" => Function::BooleanEquals,
            "stringEquals" => Function::StringEquals,
            "isSet" => Function::IsSet,
            "not" => Function::Not,
            "substring" => Function::Substring,
            "parseURL" => Function::ParseUrl,
            "isValidHostLabel" => Function::IsValidHostLabel,
            "uriEncode" => Function::UriEncode,
            "coalesce" => Function::Coalesce,
            "ite" => Function::Ite,
            "split" => Function::Split,
            "aws.partition" => Function::Partition,
            "aws.parseArn" => Function::ParseArn,
            "aws.isVirtualHostableS3Bucket" => Function::IsVirtualHostableS3Bucket,
            _ => return None,
        })
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Function::BooleanEquals => "booleanEquals",
            Function::StringEquals => "stringEquals",
            Function::IsSet => "isSet",
            Function::Not => "not",
            Function::Substring => "substring",
            Function::ParseUrl => "parseURL",
            Function::IsValidHostLabel => "isValidHostLabel",
            Function::UriEncode => "uriEncode",
            Function::Coalesce => "coalesce",
            Function::Ite => "ite",
            Function::Split => "split",
            Function::Partition => "aws.partition",
            Function::ParseArn => "aws.parseArn",
            Function::IsVirtualHostableS3Bucket => "aws.isVirtualHostableS3Bucket",
        }
    }

    /// Whether `count` arguments fit; `coalesce` takes two or more.
    fn takes(self, count: usize) -> bool {
        match self {
            Function::Coalesce => count >= 2,
            Function::IsSet | Function::Not | Function::ParseUrl | Function::UriEncode => count == 1,
            Function::Partition | Function::ParseArn => count == 1,
            Function::BooleanEquals | Function::StringEquals => count == 2,
            Function::IsValidHostLabel | Function::IsVirtualHostableS3Bucket => count == 2,
            Function::Ite | Function::Split => count == 3,
            Function::Substring => count == 4,
        }
    }
}

/// A JSON location, built only when an error needs it.
#[derive(Clone, Copy)]
enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl At<'_> {
    fn render(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Key(parent, key) => {
                let parent = parent.render();
                if parent.is_empty() {
                    (*key).to_owned()
                } else {
                    format!("{parent}.{key}")
                }
            }
            At::Index(parent, index) => format!("{}[{index}]", parent.render()),
        }
    }

    fn error(&self, message: impl Into<String>) -> RuleSetError {
        RuleSetError {
            path: self.render(),
            message: message.into(),
        }
    }
}

/// The names in scope while parsing: parameters, then the `assign`s of the
/// enclosing rules' conditions, innermost last.
struct Scope {
    names: Vec<(String, usize)>,
    next_slot: usize,
}

impl Scope {
    fn lookup(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .rev()
            .find(|(known, _)| known == name)
            .map(|(_, slot)| *slot)
    }
}

pub(crate) fn parse(json: &str) -> Result<RuleSet, RuleSetError> {
    let document: Json =
        serde_json::from_str(json).map_err(|error| At::Root.error(format!("invalid JSON: {error}")))?;
    let root = At::Root;
    let object = document.as_object().ok_or_else(|| root.error("expected an object"))?;
    let parameters_at = At::Key(&root, "parameters");
    let parameters = match object.get("parameters") {
        None => Vec::new(),
        Some(Json::Object(parameters)) => parameters
            .iter()
            .map(|(name, parameter)| parse_parameter(name, parameter, &At::Key(&parameters_at, name)))
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err(parameters_at.error("expected an object")),
    };
    let parameters = in_declared_order(parameters, json);
    let mut scope = Scope {
        names: parameters
            .iter()
            .enumerate()
            .map(|(slot, p)| (p.name.clone(), slot))
            .collect(),
        next_slot: parameters.len(),
    };
    let rules_at = At::Key(&root, "rules");
    let rules = parse_rules(object.get("rules"), &rules_at, &mut scope)?;
    Ok(RuleSet {
        parameters,
        rules,
        slot_count: scope.next_slot,
    })
}

/// `serde_json::Value` sorts object keys; the parameters are put back in
/// the order the document declares them, which is the order people read.
fn in_declared_order(mut parameters: Vec<Parameter>, json: &str) -> Vec<Parameter> {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

    /// The keys of the top level's `parameters` object, in order.
    struct ParameterNames;
    /// The keys of one object, in order.
    struct Keys;

    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                keys.push(key);
            }
            Ok(keys)
        }
    }

    impl<'de> serde::de::DeserializeSeed<'de> for Keys {
        type Value = Vec<String>;
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<String>, D::Error> {
            deserializer.deserialize_map(Keys)
        }
    }

    impl<'de> Visitor<'de> for ParameterNames {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut names = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                if key == "parameters" {
                    names = map.next_value_seed(Keys)?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(names)
        }
    }

    let mut deserializer = serde_json::Deserializer::from_str(json);
    // The document already parsed as a `Value`, so this cannot fail in
    // practice; if it did, the sorted order is still a usable one.
    if let Ok(names) = deserializer.deserialize_map(ParameterNames) {
        let position = |name: &str| names.iter().position(|declared| declared == name).unwrap_or(usize::MAX);
        parameters.sort_by_key(|parameter| position(&parameter.name));
    }
    parameters
}

fn parse_parameter(name: &str, json: &Json, at: &At<'_>) -> Result<Parameter, RuleSetError> {
    let object = json.as_object().ok_or_else(|| at.error("expected an object"))?;
    let type_name =
        optional_str(object.get("type"), &At::Key(at, "type"))?.ok_or_else(|| at.error("missing \"type\""))?;
    // Models spell the types both `String` and `string`.
    let parameter_type = if type_name.eq_ignore_ascii_case("string") {
        ParameterType::String
    } else if type_name.eq_ignore_ascii_case("boolean") {
        ParameterType::Boolean
    } else if type_name.eq_ignore_ascii_case("stringArray") {
        ParameterType::StringArray
    } else {
        return Err(At::Key(at, "type").error(format!("unknown parameter type \"{type_name}\"")));
    };
    let default_at = At::Key(at, "default");
    let default = match object.get("default") {
        None | Some(Json::Null) => None,
        Some(json) => {
            let value =
                json_to_value(json).ok_or_else(|| default_at.error("expected a string, boolean or string array"))?;
            if value.parameter_type() != parameter_type {
                return Err(default_at.error(format!("default is not a {parameter_type}")));
            }
            Some(value)
        }
    };
    let required = match object.get("required") {
        None | Some(Json::Null) => false,
        Some(Json::Bool(required)) => *required,
        Some(_) => return Err(At::Key(at, "required").error("expected a boolean")),
    };
    let deprecated_at = At::Key(at, "deprecated");
    let deprecated = match object.get("deprecated") {
        None | Some(Json::Null) => None,
        Some(Json::Object(deprecated)) => Some(Deprecated {
            message: optional_str(deprecated.get("message"), &At::Key(&deprecated_at, "message"))?.map(str::to_owned),
            since: optional_str(deprecated.get("since"), &At::Key(&deprecated_at, "since"))?.map(str::to_owned),
        }),
        Some(_) => return Err(deprecated_at.error("expected an object")),
    };
    Ok(Parameter {
        name: name.to_owned(),
        parameter_type,
        built_in: optional_str(object.get("builtIn"), &At::Key(at, "builtIn"))?.map(str::to_owned),
        required,
        default,
        documentation: optional_str(object.get("documentation"), &At::Key(at, "documentation"))?.map(str::to_owned),
        deprecated,
    })
}

/// A parameter value from JSON, as both defaults and test cases write them.
pub(crate) fn json_to_value(json: &Json) -> Option<Value> {
    match json {
        Json::String(value) => Some(Value::String(value.clone())),
        Json::Bool(value) => Some(Value::Bool(*value)),
        Json::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(Value::StringArray),
        _ => None,
    }
}

fn optional_str<'j>(json: Option<&'j Json>, at: &At<'_>) -> Result<Option<&'j str>, RuleSetError> {
    match json {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(value)) => Ok(Some(value)),
        Some(_) => Err(at.error("expected a string")),
    }
}

fn parse_rules(json: Option<&Json>, at: &At<'_>, scope: &mut Scope) -> Result<Vec<Rule>, RuleSetError> {
    let items = json
        .and_then(Json::as_array)
        .ok_or_else(|| at.error("expected an array of rules"))?;
    items
        .iter()
        .enumerate()
        .map(|(index, rule)| parse_rule(rule, &At::Index(at, index), scope))
        .collect()
}

fn parse_rule(json: &Json, at: &At<'_>, scope: &mut Scope) -> Result<Rule, RuleSetError> {
    let object = json.as_object().ok_or_else(|| at.error("expected a rule object"))?;
    let outer_names = scope.names.len();
    let conditions_at = At::Key(at, "conditions");
    let conditions = match object.get("conditions") {
        None => Vec::new(),
        Some(Json::Array(conditions)) => {
            let mut parsed = Vec::with_capacity(conditions.len());
            for (index, condition) in conditions.iter().enumerate() {
                parsed.push(parse_condition(condition, &At::Index(&conditions_at, index), scope)?);
            }
            parsed
        }
        Some(_) => return Err(conditions_at.error("expected an array")),
    };
    let kind = optional_str(object.get("type"), &At::Key(at, "type"))?.ok_or_else(|| at.error("missing \"type\""))?;
    let action = match kind {
        "endpoint" => {
            let endpoint_at = At::Key(at, "endpoint");
            let endpoint = object.get("endpoint").ok_or_else(|| at.error("missing \"endpoint\""))?;
            Action::Endpoint(parse_endpoint(endpoint, &endpoint_at, scope)?)
        }
        "error" => {
            let error = object.get("error").ok_or_else(|| at.error("missing \"error\""))?;
            Action::Error(parse_expr(error, &At::Key(at, "error"), scope)?)
        }
        "tree" => Action::Tree(parse_rules(object.get("rules"), &At::Key(at, "rules"), scope)?),
        other => return Err(At::Key(at, "type").error(format!("unknown rule type \"{other}\""))),
    };
    // The rule's assignments are visible to it and its children only.
    scope.names.truncate(outer_names);
    Ok(Rule { conditions, action })
}

fn parse_condition(json: &Json, at: &At<'_>, scope: &mut Scope) -> Result<Condition, RuleSetError> {
    let object = json
        .as_object()
        .ok_or_else(|| at.error("expected a condition object"))?;
    if !object.contains_key("fn") {
        return Err(at.error("a condition must call a function (\"fn\")"));
    }
    let expr = parse_expr(json, at, scope)?;
    let assign = match optional_str(object.get("assign"), &At::Key(at, "assign"))? {
        None => None,
        Some(name) => {
            if scope.lookup(name).is_some() {
                return Err(At::Key(at, "assign").error(format!("\"{name}\" is already defined")));
            }
            let slot = scope.next_slot;
            scope.next_slot += 1;
            scope.names.push((name.to_owned(), slot));
            Some(slot)
        }
    };
    Ok(Condition { expr, assign })
}

fn parse_endpoint(json: &Json, at: &At<'_>, scope: &Scope) -> Result<EndpointTemplate, RuleSetError> {
    let object = json
        .as_object()
        .ok_or_else(|| at.error("expected an endpoint object"))?;
    let url = object.get("url").ok_or_else(|| at.error("missing \"url\""))?;
    let url = parse_expr(url, &At::Key(at, "url"), scope)?;
    let headers_at = At::Key(at, "headers");
    let mut headers = Vec::new();
    match object.get("headers") {
        None | Some(Json::Null) => {}
        Some(Json::Object(map)) => {
            for (name, values) in map {
                let header_at = At::Key(&headers_at, name);
                let values = values
                    .as_array()
                    .ok_or_else(|| header_at.error("expected an array of values"))?;
                let values = values
                    .iter()
                    .enumerate()
                    .map(|(index, value)| parse_expr(value, &At::Index(&header_at, index), scope))
                    .collect::<Result<Vec<_>, _>>()?;
                headers.push((name.clone(), values));
            }
        }
        Some(_) => return Err(headers_at.error("expected an object")),
    }
    let properties_at = At::Key(at, "properties");
    let properties = match object.get("properties") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Object(map)) => map
            .iter()
            .map(|(name, value)| {
                Ok((
                    name.clone(),
                    parse_literal(value, &At::Key(&properties_at, name), scope)?,
                ))
            })
            .collect::<Result<Vec<_>, RuleSetError>>()?,
        Some(_) => return Err(properties_at.error("expected an object")),
    };
    Ok(EndpointTemplate {
        url,
        headers,
        properties,
    })
}

/// An expression: a reference, a function call, or a literal.
fn parse_expr(json: &Json, at: &At<'_>, scope: &Scope) -> Result<Expr, RuleSetError> {
    let Json::Object(object) = json else {
        return parse_literal(json, at, scope);
    };
    if let Some(name) = object.get("ref") {
        let name = name
            .as_str()
            .ok_or_else(|| At::Key(at, "ref").error("expected a string"))?;
        return scope.lookup(name).map(Expr::Ref).ok_or_else(|| {
            At::Key(at, "ref").error(format!("\"{name}\" is not a parameter or an assigned name in scope"))
        });
    }
    let Some(name) = object.get("fn") else {
        return parse_literal(json, at, scope);
    };
    let fn_at = At::Key(at, "fn");
    let name = name.as_str().ok_or_else(|| fn_at.error("expected a function name"))?;
    let argv_at = At::Key(at, "argv");
    let argv = object
        .get("argv")
        .and_then(Json::as_array)
        .ok_or_else(|| argv_at.error("expected an array"))?;
    if name == "getAttr" {
        // The path is a literal, split up here rather than on every call.
        let [target, path] = argv.as_slice() else {
            return Err(argv_at.error(format!("getAttr does not take {} arguments", argv.len())));
        };
        let path_at = At::Index(&argv_at, 1);
        let path = path.as_str().ok_or_else(|| path_at.error("expected a path string"))?;
        let path = template::parse_path(path).map_err(|message| path_at.error(message))?;
        let target = parse_expr(target, &At::Index(&argv_at, 0), scope)?;
        return Ok(Expr::GetAttr(Box::new(target), path));
    }
    let function = Function::from_name(name).ok_or_else(|| fn_at.error(format!("unknown function \"{name}\"")))?;
    if !function.takes(argv.len()) {
        return Err(argv_at.error(format!("{name} does not take {} arguments", argv.len())));
    }
    let args = argv
        .iter()
        .enumerate()
        .map(|(index, arg)| parse_expr(arg, &At::Index(&argv_at, index), scope))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Expr::Call(function, args))
}

/// A literal: strings are templates, objects records (even with a `ref` key).
fn parse_literal(json: &Json, at: &At<'_>, scope: &Scope) -> Result<Expr, RuleSetError> {
    match json {
        Json::String(text) => template::parse(text, |name| scope.lookup(name)).map_err(|message| at.error(message)),
        Json::Bool(value) => Ok(Expr::Bool(*value)),
        Json::Number(number) => number
            .as_i64()
            .map(Expr::Int)
            .ok_or_else(|| at.error(format!("{number} is not an integer"))),
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| parse_literal(item, &At::Index(at, index), scope))
            .collect::<Result<Vec<_>, _>>()
            .map(Expr::Array),
        Json::Object(map) => map
            .iter()
            .map(|(key, value)| Ok((key.clone(), parse_literal(value, &At::Key(at, key), scope)?)))
            .collect::<Result<Vec<_>, RuleSetError>>()
            .map(Expr::Record),
        Json::Null => Err(at.error("null is not a value")),
    }
}
