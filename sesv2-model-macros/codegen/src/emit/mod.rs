//! Stage 5: Rust tokens for the selected shapes.
//!
//! Generated code names every outside item by its full path (`::core::option::Option`,
//! `::sesv2_model::Timestamp`) so that user items called `Option`, `String`
//! or `Result` cannot change its meaning. Its own helper types and generic
//! parameters (`__Visitor`, `__S`, `__D`) start with underscores, which no
//! generated type name does, so that they never shadow a generated type.

mod defaults;
mod doc;
mod enumeration;
mod int_enum;
mod member;
mod operation;
mod structure;
mod structure_wire;
mod types;
mod union;
mod wire;

use std::cell::RefCell;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Model, Shape, ShapeKind};
use crate::names::Names;
use crate::recursion::Boxed;
use crate::select::Selection;
use crate::shape_id::ShapeId;
use crate::traits::Protocol;
use crate::{Config, Note};

pub(crate) use types::Scope;

/// Everything the per-shape emitters share.
pub(crate) struct Emitter<'a> {
    model: &'a Model,
    names: &'a Names,
    boxed: &'a Boxed,
    config: &'a Config,
    /// `::sesv2_model` (or the configured runtime crate).
    runtime: TokenStream,
    /// The service's protocol; restJson1 when the model does not say.
    protocol: Protocol,
    /// What could not be represented exactly, reported to the caller.
    notes: RefCell<Vec<Note>>,
}

/// The generated items and the notes about them.
pub(crate) struct Emitted {
    pub tokens: TokenStream,
    pub notes: Vec<Note>,
}

pub(crate) fn emit(
    model: &Model,
    selection: &Selection,
    names: &Names,
    boxed: &Boxed,
    config: &Config,
) -> Emitted {
    let runtime_crate = Ident::new(&config.runtime_crate, Span::call_site());
    let emitter = Emitter {
        model,
        names,
        boxed,
        config,
        runtime: quote!(::#runtime_crate),
        protocol: model.protocol().unwrap_or(Protocol::RestJson1),
        notes: RefCell::new(Vec::new()),
    };
    if !emitter.protocol.is_json() {
        emitter.note(
            "(service)",
            format!(
                "the service uses the {} protocol; the generated serde impls read and write JSON \
                 in the restJson1 style, not the service's wire format",
                emitter.protocol.name()
            ),
        );
    }

    let mut items = TokenStream::new();
    let mut builders = TokenStream::new();
    if let Some(path) = &config.track_file {
        let path = path.to_string_lossy();
        items.extend(quote! {
            // Makes cargo rebuild this crate when the model changes.
            const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
        });
    }
    if let Some(variable) = &config.track_env {
        items.extend(quote! {
            // Makes cargo rebuild this crate when the variable naming the model changes.
            const _: ::core::option::Option<&::core::primitive::str> = ::core::option_env!(#variable);
        });
    }
    for id in &selection.shapes {
        let (Some(shape), Some(item_names)) = (model.get(id), names.item(id)) else {
            continue;
        };
        match &shape.kind {
            ShapeKind::Structure(members) => {
                let (item, builder) = structure::emit(&emitter, shape, item_names, members);
                items.extend(item);
                builders.extend(builder);
            }
            ShapeKind::Enum(members) => {
                items.extend(enumeration::emit(&emitter, shape, item_names, members))
            }
            ShapeKind::IntEnum(members) => {
                items.extend(int_enum::emit(&emitter, shape, item_names, members))
            }
            ShapeKind::Union(members) => {
                items.extend(union::emit(&emitter, shape, item_names, members))
            }
            _ => {}
        }
    }
    if !builders.is_empty() {
        items.extend(quote! {
            /// Builders for the generated structures, one per structure:
            /// `Type::builder()` returns the one for `Type`.
            pub mod builders {
                #builders
            }
        });
    }
    items.extend(operation::emit_all(&emitter, &selection.operations));
    Emitted {
        tokens: items,
        notes: emitter.notes.into_inner(),
    }
}

impl Emitter<'_> {
    /// The path of the runtime crate, `::sesv2_model`.
    fn runtime(&self) -> &TokenStream {
        &self.runtime
    }

    /// The path of the runtime's support module for generated code.
    fn private(&self) -> TokenStream {
        let runtime = &self.runtime;
        quote!(#runtime::__private)
    }

    /// The path of the `serde` crate as the runtime re-exports it.
    fn serde(&self) -> TokenStream {
        let runtime = &self.runtime;
        quote!(#runtime::__private::serde)
    }

    fn corrects_errors(&self) -> bool {
        self.config.required_members == crate::RequiredMembers::ClientErrorCorrection
    }

    fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.model.get(id)
    }

    /// Records something the generated code cannot represent exactly.
    fn note(&self, shape: &str, message: String) {
        self.notes.borrow_mut().push(Note {
            shape: shape.to_owned(),
            message,
        });
    }
}
