//! Stage 5: Rust source for the selected shapes.
//!
//! The emitter writes source text, which the proc macro hands to the
//! compiler's lexer: at the opt-level cargo builds proc macros with, writing
//! text is many times cheaper than building token trees one by one.
//!
//! Generated code names every outside item by its full path (`::core::option::Option`,
//! `::sesv2_model::Timestamp`) so that user items called `Option`, `String`
//! or `Result` cannot change its meaning. Its own helper types and generic
//! parameters (`__S`, `__D`, `__A`) start with underscores, which no
//! generated type name does, so that they never shadow a generated type.
//! What all generated types share (visitors, error messages) lives in the
//! runtime crate, so that each type carries only what is particular to it.

/// Appends formatted Rust source to a `String`; writing to a `String` cannot fail.
macro_rules! emit {
    ($out:expr, $($arg:tt)*) => {{
        use ::std::fmt::Write as _;
        let _ = ::std::write!($out, $($arg)*);
    }};
}

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
use std::rc::Rc;

use crate::model::{Model, Shape, ShapeKind};
use crate::names::Names;
use crate::recursion::Boxed;
use crate::select::Selection;
use crate::shape_id::{IdMap, ShapeId};
use crate::traits::{Documentation, Protocol};
use crate::{Config, Note};

use member::Field;
pub(crate) use types::Scope;

/// Everything the per-shape emitters share.
pub(crate) struct Emitter<'a> {
    model: &'a Model,
    names: &'a Names,
    boxed: &'a Boxed,
    config: &'a Config,
    /// `::sesv2_model` (or the configured runtime crate).
    runtime: String,
    /// `::sesv2_model::__private`.
    private: String,
    /// The service's protocol; restJson1 when the model does not say.
    protocol: Protocol,
    /// What could not be represented exactly, reported to the caller.
    notes: RefCell<Vec<Note>>,
    /// Each structure's member plans, made once and shared by every emitter
    /// that needs them (the structure, its operation, its error enum).
    fields: RefCell<IdMap<&'a ShapeId, Rc<Vec<Field<'a>>>>>,
    /// Documentation converted to Markdown, by its JSON text: the same text
    /// is documented in many places (an error in every operation's error enum).
    markdown: RefCell<IdMap<*const Documentation, Rc<str>>>,
}

/// The generated source and the notes about it.
pub(crate) struct Emitted {
    pub source: String,
    pub notes: Vec<Note>,
}

pub(crate) fn emit(model: &Model, selection: &Selection, names: &Names, boxed: &Boxed, config: &Config) -> Emitted {
    let runtime = format!("::{}", config.runtime_crate);
    let emitter = Emitter {
        model,
        names,
        boxed,
        config,
        private: format!("{runtime}::__private"),
        runtime,
        protocol: model.protocol().unwrap_or(Protocol::RestJson1),
        notes: RefCell::new(Vec::new()),
        fields: RefCell::new(IdMap::default()),
        markdown: RefCell::new(IdMap::default()),
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

    let mut out = String::with_capacity(selection.shapes.len() * 4096);
    if let Some(path) = &config.track_file {
        emit!(
            out,
            "// Makes cargo rebuild this crate when the model changes.\n\
             const _: &[::core::primitive::u8] = ::core::include_bytes!({:?});\n",
            path.to_string_lossy()
        );
    }
    if let Some(variable) = &config.track_env {
        emit!(
            out,
            "// Makes cargo rebuild this crate when the variable naming the model changes.\n\
             const _: ::core::option::Option<&::core::primitive::str> = ::core::option_env!({variable:?});\n"
        );
    }
    let mut builders = String::new();
    for id in &selection.shapes {
        let (Some(shape), Some(item_names)) = (model.get(id), names.item(id)) else {
            continue;
        };
        match &shape.kind {
            ShapeKind::Structure(_) => structure::emit(&emitter, shape, item_names, &mut out, &mut builders),
            ShapeKind::Enum(members) => enumeration::emit(&emitter, shape, item_names, members, &mut out),
            ShapeKind::IntEnum(members) => int_enum::emit(&emitter, shape, item_names, members, &mut out),
            ShapeKind::Union(members) => union::emit(&emitter, shape, item_names, members, &mut out),
            _ => {}
        }
    }
    if !builders.is_empty() {
        emit!(
            out,
            "/// Builders for the generated structures, one per structure:\n\
             /// `Type::builder()` returns the one for `Type`.\n\
             pub mod builders {{\n{builders}}}\n"
        );
    }
    operation::emit_all(&emitter, &selection.operations, &mut out);
    Emitted {
        source: out,
        notes: emitter.notes.into_inner(),
    }
}

impl<'a> Emitter<'a> {
    fn corrects_errors(&self) -> bool {
        self.config.required_members == crate::RequiredMembers::ClientErrorCorrection
    }

    fn shape(&self, id: &ShapeId) -> Option<&'a Shape> {
        self.model.get(id)
    }

    /// Records something the generated code cannot represent exactly.
    fn note(&self, shape: &str, message: String) {
        self.notes.borrow_mut().push(Note {
            shape: shape.to_owned(),
            message,
        });
    }

    /// The member plans of the structure `id`, made on first use.
    fn fields_of(&self, id: &'a ShapeId) -> Rc<Vec<Field<'a>>> {
        if let Some(fields) = self.fields.borrow().get(id) {
            return Rc::clone(fields);
        }
        let fields = match (self.model.get(id), self.names.item(id)) {
            (Some(shape), Some(names)) => match &shape.kind {
                ShapeKind::Structure(members) => member::fields(self, shape, names, members),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let fields = Rc::new(fields);
        self.fields.borrow_mut().insert(id, Rc::clone(&fields));
        fields
    }
}
