//! Stage 11: Rust source for the selected shapes.
//!
//! Each emitter first plans its item as data (the members' [`RustType`]s,
//! defaults and docs, a request URI's steps, where each HTTP-bound member
//! travels), then writes it with the
//! helpers of `writer` and `wire`. The text is written once and never read
//! back: the proc macro hands it to the compiler's lexer, and at the
//! opt-level cargo builds proc macros with, writing text is many times
//! cheaper than building token trees one by one.
//!
//! Generated code names every outside item by its full path
//! (`::core::option::Option`, `::sesv2_model::Timestamp`) so that user items
//! called `Option`, `String` or `Result` cannot change its meaning. The
//! names it binds itself (locals, closure and match bindings, generic
//! parameters, the parameters of trait impls) start with `__`, as
//! serde_derive's do, so that nothing a model or the invoking module
//! defines can shadow them; public methods keep plain parameter names
//! (`input`) for rustdoc, and their bodies name nothing else. What all
//! generated types share (visitors, error messages) lives in the runtime
//! crate, so that each type carries only what is particular to it.

/// Appends formatted Rust source to a `String`; writing to a `String` cannot fail.
macro_rules! emit {
    ($out:expr, $($arg:tt)*) => {{
        use ::std::fmt::Write as _;
        let _ = ::std::write!($out, $($arg)*);
    }};
}

mod binding;
mod builder;
mod client;
mod compliance;
mod context_params;
mod customizations;
mod declared;
mod defaults;
mod doc;
mod endpoint_tests;
mod enumeration;
mod error_enum;
mod member;
mod operation;
mod request;
mod request_uri;
mod required;
mod response;
mod rust_type;
mod structure;
mod structure_wire;
mod test_values;
mod types;
mod union;
mod union_wire;
mod wire;
mod writer;

use std::cell::RefCell;
use std::rc::Rc;

use crate::config::{Config, RequiredMembers};
use crate::derives::Derives;
use crate::error::Note;
use crate::model::{Model, Operation, Shape, ShapeKind};
use crate::names::{ItemNames, Names};
use crate::parallel;
use crate::recursion::Boxed;
use crate::select::Selection;
use crate::shape_id::{IdMap, ShapeId};
use crate::traits::{Documentation, Protocol};

use binding::Roles;
pub(crate) use compliance::ComplianceCounts;
pub(crate) use declared::{Declared, DeclaredPresence, declared};
use enumeration::Values;
use member::Field;
pub(crate) use rust_type::RustType;

/// Everything the per-shape emitters share.
pub(crate) struct Emitter<'a> {
    model: &'a Model,
    names: &'a Names,
    boxed: &'a Boxed,
    /// The derives the user asked for, by type.
    derives: &'a Derives,
    config: &'a Config,
    /// `::sesv2_model` (or the configured runtime crate).
    runtime: String,
    /// `::sesv2_model::__private`.
    private: String,
    /// The service's protocol; restJson1 when the model does not say.
    protocol: Protocol,
    /// What the operations make of shapes: which are read from responses.
    roles: &'a Roles,
    /// What could not be represented exactly, reported to the caller.
    notes: RefCell<Vec<Note>>,
    /// Each structure's member plans, made once and shared by every emitter
    /// that needs them (the structure, its operation, its error enum).
    fields: RefCell<IdMap<&'a ShapeId, Rc<Vec<Field<'a>>>>>,
    /// Each service's endpoint rule parameters, read on first use.
    rule_parameters: RefCell<IdMap<&'a ShapeId, Option<Rc<client::RuleSetParameters>>>>,
    /// Documentation converted to Markdown, by its JSON text: the same text
    /// is documented in many places (an error in every operation's error enum).
    markdown: RefCell<IdMap<*const Documentation, Rc<str>>>,
}

impl<'a> Emitter<'a> {
    /// An emitter for one thread's share of the work.
    pub(crate) fn new(
        model: &'a Model,
        names: &'a Names,
        boxed: &'a Boxed,
        derives: &'a Derives,
        config: &'a Config,
        roles: &'a Roles,
    ) -> Emitter<'a> {
        let runtime = format!("::{}", config.runtime_crate.trim_start_matches("::"));
        Emitter {
            model,
            names,
            boxed,
            derives,
            config,
            private: format!("{runtime}::__private"),
            runtime,
            protocol: model.protocol().unwrap_or(Protocol::RestJson1),
            roles,
            notes: RefCell::new(Vec::new()),
            fields: RefCell::new(IdMap::default()),
            rule_parameters: RefCell::new(IdMap::default()),
            markdown: RefCell::new(IdMap::default()),
        }
    }
}

/// The generated source and the notes about it.
pub(crate) struct Emitted {
    pub source: String,
    pub notes: Vec<Note>,
    /// The compliance tests written, with [`Config::protocol_tests`].
    pub compliance: ComplianceCounts,
}

/// One unit of emission: a generated type, or an operation's items.
#[derive(Clone, Copy)]
enum Work<'a> {
    Item(&'a Shape, &'a ItemNames),
    Operation(&'a Shape, &'a Operation),
}

impl Work<'_> {
    /// About how much text the unit writes, to share the work out evenly:
    /// documentation dominates, then members.
    fn cost(&self) -> usize {
        let shape = match self {
            Work::Item(shape, _) | Work::Operation(shape, _) => shape,
        };
        let documentation =
            |traits: &crate::traits::Traits| traits.documentation.as_ref().map_or(0, Documentation::len);
        let members = match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                members.iter().map(|member| 512 + documentation(&member.traits)).sum()
            }
            ShapeKind::Enum(members) => members.iter().map(|member| 128 + documentation(&member.traits)).sum(),
            ShapeKind::IntEnum(members) => members.iter().map(|member| 128 + documentation(&member.traits)).sum(),
            ShapeKind::Operation(operation) => 2048 + 256 * operation.errors.len(),
            _ => 0,
        };
        1024 + documentation(&shape.traits) + members
    }
}

/// Below this cost (about the bytes of documentation and code to write),
/// emitting on one thread is faster than starting others.
const EMIT_THRESHOLD: usize = 256 * 1024;

/// What one run of work wrote, kept apart so that runs can be emitted on
/// different threads and joined in order.
#[derive(Default)]
struct Part {
    /// Types and their impls, at the top level.
    items: String,
    /// Builders, for the `builders` module.
    builders: String,
    /// Operation types and error enums, for the `operations` module.
    operations: String,
    notes: Vec<Note>,
}

pub(crate) fn emit(
    model: &Model,
    selection: &Selection,
    names: &Names,
    boxed: &Boxed,
    derives: &Derives,
    config: &Config,
) -> Emitted {
    let protocol = model.protocol().unwrap_or(Protocol::RestJson1);
    let mut notes = Vec::new();
    if !protocol.is_json() {
        notes.push(Note {
            shape: "(service)".to_owned(),
            message: format!(
                "the service uses the {} protocol; the generated serde impls read and write JSON \
                 in the restJson1 style, not the service's wire format",
                protocol.name()
            ),
        });
    }

    let mut work: Vec<Work<'_>> = Vec::new();
    for id in &selection.shapes {
        if let (Some(shape), Some(item_names)) = (model.get(id), names.item(id))
            && matches!(
                shape.kind,
                ShapeKind::Structure(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Union(_)
            )
        {
            work.push(Work::Item(shape, item_names));
        }
    }
    for id in &selection.operations {
        if let Some(shape) = model.get(id)
            && let ShapeKind::Operation(operation) = &shape.kind
        {
            work.push(Work::Operation(shape, operation));
        }
    }
    let roles = Roles::of(model);
    let parts = parallel::map_runs(&work, Work::cost, EMIT_THRESHOLD, |run| {
        Emitter::new(model, names, boxed, derives, config, &roles).emit_run(run)
    });

    let size: usize = parts
        .iter()
        .map(|part| part.items.len() + part.builders.len() + part.operations.len())
        .sum();
    let mut out = String::with_capacity(size + 1024);
    if !config.track_files.is_empty() {
        out.push_str("// Makes cargo rebuild this crate when a file of the model changes.\n");
    }
    for path in &config.track_files {
        emit!(
            out,
            "const _: &[::core::primitive::u8] = ::core::include_bytes!({:?});\n",
            path.to_string_lossy()
        );
    }
    if !config.track_envs.is_empty() {
        out.push_str("// Makes cargo rebuild this crate when a variable naming the model changes.\n");
    }
    for variable in &config.track_envs {
        emit!(
            out,
            "const _: ::core::option::Option<&::core::primitive::str> = ::core::option_env!({variable:?});\n"
        );
    }
    for part in &parts {
        out.push_str(&part.items);
    }
    if parts.iter().any(|part| !part.builders.is_empty()) {
        out.push_str(
            "/// Builders for the generated structures, one per structure:\n\
             /// `Type::builder()` returns the one for `Type`.\n\
             pub mod builders {\n",
        );
        for part in &parts {
            out.push_str(&part.builders);
        }
        out.push_str("}\n");
    }
    let mut services = String::new();
    let emitter = Emitter::new(model, names, boxed, derives, config, &roles);
    if emitter.generates_client() {
        for (id, _) in model.services() {
            if let (Some(shape), Some(name)) = (model.get(id), names.service(id)) {
                emitter.service_item(shape, name, &mut services);
            }
        }
        notes.extend(emitter.notes.into_inner());
    }
    if parts.iter().any(|part| !part.operations.is_empty()) {
        out.push_str(
            "/// One type per operation, implementing the `Operation` trait (HTTP\n\
             /// method, URI template, request URI, errors), and each operation's\n\
             /// error enum.\npub mod operations {\n",
        );
        out.push_str(&services);
        for part in &parts {
            out.push_str(&part.operations);
        }
        out.push_str("}\n");
    }
    notes.extend(parts.into_iter().flat_map(|part| part.notes));
    let mut compliance = ComplianceCounts::default();
    if config.protocol_tests {
        let emitter = Emitter::new(model, names, boxed, derives, config, &roles);
        compliance = emitter.compliance_tests(selection, &mut out);
        compliance.endpoint = emitter.endpoint_tests(selection, &mut out);
        // This emitter plans the members of the structures the tests build
        // again, and with them repeats the notes the types' emitters made.
        for note in emitter.notes.into_inner() {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
    }
    Emitted {
        source: out,
        notes,
        compliance,
    }
}

impl<'a> Emitter<'a> {
    /// Emits a run of work, in order.
    fn emit_run(self, run: &[Work<'a>]) -> Part {
        let mut part = Part::default();
        for work in run {
            match *work {
                Work::Item(shape, item_names) => match &shape.kind {
                    ShapeKind::Structure(_) => {
                        structure::emit(&self, shape, item_names, &mut part.items, &mut part.builders)
                    }
                    ShapeKind::Enum(members) => {
                        enumeration::emit(&self, shape, item_names, Values::Strings(members), &mut part.items)
                    }
                    ShapeKind::IntEnum(members) => {
                        enumeration::emit(&self, shape, item_names, Values::Integers(members), &mut part.items)
                    }
                    ShapeKind::Union(members) => union::emit(&self, shape, item_names, members, &mut part.items),
                    _ => {}
                },
                Work::Operation(shape, operation) => operation::emit(&self, shape, operation, &mut part.operations),
            }
        }
        part.notes = self.notes.into_inner();
        part
    }

    fn corrects_errors(&self) -> bool {
        self.config.required_members == RequiredMembers::ClientErrorCorrection
    }

    fn shape(&self, id: &ShapeId) -> Option<&'a Shape> {
        self.model.get(id)
    }

    /// The note on types whose serde impls speak JSON for a service whose
    /// protocol does not.
    fn foreign_protocol_note(&self) -> Option<String> {
        (!self.protocol.is_json()).then(|| {
            format!(
                "The service uses the {} protocol: this type's serde impls read and write JSON, not that \
                 protocol's wire format.",
                self.protocol.name()
            )
        })
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
