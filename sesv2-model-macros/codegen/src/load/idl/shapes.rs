//! Shape statements and `apply`: every shape type with its members,
//! mixins, `for` resource, value assignments and operation properties.

use super::lexer::{Kind, Position};
use super::{Parsed, Parser};
use crate::load::syntax::{Apply, IdlVersion, MemberDefinition, ShapeDefinition, TraitApplication};
use crate::model::Simple;
use crate::node::{Node, Reference};
use crate::shape_id::IdSet;

impl<'a> Parser<'a> {
    /// `ShapeOrApplyStatement`, with the documentation comment and traits
    /// before it, and the line break after it.
    pub(super) fn shape_or_apply(&mut self) -> Parsed<()> {
        let docs = self.docs.take();
        let mut traits = self.traits()?;
        let keyword = self.peek();
        if keyword.kind != Kind::Identifier {
            return Err(self.expected(Kind::Identifier.name()));
        }
        let word = self.source(keyword);
        if word == "apply" {
            if !traits.is_empty() {
                return Err(self.error("Traits applied to apply statement"));
            }
            self.apply()?;
            return self.br();
        }
        if let Some(docs) = docs {
            traits.insert(0, documentation(docs, keyword.position));
        }
        let kind = self.shape_kind(word)?;
        self.bump();
        self.required_sp()?;
        let name_token = self.expect(Kind::Identifier)?;
        let mut shape = ShapeDefinition {
            name: self.source(name_token).to_owned(),
            position: name_token.position,
            kind,
            traits,
            mixins: Vec::new(),
            for_resource: None,
            members: Vec::new(),
            properties: Vec::new(),
        };
        match kind {
            "enum" | "intEnum" => {
                self.mixins(&mut shape)?;
                self.ws();
                self.enum_members(&mut shape)?;
            }
            "list" | "set" | "map" | "structure" | "union" => {
                self.for_resource(&mut shape)?;
                self.mixins(&mut shape)?;
                self.ws();
                self.members(&mut shape)?;
            }
            "service" | "resource" => {
                self.mixins(&mut shape)?;
                self.ws();
                let position = self.peek().position;
                if self.kind() != Kind::LBrace {
                    return Err(self.expected(Kind::LBrace.name()));
                }
                // A brace opens an object, so nothing else can come back.
                let Node::Object(properties) = self.node_value()? else {
                    return Err(self.expected(Kind::LBrace.name()));
                };
                shape.properties = properties
                    .into_iter()
                    .map(|(key, value)| (key, value, position))
                    .collect();
            }
            "operation" => {
                self.mixins(&mut shape)?;
                self.ws();
                self.operation_body(&mut shape)?;
            }
            _ => self.mixins(&mut shape)?,
        }
        self.file.shapes.push(shape);
        self.br()
    }

    /// The JSON AST type a shape keyword defines; versions decide some.
    fn shape_kind(&self, word: &str) -> Parsed<&'static str> {
        let v2 = self.file.version == IdlVersion::V2;
        let kind = match word {
            "enum" | "intEnum" if !v2 => {
                return Err(self.error(format!("{word} shapes cannot be used in Smithy version 1.0")));
            }
            "set" if v2 => {
                return Err(self
                    .error("set shapes cannot be used in Smithy version 2.0; use a list with the @uniqueItems trait"));
            }
            "enum" => "enum",
            "intEnum" => "intEnum",
            "set" => "set",
            "list" => "list",
            "map" => "map",
            "structure" => "structure",
            "union" => "union",
            "service" => "service",
            "resource" => "resource",
            "operation" => "operation",
            _ => match Simple::from_type_name(word) {
                Some(simple) => simple.type_name(),
                None => return Err(self.error(format!("Unknown shape type: {word}"))),
            },
        };
        Ok(kind)
    }

    /// `[Mixins]`: `with [A, B]` on the shape's line.
    fn mixins(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        let start = self.index;
        self.sp();
        if !self.is_keyword("with") {
            self.index = start;
            return Ok(());
        }
        if self.file.version != IdlVersion::V2 {
            return Err(self.error(
                "Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version `1.0`.",
            ));
        }
        self.bump();
        self.ws();
        self.expect(Kind::LBracket)?;
        self.ws();
        if self.kind() == Kind::RBracket {
            return Err(self.expected(Kind::Identifier.name()));
        }
        while self.kind() != Kind::RBracket {
            shape.mixins.push(self.shape_id()?);
            self.ws();
        }
        self.bump();
        Ok(())
    }

    /// `[ForResource]`: `for Resource`.
    fn for_resource(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        let start = self.index;
        self.sp();
        if !self.is_keyword("for") {
            self.index = start;
            return Ok(());
        }
        if self.file.version != IdlVersion::V2 {
            return Err(self.error("Structures can only be bound to resources with Smithy version 2 or later."));
        }
        self.bump();
        self.required_sp()?;
        shape.for_resource = Some(self.shape_id()?);
        Ok(())
    }

    /// `ShapeMembers`
    fn members(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        self.expect(Kind::LBrace)?;
        self.ws();
        let mut seen = IdSet::default();
        while self.kind() != Kind::RBrace {
            let (mut traits, position) = self.member_traits()?;
            let (name, target) = if self.kind() == Kind::Dollar {
                if self.file.version != IdlVersion::V2 {
                    return Err(self.error("Members can only elide targets in IDL version 2 or later"));
                }
                self.bump();
                (self.identifier()?.to_owned(), None)
            } else {
                let name = self.identifier()?.to_owned();
                self.sp();
                if self.kind() == Kind::Walrus {
                    return Err(self.expected(Kind::Colon.name()));
                }
                self.expect(Kind::Colon)?;
                self.sp();
                (name, Some(self.shape_id()?))
            };
            self.value_assignment("@default", "default", position, &mut traits)?;
            self.push_member(shape, &mut seen, name, position, target, traits)?;
            self.ws();
        }
        self.bump();
        Ok(())
    }

    fn enum_members(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        self.expect(Kind::LBrace)?;
        self.ws();
        let mut seen = IdSet::default();
        while self.kind() != Kind::RBrace {
            let (mut traits, position) = self.member_traits()?;
            let name = self.identifier()?.to_owned();
            self.value_assignment("an enum value", "enumValue", position, &mut traits)?;
            let unit = Some(prelude_reference("Unit", position));
            self.push_member(shape, &mut seen, name, position, unit, traits)?;
            self.ws();
        }
        if shape.members.is_empty() && shape.mixins.is_empty() {
            return Err(self.error(format!("{} shapes must have at least one member", shape.kind)));
        }
        self.bump();
        Ok(())
    }

    fn push_member(
        &mut self,
        shape: &mut ShapeDefinition,
        seen: &mut IdSet<String>,
        name: String,
        position: Position,
        target: Option<Reference>,
        traits: Vec<TraitApplication>,
    ) -> Parsed<()> {
        if !seen.insert(name.clone()) {
            return Err(self.error_at(position, format!("Found conflicting member name, `{name}`")));
        }
        shape.members.push(MemberDefinition {
            name,
            position,
            target,
            traits,
        });
        Ok(())
    }

    /// The traits before a member, its documentation comment first, and
    /// where the member itself starts.
    fn member_traits(&mut self) -> Parsed<(Vec<TraitApplication>, Position)> {
        let docs = self.docs.take();
        let mut traits = self.traits()?;
        let position = self.peek().position;
        if let Some(docs) = docs {
            traits.insert(0, documentation(docs, position));
        }
        Ok((traits, position))
    }

    /// `[ValueAssignment]`: ` = value`, then a line break; the value becomes
    /// the prelude trait `trait_name` (`what` names the assignment in the
    /// error a 1.0 file gets).
    fn value_assignment(
        &mut self,
        what: &str,
        trait_name: &str,
        position: Position,
        traits: &mut Vec<TraitApplication>,
    ) -> Parsed<()> {
        let start = self.index;
        self.sp();
        if self.kind() != Kind::Equal {
            self.index = start;
            return Ok(());
        }
        if self.file.version != IdlVersion::V2 {
            return Err(self.error(format!("{what} assignment is only supported in IDL version 2 or later")));
        }
        self.bump();
        self.sp();
        let value = self.node_value()?;
        self.sp();
        if self.kind() == Kind::Comma {
            self.bump();
        }
        self.br()?;
        traits.push(TraitApplication {
            id: prelude_reference(trait_name, position),
            value: Some(value),
        });
        Ok(())
    }

    /// `OperationBody`: `input`, `output` and `errors`, in any order.
    fn operation_body(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        self.expect(Kind::LBrace)?;
        self.ws();
        while self.kind() != Kind::RBrace {
            let token = self.expect(Kind::Identifier)?;
            let property = self.source(token);
            if shape.properties.iter().any(|(name, _, _)| name == property) {
                return Err(self.error_at(token.position, format!("the operation defines `{property}` twice")));
            }
            self.ws();
            let value = match property {
                "input" | "output" if self.kind() == Kind::Walrus => {
                    Node::ShapeId(self.inline_structure(shape, property, token.position)?)
                }
                "input" | "output" => {
                    self.expect(Kind::Colon)?;
                    self.ws();
                    Node::ShapeId(self.shape_id()?)
                }
                "errors" => {
                    self.expect(Kind::Colon)?;
                    self.ws();
                    self.expect(Kind::LBracket)?;
                    self.ws();
                    let mut errors = Vec::new();
                    while self.kind() != Kind::RBracket {
                        errors.push(Node::ShapeId(self.shape_id()?));
                        self.ws();
                    }
                    self.bump();
                    Node::Array(errors)
                }
                _ => {
                    return Err(self.error_at(
                        token.position,
                        format!("Expected one of `input`, `output` or `errors` but found `{property}`"),
                    ));
                }
            };
            shape.properties.push((property.to_owned(), value, token.position));
            if self.kind() != Kind::RBrace {
                self.required_ws()?;
            }
        }
        self.bump();
        Ok(())
    }

    /// `input := ...`: a structure of its own, named after the operation.
    fn inline_structure(
        &mut self,
        operation: &ShapeDefinition,
        property: &str,
        position: Position,
    ) -> Parsed<Reference> {
        if self.file.version != IdlVersion::V2 {
            return Err(self.error(
                "Inlined operation inputs and outputs can only be used with Smithy version 2 or later. \
                 Attempted to use inlined IO with version `1.0`.",
            ));
        }
        self.bump();
        self.ws();
        let docs = self.docs.take();
        let mut traits = self.traits()?;
        if let Some(docs) = docs {
            traits.insert(0, documentation(docs, position));
        }
        let suffix = if property == "input" {
            &self.input_suffix
        } else {
            &self.output_suffix
        };
        let name = format!("{}{suffix}", operation.name);
        traits.push(TraitApplication {
            id: prelude_reference(property, position),
            value: None,
        });
        let mut shape = ShapeDefinition {
            name: name.clone(),
            position,
            kind: "structure",
            traits,
            mixins: Vec::new(),
            for_resource: None,
            members: Vec::new(),
            properties: Vec::new(),
        };
        self.for_resource(&mut shape)?;
        self.mixins(&mut shape)?;
        self.ws();
        self.members(&mut shape)?;
        self.file.shapes.push(shape);
        let namespace = self.file.namespace.clone().unwrap_or_default();
        Ok(Reference {
            text: format!("{namespace}#{name}"),
            position,
        })
    }

    fn apply(&mut self) -> Parsed<()> {
        self.bump();
        self.required_sp()?;
        let target = self.shape_id()?;
        self.required_ws()?;
        let traits = if self.kind() == Kind::LBrace {
            self.bump();
            self.ws();
            let traits = self.traits()?;
            self.expect(Kind::RBrace)?;
            traits
        } else {
            vec![self.trait_application()?]
        };
        self.file.applies.push(Apply { target, traits });
        Ok(())
    }
}

fn prelude_reference(name: &str, position: Position) -> Reference {
    Reference {
        text: format!("smithy.api#{name}"),
        position,
    }
}

fn documentation(docs: String, position: Position) -> TraitApplication {
    TraitApplication {
        id: prelude_reference("documentation", position),
        value: Some(Node::String(docs)),
    }
}
