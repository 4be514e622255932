//! Evaluating a parsed rule set for one set of parameters.
//!
//! Values borrow from the rule set, the parameters and the partition data
//! where they can; the few strings functions make are reference-counted, so
//! reading an assigned name never copies text.

use crate::sorted_map::SortedMap;
use std::borrow::Borrow;
use std::ops::Deref;
use std::rc::Rc;

use serde_json::Value as Json;

use super::arn::Arn;
use super::partition::PartitionOutputs;
use super::rules::{Action, EndpointTemplate, Expr, Function, Rule};
use super::template::{PathPart, TemplatePart};
use super::url::ParsedUrl;
use super::{EndpointError, EndpointErrorKind, Params, ResolvedEndpoint, RuleSet, Value, functions};

/// A string value: borrowed, or made by a function and shared.
#[derive(Clone, Debug)]
pub(crate) enum Text<'a> {
    Borrowed(&'a str),
    Shared(Rc<str>),
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(text) => text,
            Text::Shared(text) => text,
        }
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text::Shared(Rc::from(text))
    }
}

/// A value during evaluation. "Unset" is `None` around it.
#[derive(Clone, Debug)]
pub(crate) enum Val<'a> {
    Str(Text<'a>),
    Bool(bool),
    Int(i64),
    List(Rc<[Val<'a>]>),
    Record(Rc<[(&'a str, Val<'a>)]>),
    Partition(&'a PartitionOutputs),
    Url(Rc<ParsedUrl>),
    Arn(Rc<Arn>),
}

impl<'a> Val<'a> {
    pub(crate) fn str(text: &'a str) -> Self {
        Val::Str(Text::Borrowed(text))
    }

    fn type_name(&self) -> &'static str {
        match self {
            Val::Str(_) => "a string",
            Val::Bool(_) => "a boolean",
            Val::Int(_) => "an integer",
            Val::List(_) => "an array",
            Val::Record(_) | Val::Partition(_) | Val::Url(_) | Val::Arn(_) => "an object",
        }
    }

    /// The value at `path`; unset when a key or index is not there.
    fn get_path(self, path: &[PathPart]) -> Option<Val<'a>> {
        let mut current = self;
        for part in path {
            current = match (part, &current) {
                (PathPart::Index(index), Val::List(items)) => items.get(*index)?.clone(),
                (PathPart::Key(key), Val::Record(fields)) => fields.iter().find(|(name, _)| name == key)?.1.clone(),
                (PathPart::Key(key), Val::Partition(outputs)) => outputs.get(key)?,
                (PathPart::Key(key), Val::Url(url)) => url.get(key)?,
                (PathPart::Key(key), Val::Arn(arn)) => arn.get(key)?,
                _ => return None,
            };
        }
        Some(current)
    }

    fn into_json(self) -> Json {
        match self {
            Val::Str(text) => Json::String(text.to_string()),
            Val::Bool(value) => Json::Bool(value),
            Val::Int(value) => Json::from(value),
            Val::List(items) => Json::Array(items.iter().cloned().map(Val::into_json).collect()),
            Val::Record(fields) => Json::Object(
                fields
                    .iter()
                    .map(|(key, value)| ((*key).to_owned(), value.clone().into_json()))
                    .collect(),
            ),
            Val::Partition(outputs) => fields_json(outputs.fields()),
            Val::Url(url) => fields_json(url.fields()),
            Val::Arn(arn) => fields_json(arn.fields()),
        }
    }
}

fn fields_json<'v>(fields: impl IntoIterator<Item = (&'static str, Val<'v>)>) -> Json {
    Json::Object(
        fields
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.into_json()))
            .collect(),
    )
}

fn error(message: impl Into<String>) -> EndpointError {
    EndpointError::new(EndpointErrorKind::Evaluation, message)
}

pub(crate) fn resolve(rule_set: &RuleSet, params: &Params) -> Result<ResolvedEndpoint, EndpointError> {
    for name in params.names() {
        if !rule_set.parameters.iter().any(|parameter| parameter.name == name) {
            return Err(EndpointError::new(
                EndpointErrorKind::UnknownParameter,
                format!("unknown parameter \"{name}\": the rules take no such parameter"),
            ));
        }
    }
    let mut slots: Vec<Option<Val<'_>>> = Vec::with_capacity(rule_set.slot_count);
    for parameter in &rule_set.parameters {
        let value = params.get(&parameter.name).or(parameter.default.as_ref());
        let value = match value {
            None if parameter.required => {
                return Err(EndpointError::new(
                    EndpointErrorKind::MissingParameter,
                    format!("missing required parameter \"{}\"", parameter.name),
                ));
            }
            None => None,
            Some(value) if value.parameter_type() != parameter.parameter_type => {
                return Err(EndpointError::new(
                    EndpointErrorKind::WrongType,
                    format!(
                        "parameter \"{}\" is a {}, not a {}",
                        parameter.name,
                        parameter.parameter_type,
                        value.parameter_type()
                    ),
                ));
            }
            Some(Value::String(text)) => Some(Val::str(text)),
            Some(Value::Bool(value)) => Some(Val::Bool(*value)),
            Some(Value::StringArray(items)) => Some(Val::List(items.iter().map(|item| Val::str(item)).collect())),
        };
        slots.push(value);
    }
    slots.resize(rule_set.slot_count, None);
    let mut evaluator = Evaluator { slots };
    match evaluator.rules(&rule_set.rules)? {
        Some(endpoint) => Ok(endpoint),
        None => Err(EndpointError::new(
            EndpointErrorKind::NoMatch,
            "no endpoint rule matched the parameters",
        )),
    }
}

pub(crate) struct Evaluator<'a> {
    slots: Vec<Option<Val<'a>>>,
}

impl<'a> Evaluator<'a> {
    /// The first rule that applies decides; `None` when none does.
    fn rules(&mut self, rules: &'a [Rule]) -> Result<Option<ResolvedEndpoint>, EndpointError> {
        for rule in rules {
            if let Some(endpoint) = self.rule(rule)? {
                return Ok(Some(endpoint));
            }
        }
        Ok(None)
    }

    fn rule(&mut self, rule: &'a Rule) -> Result<Option<ResolvedEndpoint>, EndpointError> {
        for condition in &rule.conditions {
            let value = self.expr(&condition.expr)?;
            // A condition holds when its result is set and not `false`.
            if matches!(value, None | Some(Val::Bool(false))) {
                return Ok(None);
            }
            if let Some(slot) = condition.assign.and_then(|slot| self.slots.get_mut(slot)) {
                *slot = value;
            }
        }
        match &rule.action {
            Action::Endpoint(endpoint) => self.endpoint(endpoint).map(Some),
            Action::Error(message) => {
                let message = self.string(message, "an error rule's message")?;
                Err(EndpointError::new(EndpointErrorKind::Rule, message.to_string()))
            }
            // A tree rule whose conditions hold is final: when none of its
            // rules applies, resolution fails rather than going on.
            Action::Tree(rules) => match self.rules(rules)? {
                Some(endpoint) => Ok(Some(endpoint)),
                None => Err(EndpointError::new(
                    EndpointErrorKind::NoMatch,
                    "no rule of a matching tree rule matched the parameters",
                )),
            },
        }
    }

    fn endpoint(&self, endpoint: &'a EndpointTemplate) -> Result<ResolvedEndpoint, EndpointError> {
        let url = self.string(&endpoint.url, "the endpoint URL")?.to_string();
        let mut headers = SortedMap::default();
        for (name, values) in &endpoint.headers {
            let values = values
                .iter()
                .map(|value| self.string(value, "a header value").map(|text| text.to_string()))
                .collect::<Result<Vec<_>, _>>()?;
            headers.insert(name.clone(), values);
        }
        let mut properties = serde_json::Map::new();
        for (name, value) in &endpoint.properties {
            let value = self
                .expr(value)?
                .ok_or_else(|| error(format!("endpoint property \"{name}\" is unset")))?;
            properties.insert(name.clone(), value.into_json());
        }
        Ok(ResolvedEndpoint {
            url,
            headers,
            properties,
        })
    }

    /// An expression that must give a string.
    fn string(&self, expr: &'a Expr, what: &str) -> Result<Text<'a>, EndpointError> {
        match self.expr(expr)? {
            Some(Val::Str(text)) => Ok(text),
            Some(other) => Err(error(format!("{what} is {}, not a string", other.type_name()))),
            None => Err(error(format!("{what} is unset"))),
        }
    }

    pub(crate) fn expr(&self, expr: &'a Expr) -> Result<Option<Val<'a>>, EndpointError> {
        Ok(match expr {
            Expr::Str(text) => Some(Val::str(text)),
            Expr::Template(parts) => Some(Val::Str(self.template(parts)?)),
            Expr::Bool(value) => Some(Val::Bool(*value)),
            Expr::Int(value) => Some(Val::Int(*value)),
            Expr::Array(items) => {
                let items = items
                    .iter()
                    .map(|item| self.expr(item)?.ok_or_else(|| error("an array element is unset")))
                    .collect::<Result<Rc<[_]>, _>>()?;
                Some(Val::List(items))
            }
            Expr::Record(fields) => {
                let fields = fields
                    .iter()
                    .map(|(key, value)| {
                        let value = self
                            .expr(value)?
                            .ok_or_else(|| error(format!("record field \"{key}\" is unset")))?;
                        Ok((key.as_str(), value))
                    })
                    .collect::<Result<Rc<[_]>, EndpointError>>()?;
                Some(Val::Record(fields))
            }
            Expr::Ref(slot) => self.slots.get(*slot).cloned().flatten(),
            Expr::GetAttr(target, path) => self.expr(target)?.and_then(|value| value.get_path(path)),
            Expr::Call(function, args) => self.call(*function, args)?,
        })
    }

    fn template(&self, parts: &'a [TemplatePart]) -> Result<Text<'a>, EndpointError> {
        if let [TemplatePart::Dynamic(expr)] = parts {
            return self.string(expr, "a template placeholder");
        }
        let mut text = String::new();
        for part in parts {
            match part {
                TemplatePart::Literal(literal) => text.push_str(literal),
                TemplatePart::Dynamic(expr) => text.push_str(&self.string(expr, "a template placeholder")?),
            }
        }
        Ok(Text::from(text))
    }

    fn call(&self, function: Function, args: &'a [Expr]) -> Result<Option<Val<'a>>, EndpointError> {
        match function {
            Function::IsSet => return Ok(Some(Val::Bool(self.arg(args, 0)?.is_some()))),
            Function::Coalesce => {
                // Lazily: the first set argument wins, else the last's (unset) result.
                for arg in args {
                    if let Some(value) = self.expr(arg)? {
                        return Ok(Some(value));
                    }
                }
                return Ok(None);
            }
            Function::Ite => {
                let Some(condition) = self.arg(args, 0)? else {
                    return Ok(None);
                };
                let condition = bool_arg(function, 0, &condition)?;
                return self.arg(args, if condition { 1 } else { 2 });
            }
            _ => {}
        }
        // The rest give no result when an argument has none.
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            match self.expr(arg)? {
                Some(value) => values.push(value),
                None => return Ok(None),
            }
        }
        functions::call(function, &values)
    }

    fn arg(&self, args: &'a [Expr], index: usize) -> Result<Option<Val<'a>>, EndpointError> {
        match args.get(index) {
            Some(arg) => self.expr(arg),
            None => Err(error("missing argument")),
        }
    }
}

pub(crate) fn str_arg<'v>(function: Function, index: usize, value: &'v Val<'_>) -> Result<&'v str, EndpointError> {
    match value {
        Val::Str(text) => Ok(text.borrow()),
        other => Err(arg_type(function, index, "a string", other)),
    }
}

pub(crate) fn bool_arg(function: Function, index: usize, value: &Val<'_>) -> Result<bool, EndpointError> {
    match value {
        Val::Bool(value) => Ok(*value),
        other => Err(arg_type(function, index, "a boolean", other)),
    }
}

pub(crate) fn int_arg(function: Function, index: usize, value: &Val<'_>) -> Result<i64, EndpointError> {
    match value {
        Val::Int(value) => Ok(*value),
        other => Err(arg_type(function, index, "an integer", other)),
    }
}

fn arg_type(function: Function, index: usize, expected: &str, actual: &Val<'_>) -> EndpointError {
    error(format!(
        "argument {} of {} must be {expected}, not {}",
        index + 1,
        function.name(),
        actual.type_name()
    ))
}
