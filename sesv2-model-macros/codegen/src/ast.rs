//! The Smithy JSON AST exactly as written, before anything is resolved.
//!
//! Trait values stay raw JSON here: the resolver parses the traits it knows
//! and never pays for the large ones it does not need (endpoint rule sets,
//! examples, smoke tests).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A JSON object read into a vector, keeping the order the model wrote it in,
/// so that generated fields and variants follow the model.
#[derive(Clone)]
pub(crate) struct Entries<T>(pub Vec<(String, T)>);

impl<T> Entries<T> {
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        self.0.iter_mut().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    pub fn remove(&mut self, key: &str) -> Option<T> {
        let index = self.0.iter().position(|(name, _)| name == key)?;
        Some(self.0.remove(index).1)
    }
}

/// A trait's value as raw JSON: borrowed from the model text, or owned when
/// an `apply` statement merged two values into a new one.
#[derive(Clone)]
pub(crate) struct TraitValue<'a>(pub Cow<'a, RawValue>);

impl<'de: 'a, 'a> Deserialize<'de> for TraitValue<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a RawValue>::deserialize(deserializer).map(|raw| TraitValue(Cow::Borrowed(raw)))
    }
}

/// A shape's or member's traits by absolute trait id.
pub(crate) type RawTraits<'a> = Entries<TraitValue<'a>>;

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// The top level of a JSON AST document.
pub(crate) struct RawModel<'a> {
    /// The shapes in document order.
    pub shapes: Entries<RawShape<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for RawModel<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ModelVisitor<'a>(PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for ModelVisitor<'a> {
            type Value = RawModel<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Smithy JSON AST object with `smithy` and `shapes`")
            }

            // The version is checked as soon as it is read, so that a model of
            // another version is reported as such rather than by whatever
            // shape first fails to parse.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut version_seen = false;
                let mut shapes = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "smithy" => {
                            let version: String = map.next_value()?;
                            check_version(&version).map_err(de::Error::custom)?;
                            version_seen = true;
                        }
                        "shapes" => shapes = Some(map.next_value()?),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                if !version_seen {
                    return Err(de::Error::custom(
                        "this is not a Smithy JSON AST model: the top-level `smithy` version \
                         field is missing (expected `\"smithy\": \"2.0\"`)",
                    ));
                }
                Ok(RawModel {
                    shapes: shapes.unwrap_or_default(),
                })
            }
        }

        deserializer.deserialize_map(ModelVisitor(PhantomData))
    }
}

fn check_version(version: &str) -> Result<(), String> {
    let major = version.split('.').next().unwrap_or_default();
    if major == "2" {
        Ok(())
    } else {
        Err(format!(
            "only Smithy 2.0 JSON AST models are supported; convert this model with the Smithy CLI \
             (`smithy migrate`, then `smithy ast`): it declares version {version}"
        ))
    }
}

/// A shape as written; which fields are meaningful depends on `kind`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RawShape<'a> {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, borrow)]
    pub traits: RawTraits<'a>,
    #[serde(default, borrow)]
    pub members: Entries<RawMember<'a>>,
    #[serde(borrow)]
    pub member: Option<RawMember<'a>>,
    #[serde(borrow)]
    pub key: Option<RawMember<'a>>,
    #[serde(borrow)]
    pub value: Option<RawMember<'a>>,
    #[serde(default)]
    pub mixins: Vec<RawTarget>,
    pub input: Option<RawTarget>,
    pub output: Option<RawTarget>,
    #[serde(default)]
    pub errors: Vec<RawTarget>,
    #[serde(default)]
    pub operations: Vec<RawTarget>,
    #[serde(default)]
    pub resources: Vec<RawTarget>,
    #[serde(default)]
    pub collection_operations: Vec<RawTarget>,
    pub create: Option<RawTarget>,
    pub put: Option<RawTarget>,
    pub read: Option<RawTarget>,
    pub update: Option<RawTarget>,
    pub delete: Option<RawTarget>,
    pub list: Option<RawTarget>,
    #[serde(default)]
    pub rename: Entries<String>,
}

/// A member as written.
#[derive(Clone, Deserialize)]
pub(crate) struct RawMember<'a> {
    pub target: String,
    #[serde(default, borrow)]
    pub traits: RawTraits<'a>,
}

/// A reference to another shape.
#[derive(Clone, Deserialize)]
pub(crate) struct RawTarget {
    pub target: String,
}
